// Edits of the scenario document (the JSON file format) that the editor's controls make.
// Each function mutates `doc` in place (the state hands it a copy) and keeps the document
// consistent: renaming an actor renames it in positions and parties, removing an issue
// removes its positions, a cell with nothing left is removed. Refusals throw EditError.
import type { JudgedNumber, ScenarioActor, ScenarioDoc, ScenarioIssue, ScenarioPosition, ScenarioSource } from "../api";
import type { CellField } from "./paths";

export class EditError extends Error {}

export function positionIndex(doc: ScenarioDoc, actor: string, issue: string): number {
  return (doc.positions ?? []).findIndex((p) => p.actor === actor && p.issue === issue);
}

export function getCell(doc: ScenarioDoc, actor: string, issue: string): ScenarioPosition | undefined {
  return doc.positions?.find((p) => p.actor === actor && p.issue === issue);
}

function isEmptyEntry(p: ScenarioPosition): boolean {
  return (
    p.position === undefined &&
    p.salience === undefined &&
    p.capability === undefined &&
    (p.sources === undefined || p.sources.length === 0)
  );
}

/** Sets (or with `undefined` clears) one field of the (actor, issue) entry. */
export function setCell(
  doc: ScenarioDoc,
  actor: string,
  issue: string,
  field: CellField,
  value: JudgedNumber | undefined,
): void {
  doc.positions ??= [];
  let k = positionIndex(doc, actor, issue);
  if (k < 0) {
    if (value === undefined) return;
    // Keep the entries in actor order, then issue order, like the writers do.
    const ai = doc.actors.findIndex((a) => a.id === actor);
    const ii = doc.issues.findIndex((i) => i.id === issue);
    const rank = (p: ScenarioPosition) => {
      const a = doc.actors.findIndex((x) => x.id === p.actor);
      const i = doc.issues.findIndex((x) => x.id === p.issue);
      return a * 1e6 + i;
    };
    const mine = ai * 1e6 + ii;
    k = doc.positions.findIndex((p) => rank(p) > mine);
    if (k < 0) k = doc.positions.length;
    doc.positions.splice(k, 0, { actor, issue });
  }
  const entry = doc.positions[k];
  if (value === undefined) delete entry[field];
  else entry[field] = value;
  if (isEmptyEntry(entry)) doc.positions.splice(k, 1);
}

function uniqueId(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.includes(id)) return id;
  }
}

function checkId(id: string, taken: string[], what: string): void {
  if (id.trim() === "") throw new EditError(`${what === "source" ? "a" : "an"} ${what} needs an id`);
  if (id !== id.trim()) throw new EditError(`the ${what} id '${id}' starts or ends with a blank`);
  if (taken.includes(id)) throw new EditError(`the id '${id}' is taken by another ${what}`);
}

export function addActor(doc: ScenarioDoc, id?: string): string {
  const taken = doc.actors.map((a) => a.id);
  const newId = id ?? uniqueId("A", taken);
  checkId(newId, taken, "actor");
  doc.actors.push({ id: newId, name: "", capability: 0 });
  return newId;
}

export function removeActor(doc: ScenarioDoc, index: number): void {
  const a = doc.actors[index];
  if (!a) return;
  doc.actors.splice(index, 1);
  if (doc.positions) doc.positions = doc.positions.filter((p) => p.actor !== a.id);
  if (doc.parties) doc.parties = doc.parties.filter((p) => p !== a.id);
}

export function renameActor(doc: ScenarioDoc, index: number, id: string): void {
  const a = doc.actors[index];
  if (!a || a.id === id) return;
  checkId(id, doc.actors.filter((_, k) => k !== index).map((x) => x.id), "actor");
  for (const p of doc.positions ?? []) if (p.actor === a.id) p.actor = id;
  if (doc.parties) doc.parties = doc.parties.map((p) => (p === a.id ? id : p));
  a.id = id;
}

export function setActorField(
  doc: ScenarioDoc,
  index: number,
  field: "name" | "description" | "capability" | "no_deal_acceptability",
  value: JudgedNumber | string | undefined,
): void {
  const a = doc.actors[index] as ScenarioActor | undefined as Record<string, unknown> | undefined;
  if (!a) return;
  if (value === undefined || value === "") delete a[field];
  else a[field] = value;
}

export function addIssue(doc: ScenarioDoc, id?: string): string {
  const taken = doc.issues.map((i) => i.id);
  const newId = id ?? uniqueId("I", taken);
  checkId(newId, taken, "issue");
  doc.issues.push({ id: newId, name: "", scale: { min: 0, max: 100 } });
  return newId;
}

export function removeIssue(doc: ScenarioDoc, index: number): void {
  const i = doc.issues[index];
  if (!i) return;
  doc.issues.splice(index, 1);
  if (doc.positions) doc.positions = doc.positions.filter((p) => p.issue !== i.id);
}

export function renameIssue(doc: ScenarioDoc, index: number, id: string): void {
  const i = doc.issues[index];
  if (!i || i.id === id) return;
  checkId(id, doc.issues.filter((_, k) => k !== index).map((x) => x.id), "issue");
  for (const p of doc.positions ?? []) if (p.issue === i.id) p.issue = id;
  i.id = id;
}

