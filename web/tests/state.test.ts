import { describe, expect, it, vi } from "vitest";
import { AppState } from "../src/state";
import type { RunDoc, ScenarioDoc } from "../src/api";

const doc = (): ScenarioDoc => ({ entente: 1, id: "t", title: "Test", actors: [{ id: "A" }], issues: [{ id: "X" }] });

describe("AppState subscriptions", () => {
  it("notifies subscribers with the reason and the origin", () => {
    const s = new AppState();
    const seen: string[] = [];
    const origin = {};
    let gotOrigin: unknown = "none";
    s.subscribe((snap, reason, o) => {
      seen.push(`${reason}:${snap.scenario?.title ?? "-"}`);
      if (reason === "edit") gotOrigin = o;
    });
    s.load(doc(), "t");
    s.edit((d) => (d.title = "New"), null, origin);
    s.undo();
    s.redo();
    s.setProblems([{ message: "m", path: "actors[0]" }]);
    s.setRun({ kind: "run" } as RunDoc);
    expect(seen).toEqual(["load:Test", "edit:New", "undo:Test", "redo:New", "problems:New", "run:New"]);
    expect(gotOrigin).toBe(origin);
  });

  it("unsubscribe stops notifications, and a listener may unsubscribe while notified", () => {
    const s = new AppState();
    const a = vi.fn();
    const b = vi.fn();
    const unA = s.subscribe(() => {
      a();
      unA();
    });
    const unB = s.subscribe(b);
    s.load(doc(), "t");
    s.load(doc(), "t");
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    unB();
    s.load(doc(), "t");
    expect(b).toHaveBeenCalledTimes(2);
  });

  it("load resets problems and the last run; revision counts scenario changes only", () => {
    const s = new AppState();
    s.load(doc(), "t");
    const r0 = s.revision;
    s.setProblems([{ message: "x" }]);
    s.setRun({ kind: "run" } as RunDoc);
    expect(s.revision).toBe(r0);
    s.edit((d) => (d.id = "u"));
    expect(s.revision).toBe(r0 + 1);
    s.load(doc(), "v");
    expect(s.problems).toEqual([]);
    expect(s.run).toBeNull();
    expect(s.name).toBe("v");
  });

  it("edit without a scenario does nothing", () => {
    const s = new AppState();
    const fn = vi.fn();
    s.subscribe(fn);
    expect(s.edit((d) => (d.id = "x"))).toBe(false);
    expect(s.undo()).toBe(false);
    expect(fn).not.toHaveBeenCalled();
  });

  it("a throwing edit leaves the state untouched", () => {
    const s = new AppState();
    s.load(doc(), "t");
    expect(() =>
      s.edit((d) => {
        d.id = "half";
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(s.scenario!.id).toBe("t");
    expect(s.canUndo).toBe(false);
  });
});
