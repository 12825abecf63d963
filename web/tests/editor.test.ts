import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScenarioDoc } from "../src/api";
import { state } from "../src/state";
import { mount } from "../src/views/editor";

const doc = (): ScenarioDoc => ({
  entente: 1,
  id: "t",
  title: "Test",
  actors: [
    { id: "USA", name: "United States", capability: 80 },
    { id: "RUS", capability: 90 },
  ],
  issues: [
    { id: "T", scale: { min: 0, max: 100 }, anchors: [{ at: 0, label: "a" }] },
    { id: "S", options: ["kept", "lifted"] },
  ],
  positions: [
    { actor: "USA", issue: "T", position: 60, salience: 50 },
    { actor: "RUS", issue: "T", position: 100, salience: { value: 95, sources: ["S2"] } },
    { actor: "USA", issue: "S", position: "lifted", salience: 40 },
  ],
});

let el: HTMLElement;
let unmount: () => void;
const q = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
const type = (input: HTMLInputElement, text: string) => {
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
};

beforeEach(() => {
  state.load(doc(), "t");
  el = document.createElement("div");
  document.body.append(el);
  unmount = mount(el);
});
afterEach(() => {
  unmount();
  el.remove();
});

describe("editor grid", () => {
  it("shows every cell with its value, distributions as text", () => {
    expect(q("cell-USA-T-position").value).toBe("60");
    expect(q("cell-RUS-T-salience").value).toBe("95");
    expect(q("cell-USA-S-position").value).toBe("lifted");
    expect(q("cell-RUS-S-position").value).toBe("");
    expect(q("cell-USA-T-capability").placeholder).toBe("80");
  });

  it("a value citing sources says so in its title", () => {
    expect(q("cell-RUS-T-salience").title).toBe("cites S2");
    state.setProblems([{ path: "positions[1].salience", message: "bad" }]);
    expect(q("cell-RUS-T-salience").title).toBe("bad");
    state.setProblems([]);
    expect(q("cell-RUS-T-salience").title).toBe("cites S2");
  });

  it("typing edits the document, keeping cited sources", () => {
    type(q("cell-RUS-T-salience"), "90±5");
    expect(state.scenario!.positions![1].salience).toEqual({ value: 90, sd: 5, sources: ["S2"] });
    type(q("cell-RUS-S-position"), "kept");
    expect(state.scenario!.positions!.find((p) => p.actor === "RUS" && p.issue === "S")!.position).toBe("kept");
  });

  it("text that does not parse marks the cell and leaves the document alone", () => {
    type(q("cell-USA-T-position"), "40..");
    const cell = q("cell-USA-T-position");
    expect(cell.classList.contains("invalid")).toBe(true);
    expect(cell.title).toBe("'40..': a range needs both ends, e.g. 40..60");
    expect(state.scenario!.positions![0].position).toBe(60);
    expect(q("problems").textContent).toContain("a range needs both ends");
    type(cell, "40..70");
    expect(cell.classList.contains("invalid")).toBe(false);
    expect(state.scenario!.positions![0].position).toEqual({ min: 40, max: 70 });
  });

  it("server problems appear at their cells and in the list", () => {
    state.setProblems([
      { path: "positions[2].salience", field: "salience", value: "140", message: "must be between 0 and 100" },
      { path: "actors[1].capability", field: "capability", value: "-1", message: "must be a finite number >= 0" },
      { path: "issues[0].anchors[0].at", message: "anchor outside the scale" },
      { message: "no place" },
    ]);
    const cell = q("cell-USA-S-salience");
    expect(cell.classList.contains("invalid")).toBe(true);
    expect(cell.title).toBe("must be between 0 and 100");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
    expect(q("actor-RUS-capability").classList.contains("invalid")).toBe(true);
    expect(el.querySelector('[data-key="issue-0-anchor-0-at"]')!.classList.contains("invalid")).toBe(true);
    expect(q("cell-USA-T-salience").classList.contains("invalid")).toBe(false);
    const items = [...q("problems").querySelectorAll("li")].map((li) => li.textContent);
    expect(items).toEqual([
      "positions[2].salience: salience = '140': must be between 0 and 100",
      "actors[1].capability: capability = '-1': must be a finite number >= 0",
      "issues[0].anchors[0].at: anchor outside the scale",
      "no place",
    ]);
    state.setProblems([]);
    expect(cell.classList.contains("invalid")).toBe(false);
    expect(cell.hasAttribute("title")).toBe(false);
  });

  it("undo and redo buttons and keys restore the grid", () => {
    const undo = q("undo") as unknown as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    type(q("cell-USA-T-salience"), "7");
    type(q("cell-USA-T-salience"), "70");
    q("cell-USA-T-salience").dispatchEvent(new Event("blur"));
    type(q("cell-USA-T-position"), "10");
    expect(undo.disabled).toBe(false);
    undo.click();
    expect(q("cell-USA-T-position").value).toBe("60");
    expect(q("cell-USA-T-salience").value).toBe("70");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true }));
    expect(q("cell-USA-T-salience").value).toBe("50");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Z", ctrlKey: true, shiftKey: true }));
    expect(q("cell-USA-T-salience").value).toBe("70");
    (q("redo") as unknown as HTMLButtonElement).click();
    expect(q("cell-USA-T-position").value).toBe("10");
    expect((q("redo") as unknown as HTMLButtonElement).disabled).toBe(true);
  });

  it("renaming an actor re-keys its cells; a taken id is refused at the input", () => {
    const id = el.querySelector<HTMLInputElement>('[data-key="actor-1-id"]')!;
    id.value = "RU";
    id.dispatchEvent(new Event("change"));
    expect(q("cell-RU-T-position").value).toBe("100");
    expect(el.querySelector('[data-testid="cell-RUS-T-position"]')).toBeNull();
    const id2 = el.querySelector<HTMLInputElement>('[data-key="actor-1-id"]')!;
    id2.value = "USA";
    id2.dispatchEvent(new Event("change"));
    expect(id2.classList.contains("invalid")).toBe(true);
    expect(id2.title).toBe("the id 'USA' is taken by another actor");
    expect(state.scenario!.actors.map((a) => a.id)).toEqual(["USA", "RU"]);
  });

  it("adds and removes actors and issues", () => {
    (q("add-actor") as unknown as HTMLButtonElement).click();
    expect(q("cell-A3-T-position")).not.toBeNull();
    (q("add-issue") as unknown as HTMLButtonElement).click();
    expect(q("cell-USA-I3-salience")).not.toBeNull();
    el.querySelector<HTMLButtonElement>('button[aria-label="Remove actor RUS"]')!.click();
    expect(state.scenario!.actors.map((a) => a.id)).toEqual(["USA", "A3"]);
    expect(state.scenario!.positions!.some((p) => p.actor === "RUS")).toBe(false);
  });

  it("parties: unticking 'every actor' lists them all, then one can be removed", () => {
    const all = q("parties-all");
    all.checked = false;
    all.dispatchEvent(new Event("change"));
    expect(state.scenario!.parties).toEqual(["USA", "RUS"]);
    const rus = q("party-RUS");
    rus.checked = false;
    rus.dispatchEvent(new Event("change"));
    expect(state.scenario!.parties).toEqual(["USA"]);
  });
});

describe("editor keyboard", () => {
  it("Down and Enter move to the next row's field; Up and Shift+Enter back", () => {
    const key = (input: HTMLInputElement, k: string, shift = false) =>
      input.dispatchEvent(new KeyboardEvent("keydown", { key: k, shiftKey: shift, bubbles: true }));
    const p = q("cell-USA-T-position");
    p.focus();
    key(p, "ArrowDown");
    expect(document.activeElement).toBe(q("cell-USA-T-salience"));
    key(q("cell-USA-T-salience"), "Enter");
    expect(document.activeElement).toBe(q("cell-USA-T-capability"));
    key(q("cell-USA-T-capability"), "Enter");
    expect(document.activeElement).toBe(q("cell-RUS-T-position"));
    key(q("cell-RUS-T-position"), "Enter", true);
    expect(document.activeElement).toBe(q("cell-USA-T-capability"));
    key(q("cell-USA-T-capability"), "ArrowUp");
    key(q("cell-USA-T-salience"), "ArrowUp");
    key(q("cell-USA-T-position"), "ArrowUp"); // first row: stays
    expect(document.activeElement).toBe(q("cell-USA-T-position"));
  });
});
