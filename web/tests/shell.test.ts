import { afterEach, describe, expect, it, vi } from "vitest";
import { boot, routes } from "../src/main";
import { state } from "../src/state";

describe("shell", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("has a nav link per view, mounts the view of the hash and shows the scenario title", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ ok: true, problems: [], scenarios: [] }), { status: 200 })),
    );
    location.hash = "#/editor";
    const root = document.createElement("div");
    document.body.append(root);
    const stop = boot(root);
    for (const r of ["scenarios", "editor", "forecast", "trace", "deals", "uncertainty", "runs"])
      expect(root.querySelector(`[data-testid="nav-${r}"]`)!.getAttribute("href")).toBe(`#/${r}`);
    expect(routes.length).toBe(7);
    expect(root.querySelector('[data-testid="nav-editor"]')!.getAttribute("aria-current")).toBe("page");
    expect(root.querySelector("main")!.textContent).toContain("No scenario is loaded");
    const title = root.querySelector('[data-testid="scenario-title"]')!;
    state.load({ entente: 1, title: "Ending the war", actors: [], issues: [] }, "x");
    expect(title.textContent).toBe("Ending the war");
    location.hash = "#/runs";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(root.querySelector('[data-testid="nav-runs"]')!.getAttribute("aria-current")).toBe("page");
    expect(root.querySelector("main h1")!.textContent).toBe("Runs");
    stop();
    root.remove();
  });
});
