import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ScenarioDoc, ValidateResult } from "../src/api";
import { autoValidate } from "../src/editor/validate";
import { AppState } from "../src/state";

const doc = (): ScenarioDoc => ({ entente: 1, actors: [{ id: "A" }], issues: [{ id: "X" }] });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("autoValidate", () => {
  it("debounces edits: one request 150 ms after the last one", async () => {
    const s = new AppState();
    const validate = vi.fn(async (): Promise<ValidateResult> => ({ ok: false, problems: [{ message: "p", path: "actors[0]" }] }));
    autoValidate(s, validate, 150);
    s.load(doc(), "t");
    for (let k = 0; k < 5; k++) {
      s.edit((d) => (d.title = `t${k}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(validate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(validate).toHaveBeenCalledTimes(1);
    expect((validate.mock.calls[0] as unknown as [ScenarioDoc])[0].title).toBe("t4");
    expect(s.problems).toEqual([{ message: "p", path: "actors[0]" }]);
  });

  it("ignores an answer for an older revision", async () => {
    const s = new AppState();
    let resolve: (r: ValidateResult) => void = () => {};
    const validate = vi.fn(() => new Promise<ValidateResult>((r) => (resolve = r)));
    autoValidate(s, validate, 150);
    s.load(doc(), "t");
    await vi.advanceTimersByTimeAsync(150);
    s.edit((d) => (d.title = "newer"));
    resolve({ ok: false, problems: [{ message: "stale" }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.problems).toEqual([]);
  });

  it("problem-only changes do not trigger validation; stop() cancels", async () => {
    const s = new AppState();
    const validate = vi.fn(async (): Promise<ValidateResult> => ({ ok: true, problems: [] }));
    const stop = autoValidate(s, validate, 150);
    s.load(doc(), "t");
    await vi.advanceTimersByTimeAsync(200);
    expect(validate).toHaveBeenCalledTimes(1);
    s.setProblems([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(validate).toHaveBeenCalledTimes(1);
    s.edit((d) => (d.title = "x"));
    stop();
    await vi.advanceTimersByTimeAsync(200);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it("a failed request reports the error", async () => {
    const s = new AppState();
    const onError = vi.fn();
    autoValidate(s, async () => Promise.reject(new Error("down")), 150, onError);
    s.load(doc(), "t");
    await vi.advanceTimersByTimeAsync(150);
    expect(onError).toHaveBeenCalledOnce();
    expect((onError.mock.calls[0][0] as Error).message).toBe("down");
  });
});
