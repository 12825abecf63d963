import { describe, expect, it } from "vitest";
import type { ScenarioDoc } from "../src/api";
import { parsePath, problemKey, problemsByKey, problemText } from "../src/editor/paths";

const doc: ScenarioDoc = {
  entente: 1,
  actors: [{ id: "USA" }, { id: "RUS" }],
  issues: [{ id: "TERRITORY", anchors: [{ at: 0, label: "a" }, { at: 50, label: "b" }] }, { id: "NATO" }],
  parties: ["USA"],
  positions: [
    { actor: "USA", issue: "TERRITORY", position: 60, salience: 50 },
    { actor: "RUS", issue: "NATO", position: 100 },
    { actor: "RUS", issue: "TERRITORY", position: 90, salience: 120 },
  ],
};
const key = (path: string, field?: string) => problemKey(doc, { path, field, message: "m" });

describe("parsePath", () => {
  it("splits names and indexes", () => {
    expect(parsePath("issues[0].anchors[1].at")).toEqual(["issues", 0, "anchors", 1, "at"]);
    expect(parsePath("cells[3][1].position")).toEqual(["cells", 3, 1, "position"]);
    expect(parsePath("title")).toEqual(["title"]);
  });
  it("rejects what is not a document path", () => {
    expect(parsePath("row 7, column salience")).toBeNull();
    expect(parsePath("positions[x]")).toBeNull();
  });
});

describe("problemKey", () => {
  it("maps positions[i].field to the grid cell of that entry", () => {
    expect(key("positions[0].position")).toBe("cell-USA-TERRITORY-position");
    expect(key("positions[2].salience")).toBe("cell-RUS-TERRITORY-salience");
    expect(key("positions[1].capability")).toBe("cell-RUS-NATO-capability");
    expect(key("positions[0].salience.sd")).toBe("cell-USA-TERRITORY-salience");
  });
  it("maps a whole entry by the problem's field, else to its position", () => {
    expect(key("positions[1]", "salience")).toBe("cell-RUS-NATO-salience");
    expect(key("positions[1]")).toBe("cell-RUS-NATO-position");
    expect(key("positions[0].sources")).toBe("cell-USA-TERRITORY-position");
  });
  it("gives null for an entry that does not exist", () => {
    expect(key("positions[9].salience")).toBeNull();
    expect(problemKey(null, { path: "positions[0].salience", message: "m" })).toBeNull();
  });
  it("maps the canonical cells[a][i] form through the actor and issue order", () => {
    expect(key("cells[1][0].salience")).toBe("cell-RUS-TERRITORY-salience");
    expect(key("cells[0][1]", "capability")).toBe("cell-USA-NATO-capability");
    expect(key("cells[5][0].position")).toBeNull();
  });
  it("maps actors' fields", () => {
    expect(key("actors[1].capability")).toBe("actor-1-capability");
    expect(key("actors[0].no_deal_acceptability")).toBe("actor-0-no_deal_acceptability");
    expect(key("actors[0].name")).toBe("actor-0-name");
    expect(key("actors[1]")).toBe("actor-1-id");
    expect(key("actors[1].description")).toBe("actor-1-id");
  });
  it("maps issues' fields, scale ends and anchors", () => {
    expect(key("issues[0].anchors[1].at")).toBe("issue-0-anchor-1-at");
    expect(key("issues[0].anchors[1].label")).toBe("issue-0-anchor-1-label");
    expect(key("issues[0].anchors[0]")).toBe("issue-0-anchor-0-at");
    expect(key("issues[0].anchors")).toBe("issue-0-anchors");
    expect(key("issues[1].scale.max")).toBe("issue-1-max");
    expect(key("issues[1].scale.min")).toBe("issue-1-min");
    expect(key("issues[1].scale")).toBe("issue-1-min");
    expect(key("issues[0].no_deal")).toBe("issue-0-no_deal");
    expect(key("issues[1].options[2]")).toBe("issue-1-options");
    expect(key("issues[1]")).toBe("issue-1-id");
  });
  it("maps parties, sources and the scenario's own fields", () => {
    expect(key("parties[0]")).toBe("parties");
    expect(key("parties")).toBe("parties");
    expect(key("sources[2].id")).toBe("source-2-id");
    expect(key("sources[0].url")).toBe("source-0-url");
    expect(key("sources[1]")).toBe("source-1-id");
    expect(key("sources")).toBe("sources");
    expect(key("title")).toBe("scenario-title");
    expect(key("as_of")).toBe("scenario-as_of");
  });
  it("gives null for paths it cannot place", () => {
    expect(key("")).toBeNull();
    expect(key("entente")).toBeNull();
    expect(key("row 3")).toBeNull();
    expect(problemKey(doc, { message: "no path" })).toBeNull();
  });
});

describe("problemsByKey and problemText", () => {
  it("groups problems; unplaced ones under ''", () => {
    const m = problemsByKey(doc, [
      { path: "positions[2].salience", message: "must be between 0 and 100" },
      { path: "positions[2].salience", message: "second" },
      { message: "somewhere" },
    ]);
    expect(m.get("cell-RUS-TERRITORY-salience")!.map((p) => p.message)).toEqual(["must be between 0 and 100", "second"]);
    expect(m.get("")!.length).toBe(1);
  });
  it("writes path, field and value like the CLI", () => {
    expect(problemText({ path: "positions[2].salience", field: "salience", value: "120", message: "must be between 0 and 100" })).toBe(
      "positions[2].salience: salience = '120': must be between 0 and 100",
    );
    expect(problemText({ line: 3, message: "bad" })).toBe("line 3: bad");
    expect(problemText({ message: "bad" })).toBe("bad");
  });
});
