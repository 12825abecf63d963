// Typed wrappers for the HTTP API of `entente serve` (notes: WEB.md, "HTTP API"). Every
// request carries `X-Entente: 1` (the server rejects POST/DELETE without it: a cross-site
// form cannot set it). Errors become ApiError with the status and the validation problems.

// ---------- documents ----------

/** A problem in a validation report (the server's JSON form of core/errors.h Problem). */
export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
  field?: string;
  value?: string;
  message: string;
}

/** Every JSON document the CLI writes starts with these keys. */
export interface DocHeader {
  entente_json: number;
  kind: string;
  version: string;
}

/** A judged number: plain, with sources, or uncertain (docs/formats.md, "Numbers"). */
export type JudgedNumber =
  | number
  | string
  | number[]
  | {
      value?: number | string;
      sd?: number;
      min?: number;
      max?: number;
      mode?: number;
      estimates?: number[];
      sources?: string[];
    };

export interface ScenarioSource {
  id: string;
  citation?: string;
  url?: string;
  date?: string;
}
export interface ScenarioActor {
  id: string;
  name?: string;
  description?: string;
  capability?: JudgedNumber;
  no_deal_acceptability?: JudgedNumber;
}
export interface ScenarioAnchor {
  at: number;
  label: string;
}
export interface ScenarioIssue {
  id: string;
  name?: string;
  description?: string;
  scale?: { min: number; max: number };
  anchors?: ScenarioAnchor[];
  options?: string[];
  no_deal?: JudgedNumber;
}
export interface ScenarioPosition {
  actor: string;
  issue: string;
  position?: JudgedNumber;
  salience?: JudgedNumber;
  capability?: JudgedNumber;
  sources?: string[];
}
/** The scenario file format (JSON = YAML schema, docs/formats.md). */
export interface ScenarioDoc {
  entente: number;
  id?: string;
  title?: string;
  description?: string;
  as_of?: string;
  notes?: string;
  sources?: ScenarioSource[];
  actors: ScenarioActor[];
  issues: ScenarioIssue[];
  parties?: string[];
  positions?: ScenarioPosition[];
}

export interface ScenarioRef {
  id: string;
  title: string;
  as_of: string;
  hash: string;
}

export interface VersionDoc extends DocHeader {}

export interface ModelParam {
  name: string;
  type: "int" | "number" | "bool" | "string" | "choice";
  default: string | number | boolean | null;
  min: number | null;
  max: number | null;
  choices: string[];
  help: string;
}
export interface ModelInfo {
  name: string;
  default_spec: string;
  summary: string;
  citation: string;
  stochastic: boolean;
  multi_issue: boolean;
  params: ModelParam[];
}
export interface ModelsDoc extends DocHeader {
  models: ModelInfo[];
}

export interface CatalogEntry {
  name: string;
  title: string;
  description?: string;
}
export interface ScenariosDoc extends DocHeader {
  scenarios: CatalogEntry[];
  /** With a store: the newest stored run of each scenario id. */
  stored?: Array<{ name: string; run?: number; scenario_hash?: string; started?: string; title?: string }>;
}

export interface Forecast {
  issue: string;
  ok: boolean;
  value: number | null;
  label: string | null;
  why: string | null;
  extra: Record<string, number>;
}
export interface RunIssue {
  id: string;
  name: string;
  min: number;
  max: number;
  anchors: ScenarioAnchor[];
  options: string[];
  no_deal: number | null;
}
export interface TraceEvent {
  round: number;
  actor: string;
  counterpart: string;
  kind: string;
  from: number[];
  to: number[];
  value: number;
}
export interface TraceRound {
  round: number;
  stats: Record<string, number>;
  positions: number[][];
  actor_stats: Record<string, number[]>;
  events: TraceEvent[];
}
export interface Trace {
  dims: string[];
  actors: string[];
  stopped_by: string;
  rounds: TraceRound[];
}
export interface RunModel {
  spec: string;
  model: string;
  forecasts: Forecast[];
  traces: Trace[];
}
export interface RunDoc extends DocHeader {
  scenario: ScenarioRef;
  seed: number;
  issues: RunIssue[];
  models: RunModel[];
}
export interface TraceDoc extends DocHeader {
  scenario: ScenarioRef;
  seed: number;
  spec: string;
  model: string;
  traces: Trace[];
}
/** docs/analysis.md — large; only the header is typed. */
export interface DealsDoc extends DocHeader {
  scenario?: ScenarioRef;
  [key: string]: unknown;
}

