/**
 * Relations ended in a later sentence: "GAZ had assembled Volkswagen models under a contract with
 * Volkswagen. Volkswagen ended that contract assembly in 2022." A sentence that says an activity stopped
 * ("ended", "stopped", "halted", "terminated"…) ends the relations of the same kind stated in the two
 * sentences before it — only those involving a party it names, or, when it names none, those of the sentence
 * right before it ("Production stopped in April").
 */
import type { RelationType } from "../model/schema.js";
import type { SentenceAnalysis } from "./entities.js";
import type { FoundRelation } from "./relations.js";

const STOP = /\b(?:end(?:ed|s)|stopp?(?:ed|s)|halt(?:ed|s)|ceas(?:ed|es)|terminat(?:ed|es)|suspend(?:ed|s)|wound down|shut down|closed|pulled out of|broke off|quit)\b/i;
/** what was stopped, and the relation types it ends */
const ACTIVITIES: Array<[RegExp, RelationType[]]> = [
  [/\b(?:production|assembly|assembling|manufacturing|output|conveyor|lines?|operations|works)\b/i, ["ASSEMBLES", "OPERATES_PLANT"]],
  [/\b(?:contract|partnership|cooperation|collaboration|venture|alliance|agreement|deal|ties)\b/i, ["PARTNER_OF", "ASSEMBLES", "LICENSES_TO"]],
  [/\b(?:supply|supplies|deliveries|shipments)\b/i, ["SUPPLIES"]],
  [/\b(?:licen[cs]e|licen[cs]ing)\b/i, ["LICENSES_TO"]],
];
/** the stop is stated, not hedged or conditional ("could halt", "if supplies end") */
const HEDGED = /\b(?:if|unless|could|may|might|would|threaten\w*|risk\w*|plans? to|will)\b/i;

export function applyLaterEndings(found: FoundRelation[], sentences: SentenceAnalysis[]): void {
  for (const sa of sentences) {
    const text = sa.sentence.text;
    const stop = STOP.exec(text);
    if (!stop || HEDGED.test(text.slice(0, stop.index))) continue;
    const types = new Set(ACTIVITIES.filter(([re]) => re.test(text)).flatMap(([, ts]) => ts));
    if (!types.size) continue;
    const named = new Set(sa.mentions.filter((m) => m.entity.type !== "Country").map((m) => m.entity));
    const from = named.size ? sa.sentence.index - 2 : sa.sentence.index - 1;
    for (const r of found) {
      if (r.sentence < from || r.sentence >= sa.sentence.index || !types.has(r.type) || r.status !== "confirmed") continue;
      if (named.size && !named.has(r.subject) && !named.has(r.object)) continue;
      r.status = "ended";
    }
  }
}
