// Which values of a scenario cite which source: for the Scenarios view's sources list.
import type { JudgedNumber, ScenarioDoc } from "../api";
import { formatJudged, sourcesOf } from "./dist";

export interface Citation {
  /** What cites the source, e.g. "USA on TERRITORY: position 60". */
  what: string;
  /** The control key in the editor (see paths.ts), for a link. */
  path: string;
}

/** Source id -> the values citing it, in document order. Includes ids not in `sources`. */
export function citations(doc: ScenarioDoc): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const s of doc.sources ?? []) out.set(s.id, []);
  const add = (ids: string[], what: string, path: string) => {
    for (const id of ids) {
      const list = out.get(id);
      if (list) list.push({ what, path });
      else out.set(id, [{ what, path }]);
    }
  };
  const judged = (v: JudgedNumber | undefined, what: string, path: string) => {
    if (v !== undefined) add(sourcesOf(v), `${what} ${formatJudged(v)}`, path);
  };
  doc.actors.forEach((a, i) => {
    judged(a.capability, `${a.id}: capability`, `actors[${i}].capability`);
    judged(a.no_deal_acceptability, `${a.id}: no-deal acceptability`, `actors[${i}].no_deal_acceptability`);
  });
  doc.issues.forEach((iss, i) => judged(iss.no_deal, `${iss.id}: no-deal point`, `issues[${i}].no_deal`));
  (doc.positions ?? []).forEach((p, k) => {
    const where = `${p.actor} on ${p.issue}`;
    if (p.sources?.length) {
      const parts = (["position", "salience", "capability"] as const)
        .filter((f) => p[f] !== undefined)
        .map((f) => `${f} ${formatJudged(p[f])}`);
      add(p.sources, `${where}: ${parts.join(", ")}`, `positions[${k}]`);
    }
    judged(p.position, `${where}: position`, `positions[${k}].position`);
    judged(p.salience, `${where}: salience`, `positions[${k}].salience`);
    judged(p.capability, `${where}: capability`, `positions[${k}].capability`);
  });
  return out;
}