export interface SweepIssueStats {
  issue: string;
  n: number;
  failed: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  quantiles: Record<string, number | null>;
  histogram: { lo: number; hi: number; counts: number[] };
  bands: Array<{
    lo: number;
    hi: number;
    lo_label: string | null;
    hi_label: string | null;
    count: number;
    probability: number;
  }>;
}
/** docs/uncertainty.md, `entente sweep --format json`. */
export interface SweepDoc extends DocHeader {
  scenario: ScenarioRef;
  run_id?: number | null;
  draws: number;
  completed: number;
  seed: number;
  noise: Record<string, number>;
  uncertain_inputs: unknown;
  models: Array<{ spec: string; issues: SweepIssueStats[] }>;
  deals?: Record<string, unknown> | null;
  [key: string]: unknown;
}
/** docs/uncertainty.md, `entente sensitivity --format json` (loosely typed). */
export interface SensitivityDoc extends DocHeader {
  scenario?: ScenarioRef;
  [key: string]: unknown;
}

export interface ValidateResult {
  ok: boolean;
  problems: Problem[];
}

export type ImportFormat = "json" | "yaml" | "csv" | "ktab-csv" | "wide-csv" | "genius";
export type ExportFormat = "json" | "yaml" | "csv" | "wide-csv" | "ktab-csv";

export interface ImportRequest {
  format: ImportFormat;
  text: string;
  profiles?: string[];
  name?: string;
}

export interface DealsOptions {
  step?: number;
  utility?: string;
  parties?: string[];
  [key: string]: unknown;
}
export interface SweepOptions {
  models?: string[];
  draws?: number;
  seed?: number;
  noise?: { position?: number; salience?: number; capability?: number };
  deals?: boolean;
}
export interface SensitivityOptions {
  model?: string;
  delta?: number;
  threshold?: string[] | Record<string, number>;
  [key: string]: unknown;
}

export type JobKind = "sweep" | "sensitivity";
export interface JobStatus {
  job: string;
  kind: JobKind;
  status: "running" | "done" | "cancelled" | "failed";
  done: number;
  total: number;
  result: SweepDoc | SensitivityDoc | null;
  error?: string;
}
export interface JobProgress {
  done: number;
  total: number;
  rate: number;
  eta_s: number | null;
}

export interface RunListEntry {
  id: number;
  kind: string;
  status: string;
  started: string;
  finished: string;
  scenario: string;
  scenario_hash: string;
  specs: string[];
  seed: string | number;
  draws: number;
}
export interface RunsDoc extends DocHeader {
  store: string;
  runs: RunListEntry[];
}
/** `runs show ID --format json`: the record plus its result document. */
export interface RunRecordDoc extends DocHeader {
  id: number;
  run_kind: string;
  status: string;
  specs: string[];
  seed: string | number;
  entente_version: string;
  started: string;
  finished: string | null;
  error: string | null;
  scenario_id: string;
  scenario_hash: string;
  scenario: unknown;
  params: unknown;
  result: unknown;
  [key: string]: unknown;
}
/** The diff of two stored runs (loosely typed: differences as lines "path: a -> b"). */
export interface RunDiffDoc {
  a?: number | string;
  b?: number | string;
  differences?: string[];
  [key: string]: unknown;
}

export interface ReportRequest {
  scenario?: ScenarioDoc;
  models?: string[];
  trace_models?: string[];
  deals?: boolean;
  sweep?: SweepOptions;
  run?: number | string;
}

// ---------- errors ----------

export class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  constructor(status: number, message: string, problems: Problem[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.problems = problems;
  }
}

// ---------- transport ----------

let base = "";
/** Prefix for every URL (tests and the e2e harness may point it elsewhere). */
export function setBase(prefix: string): void {
  base = prefix.replace(/\/$/, "");
}

function isProblem(x: unknown): x is Problem {
  return typeof x === "object" && x !== null && typeof (x as Problem).message === "string";
}

