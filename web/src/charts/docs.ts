// Types of the CLI documents the charts read that api.ts types only loosely (deals,
// sensitivity), plus small readers of the scenario file format. Pure functions, no DOM.
import type { JudgedNumber, ScenarioDoc, ScenarioIssue } from "../api";

export interface PackageItem {
  issue: string;
  option: number;
  value: number;
  label: string;
}
export interface PartyUtility {
  party: string;
  utility: number;
  gain: number;
  exact?: string;
}
export interface Solution {
  key: string;
  name: string;
  method?: string;
  exists: boolean;
  note: string;
  ties?: number | string;
  value?: number | null;
  rational?: boolean;
  package?: PackageItem[];
  utilities?: PartyUtility[];
}
export interface ParetoPart {
  method: string;
  complete: boolean;
  packages?: number | string;
  points?: number;
  rational_packages?: number | string;
  rational_points?: number;
  frontier?: number[][];
}
export interface DealsDocument {
  kind: string;
  method?: string;
  space: {
    title?: string;
    utility_model?: string;
    packages?: number | string;
    parties: Array<{ id: string; name: string; disagreement: number }>;
    issues: Array<{ id: string; name: string; options: Array<{ value: number; label: string }> }>;
  };
  zone: {
    method?: string;
    empty: boolean;
    exact?: boolean;
    size?: number | string;
    samples?: PackageItem[][];
    ripeness?: {
      uniform_cost: number;
      opening_package?: PackageItem[];
      single_party_shift?: Array<{ party: string; shift: number | null }>;
      binding?: string[][];
    };
  };
  pareto: ParetoPart;
  pareto_zone: ParetoPart;
  ideal: number[];
  solutions: Solution[];
}

export interface SensitivityInput {
  rank: number;
  input: string;
  actor?: string;
  issue?: string;
  kind?: string;
  base: number;
  low: number;
  high: number;
  forecast_low: number | null;
  forecast_high: number | null;
  swing: number | null;
}
export interface Flip {
  target: number;
  label: string | null;
  direction: string;
  found: boolean;
  input: string | null;
  from: number | null;
  to: number | null;
  change: number | null;
  relative: number | null;
  forecast_after: number | null;
}
export interface SensitivityIssue {
  issue: string;
  base: number | null;
  inputs: SensitivityInput[];
  flips: Flip[];
}
export interface SensitivityDocument {
  kind: string;
  spec: string;
  mode: string;
  delta?: number;
  issues: SensitivityIssue[];
}

/** The number in a judged value (a point value, a distribution's centre, an option's index). */
export function judged(v: JudgedNumber | undefined, issue?: ScenarioIssue): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const k = issue?.options?.indexOf(v) ?? -1;
    if (k >= 0) return k;
    const x = Number(v);
    return Number.isFinite(x) ? x : null;
  }
  if (Array.isArray(v)) return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  if (v.value !== undefined) return judged(v.value, issue);
  if (v.mode !== undefined) return v.mode;
  if (v.estimates && v.estimates.length) return judged(v.estimates, issue);
  if (v.min !== undefined && v.max !== undefined) return (v.min + v.max) / 2;
  return null;
}

export interface ActorOnIssue {
  id: string;
  name: string;
  position: number;
  salience: number;
  capability: number;
}

/** Every actor with a position on `issueId`: position, salience and capability (cell's or actor's). */
export function actorsOnIssue(scenario: ScenarioDoc, issueId: string): ActorOnIssue[] {
  const issue = scenario.issues.find((i) => i.id === issueId);
  const out: ActorOnIssue[] = [];
  for (const actor of scenario.actors) {
    const cell = (scenario.positions ?? []).find((p) => p.actor === actor.id && p.issue === issueId);
    if (!cell) continue;
    const position = judged(cell.position, issue);
    if (position === null) continue;
    out.push({
      id: actor.id,
      name: actor.name || actor.id,
      position,
      salience: judged(cell.salience) ?? 0,
      capability: judged(cell.capability) ?? judged(actor.capability) ?? 0,
    });
  }
  return out;
}

/** A label cut to `n` characters with an ellipsis. */
export function short(s: string, n = 28): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

/** "12.3" style: at most `d` decimals, no trailing zeros. */
export function fmt(x: number | null | undefined, d = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return String(Number(x.toFixed(d)));
}
