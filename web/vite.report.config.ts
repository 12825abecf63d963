// The chart code for `entente report`: one self-contained script (dist/report/report.js, an
// IIFE) that the C++ report writer inlines into the HTML file next to the data.
import { defineConfig } from "vite";

export default defineConfig({
  // Library mode leaves `process.env.NODE_ENV` (ECharts' dev checks) for a bundler to replace;
  // the report runs as it is in a browser, where `process` does not exist.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist/report",
    emptyOutDir: true,
    target: "es2020",
    lib: {
      entry: "src/report.ts",
      name: "EntenteReport",
      formats: ["iife"],
      fileName: () => "report.js",
    },
  },
});
