// Boots the web app: the shell (header, nav, main) and a hash router. Each view module
// exports mount(el) => unmount.
import "./style.css";
import * as api from "./api";
import { autoValidate } from "./editor/validate";
import { state } from "./state";
import { h, notify, errorText } from "./ui";
import * as scenarios from "./views/scenarios";
import * as editor from "./views/editor";
import * as forecast from "./views/forecast";
import * as trace from "./views/trace";
import * as deals from "./views/deals";
import * as uncertainty from "./views/uncertainty";
import * as runs from "./views/runs";

type Mount = (el: HTMLElement) => () => void;

export const routes: Array<{ path: string; label: string; mount: Mount }> = [
  { path: "scenarios", label: "Scenarios", mount: scenarios.mount },
  { path: "editor", label: "Editor", mount: editor.mount },
  { path: "forecast", label: "Forecast", mount: forecast.mount },
  { path: "trace", label: "Trace", mount: trace.mount },
  { path: "deals", label: "Deals", mount: deals.mount },
  { path: "uncertainty", label: "Uncertainty", mount: uncertainty.mount },
  { path: "runs", label: "Runs", mount: runs.mount },
];

/** The route named by a location hash ("#/editor" -> "editor"); unknown -> "scenarios". */
export function routeOf(hash: string): string {
  const name = hash.replace(/^#\/?/, "").split(/[/?]/)[0];
  return routes.some((r) => r.path === name) ? name : "scenarios";
}

export function boot(root: HTMLElement): () => void {
  const title = h("span", { class: "scenario-title", "data-testid": "scenario-title" }, "no scenario loaded");
  const menu = h("button", { class: "menu-toggle", "aria-expanded": "false", "aria-controls": "nav" }, "Menu");
  const links = routes.map((r) =>
    h("a", { href: `#/${r.path}`, "data-testid": `nav-${r.path}`, "data-route": r.path }, r.label),
  );
  const nav = h("nav", { id: "nav", "aria-label": "Views" }, h("ul", {}, links.map((a) => h("li", {}, a))));
  const main = h("main", { id: "view", tabindex: "-1" });
  const status = h("div", { id: "status", class: "status", role: "status", "aria-live": "polite" });
  const header = h(
    "header",
    { class: "shell-header" },
    h("a", { class: "brand", href: "#/scenarios" }, "entente"),
    title,
    menu,
  );
  root.replaceChildren(h("a", { class: "skip", href: "#view", onclick: skipToMain }, "Skip to content"), header, nav, status, main);

  menu.addEventListener("click", () => {
    const open = !nav.classList.contains("open");
    nav.classList.toggle("open", open);
    menu.setAttribute("aria-expanded", String(open));
  });

  const showTitle = () => {
    const doc = state.scenario;
    title.textContent = doc ? doc.title || doc.id || state.name || "(untitled scenario)" : "no scenario loaded";
  };
  const unsubTitle = state.subscribe((_s, reason) => {
    if (reason !== "problems" && reason !== "run") showTitle();
  });
  showTitle();

  let unmount: (() => void) | null = null;
  let current = "";
  const render = () => {
    const name = routeOf(location.hash);
    const key = location.hash.startsWith(`#/${name}/`) ? location.hash : name; // #/runs/7
    if (key === current && unmount) return;
    current = key;
    if (unmount) {
      try {
        unmount();
      } catch (e) {
        console.error(e);
      }
    }
    unmount = null;
    main.replaceChildren();
    notify("");
    for (const a of links) {
      if (a.dataset.route === name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    nav.classList.remove("open");
    menu.setAttribute("aria-expanded", "false");
    const route = routes.find((r) => r.path === name)!;
    document.title = `${route.label} · entente`;
    const el = h("section", { class: `view view-${name}`, "aria-label": route.label });
    main.append(el);
    try {
      unmount = route.mount(el);
    } catch (e) {
      el.append(h("p", { class: "error" }, `This view failed to open: ${errorText(e)}`));
    }
  };
  window.addEventListener("hashchange", render);
  const stopValidate = autoValidate(state, api.validate, 150, (e) => notify(`Validation failed: ${errorText(e)}`, "error"));
  render();
  return () => {
    window.removeEventListener("hashchange", render);
    stopValidate();
    unsubTitle();
    unmount?.();
  };
}

function skipToMain(ev: Event): void {
  ev.preventDefault();
  document.getElementById("view")?.focus();
}

const root = document.getElementById("app");
if (root) boot(root);
