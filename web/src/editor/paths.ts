// Maps a validation problem's `path` (a path in the scenario document, docs/formats.md
// "Errors": positions[3].salience, actors[1].capability, issues[0].anchors[1].at, ...) to the
// key of the editor control that shows that value. Editor controls carry the key in
// data-key (the canonical form cells[a][i].field maps too); grid cells' keys are also their data-testid: cell-<actor>-<issue>-<field>.
import type { Problem, ScenarioDoc } from "../api";

export type Segment = string | number;

/** "issues[0].anchors[1].at" -> ["issues", 0, "anchors", 1, "at"]; null when malformed. */
export function parsePath(path: string): Segment[] | null {
  const out: Segment[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m.index !== pos) return null;
    pos = re.lastIndex;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
  }
  return pos === path.length ? out : null;
}

export const CELL_FIELDS = ["position", "salience", "capability"] as const;
export type CellField = (typeof CELL_FIELDS)[number];

export const cellKey = (actor: string, issue: string, field: CellField) => `cell-${actor}-${issue}-${field}`;
export const actorKey = (i: number, field: string) => `actor-${i}-${field}`;
export const issueKey = (i: number, field: string) => `issue-${i}-${field}`;
export const anchorKey = (i: number, j: number, field: "at" | "label") => `issue-${i}-anchor-${j}-${field}`;
export const metaKey = (field: string) => `scenario-${field}`;
export const sourceKey = (k: number, field: string) => `source-${k}-${field}`;
export const PARTIES_KEY = "parties";
export const SOURCES_KEY = "sources";

const ACTOR_FIELDS = ["id", "name", "capability", "no_deal_acceptability"];
const ISSUE_FIELDS = ["id", "name", "options", "no_deal"];
const SOURCE_FIELDS = ["id", "citation", "url", "date"];
const META_FIELDS = ["id", "title", "as_of", "description", "notes"];

function isCellField(x: unknown): x is CellField {
  return typeof x === "string" && (CELL_FIELDS as readonly string[]).includes(x);
}

/** The key of the control a problem belongs to, or null (then it is listed only). */
export function problemKey(doc: ScenarioDoc | null, p: Problem): string | null {
  if (!p.path) return null;
  const seg = parsePath(p.path);
  if (!seg || seg.length === 0) return null;
  const [head, index, field, sub, subField] = seg;
  switch (head) {
    case "positions": {
      if (typeof index !== "number") return null;
      const entry = doc?.positions?.[index];
      if (!entry || typeof entry.actor !== "string" || typeof entry.issue !== "string") return null;
      const f: CellField = isCellField(field) ? field : isCellField(p.field) ? p.field : "position";
      return cellKey(entry.actor, entry.issue, f);
    }
    case "cells": {
      // The canonical key (when the reader had no location for the value): cells[a][i].field
      const a = index;
      const i = field;
      if (typeof a !== "number" || typeof i !== "number") return null;
      const actor = doc?.actors?.[a]?.id;
      const issue = doc?.issues?.[i]?.id;
      if (typeof actor !== "string" || typeof issue !== "string") return null;
      const f: CellField = isCellField(sub) ? sub : isCellField(p.field) ? p.field : "position";
      return cellKey(actor, issue, f);
    }
    case "actors": {
      if (typeof index !== "number") return null;
      return actorKey(index, typeof field === "string" && ACTOR_FIELDS.includes(field) ? field : "id");
    }
    case "issues": {
      if (typeof index !== "number") return null;
      if (field === "scale") return issueKey(index, sub === "max" ? "max" : "min");
      if (field === "anchors") {
        if (typeof sub !== "number") return issueKey(index, "anchors");
        return anchorKey(index, sub, subField === "label" ? "label" : "at");
      }
      return issueKey(index, typeof field === "string" && ISSUE_FIELDS.includes(field) ? field : "id");
    }
    case "parties":
      return PARTIES_KEY;
    case "sources":
      if (typeof index !== "number") return SOURCES_KEY;
      return sourceKey(index, typeof field === "string" && SOURCE_FIELDS.includes(field) ? field : "id");
    default:
      return typeof head === "string" && META_FIELDS.includes(head) ? metaKey(head) : null;
  }
}

/** Groups problems by control key; problems without a control are under "". */
export function problemsByKey(doc: ScenarioDoc | null, problems: Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = problemKey(doc, p) ?? "";
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

/** A problem as one line for the problems list. */
export function problemText(p: Problem): string {
  const where = p.path ? `${p.path}: ` : p.line ? `line ${p.line}: ` : "";
  const what = p.field && p.value !== undefined ? `${p.field} = '${p.value}': ` : "";
  return `${where}${what}${p.message}`;
}
