/**
 * One article in, the output contract out: furniture-free body → sentences → entities (gazetteer + rules)
 * → relations and facts with evidence → summary. Pure and synchronous, so it is fast to benchmark and to
 * test; storing, review and alerts live in ./ingest.ts, ./review.ts and ./alerts.ts.
 */
import type { NewsEntity, NewsResult } from "../model/news.js";
import type { Article } from "./article.js";
import { splitSentences } from "./sentences.js";
import { recogniseEntities, type DocEntity } from "./entities.js";
import type { Gazetteer } from "./gazetteer.js";
import { extractRelations, renderRelation, type FoundRelation } from "./relations.js";
import { extractFacts, renderFact, type FoundFact } from "./facts.js";
import { summarise } from "./summary.js";
import { inferReferenceDate, refDate } from "./dates.js";
import { isFurnitureLine } from "./furniture.js";
import { linkEntity } from "./linking.js";

export interface AnalyseOptions {
  sentences?: number;
  /** the article's date when it has none of its own (resolves "on February 10") */
  date?: string | null;
}

/**
 * What a sentence contributes to a summary: stating a relation counts, a figure more, and a designation or a
 * cancelled certification most (they are what this platform's users must not miss).
 */
function newsWeights(relations: FoundRelation[], facts: FoundFact[]): Map<number, number> {
  const w = new Map<number, number>();
  const bump = (i: number, v: number) => w.set(i, Math.max(w.get(i) ?? 0, v));
  for (const r of relations) bump(r.sentence, r.type === "SANCTIONED_BY" || r.type === "CERTIFICATION_CANCELLED" ? 0.7 : 0.3);
  for (const f of facts) bump(f.sentence, 0.4);
  return w;
}

export function analyseArticle(article: Article, gazetteer: Gazetteer, opts: AnalyseOptions = {}): NewsResult {
  const sentences = splitSentences(article.body);
  const analysis = recogniseEntities(sentences, gazetteer);
  for (const e of analysis.entities) if (!e.id) linkEntity(e, gazetteer);
  const ref = refDate(article.date ?? opts.date ?? inferReferenceDate(article.body));
  const relations = extractRelations(analysis.sentences, analysis.entities, ref);
  const facts = extractFacts(analysis.sentences, relations, ref, analysis.entities);

  const used = new Set<DocEntity>([...relations.flatMap((r) => [r.subject, r.object]), ...facts.map((f) => f.subject)]);
  const entities: NewsEntity[] = analysis.entities
    .filter((e) => (e.mentions.some((m) => !m.anaphor) || used.has(e)) && !isFurnitureLine(e.name))
    .map((e) => ({
      name: e.name,
      type: e.type,
      id: e.id,
      mentions: [...new Set(e.mentions.map((m) => m.text))],
      country: e.country,
      confidence: e.confidence,
    }));
  return {
    title: article.title,
    date: article.date,
    url: article.url,
    publisher: article.publisher,
    summary: summarise(analysis.sentences, opts.sentences ?? 3, newsWeights(relations, facts), article.title),
    entities,
    relations: relations.map((r) => renderRelation(r, analysis.sentences)),
    facts: facts.map((f) => renderFact(f, analysis.sentences)),
  };
}
