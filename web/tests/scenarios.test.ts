import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ScenarioDoc } from "../src/api";
import { state } from "../src/state";
import { formatForFile, mount } from "../src/views/scenarios";
import { diffLines, fileScenario, mount as mountRuns } from "../src/views/runs";
import type { RunRecordDoc } from "../src/api";
import { routeOf } from "../src/main";

const scenario: ScenarioDoc = {
  entente: 1,
  id: "ukraine-2025",
  title: "Ukraine",
  description: "The talks.",
  sources: [{ id: "S1", citation: "Reuters, 12 Feb 2025", url: "https://example.org/a" }],
  actors: [{ id: "USA", capability: { value: 80, sources: ["S1"] } }, { id: "RUS" }],
  issues: [{ id: "T" }],
  positions: [{ actor: "USA", issue: "T", position: 60, salience: 50 }],
};

function route(url: string, init?: RequestInit): Response {
  const json = (x: unknown, status = 200) => new Response(JSON.stringify(x), { status, headers: { "Content-Type": "application/json" } });
  if (url === "/api/scenarios")
    return json({ entente_json: 1, kind: "scenarios", version: "0.1.0", scenarios: [{ name: "ukraine-2025", title: "Ukraine" }] });
  if (url === "/api/scenarios/ukraine-2025") return json({ name: "ukraine-2025", scenario });
  if (url === "/api/import") {
    const body = JSON.parse(String(init?.body));
    if (body.text === "bad") return json({ error: "1 problem found", problems: [{ line: 2, column: 3, path: "actors[0].id", message: "required" }] }, 422);
    return json({ scenario: { ...scenario, id: "imported" } });
  }
  if (url === "/api/runs") return json({ error: "no run store is open" }, 404);
  return json({ error: "not found" }, 404);
}

let el: HTMLElement;
let unmount: () => void;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => route(url, init)));
  location.hash = "#/scenarios";
  el = document.createElement("div");
  document.body.append(el);
});
afterEach(() => {
  unmount?.();
  el.remove();
  vi.unstubAllGlobals();
});

describe("scenarios view", () => {
  it("lists the catalog; a load button loads the scenario and opens the editor", async () => {
    unmount = mount(el);
    await flush();
    await flush();
    const btn = el.querySelector<HTMLButtonElement>('[data-testid="load-ukraine-2025"]')!;
    expect(btn).not.toBeNull();
    expect(el.textContent).toContain("The talks. (2 actors, 1 issue)");
    btn.click();
    await flush();
    expect(state.scenario!.id).toBe("ukraine-2025");
    expect(location.hash).toBe("#/editor");
    // the sources list shows each source with the values citing it
    expect(el.querySelector('[data-testid="source-S1"]')!.textContent).toContain("USA: capability 80");
    expect(el.querySelector('[data-testid="export-button"]')).not.toBeNull();
  });

  it("an import with problems lists every problem", async () => {
    unmount = mount(el);
    const text = el.querySelector<HTMLTextAreaElement>('[data-testid="import-text"]')!;
    text.value = "bad";
    el.querySelector<HTMLButtonElement>('[data-testid="import-button"]')!.click();
    await flush();
    await flush();
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain("1 problem found");
    expect(alert.textContent).toContain("line 2:3: actors[0].id: required");
  });

  it("starts an empty scenario that the editor opens", () => {
    state.load(scenario, "x");
    unmount = mount(el);
    // with a scenario loaded the button is not offered
    expect(el.querySelector('[data-testid="new-scenario"]')).toBeNull();
    unmount();
    (state as unknown as { scenario_: unknown }).scenario_ = null;
    unmount = mount(el);
    el.querySelector<HTMLButtonElement>('[data-testid="new-scenario"]')!.click();
    expect(state.scenario!.actors.map((a) => a.id)).toEqual(["A1", "A2"]);
    expect(location.hash).toBe("#/editor");
  });

  it("suggests a format from the file name", () => {
    expect(formatForFile("a.YAML")).toBe("yaml");
    expect(formatForFile("a.yml")).toBe("yaml");
    expect(formatForFile("a.json")).toBe("json");
    expect(formatForFile("domain.xml")).toBe("genius");
    expect(formatForFile("ktab-input.csv")).toBe("ktab-csv");
    expect(formatForFile("rows.csv")).toBe("csv");
  });
});

describe("runs view", () => {
  it("says how to open a store when there is none", async () => {
    unmount = mountRuns(el);
    await flush();
    await flush();
    expect(el.textContent).toContain("No run store is open");
  });
  it("opens a stored scenario only when it is in the file format", () => {
    const rec = (scen: unknown, extra = {}) => ({ id: 1, scenario: scen, ...extra }) as unknown as RunRecordDoc;
    expect(fileScenario(rec(scenario))).toBe(scenario);
    expect(fileScenario(rec({ canonical: 1, cells: [] }))).toBeNull();
    expect(fileScenario(rec({ canonical: 1 }, { scenario_document: scenario }))).toBe(scenario);
  });
  it("reads the lines of a diff document", () => {
    expect(diffLines({ differences: ["seed: 1 -> 2"] })).toEqual(["seed: 1 -> 2"]);
    expect(diffLines({ a: 1, b: 2 })).toBeNull();
  });
});

describe("router", () => {
  it("maps hashes to views", () => {
    expect(routeOf("#/editor")).toBe("editor");
    expect(routeOf("#/runs/12")).toBe("runs");
    expect(routeOf("")).toBe("scenarios");
    expect(routeOf("#/nope")).toBe("scenarios");
  });
});
