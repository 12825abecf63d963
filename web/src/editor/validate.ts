// Validates the current scenario with the server as the user types: each change (debounced)
// posts the document to /api/validate; the answer becomes the state's problems. Answers to
// older revisions are ignored, so a slow response never overwrites a newer one.
import type { Problem, ScenarioDoc, ValidateResult } from "../api";
import type { AppState } from "../state";

export function autoValidate(
  st: AppState,
  validate: (doc: ScenarioDoc) => Promise<ValidateResult>,
  delayMs = 150,
  onError: (e: unknown) => void = () => {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = async () => {
    timer = null;
    const doc = st.scenario;
    if (!doc) return;
    const revision = st.revision;
    try {
      const res = await validate(doc);
      if (st.revision === revision) st.setProblems(res.problems ?? []);
    } catch (e) {
      if (st.revision !== revision) return;
      const problems = (e as { problems?: Problem[] }).problems;
      if (Array.isArray(problems) && problems.length) st.setProblems(problems);
      else onError(e);
    }
  };
  const unsubscribe = st.subscribe((_s, reason) => {
    if (reason === "problems" || reason === "run") return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
