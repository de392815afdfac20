/**
 * Scoring of news extraction against hand-made gold (the format of ../shared/corpus/seeds-gold/*.json):
 * entities by name and alias, relations by type + subject + object (and with status), facts by metric +
 * subject + value, summaries by the terms they must mention and the furniture they must not contain.
 * Used by bench/eval-news.ts and by test/news/eval.test.ts.
 */
import { nameKey } from "../src/model/names.js";
import type { NewsResult } from "../src/model/news.js";

export interface Gold {
  file: string;
  boilerplate?: string[];
  entities: Array<{ name: string; type: string; aliases?: string[] }>;
  relations: Array<{ type: string; subject: string; object: string; status: string }>;
  facts: Array<{ metric: string; subject: string; value: number }>;
  summary_must_mention?: string[];
}

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface ArticleScore {
  file: string;
  entities: Counts & { goldFound: number };
  relations: Counts;
  relationsWithStatus: Counts;
  facts: Counts;
  summaryMentions: { found: number; required: number; missing: string[] };
  furnitureLeaks: string[];
  /** "missed relation …", "spurious fact …": what to look at when a score drops */
  misses: string[];
}

const ANAPHOR = /^(?:the|this|that)\s/i;

function goldForms(g: Gold["entities"][number]): Set<string> {
  return new Set([g.name, ...(g.aliases ?? [])].map(nameKey));
}

export function scoreArticle(result: NewsResult, gold: Gold): ArticleScore {
  const golds = gold.entities.map((g) => ({ g, forms: goldForms(g) }));
  const predForms = result.entities.map((e) => ({ e, forms: new Set([e.name, ...e.mentions.filter((m) => !ANAPHOR.test(m))].map(nameKey)) }));
  const intersects = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

  // a predicted name → the gold entity it is (so relation arguments compare by identity, not spelling)
  const canon = new Map<string, string>();
  for (const p of predForms) {
    const hit = golds.find((g) => intersects(p.forms, g.forms));
    canon.set(p.e.name, hit ? nameKey(hit.g.name) : nameKey(p.e.name));
  }
  const goldCanon = (name: string) => nameKey(golds.find((g) => g.forms.has(nameKey(name)))?.g.name ?? name);
  const predCanon = (name: string) => canon.get(name) ?? goldCanon(name);

  const goldFound = golds.filter((g) => predForms.some((p) => intersects(p.forms, g.forms))).length;
  const predCorrect = predForms.filter((p) => golds.some((g) => intersects(p.forms, g.forms))).length;

  const relKey = (type: string, s: string, o: string, status?: string) => {
    const pair = type === "PARTNER_OF" ? [s, o].sort().join("~") : `${s}>${o}`;
    return `${type}|${pair}${status ? `|${status}` : ""}`;
  };
  const goldRel = new Set(gold.relations.map((r) => relKey(r.type, goldCanon(r.subject), goldCanon(r.object))));
  const goldRelS = new Set(gold.relations.map((r) => relKey(r.type, goldCanon(r.subject), goldCanon(r.object), r.status)));
  const predRel = new Set(result.relations.map((r) => relKey(r.type, predCanon(r.subject), predCanon(r.object))));
  const predRelS = new Set(result.relations.map((r) => relKey(r.type, predCanon(r.subject), predCanon(r.object), r.status)));

  const factKey = (m: string, s: string, v: number) => `${m}|${s}|${Math.round(v * 1000) / 1000}`;
  const goldFacts = new Set(gold.facts.map((f) => factKey(f.metric, goldCanon(f.subject), f.value)));
  const predFacts = new Set(result.facts.map((f) => factKey(f.metric, predCanon(f.subject), f.value)));

  const summary = result.summary.join(" ").toLowerCase();
  const required = gold.summary_must_mention ?? [];
  const missing = required.filter((t) => !summary.includes(t.toLowerCase()));
  const furniture = (gold.boilerplate ?? []).filter((b) => b.length > 3);
  const leaks = furniture.filter((b) =>
    result.summary.some((s) => s.includes(b)) || result.entities.some((e) => e.name.includes(b) || e.mentions.some((m) => m.includes(b))));

  const inter = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
  const diff = (label: string, a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).map((x) => `${label} ${x}`);
  const misses = [
    ...diff("missed relation", goldRel, predRel), ...diff("spurious relation", predRel, goldRel),
    ...diff("wrong status", new Set([...goldRelS].filter((x) => predRel.has(x.replace(/\|[^|]*$/, "")))), predRelS),
    ...diff("missed fact", goldFacts, predFacts), ...diff("spurious fact", predFacts, goldFacts),
  ];
  return {
    file: gold.file,
    entities: { tp: predCorrect, predicted: predForms.length, gold: golds.length, goldFound },
    relations: { tp: inter(predRel, goldRel), predicted: predRel.size, gold: goldRel.size },
    relationsWithStatus: { tp: inter(predRelS, goldRelS), predicted: predRelS.size, gold: goldRelS.size },
    facts: { tp: inter(predFacts, goldFacts), predicted: predFacts.size, gold: goldFacts.size },
    summaryMentions: { found: required.length - missing.length, required: required.length, missing },
    furnitureLeaks: leaks,
    misses,
  };
}

export const precision = (c: Counts) => (c.predicted ? c.tp / c.predicted : 1);
export const recall = (c: Counts & { goldFound?: number }) => (c.gold ? (c.goldFound ?? c.tp) / c.gold : 1);
export const f1 = (c: Counts & { goldFound?: number }) => {
  const p = precision(c);
  const r = recall(c);
  return p + r ? (2 * p * r) / (p + r) : 0;
};

export function total(scores: ArticleScore[]) {
  const sum = (pick: (s: ArticleScore) => Counts & { goldFound?: number }) =>
    scores.reduce((a, s) => ({ tp: a.tp + pick(s).tp, predicted: a.predicted + pick(s).predicted, gold: a.gold + pick(s).gold, goldFound: a.goldFound + (pick(s).goldFound ?? pick(s).tp) }), { tp: 0, predicted: 0, gold: 0, goldFound: 0 });
  return {
    entities: sum((s) => s.entities),
    relations: sum((s) => s.relations),
    relationsWithStatus: sum((s) => s.relationsWithStatus),
    facts: sum((s) => s.facts),
    summary: { found: scores.reduce((a, s) => a + s.summaryMentions.found, 0), required: scores.reduce((a, s) => a + s.summaryMentions.required, 0) },
    leaks: scores.flatMap((s) => s.furnitureLeaks),
  };
}