export function setIssueField(
  doc: ScenarioDoc,
  index: number,
  field: "name" | "description" | "no_deal",
  value: JudgedNumber | string | undefined,
): void {
  const i = doc.issues[index] as ScenarioIssue | undefined as Record<string, unknown> | undefined;
  if (!i) return;
  if (value === undefined || value === "") delete i[field];
  else i[field] = value;
}

export function setScale(doc: ScenarioDoc, index: number, end: "min" | "max", value: number): void {
  const i = doc.issues[index];
  if (!i) return;
  i.scale = { ...(i.scale ?? { min: 0, max: 100 }), [end]: value };
}

/** "a, b, c" -> option issue (scale and anchors dropped); "" -> scale issue 0..100. */
export function setOptions(doc: ScenarioDoc, index: number, options: string[]): void {
  const i = doc.issues[index];
  if (!i) return;
  if (options.length) {
    i.options = options;
    delete i.scale;
    delete i.anchors;
  } else {
    delete i.options;
    i.scale ??= { min: 0, max: 100 };
  }
}

/** Splits an options list as typed ("kept, phased, lifted"). */
export function parseOptions(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function addAnchor(doc: ScenarioDoc, index: number): void {
  const i = doc.issues[index];
  if (!i) return;
  const lo = i.scale?.min ?? 0;
  const hi = i.scale?.max ?? 100;
  const last = i.anchors?.length ? i.anchors[i.anchors.length - 1].at : null;
  const at = last === null ? lo : Math.min(hi, last + (hi - lo) / 4);
  (i.anchors ??= []).push({ at, label: "" });
}

export function removeAnchor(doc: ScenarioDoc, index: number, anchor: number): void {
  const i = doc.issues[index];
  if (!i?.anchors) return;
  i.anchors.splice(anchor, 1);
  if (i.anchors.length === 0) delete i.anchors;
}

export function setAnchor(doc: ScenarioDoc, index: number, anchor: number, field: "at" | "label", value: number | string): void {
  const a = doc.issues[index]?.anchors?.[anchor];
  if (!a) return;
  if (field === "at") a.at = value as number;
  else a.label = value as string;
}

/** Parties: the ids whose consent a deal needs; `undefined` = every actor (field removed). */
export function setParties(doc: ScenarioDoc, parties: string[] | undefined): void {
  if (parties === undefined) delete doc.parties;
  else doc.parties = doc.actors.map((a) => a.id).filter((id) => parties.includes(id));
}

export function setMeta(doc: ScenarioDoc, field: "id" | "title" | "description" | "as_of" | "notes", value: string): void {
  if (value === "") delete doc[field];
  else doc[field] = value;
}

export function addSource(doc: ScenarioDoc): string {
  const taken = (doc.sources ?? []).map((x) => x.id);
  const id = uniqueId("S", taken);
  (doc.sources ??= []).push({ id, citation: "" });
  return id;
}

/** Removes a source; values citing it keep the id (validation then reports them). */
export function removeSource(doc: ScenarioDoc, k: number): void {
  doc.sources?.splice(k, 1);
  if (doc.sources?.length === 0) delete doc.sources;
}

function renameIn(v: unknown, from: string, to: string): void {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as { sources?: string[] };
    if (Array.isArray(o.sources)) o.sources = o.sources.map((s) => (s === from ? to : s));
  }
}

/** Renames a source and every citation of it. */
export function renameSource(doc: ScenarioDoc, k: number, id: string): void {
  const src = doc.sources?.[k];
  if (!src || src.id === id) return;
  checkId(id, (doc.sources ?? []).filter((_, j) => j !== k).map((x) => x.id), "source");
  const from = src.id;
  for (const a of doc.actors) {
    renameIn(a.capability, from, id);
    renameIn(a.no_deal_acceptability, from, id);
  }
  for (const i of doc.issues) renameIn(i.no_deal, from, id);
  for (const p of doc.positions ?? []) {
    renameIn(p, from, id);
    renameIn(p.position, from, id);
    renameIn(p.salience, from, id);
    renameIn(p.capability, from, id);
  }
  src.id = id;
}

export function setSourceField(doc: ScenarioDoc, k: number, field: "citation" | "url" | "date", value: string): void {
  const src = doc.sources?.[k] as ScenarioSource | undefined;
  if (!src) return;
  if (value === "") delete src[field];
  else src[field] = value;
}

/** A new, empty scenario with two actors and one issue (a valid start once filled in). */
export function emptyScenario(): ScenarioDoc {
  return {
    entente: 1,
    id: "new-scenario",
    title: "New scenario",
    actors: [
      { id: "A1", name: "", capability: 50 },
      { id: "A2", name: "", capability: 50 },
    ],
    issues: [{ id: "I1", name: "", scale: { min: 0, max: 100 } }],
    positions: [
      { actor: "A1", issue: "I1", position: 0, salience: 50 },
      { actor: "A2", issue: "I1", position: 100, salience: 50 },
    ],
  };
}
