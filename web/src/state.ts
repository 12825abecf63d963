// The app state: the current scenario document (the JSON scenario file format), its name,
// undo/redo, the last validation problems and the last run. Views subscribe to changes.
import type { Problem, RunDoc, ScenarioDoc } from "./api";
import { History } from "./editor/undo";

export type ChangeReason = "load" | "edit" | "undo" | "redo" | "problems" | "run";

export interface Snapshot {
  scenario: ScenarioDoc | null;
  name: string;
  problems: Problem[];
  run: RunDoc | null;
}

export type Listener = (s: Snapshot, reason: ChangeReason, origin: unknown) => void;

/** Deep copy of a JSON value (documents are plain JSON). */
export function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

export class AppState {
  private scenario_: ScenarioDoc | null = null;
  private name_ = "";
  private problems_: Problem[] = [];
  private run_: RunDoc | null = null;
  private revision_ = 0;
  private readonly history = new History<ScenarioDoc>();
  private readonly listeners = new Set<Listener>();

  get scenario(): ScenarioDoc | null {
    return this.scenario_;
  }
  get name(): string {
    return this.name_;
  }
  get problems(): Problem[] {
    return this.problems_;
  }
  get run(): RunDoc | null {
    return this.run_;
  }
  /** Increases with every change of the scenario (load, edit, undo, redo). */
  get revision(): number {
    return this.revision_;
  }
  get canUndo(): boolean {
    return this.history.canUndo;
  }
  get canRedo(): boolean {
    return this.history.canRedo;
  }

  snapshot(): Snapshot {
    return { scenario: this.scenario_, name: this.name_, problems: this.problems_, run: this.run_ };
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }

  /** Replaces the scenario (a new document: history, problems and run are cleared). */
  load(doc: ScenarioDoc, name: string): void {
    this.scenario_ = clone(doc);
    this.name_ = name;
    this.problems_ = [];
    this.run_ = null;
    this.history.clear();
    this.revision_++;
    this.emit("load", null);
  }

  /**
   * Applies `mutate` to a copy of the scenario and makes it current. Edits with the same
   * `coalesce` key in a row form one undo step. `origin` is passed to listeners (a view can
   * skip re-rendering for its own edits). Returns false when there is no scenario.
   */
  edit(mutate: (doc: ScenarioDoc) => void, coalesce: string | null = null, origin: unknown = null): boolean {
    if (!this.scenario_) return false;
    const next = clone(this.scenario_);
    mutate(next);
    if (JSON.stringify(next) === JSON.stringify(this.scenario_)) return false;
    this.history.record(this.scenario_, coalesce);
    this.scenario_ = next;
    this.revision_++;
    this.emit("edit", origin);
    return true;
  }

  /** Ends the current coalescing step (e.g. when a cell loses focus). */
  seal(): void {
    this.history.seal();
  }

  undo(): boolean {
    if (!this.scenario_) return false;
    const prev = this.history.undo(this.scenario_);
    if (!prev) return false;
    this.scenario_ = prev;
    this.revision_++;
    this.emit("undo", null);
    return true;
  }

  redo(): boolean {
    if (!this.scenario_) return false;
    const next = this.history.redo(this.scenario_);
    if (!next) return false;
    this.scenario_ = next;
    this.revision_++;
    this.emit("redo", null);
    return true;
  }

  setProblems(problems: Problem[]): void {
    this.problems_ = problems;
    this.emit("problems", null);
  }

  setRun(run: RunDoc | null): void {
    this.run_ = run;
    this.emit("run", null);
  }

  private emit(reason: ChangeReason, origin: unknown): void {
    const s = this.snapshot();
    for (const fn of [...this.listeners]) fn(s, reason, origin);
  }
}

/** The one state of the app. */
export const state = new AppState();
