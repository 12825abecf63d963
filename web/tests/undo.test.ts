import { describe, expect, it } from "vitest";
import { History } from "../src/editor/undo";
import { AppState } from "../src/state";
import type { ScenarioDoc } from "../src/api";

describe("History", () => {
  it("undoes and redoes in order", () => {
    const h = new History<number>();
    let cur = 0;
    for (const next of [1, 2, 3]) {
      h.record(cur);
      cur = next;
    }
    expect((cur = h.undo(cur)!)).toBe(2);
    expect((cur = h.undo(cur)!)).toBe(1);
    expect((cur = h.redo(cur)!)).toBe(2);
    expect((cur = h.redo(cur)!)).toBe(3);
    expect(h.redo(cur)).toBeNull();
    expect(h.depth).toEqual({ undo: 3, redo: 0 });
  });

  it("returns null when there is nothing to undo", () => {
    const h = new History<string>();
    expect(h.undo("x")).toBeNull();
    expect(h.canUndo).toBe(false);
    expect(h.canRedo).toBe(false);
  });

  it("a new edit after undo clears the redo stack", () => {
    const h = new History<number>();
    h.record(0);
    const back = h.undo(1);
    expect(back).toBe(0);
    expect(h.canRedo).toBe(true);
    h.record(0);
    expect(h.canRedo).toBe(false);
    expect(h.redo(5)).toBeNull();
  });

  it("coalesces consecutive edits with the same key into one step", () => {
    const h = new History<string>();
    h.record("", "cell-a");
    h.record("6", "cell-a");
    h.record("60", "cell-a");
    h.record("600", "cell-b");
    expect(h.depth.undo).toBe(2);
    expect(h.undo("600x")).toBe("600");
    expect(h.undo("600")).toBe("");
  });

  it("seal() and undo end a coalescing step", () => {
    const h = new History<string>();
    h.record("a", "k");
    h.seal();
    h.record("b", "k");
    expect(h.depth.undo).toBe(2);
    h.undo("c");
    h.record("b", "k");
    expect(h.depth.undo).toBe(2);
  });

  it("drops the oldest step beyond its limit", () => {
    const h = new History<number>(3);
    for (let k = 0; k < 5; k++) h.record(k);
    expect(h.depth.undo).toBe(3);
    expect(h.undo(5)).toBe(4);
    expect(h.undo(4)).toBe(3);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBeNull();
  });
});

const doc = (): ScenarioDoc => ({
  entente: 1,
  id: "t",
  actors: [{ id: "A" }, { id: "B" }],
  issues: [{ id: "X" }],
  positions: [{ actor: "A", issue: "X", position: 10, salience: 50 }],
});

describe("AppState undo/redo", () => {
  it("undo restores the previous document and redo the edited one", () => {
    const s = new AppState();
    s.load(doc(), "t");
    s.edit((d) => (d.positions![0].salience = 60));
    s.edit((d) => (d.title = "T"));
    expect(s.canUndo).toBe(true);
    expect(s.undo()).toBe(true);
    expect(s.scenario!.title).toBeUndefined();
    expect(s.scenario!.positions![0].salience).toBe(60);
    expect(s.undo()).toBe(true);
    expect(s.scenario!.positions![0].salience).toBe(50);
    expect(s.undo()).toBe(false);
    expect(s.redo()).toBe(true);
    expect(s.redo()).toBe(true);
    expect(s.scenario!.title).toBe("T");
    expect(s.redo()).toBe(false);
  });

  it("typing in one cell is one undo step; seal starts a new one", () => {
    const s = new AppState();
    s.load(doc(), "t");
    for (const v of [6, 65, 650]) s.edit((d) => (d.positions![0].salience = v), "cell-A-X-salience");
    s.seal();
    s.edit((d) => (d.positions![0].salience = 65), "cell-A-X-salience");
    s.undo();
    expect(s.scenario!.positions![0].salience).toBe(650);
    s.undo();
    expect(s.scenario!.positions![0].salience).toBe(50);
  });

  it("edits do not alias the undo snapshots", () => {
    const s = new AppState();
    const original = doc();
    s.load(original, "t");
    s.edit((d) => d.actors.push({ id: "C" }));
    original.actors.push({ id: "Z" }); // the caller's object is not the state's
    expect(s.scenario!.actors.map((a) => a.id)).toEqual(["A", "B", "C"]);
    s.undo();
    expect(s.scenario!.actors.map((a) => a.id)).toEqual(["A", "B"]);
  });

  it("load clears the history", () => {
    const s = new AppState();
    s.load(doc(), "t");
    s.edit((d) => (d.title = "x"));
    s.load(doc(), "u");
    expect(s.canUndo).toBe(false);
    expect(s.undo()).toBe(false);
  });

  it("an edit that changes nothing is not recorded", () => {
    const s = new AppState();
    s.load(doc(), "t");
    expect(s.edit((d) => (d.id = "t"))).toBe(false);
    expect(s.canUndo).toBe(false);
  });
});
