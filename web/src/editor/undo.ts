// Undo/redo history of snapshots. The caller keeps the current value; the history holds the
// values before (undo) and after (redo) it. Consecutive edits with the same coalescing key
// (typing in one cell) form one step, so Ctrl-Z undoes a whole word, not one keystroke.

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;

  constructor(private readonly limit = 200) {}

  /**
   * Record that the value `before` is about to be replaced by an edit. With a `key` equal to
   * the previous record's key the edit joins the previous step (nothing is recorded). Any
   * record clears the redo stack.
   */
  record(before: T, key: string | null = null): void {
    this.future = [];
    if (key !== null && key === this.lastKey && this.past.length > 0) return;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.lastKey = key;
  }

  /** Ends the current coalescing step, so the next edit starts a new one. */
  seal(): void {
    this.lastKey = null;
  }

  /** Returns the value to go back to (and stores `current` for redo), or null. */
  undo(current: T): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(current);
    this.lastKey = null;
    return prev;
  }

  /** Returns the value to go forward to (and stores `current` for undo), or null. */
  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  get depth(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }
}
