import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../src/api";

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];

function mockFetch(status: number, body: string, contentType = "application/json") {
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { "Content-Type": contentType } });
  });
  vi.stubGlobal("fetch", fn);
  return fn;
}

const scenario: api.ScenarioDoc = { entente: 1, actors: [{ id: "A" }], issues: [{ id: "X" }] };

beforeEach(() => {
  calls = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("requests", () => {
  it("sends X-Entente: 1 on every request, JSON bodies on POST", async () => {
    mockFetch(200, JSON.stringify({ ok: true, problems: [] }));
    await api.validate(scenario);
    await api.getVersion();
    await api.cancelJob("j1");
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      "POST /api/validate",
      "GET /api/version",
      "DELETE /api/jobs/j1",
    ]);
    for (const c of calls) expect((c.init.headers as Record<string, string>)["X-Entente"]).toBe("1");
    const h0 = calls[0].init.headers as Record<string, string>;
    expect(h0["Content-Type"]).toBe("application/json");
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ scenario });
    expect(calls[1].init.body).toBeUndefined();
  });

  it("builds each endpoint's URL and body", async () => {
    mockFetch(200, "{}");
    await api.getScenario("ukraine-2025");
    await api.getScenario("a b/c");
    await api.run(scenario, ["eum", "median(weight=salience)"], 7);
    await api.run(scenario);
    await api.trace(scenario, "eum", "X");
    await api.startJob("sweep", scenario, { draws: 100, seed: 1 });
    await api.diffRuns(3, 5);
    await api.exportScenario(scenario, "csv", true);
    await api.importScenario({ format: "yaml", text: "entente: 1", name: "f.yaml" });
    expect(calls.map((c) => c.url)).toEqual([
      "/api/scenarios/ukraine-2025",
      "/api/scenarios/a%20b%2Fc",
      "/api/run",
      "/api/run",
      "/api/trace",
      "/api/jobs",
      "/api/runs/3/diff/5",
      "/api/export",
      "/api/import",
    ]);
    const body = (k: number) => JSON.parse(calls[k].init.body as string);
    expect(body(2)).toEqual({ scenario, models: ["eum", "median(weight=salience)"], seed: 7 });
    expect(body(3)).toEqual({ scenario });
    expect(body(4)).toEqual({ scenario, model: "eum", issue: "X" });
    expect(body(5)).toEqual({ kind: "sweep", scenario, draws: 100, seed: 1 });
    expect(body(7)).toEqual({ scenario, format: "csv", lossy: true });
    expect(body(8)).toEqual({ format: "yaml", text: "entente: 1", name: "f.yaml" });
  });

  it("returns the report as text", async () => {
    mockFetch(200, "<!doctype html><p>r</p>", "text/html; charset=utf-8");
    expect(await api.report({ run: 4 })).toBe("<!doctype html><p>r</p>");
  });
});

describe("errors", () => {
  it("422 becomes an ApiError with the status, the message and every problem", async () => {
    const problems = [
      { file: "upload", line: 4, column: 25, path: "actors[0].capability", field: "capability", value: "-1", message: "must be a finite number >= 0" },
      { file: "upload", line: 9, column: 3, path: "positions[1].salience", field: "salience", value: "120", message: "must be between 0 and 100" },
    ];
    mockFetch(422, JSON.stringify({ error: "2 problems found", problems }));
    const e = await api.importScenario({ format: "json", text: "{}" }).catch((x) => x);
    expect(e).toBeInstanceOf(api.ApiError);
    expect(e.status).toBe(422);
    expect(e.message).toBe("2 problems found");
    expect(e.problems).toEqual(problems);
  });

  it("an error body that is not JSON keeps the status and the text", async () => {
    mockFetch(413, "too large", "text/plain");
    const e = await api.run(scenario).catch((x) => x);
    expect(e).toBeInstanceOf(api.ApiError);
    expect(e.status).toBe(413);
    expect(e.message).toContain("413");
    expect(e.message).toContain("too large");
    expect(e.problems).toEqual([]);
  });

  it("drops malformed problems and keeps well-formed ones", async () => {
    mockFetch(400, JSON.stringify({ error: "malformed JSON", problems: [{ message: "line 1" }, 42, { nope: 1 }] }));
    const e = await api.validate(scenario).catch((x) => x);
    expect(e.status).toBe(400);
    expect(e.problems).toEqual([{ message: "line 1" }]);
  });

  it("a network failure is an ApiError with status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const e = await api.getModels().catch((x) => x);
    expect(e).toBeInstanceOf(api.ApiError);
    expect(e.status).toBe(0);
    expect(e.message).toBe("cannot reach the entente server: Failed to fetch");
  });

  it("a 200 that is not JSON is an error, not a crash", async () => {
    mockFetch(200, "<html>", "text/html");
    const e = await api.getModels().catch((x) => x);
    expect(e).toBeInstanceOf(api.ApiError);
    expect(e.message).toContain("not JSON");
  });
});

class FakeEventSource {
  static last: FakeEventSource | null = null;
  listeners = new Map<string, Array<(e: MessageEvent) => void>>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(public url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown) {
    for (const fn of this.listeners.get(name) ?? []) fn(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

describe("jobEvents", () => {
  beforeEach(() => vi.stubGlobal("EventSource", FakeEventSource));

  it("passes progress, then the one final event, and closes the stream", () => {
    const seen: string[] = [];
    api.jobEvents("j7", {
      progress: (p) => seen.push(`progress ${p.done}/${p.total}`),
      done: (d) => seen.push(`done ${(d as { kind: string }).kind}`),
      failed: () => seen.push("failed"),
    });
    const es = FakeEventSource.last!;
    expect(es.url).toBe("/api/jobs/j7/events");
    es.emit("progress", { done: 10, total: 100, rate: 5, eta_s: 18 });
    es.emit("progress", { done: 50, total: 100, rate: 5, eta_s: 10 });
    es.emit("done", { kind: "sweep" });
    es.emit("failed", { error: "late" }); // after the final event: ignored
    expect(seen).toEqual(["progress 10/100", "progress 50/100", "done sweep"]);
    expect(es.closed).toBe(true);
  });

  it("reports cancelled with the partial document, and a lost connection as error", () => {
    let partial: unknown = null;
    api.jobEvents("j8", { cancelled: (c) => (partial = c) });
    FakeEventSource.last!.emit("cancelled", { done: 3, total: 9, partial: { kind: "sweep", completed: 3 } });
    expect(partial).toEqual({ done: 3, total: 9, partial: { kind: "sweep", completed: 3 } });

    let lost = "";
    api.jobEvents("j9", { error: (m) => (lost = m) });
    const es = FakeEventSource.last!;
    es.onerror!();
    expect(lost).toBe("the connection to the server was lost");
    expect(es.closed).toBe(true);
  });

  it("the returned function closes the stream and silences handlers", () => {
    const done = vi.fn();
    const close = api.jobEvents("j10", { done });
    const es = FakeEventSource.last!;
    close();
    es.emit("done", {});
    expect(es.closed).toBe(true);
    expect(done).not.toHaveBeenCalled();
  });
});
