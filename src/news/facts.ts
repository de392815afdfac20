/**
 * Numeric facts (ONTOLOGY.md metrics): each quantity in a sentence (./numbers.ts) is given a metric from the
 * words around it (capacity, export, range, horsepower…), a subject from the entities around it (the
 * clause's first party, the model just named, "of China's…"), a period from the nearest year, and a status
 * from hedges ("target", "aims to" → planned).
 */
import type { EntityType, Metric, RelationStatus } from "../model/schema.js";
import type { NewsFact } from "../model/news.js";
import type { DocEntity, Mention, SentenceAnalysis } from "./entities.js";
import type { FoundRelation } from "./relations.js";
import { findQuantities, type Quantity } from "./numbers.js";
import { findDates, type RefDate } from "./dates.js";
import { statusOf } from "./hedges.js";
import { COUNTRY_ADJECTIVES, COUNTRY_NAME_BY_CODE } from "./lexicon.js";

export interface FoundFact {
  metric: Metric;
  subject: DocEntity;
  value: number;
  unit: string | null;
  period: string | null;
  status: RelationStatus;
  sentence: number;
  confidence: number;
}

const PARTIES: EntityType[] = ["Country", "Company", "Brand", "Plant", "Organization"];
const UNDATED: Metric[] = ["production_capacity", "range_km", "power_hp", "engine_l", "employees"];

/** The metric of a quantity from its unit and the words of its clause (nearest cue before it wins). */
function metricOf(q: Quantity, before: string, after: string, eventBefore: boolean): Metric | null {
  const near = before.slice(-90);
  switch (q.unit) {
    case "percent":
      if (/\b(?:increase|rise|growth|up|down|fell|grew|rose|decline|drop|jump|surge|higher|lower|more|less|rate|inflation|discount|duty|tariff|tax)\b(?:\s+(?:of|by|to))?\s*(?:about|around|roughly|nearly|almost|some)?\s*$/i.test(near)) return null;
      if (/^\s*(?:stake|share|shares|interest|holding)\s+in\b/i.test(after) || /\bstake\b/i.test(near.slice(-30))) return null;
      if (/\b(?:market share|share of|accounting for|accounted for|accounts for|share in|market)\b/i.test(near) || /^\s*(?:of|share)\b/i.test(after)) return "market_share";
      return null;
    case "km":
      return /\brange\b/i.test(near + after.slice(0, 30)) ? "range_km" : null;
    case "hp":
      return "power_hp";
    case "l":
      return /\bengine\b/i.test(near.slice(-40) + after.slice(0, 40)) ? "engine_l" : null;
    case "people":
      return /\b(?:employ\w*|workers|staff|jobs|workforce|headcount|people)\b/i.test(near + q.raw) ? "employees" : null;
    case "vehicles":
    case null: {
      if (q.unit === null && !/\bcapacity\b/i.test(near)) return null;
      if (q.perYear || /\bcapacity\b/i.test(near)) return "production_capacity";
      if (/^\s*(?:of\s+(?:this|these|that|those|the affected)\b)/i.test(after) && eventBefore) return "units_affected";
      if (/\brecall\w*\b|\baffect(?:ed|s|ing)?\b/i.test(near)) return "units_affected";
      const cues: Array<[RegExp, Metric]> = [
        [/\bexport\w*\b/gi, "exports_units"],
        [/\bimport\w*\b/gi, "imports_units"],
        [/\b(?:sold|sales|sell\w*|deliver\w*|registrations?)\b/gi, "sales_units"],
        [/\b(?:produc\w*|manufactur\w*|assembl\w*|output|build|builds|built|make|makes|made|roll(?:ed)? off)\b/gi, "production_units"],
      ];
      let best: { metric: Metric; at: number } | undefined;
      for (const [re, metric] of cues) for (const m of near.matchAll(re)) if (!best || m.index! > best.at) best = { metric, at: m.index! };
      return best?.metric ?? null;
    }
    default:
      if (q.unit?.startsWith("currency:") && /\b(?:fee|fees|levy|duty|duties|fine|charge|tariff|payment)\b/i.test(near.slice(-60) + after.slice(0, 30))) return "fee_amount";
      return null;
  }
}

