// Judged numbers as the editor shows them, and back (docs/formats.md, "Numbers"):
//   60          a plain number (or an option name on an option issue)
//   50±10       normal {value: 50, sd: 10}      (also written 50+-10)
//   40..60      uniform {min: 40, max: 60}
//   40/50/70    triangular {min: 40, mode: 50, max: 70}
//   [60, 70, 90]  expert estimates
// Sources a value cites are kept when its text is edited (they are not part of the text).
import type { JudgedNumber } from "../api";

export type Parsed = { ok: true; value: JudgedNumber | undefined } | { ok: false; error: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FORMS = "write a number like 60, or 50±10, 40..60, 40/50/70 or [60, 70, 90]";

function num(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

function quoted(text: string): string {
  return `'${text.trim()}'`;
}

/** Parses the text of a judged number. `options`: the option names of an option issue. */
export function parseJudged(text: string, options: string[] = [], sources: string[] = []): Parsed {
  const t = text.trim();
  const withSources = (v: JudgedNumber): Parsed => ({ ok: true, value: attachSources(v, sources) });
  if (t === "") return { ok: true, value: undefined };
  const optionHint = options.length ? `, or an option name (${options.join(", ")})` : "";
  const n = num(t);
  if (n !== null) return withSources(n);
  if (options.includes(t)) return withSources(t);

  // normal: value±sd
  const pm = t.split(/±|\+-|\+\/-/);
  if (pm.length === 2) {
    const [a, b] = pm.map((s) => s.trim());
    const value = num(a) ?? (options.includes(a) ? a : null);
    if (value === null) return { ok: false, error: `${quoted(a)} before ± is not a number${optionHint}` };
    const sd = num(b);
    if (sd === null) return { ok: false, error: `${quoted(b)} after ± is not a number` };
    if (sd <= 0) return { ok: false, error: `the spread after ± must be greater than 0 (got ${b})` };
    return withSources({ value, sd });
  }
  if (pm.length > 2) return { ok: false, error: `${quoted(t)}: use ± once, e.g. 50±10` };

  // uniform: min..max
  if (t.includes("..")) {
    const parts = t.split("..").map((s) => s.trim());
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "")
      return { ok: false, error: `${quoted(t)}: a range needs both ends, e.g. 40..60` };
    const [lo, hi] = parts.map(num);
    if (lo === null) return { ok: false, error: `${quoted(parts[0])} at the start of the range is not a number` };
    if (hi === null) return { ok: false, error: `${quoted(parts[1])} at the end of the range is not a number` };
    if (lo >= hi) return { ok: false, error: `${quoted(t)}: the range's start must be below its end` };
    return withSources({ min: lo, max: hi });
  }

  // triangular: min/mode/max
  if (t.includes("/")) {
    const parts = t.split("/").map((s) => s.trim());
    if (parts.length !== 3 || parts.some((p) => p === ""))
      return { ok: false, error: `${quoted(t)}: a triangular distribution needs min/mode/max, e.g. 40/50/70` };
    const vals = parts.map(num);
    const names = ["min", "mode", "max"];
    for (let k = 0; k < 3; k++)
      if (vals[k] === null) return { ok: false, error: `${quoted(parts[k])} (the ${names[k]}) is not a number` };
    const [lo, mode, hi] = vals as number[];
    if (lo >= hi) return { ok: false, error: `${quoted(t)}: min must be below max` };
    if (mode < lo || mode > hi) return { ok: false, error: `${quoted(t)}: the mode must lie between min and max` };
    return withSources({ min: lo, mode, max: hi });
  }

  // expert estimates: [a, b, c]
  if (t.startsWith("[") || t.endsWith("]")) {
    if (!(t.startsWith("[") && t.endsWith("]")))
      return { ok: false, error: `${quoted(t)}: a list of estimates is written in brackets, e.g. [60, 70, 90]` };
    const inner = t.slice(1, -1).trim();
    if (inner === "") return { ok: false, error: `${quoted(t)}: a list of estimates needs at least one number` };
    const parts = inner.split(/[,;\s]+/).filter((s) => s !== "");
    const vals: number[] = [];
    for (const p of parts) {
      const v = num(p);
      if (v === null) return { ok: false, error: `${quoted(p)} in the list of estimates is not a number` };
      vals.push(v);
    }
    return withSources(vals);
  }

  return { ok: false, error: `${quoted(t)} is not a number; ${FORMS}${optionHint}` };
}

function attachSources(v: JudgedNumber, sources: string[]): JudgedNumber {
  if (!sources.length) return v;
  if (typeof v === "number" || typeof v === "string") return { value: v, sources: [...sources] };
  if (Array.isArray(v)) return { estimates: v, sources: [...sources] };
  return { ...v, sources: [...sources] };
}

/** The sources a judged number cites (empty for a plain value). */
export function sourcesOf(v: JudgedNumber | undefined): string[] {
  if (v && typeof v === "object" && !Array.isArray(v) && Array.isArray(v.sources)) return v.sources;
  return [];
}

const fmt = (x: number | string) => String(x);

/** The text the editor shows for a judged number ("" when absent). */
export function formatJudged(v: JudgedNumber | undefined | null): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number" || typeof v === "string") return fmt(v);
  if (Array.isArray(v)) return `[${v.map(fmt).join(", ")}]`;
  if (v.estimates) return `[${v.estimates.map(fmt).join(", ")}]`;
  if (v.sd !== undefined && v.value !== undefined) return `${fmt(v.value)}±${fmt(v.sd)}`;
  if (v.mode !== undefined && v.min !== undefined && v.max !== undefined)
    return `${fmt(v.min)}/${fmt(v.mode)}/${fmt(v.max)}`;
  if (v.min !== undefined && v.max !== undefined) return `${fmt(v.min)}..${fmt(v.max)}`;
  if (v.value !== undefined) return fmt(v.value);
  return "";
}

/**
 * The number deterministic commands use: the value, the midpoint of a range, the mode or the
 * estimates' mean; an option name is its index. Null when absent or unknown.
 */
export function pointValue(v: JudgedNumber | undefined | null, options: string[] = []): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const k = options.indexOf(v);
    return k >= 0 ? k : null;
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  if (Array.isArray(v)) return mean(v);
  if (v.estimates) return mean(v.estimates);
  if (v.value !== undefined) return pointValue(v.value, options);
  if (v.mode !== undefined) return v.mode;
  if (v.min !== undefined && v.max !== undefined) return (v.min + v.max) / 2;
  return null;
}

/** True when the value is uncertain (has a distribution). */
export function isUncertain(v: JudgedNumber | undefined | null): boolean {
  if (v === undefined || v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return true;
  return v.sd !== undefined || v.min !== undefined || v.estimates !== undefined;
}
