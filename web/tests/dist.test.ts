import { describe, expect, it } from "vitest";
import { formatJudged, isUncertain, parseJudged, pointValue, sourcesOf } from "../src/editor/dist";

const ok = (text: string, options: string[] = [], sources: string[] = []) => {
  const r = parseJudged(text, options, sources);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.error}`);
  return r.value;
};
const err = (text: string, options: string[] = []) => {
  const r = parseJudged(text, options);
  if (r.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(r.value)}`);
  return r.error;
};

describe("parseJudged", () => {
  it("reads each form into the file format's shape", () => {
    expect(ok("60")).toBe(60);
    expect(ok(" -0.5 ")).toBe(-0.5);
    expect(ok(".5")).toBe(0.5);
    expect(ok("1e3")).toBe(1000);
    expect(ok("50±10")).toEqual({ value: 50, sd: 10 });
    expect(ok("50 +- 2.5")).toEqual({ value: 50, sd: 2.5 });
    expect(ok("50+/-1")).toEqual({ value: 50, sd: 1 });
    expect(ok("40..60")).toEqual({ min: 40, max: 60 });
    expect(ok("-10 .. 10")).toEqual({ min: -10, max: 10 });
    expect(ok("40/50/70")).toEqual({ min: 40, mode: 50, max: 70 });
    expect(ok("40/40/70")).toEqual({ min: 40, mode: 40, max: 70 });
    expect(ok("[60, 70, 90]")).toEqual([60, 70, 90]);
    expect(ok("[60 70]")).toEqual([60, 70]);
    expect(ok("")).toBeUndefined();
    expect(ok("   ")).toBeUndefined();
  });

  it("accepts option names on an option issue, also as a normal's value", () => {
    const opts = ["kept", "phased", "lifted"];
    expect(ok("phased", opts)).toBe("phased");
    expect(ok("phased±0.5", opts)).toEqual({ value: "phased", sd: 0.5 });
    expect(ok("1.5", opts)).toBe(1.5);
  });

  it("keeps the sources the value cites", () => {
    expect(ok("60", [], ["S1"])).toEqual({ value: 60, sources: ["S1"] });
    expect(ok("50±5", [], ["S1", "S2"])).toEqual({ value: 50, sd: 5, sources: ["S1", "S2"] });
    expect(ok("[1, 2]", [], ["S3"])).toEqual({ estimates: [1, 2], sources: ["S3"] });
    expect(ok("", [], ["S3"])).toBeUndefined();
  });

  it("explains what is wrong", () => {
    expect(err("abc")).toBe("'abc' is not a number; write a number like 60, or 50±10, 40..60, 40/50/70 or [60, 70, 90]");
    expect(err("abc", ["kept", "lifted"])).toBe(
      "'abc' is not a number; write a number like 60, or 50±10, 40..60, 40/50/70 or [60, 70, 90], or an option name (kept, lifted)",
    );
    expect(err("12abc")).toContain("'12abc' is not a number");
    expect(err("1,5")).toContain("'1,5' is not a number");
    expect(err("nan")).toContain("'nan' is not a number");
    expect(err("50±0")).toBe("the spread after ± must be greater than 0 (got 0)");
    expect(err("50±-3")).toBe("the spread after ± must be greater than 0 (got -3)");
    expect(err("x±3")).toBe("'x' before ± is not a number");
    expect(err("50±y")).toBe("'y' after ± is not a number");
    expect(err("1±2±3")).toBe("'1±2±3': use ± once, e.g. 50±10");
    expect(err("40..")).toBe("'40..': a range needs both ends, e.g. 40..60");
    expect(err("..60")).toBe("'..60': a range needs both ends, e.g. 40..60");
    expect(err("60..40")).toBe("'60..40': the range's start must be below its end");
    expect(err("50..50")).toBe("'50..50': the range's start must be below its end");
    expect(err("a..5")).toBe("'a' at the start of the range is not a number");
    expect(err("1..b")).toBe("'b' at the end of the range is not a number");
    expect(err("40/50")).toBe("'40/50': a triangular distribution needs min/mode/max, e.g. 40/50/70");
    expect(err("40//70")).toBe("'40//70': a triangular distribution needs min/mode/max, e.g. 40/50/70");
    expect(err("40/x/70")).toBe("'x' (the mode) is not a number");
    expect(err("70/50/40")).toBe("'70/50/40': min must be below max");
    expect(err("40/80/70")).toBe("'40/80/70': the mode must lie between min and max");
    expect(err("[]")).toBe("'[]': a list of estimates needs at least one number");
    expect(err("[1, x]")).toBe("'x' in the list of estimates is not a number");
    expect(err("[1, 2")).toBe("'[1, 2': a list of estimates is written in brackets, e.g. [60, 70, 90]");
  });
});

describe("formatJudged", () => {
  it("writes each form", () => {
    expect(formatJudged(undefined)).toBe("");
    expect(formatJudged(null)).toBe("");
    expect(formatJudged(60)).toBe("60");
    expect(formatJudged(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatJudged("phased")).toBe("phased");
    expect(formatJudged({ value: 60, sources: ["S1"] })).toBe("60");
    expect(formatJudged({ value: 50, sd: 10 })).toBe("50±10");
    expect(formatJudged({ min: 40, max: 60 })).toBe("40..60");
    expect(formatJudged({ min: 40, mode: 50, max: 70, sources: ["S2"] })).toBe("40/50/70");
    expect(formatJudged([60, 70, 90])).toBe("[60, 70, 90]");
    expect(formatJudged({ estimates: [1, 2], sources: ["S"] })).toBe("[1, 2]");
  });

  it("round-trips text -> value -> text", () => {
    for (const t of ["60", "-2.5", "50±10", "40..60", "-10..10", "40/50/70", "[60, 70, 90]", "0.125"]) {
      expect(formatJudged(ok(t))).toBe(t);
    }
    expect(formatJudged(ok("phased±1", ["kept", "phased"]))).toBe("phased±1");
  });

  it("round-trips value -> text -> value, sources kept", () => {
    const values = [
      7,
      { value: 50, sd: 10, sources: ["S1"] },
      { min: 1, max: 2 },
      { min: 1, mode: 1.5, max: 2 },
      { estimates: [1, 2, 3], sources: ["S1"] },
    ];
    for (const v of values) expect(ok(formatJudged(v), [], sourcesOf(v))).toEqual(v);
  });
});

describe("pointValue and isUncertain", () => {
  it("gives what deterministic commands use", () => {
    expect(pointValue(60)).toBe(60);
    expect(pointValue({ value: 50, sd: 10 })).toBe(50);
    expect(pointValue({ min: 40, max: 60 })).toBe(50);
    expect(pointValue({ min: 40, mode: 45, max: 70 })).toBe(45);
    expect(pointValue([60, 70, 90])).toBeCloseTo(220 / 3, 12);
    expect(pointValue("lifted", ["kept", "phased", "lifted"])).toBe(2);
    expect(pointValue("unknown", ["kept"])).toBeNull();
    expect(pointValue(undefined)).toBeNull();
    expect(isUncertain(60)).toBe(false);
    expect(isUncertain({ value: 60, sources: ["S"] })).toBe(false);
    expect(isUncertain({ value: 60, sd: 1 })).toBe(true);
    expect(isUncertain([1, 2])).toBe(true);
  });
});