export function extractFacts(sentences: SentenceAnalysis[], relations: FoundRelation[], ref: RefDate, entities: DocEntity[] = []): FoundFact[] {
  const out: FoundFact[] = [];
  const events = relations.filter((r) => r.type === "CERTIFICATION_CANCELLED");
  for (const sa of sentences) {
    const text = sa.sentence.text;
    const quantities = findQuantities(text);
    if (!quantities.length) continue;
    const dates = findDates(text, ref);
    const eventBefore = events.find((r) => r.sentence <= sa.sentence.index && r.sentence >= sa.sentence.index - 3);
    for (const q of quantities) {
      const clauseStart = Math.max(0, text.lastIndexOf(";", q.start) + 1);
      const before = text.slice(clauseStart, q.start);
      const after = text.slice(q.end);
      const metric = metricOf(q, before, after, Boolean(eventBefore));
      if (!metric) continue;
      // "Daimler Truck, which held 15% of KAMAZ": a stake read as OWNS is no market share
      if (metric === "market_share" && relations.some((r) => r.type === "OWNS" && r.sentence === sa.sentence.index && r.percentage === q.value)) continue;
      const subject = siteSubject(before, sa, q, relations) ?? subjectOf(metric, q, sa, sentences, after, eventBefore?.subject, entities);
      if (!subject) continue;
      let period: string | null = null;
      if (!UNDATED.includes(metric)) {
        let bestD = Infinity;
        for (const d of dates) {
          const dist = d.start >= q.end ? d.start - q.end : q.start - d.end;
          if (dist < bestD) (bestD = dist), (period = d.value.slice(0, 4));
        }
      }
      const unit = metric === "production_capacity" ? "vehicles/year"
        : metric === "market_share" ? "percent"
        : q.unit === "vehicles" || q.unit === null ? "vehicles"
        : q.unit.startsWith("currency:") ? q.unit.slice(9) : q.unit;
      out.push({
        metric, subject, value: q.value, unit, period, status: statusOf(text.slice(clauseStart), before + q.raw, { figure: true }), sentence: sa.sentence.index,
        confidence: Math.round((0.6 + subject.confidence * 0.3) * 100) / 100,
      });
    }
  }
  // "its plant in Kaluga can build 100,000 cars a year": a plant's capacity, output and staff are filed under the
  // company that runs it (analysts follow companies; a plant named only by its town is no party of its own)
  for (const f of out) {
    if (f.subject.type !== "Plant" || !PLANT_FIGURES.has(f.metric)) continue;
    // …unless the plant changed hands: a site sold, bought or run by several companies is spoken of by its own name
    if (relations.some((r) => r.object === f.subject && (r.type === "ACQUIRED" || r.type === "OWNS" || (r.type === "OPERATES_PLANT" && r.status === "ended")))) continue;
    const operators = new Set(relations.filter((r) => r.type === "OPERATES_PLANT" && r.object === f.subject).map((r) => r.subject));
    if (operators.size === 1) f.subject = [...operators][0];
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.metric}|${f.subject.index}|${f.value}|${f.period}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PLANT_FIGURES = new Set<string>(["production_capacity", "production_units", "employees"]);

/**
 * "The plant will have a capacity of…", "The site employs…": with no plant named, the figure belongs to the
 * company last said to assemble or run something, in this sentence or before it.
 */
function siteSubject(before: string, sa: SentenceAnalysis, q: Quantity, relations: FoundRelation[]): DocEntity | undefined {
  if (!/^\s*(?:the|this|its)\s+(?:new\s+)?(?:plant|site|factory|facility)\b/i.test(before)) return undefined;
  if (sa.mentions.some((m) => m.end <= q.start && m.entity.type === "Plant")) return undefined;
  // the company most often said to assemble or run a site; on a tie, the one named first
  const counts = new Map<DocEntity, number>();
  for (const x of relations) {
    if (x.sentence <= sa.sentence.index && (x.type === "ASSEMBLES" || x.type === "OPERATES_PLANT") && x.subject.type === "Company") counts.set(x.subject, (counts.get(x.subject) ?? 0) + 1);
  }
  let best: DocEntity | undefined;
  for (const [e, n] of counts) if (!best || n > counts.get(best)!) best = e;
  return best;
}

/** The country named nearest before a position: possessive in this sentence first, then the three before it. */
function countryNear(sa: SentenceAnalysis, all: SentenceAnalysis[], at: number): DocEntity | undefined {
  const here = sa.mentions.filter((m) => m.entity.type === "Country" && m.end <= at);
  const own = here.filter((m) => m.possessive).pop() ?? here.pop();
  if (own) return own.entity;
  for (let k = sa.sentence.index - 1; k >= 0 && k >= sa.sentence.index - 3; k--) {
    const ms = all[k].mentions.filter((m) => m.entity.type === "Country");
    const hit = ms.find((m) => m.possessive) ?? ms[0];
    if (hit) return hit.entity;
  }
  return undefined;
}

function subjectOf(metric: Metric, q: Quantity, sa: SentenceAnalysis, all: SentenceAnalysis[], after: string, eventSubject?: DocEntity, countryEntities: DocEntity[] = []): DocEntity | undefined {
  const ms = sa.mentions;
  if (metric === "units_affected" && eventSubject) return eventSubject;
  if (metric === "range_km" || metric === "power_hp" || metric === "engine_l") {
    const models = ms.filter((m) => m.entity.type === "VehicleModel");
    const prior = models.filter((m) => m.end <= q.start).pop() ?? models[0];
    if (prior) return prior.entity;
    for (let k = sa.sentence.index - 1; k >= 0 && k >= sa.sentence.index - 3; k--) {
      const hit = [...all[k].mentions].reverse().find((m) => m.entity.type === "VehicleModel");
      if (hit) return hit.entity;
    }
    return undefined;
  }
  if (metric === "fee_amount") {
    // a fee is a country's: "Russia's recycling fee … The fee now stands at 1.6 million rubles"
    const country = countryNear(sa, all, q.start);
    if (country) return country;
  }
  if (metric === "market_share") {
    // "Chinese brands hold over 50%": the share is the country's, not the clause's first party
    const adj = /\b([A-Z][a-z]+)\s+(?:[a-z-]+\s+)?(?:brands?|carmakers?|automakers?|makers?|manufacturers?|cars|vehicles|models|companies|producers|firms|trucks)\b[^.;]{0,40}$/.exec(sa.sentence.text.slice(0, q.start));
    const code = adj && COUNTRY_ADJECTIVES.get(adj[1].toLowerCase());
    if (code) {
      const country = all.flatMap((x) => x.mentions).find((m) => m.entity.type === "Country" && m.entity.country === code)?.entity
        ?? countryEntities.find((e) => e.type === "Country" && e.country === code);
      if (country) return country;
      // a country named only by its adjective becomes a party of the article, as for "Chinese exports"
      const e: DocEntity = { index: countryEntities.length, key: `country:${code}`, name: COUNTRY_NAME_BY_CODE.get(code) ?? code, type: "Country", id: null, country: code, mentions: [], confidence: 0.8, fromGazetteer: true };
      countryEntities.push(e);
      return e;
    }
    const ofX = ms.find((m) => m.start >= q.end && m.start <= q.end + 12 && /^\s*of\s+(?:the\s+)?$/i.test(sa.sentence.text.slice(q.end, m.start)));
    if (ofX) return ofX.entity;
    const possessive = ms.filter((m) => m.end <= q.start && m.possessive).pop();
    if (possessive) return possessive.entity;
  }
  // the source of a figure is not what it measures: "according to the Association…", "…, Autostat said"
  const text = sa.sentence.text;
  const isSource = (m: Mention) => /\baccording to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i.test(text.slice(Math.max(0, m.start - 40), m.start)) ||
    /^\s*(?:said|says|reported|estimated|estimates|data)\b/i.test(text.slice(m.end, m.end + 12));
  const eligible = (m: Mention) => !isSource(m) && PARTIES.includes(m.entity.type) && !(m.entity.type === "Country" && metric !== "exports_units" && metric !== "imports_units" && metric !== "market_share" && metric !== "sales_units" && metric !== "production_units");
  const first = ms.find((m) => m.end <= q.start && eligible(m)) ?? ms.find(eligible);
  if (first) return first.entity;
  // "The plant plans to build…": the company the previous sentences are about (their first-named company)
  for (let k = sa.sentence.index - 1; k >= 0 && k >= sa.sentence.index - 2; k--) {
    const hit = all[k].mentions.find((m) => m.entity.type === "Company");
    if (hit) return hit.entity;
  }
  return undefined;
}

export function renderFact(f: FoundFact, sentences: SentenceAnalysis[]): NewsFact {
  const s = sentences[f.sentence].sentence;
  return {
    metric: f.metric, subject: f.subject.name, subjectId: f.subject.id, value: f.value, unit: f.unit, period: f.period, status: f.status,
    evidence: s.text, span: { start: s.start, end: s.end }, confidence: f.confidence,
  };
}
