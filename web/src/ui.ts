// Small DOM helpers shared by the app's views (H2).

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
type Child = Node | string | null | undefined | false;

/** Creates an element: h("button", {class: "x", onclick: fn}, "text", child...). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2), v as EventListener);
    } else if (k === "value" && "value" in el) {
      (el as HTMLInputElement).value = String(v);
    } else if (k === "checked" && "checked" in el) {
      (el as HTMLInputElement).checked = Boolean(v);
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

/** Shows a short message in the page's status line (announced to screen readers). */
export function notify(message: string, kind: "info" | "error" = "info"): void {
  const el = document.getElementById("status");
  if (!el) return;
  el.textContent = message;
  el.className = `status ${kind}`;
}

/** The message of an error for the user (ApiError's problems are listed after it). */
export function errorText(e: unknown): string {
  if (e && typeof e === "object" && "problems" in e && Array.isArray((e as { problems: unknown[] }).problems)) {
    const err = e as { message: string; problems: Array<{ path?: string; message: string; line?: number }> };
    const lines = err.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.line ? `line ${p.line}: ${p.message}` : p.message));
    return [err.message, ...lines].join("\n");
  }
  return e instanceof Error ? e.message : String(e);
}

/** Navigates to a view (e.g. "editor" after loading a scenario). */
export function go(path: string): void {
  if (location.hash !== `#/${path}`) location.hash = `#/${path}`;
}

/** "1 issue", "2 issues". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
