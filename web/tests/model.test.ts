import { describe, expect, it } from "vitest";
import type { ScenarioDoc } from "../src/api";
import * as M from "../src/editor/model";
import { citations } from "../src/editor/sources";

const doc = (): ScenarioDoc => ({
  entente: 1,
  sources: [{ id: "S1", citation: "Reuters" }, { id: "S2" }],
  actors: [
    { id: "USA", capability: { value: 80, sources: ["S1"] } },
    { id: "RUS", capability: 90 },
  ],
  issues: [
    { id: "T", scale: { min: 0, max: 100 }, anchors: [{ at: 0, label: "a" }], no_deal: { value: 55, sources: ["S2"] } },
    { id: "N" },
  ],
  parties: ["USA", "RUS"],
  positions: [
    { actor: "USA", issue: "T", position: 60, salience: 50, sources: ["S1"] },
    { actor: "RUS", issue: "T", position: 100, salience: { value: 95, sources: ["S2"] } },
  ],
});

describe("grid edits", () => {
  it("setCell creates an entry in actor-then-issue order and removes an emptied one", () => {
    const d = doc();
    M.setCell(d, "USA", "N", "position", 10);
    expect(d.positions!.map((p) => `${p.actor}/${p.issue}`)).toEqual(["USA/T", "USA/N", "RUS/T"]);
    M.setCell(d, "USA", "N", "position", undefined);
    expect(d.positions!.map((p) => `${p.actor}/${p.issue}`)).toEqual(["USA/T", "RUS/T"]);
    M.setCell(d, "RUS", "N", "salience", undefined); // nothing there: nothing to do
    expect(d.positions!.length).toBe(2);
  });

  it("an entry citing sources is kept when its numbers are cleared", () => {
    const d = doc();
    M.setCell(d, "USA", "T", "position", undefined);
    M.setCell(d, "USA", "T", "salience", undefined);
    expect(d.positions![0]).toEqual({ actor: "USA", issue: "T", sources: ["S1"] });
  });

  it("renaming an actor renames its positions and parties; a taken id is refused", () => {
    const d = doc();
    M.renameActor(d, 0, "US");
    expect(d.positions![0].actor).toBe("US");
    expect(d.parties).toEqual(["US", "RUS"]);
    expect(() => M.renameActor(d, 0, "RUS")).toThrow("the id 'RUS' is taken by another actor");
    expect(() => M.renameActor(d, 0, "")).toThrow("an actor needs an id");
    expect(() => M.renameActor(d, 0, " X")).toThrow("starts or ends with a blank");
  });

  it("removing an actor or issue removes its positions (and party)", () => {
    const d = doc();
    M.removeActor(d, 1);
    expect(d.positions!.map((p) => p.actor)).toEqual(["USA"]);
    expect(d.parties).toEqual(["USA"]);
    M.removeIssue(d, 0);
    expect(d.positions).toEqual([]);
    expect(d.issues.map((i) => i.id)).toEqual(["N"]);
  });

  it("renaming an issue renames its positions", () => {
    const d = doc();
    M.renameIssue(d, 0, "TERRITORY");
    expect(d.positions!.map((p) => p.issue)).toEqual(["TERRITORY", "TERRITORY"]);
    expect(() => M.renameIssue(d, 0, "N")).toThrow("the id 'N' is taken by another issue");
  });

  it("adds actors and issues with fresh ids", () => {
    const d = doc();
    expect(M.addActor(d)).toBe("A3");
    expect(M.addActor(d)).toBe("A4");
    expect(M.addIssue(d)).toBe("I3");
    expect(d.issues[2]).toEqual({ id: "I3", name: "", scale: { min: 0, max: 100 } });
  });

  it("anchors, options, parties", () => {
    const d = doc();
    M.addAnchor(d, 0);
    expect(d.issues[0].anchors).toEqual([{ at: 0, label: "a" }, { at: 25, label: "" }]);
    M.setAnchor(d, 0, 1, "label", "quarter");
    M.removeAnchor(d, 0, 0);
    expect(d.issues[0].anchors).toEqual([{ at: 25, label: "quarter" }]);
    M.setOptions(d, 1, M.parseOptions(" kept, phased ,, lifted"));
    expect(d.issues[1].options).toEqual(["kept", "phased", "lifted"]);
    M.setOptions(d, 1, []);
    expect(d.issues[1].options).toBeUndefined();
    expect(d.issues[1].scale).toEqual({ min: 0, max: 100 });
    M.setParties(d, ["RUS", "NOPE", "USA"]);
    expect(d.parties).toEqual(["USA", "RUS"]); // actor order, unknown ids dropped
    M.setParties(d, undefined);
    expect("parties" in d).toBe(false);
  });
});

describe("sources", () => {
  it("renaming a source renames every citation of it", () => {
    const d = doc();
    M.renameSource(d, 1, "S2b");
    expect(d.sources!.map((x) => x.id)).toEqual(["S1", "S2b"]);
    expect(d.issues[0].no_deal).toEqual({ value: 55, sources: ["S2b"] });
    expect(d.positions![1].salience).toEqual({ value: 95, sources: ["S2b"] });
    expect(d.positions![0].sources).toEqual(["S1"]);
    expect(() => M.renameSource(d, 1, "S1")).toThrow("the id 'S1' is taken by another source");
    expect(() => M.renameSource(d, 1, "")).toThrow("a source needs an id");
  });
  it("adds with a fresh id, sets fields, removes", () => {
    const d = doc();
    expect(M.addSource(d)).toBe("S3");
    M.setSourceField(d, 2, "url", "https://x");
    expect(d.sources![2]).toEqual({ id: "S3", citation: "", url: "https://x" });
    M.setSourceField(d, 2, "url", "");
    expect(d.sources![2]).toEqual({ id: "S3", citation: "" });
    M.removeSource(d, 0);
    M.removeSource(d, 0);
    M.removeSource(d, 0);
    expect("sources" in d).toBe(false);
  });
});

describe("citations", () => {
  it("lists every value citing each source", () => {
    const c = citations(doc());
    expect(c.get("S1")!.map((x) => x.what)).toEqual(["USA: capability 80", "USA on T: position 60, salience 50"]);
    expect(c.get("S2")!.map((x) => x.what)).toEqual(["T: no-deal point 55", "RUS on T: salience 95"]);
    expect(c.get("S1")![1].path).toBe("positions[0]");
  });
  it("lists cited ids missing from the source list too", () => {
    const d = doc();
    d.actors[1].capability = { value: 1, sources: ["S9"] };
    expect(citations(d).get("S9")!.map((x) => x.what)).toEqual(["RUS: capability 1"]);
  });
});