async function errorFrom(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`.trim();
  let problems: Problem[] = [];
  let text = "";
  try {
    text = await res.text();
  } catch {
    /* body unreadable: keep the status line */
  }
  if (text) {
    try {
      const body = JSON.parse(text) as { error?: unknown; problems?: unknown };
      if (typeof body.error === "string" && body.error) message = body.error;
      if (Array.isArray(body.problems)) problems = body.problems.filter(isProblem);
    } catch {
      message = `${message}: ${text.slice(0, 200)}`;
    }
  }
  return new ApiError(res.status, message, problems);
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { "X-Entente": "1" };
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(base + path, init);
  } catch (e) {
    throw new ApiError(0, `cannot reach the entente server: ${(e as Error).message ?? e}`);
  }
  if (!res.ok) throw await errorFrom(res);
  return res;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await request(method, path, body);
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, `the server sent a response that is not JSON: ${text.slice(0, 200)}`);
  }
}

const enc = encodeURIComponent;

// ---------- endpoints ----------

export const getVersion = () => json<VersionDoc>("GET", "/api/version");
export const getModels = () => json<ModelsDoc>("GET", "/api/models");
export const getScenarios = () => json<ScenariosDoc>("GET", "/api/scenarios");
export const getScenario = (name: string) =>
  json<{ name: string; scenario: ScenarioDoc }>("GET", `/api/scenarios/${enc(name)}`);
export const validate = (scenario: ScenarioDoc) =>
  json<ValidateResult>("POST", "/api/validate", { scenario });
export const importScenario = (req: ImportRequest) =>
  json<{ scenario: ScenarioDoc }>("POST", "/api/import", req);
/** `lossy`: write what the format can hold instead of refusing (CSV drops anchors, ...). */
export const exportScenario = (scenario: ScenarioDoc, format: ExportFormat, lossy = false) =>
  json<{ text: string; filename: string }>("POST", "/api/export", { scenario, format, ...(lossy ? { lossy } : {}) });
export const run = (scenario: ScenarioDoc, models?: string[], seed?: number) =>
  json<RunDoc>("POST", "/api/run", {
    scenario,
    ...(models && models.length ? { models } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
export const trace = (scenario: ScenarioDoc, model: string, issue?: string) =>
  json<TraceDoc>("POST", "/api/trace", { scenario, model, ...(issue ? { issue } : {}) });
export const deals = (scenario: ScenarioDoc, options: DealsOptions = {}) =>
  json<DealsDoc>("POST", "/api/deals", { ...options, scenario });
/** A GENIUS domain and its profiles are an agreement space, not a scenario: analysed as deals. */
export const dealsGenius = (domain: string, profiles: string[], options: DealsOptions = {}) =>
  json<DealsDoc>("POST", "/api/deals", { ...options, genius: { domain, profiles } });
export function startJob(kind: "sweep", scenario: ScenarioDoc, options: SweepOptions): Promise<{ job: string }>;
export function startJob(kind: "sensitivity", scenario: ScenarioDoc, options: SensitivityOptions): Promise<{ job: string }>;
export function startJob(kind: JobKind, scenario: ScenarioDoc, options: SweepOptions | SensitivityOptions) {
  return json<{ job: string }>("POST", "/api/jobs", { ...options, kind, scenario });
}
export const getJob = (id: string) => json<JobStatus>("GET", `/api/jobs/${enc(id)}`);
export async function cancelJob(id: string): Promise<void> {
  await request("DELETE", `/api/jobs/${enc(id)}`);
}
export const listRuns = () => json<RunsDoc>("GET", "/api/runs");
export const getRun = (id: number | string) => json<RunRecordDoc>("GET", `/api/runs/${enc(String(id))}`);
export const diffRuns = (a: number | string, b: number | string) =>
  json<RunDiffDoc>("GET", `/api/runs/${enc(String(a))}/diff/${enc(String(b))}`);
/** The self-contained HTML report, as text. */
export async function report(req: ReportRequest): Promise<string> {
  const res = await request("POST", "/api/report", req);
  return res.text();
}

// ---------- server-sent events ----------

export interface JobHandlers<D = SweepDoc | SensitivityDoc> {
  progress?: (p: JobProgress) => void;
  done?: (doc: D) => void;
  cancelled?: (c: { done: number; total: number; partial: D | null }) => void;
  failed?: (f: { error: string }) => void;
  /** The connection broke before a final event arrived. */
  error?: (message: string) => void;
}

/** Low-level: open an event stream; `onEvent(type, data)` for each named event. Returns close(). */
export function events(
  url: string,
  onEvent: (type: string, data: unknown) => void,
  names: string[] = ["progress", "done", "cancelled", "failed"],
): () => void {
  const es = new EventSource(base + url);
  const parse = (ev: MessageEvent) => {
    try {
      return JSON.parse(ev.data as string);
    } catch {
      return ev.data;
    }
  };
  for (const name of names) es.addEventListener(name, (ev) => onEvent(name, parse(ev as MessageEvent)));
  es.onerror = () => onEvent("error", "the connection to the server was lost");
  return () => es.close();
}

/** Follow a job: progress events, then exactly one of done/cancelled/failed. Returns close(). */
export function jobEvents<D = SweepDoc | SensitivityDoc>(id: string, h: JobHandlers<D>): () => void {
  let finished = false;
  let close = () => {};
  close = events(
    `/api/jobs/${enc(id)}/events`,
    (type, data) => {
      if (finished) return;
      switch (type) {
        case "progress":
          h.progress?.(data as JobProgress);
          return;
        case "done":
          finished = true;
          close();
          h.done?.(data as D);
          return;
        case "cancelled":
          finished = true;
          close();
          h.cancelled?.(data as { done: number; total: number; partial: D | null });
          return;
        case "failed":
          finished = true;
          close();
          h.failed?.(data as { error: string });
          return;
        case "error":
          finished = true;
          close();
          h.error?.(String(data));
          return;
      }
    },
    ["progress", "done", "cancelled", "failed"],
  );
  return () => {
    finished = true;
    close();
  };
}

/** Offer `text` to the user as a file download. */
export function download(filename: string, text: string, type = "text/plain;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
