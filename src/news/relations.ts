/**
 * Relation extraction: every pattern of ./patterns/* is tried on every sentence; its trigger's position
 * decides which entity fills which role (the clause's first party before a verb is its subject, the first
 * party after a preposition its object), hedges decide the status (./hedges.ts) and the nearest date the
 * date. Three structural rules add what sentences state without a verb: a model named after its maker is
 * PRODUCES, "its Lada lineup" is PRODUCES, and a plant named with its owner is OPERATES_PLANT. Arguments may be
 * coordinated ("X and Y will jointly…", "the Camry sedan and the RAV4 crossover", "gearboxes from X and engines
 * from Y"); a site that makes vehicles assembles them; kits "supplied by" a party go to the assembler.
 */
import type { EntityType, RelationStatus, RelationType } from "../model/schema.js";
import type { NewsRelation } from "../model/news.js";
import type { DocEntity, Mention, SentenceAnalysis } from "./entities.js";
import { findDates, type RefDate } from "./dates.js";
import { negated, statusOf } from "./hedges.js";
import { applyLaterEndings } from "./endings.js";
import { AUTHORITY_BY_WORD, COUNTRY_ADJECTIVES, COUNTRY_NAME_BY_CODE } from "./lexicon.js";
import type { Fallback, Pattern } from "./patterns/types.js";
import { PARTNERSHIP_PATTERNS } from "./patterns/partnership.js";
import { LICENCE_PATTERNS } from "./patterns/licence.js";
import { PRODUCTION_PATTERNS } from "./patterns/production.js";
import { SUPPLY_PATTERNS } from "./patterns/supply.js";
import { OWNERSHIP_PATTERNS } from "./patterns/ownership.js";
import { SANCTIONS_PATTERNS } from "./patterns/sanctions.js";
import { TRADE_PATTERNS } from "./patterns/trade.js";
import { impliedRelations, relativeClauseAt, relativeClauses } from "./relative-clauses.js";

export const PATTERNS: Pattern[] = [
  ...PARTNERSHIP_PATTERNS, ...LICENCE_PATTERNS, ...PRODUCTION_PATTERNS, ...SUPPLY_PATTERNS, ...OWNERSHIP_PATTERNS,
  ...SANCTIONS_PATTERNS, ...TRADE_PATTERNS,
];

/** A relation before names are rendered: entities, the sentence it came from and how sure we are. */
export interface FoundRelation {
  type: RelationType;
  subject: DocEntity;
  object: DocEntity;
  status: RelationStatus;
  date: string | null;
  percentage: number | null;
  what: string | null;
  sentence: number;
  confidence: number;
  pattern: string;
}

const CLAUSE_BREAK = /;|,\s+(?:and|but|while|whereas|although|though|yet)\s+|\s+(?:while|whereas)\s+|:\s+/g;

interface Clause {
  start: number;
  end: number;
}

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    out.push({ start: last, end: m.index! });
    last = m.index! + m[0].length;
  }
  out.push({ start: last, end: text.length });
  return out;
}

const SITE_SUBJECT = /\b(?:plant|factory|site|facility|works)\b/i;

const STATUS_RANK: Record<RelationStatus, number> = { ended: 3, confirmed: 2, reported: 1, planned: 0 };

export function extractRelations(sentences: SentenceAnalysis[], entities: DocEntity[], ref: RefDate): FoundRelation[] {
  const found: FoundRelation[] = [];
  const countryEntities = new Map<string, DocEntity>();
  for (const e of entities) if (e.type === "Country" && e.country) countryEntities.set(e.country, e);

  for (const sa of sentences) {
    const text = sa.sentence.text;
    const cls = clauses(text);
    const dates = findDates(text, ref);
    const adjectiveMentions = countryAdjectiveMentions(sa, entities, countryEntities);
    const sanctionsPool = authorityPool(sa, entities);
    const relatives = relativeClauses(sa);
    for (const p of PATTERNS) {
      p.trigger.lastIndex = 0;
      for (const m of text.matchAll(p.trigger)) {
        const tStart = m.index!;
        const tEnd = tStart + m[0].length;
        // a trigger word inside a name is no trigger ("Nissan Manufacturing Rus", "Shaanxi Heavy Truck")
        if (sa.mentions.some((x) => !x.anaphor && x.start <= tStart && tStart < x.end)) continue;
        const clause = cls.find((c) => c.start <= tStart && tStart <= c.end) ?? { start: 0, end: text.length };
        const clauseText = text.slice(clause.start, clause.end);
        if (p.requires && !p.requires.test(clauseText)) continue;
        if (p.excludes && p.excludes.test(clauseText)) continue;
        if (negated(text.slice(clause.start, tStart))) continue;
        const pool = p.type === "EXPORTS_TO" ? [...sa.mentions, ...adjectiveMentions].sort((a, b) => a.start - b.start)
          : p.type === "SANCTIONED_BY" ? sanctionsPool : sa.mentions;
        const inClause = pool.filter((x) => x.start >= clause.start && x.end <= clause.end);
        const beforeAll = inClause.filter((x) => x.end <= tStart);
        const afterAll = inClause.filter((x) => x.start >= tEnd && x.start <= tEnd + (p.afterWithin ?? 70));
        const typesOf = (role: "subject" | "object" | null) => (role === "subject" ? p.subjectTypes : role === "object" ? p.objectTypes : []);
        let before = beforeAll.filter((x) => typesOf(p.before).includes(x.entity.type));
        // "AGR works with Chery, which supplies kits to…": inside a relative clause the antecedent is the subject
        const relative = p.before === "subject" ? relativeClauseAt(relatives, tStart) : undefined;
        if (relative && before.includes(relative.antecedent)) before = [relative.antecedent];
        const after = afterAll.filter((x) => typesOf(p.after).includes(x.entity.type) && !(p.directObject && /\b(?:from|to)\b/i.test(text.slice(tEnd, x.start))));
        // coordinated arguments may run past afterWithin ("to Kazakhstan and Belarus")
        const afterTyped = inClause.filter((x) => x.start >= tEnd && typesOf(p.after).includes(x.entity.type));

        let subjects: DocEntity[] = [];
        let objects: DocEntity[] = [];
        const pickBefore = (xs: Mention[]) => (xs.length ? [(p.pickBefore === "nearest" ? xs[xs.length - 1] : xs[0]).entity] : []);
        const pickAfter = (xs: Mention[]) => (xs.length ? (p.manyAfter ? unique(xs.map((x) => x.entity)) : coordinated(afterTyped.slice(afterTyped.indexOf(xs[0])), text)) : []);

        if (p.id === "export-market") {
          // "Russia has become China's largest export market": exporter right before 's, destination the clause's first party
          const exporter = beforeAll.filter((x) => p.subjectTypes.includes(x.entity.type)).pop();
          const destination = beforeAll.find((x) => x !== exporter && p.objectTypes.includes(x.entity.type) && x.entity !== exporter?.entity);
          if (exporter && destination) subjects = [exporter.entity], (objects = [destination.entity]);
        } else if (p.id === "sold-to") {
          // "X sold Y to Z": Z acquired Y
          const target = afterAll.find((x) => p.objectTypes.includes(x.entity.type));
          if (target) {
            const toAt = text.slice(target.end).search(/^\s[^.;]{0,40}?\bto\s/);
            const buyer = toAt === 0 ? inClause.find((x) => x.start > target.end && p.subjectTypes.includes(x.entity.type)) : undefined;
            if (buyer) subjects = [buyer.entity], (objects = [target.entity]);
          }
        } else if (p.objectAfterTo) {
          const subject = after[0];
          const target = subject && inClause.find((x) => x.start > subject.end && p.objectTypes.includes(x.entity.type) && /\bto\s+(?:the\s+)?$/i.test(text.slice(subject.end, x.start)));
          if (subject && target) subjects = [subject.entity], (objects = [target.entity]);
        } else if (p.pairBefore || p.pairAfter) {
          const side = p.pairBefore ? before : after;
          if (side.length >= 2) subjects = [side[0].entity], (objects = [side[1].entity]);
          else if (p.pairBefore && before.length === 1 && !p.after) continue;
          if (!subjects.length) continue;
        } else {
          if (p.before === "subject") subjects = pickBefore(before);
          // "Kama Axle and Ningbo Gear will supply…": a subject coordinated with the clause's first party
          if (p.before === "subject" && p.pickBefore !== "nearest" && before.length >= 2 && subjects[0] === before[0].entity) {
            const [a, b] = before;
            if (b.entity !== a.entity && b.entity.type === a.entity.type && /^\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/.test(text.slice(a.end, b.start)) && !/[,;]/.test(text.slice(b.end, tStart)) && tStart - b.end <= 40) subjects.push(b.entity);
          }
          if (p.before === "object") objects = pickBefore(before);
          if (p.after === "subject") subjects = pickAfter(after);
          if (p.after === "object") objects = pickAfter(after);
        }

        if (!subjects.length && p.fallbackSubject) subjects = fallback(p.fallbackSubject, p.subjectTypes, sa, sentences, beforeAll, objects[0]);
        // a site that assembles ("the plant assembled 25,000 cars", "X, the car plant in Kostanay, assembled…") or
        // a company that will assemble "other brands" builds someone else's vehicles, not its own
        const selfExcluded = SITE_SUBJECT.test(text.slice(0, tStart)) || /^\s+(?:\w+\s+)?other\b/i.test(text.slice(tEnd, tEnd + 30));
        const objectFallback = selfExcluded ? p.fallbackObject?.filter((k) => k !== "self") : p.fallbackObject;
        // "the plant builds JAC crossovers": a site makes the vehicles it assembles, whoever designed them
        const siteMakes = p.type === "PRODUCES" && p.before === "subject" && SITE_SUBJECT.test(text.slice(clause.start, tStart));
        const objectByFallback = !objects.length && !!objectFallback?.length;
        if (objectByFallback) objects = fallback(objectFallback!, p.objectTypes, sa, sentences, beforeAll, subjects[0]);
        if (!subjects.length || !objects.length) continue;

        const status = p.status ?? statusOf(clauseText, text.slice(clause.start, tEnd));
        const date = nearestDate(dates, tStart, clause);
        const pct = /(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)/.exec(m[0]);
        if (p.id === "sold-stake" && objects.length) {
          // "sold its 68% stake in AvtoVAZ to NAMI": the buyer now holds it
          const asset = afterAll.find((x) => x.entity === objects[0]);
          const buyer = asset && inClause.find((x) => x.start > asset.end && /^\s+to\s+(?:the\s+)?$/i.test(text.slice(asset.end, x.start)) && p.subjectTypes.includes(x.entity.type));
          if (buyer && buyer.entity !== objects[0]) {
            found.push({
              type: "OWNS", subject: buyer.entity, object: objects[0], status: "confirmed", date: nearestDate(dates, tStart, clause),
              percentage: pct0(m[0]), what: null, sentence: sa.sentence.index, confidence: confidenceOf(p.confidence, buyer.entity, objects[0]), pattern: "sold-stake-to",
            });
          }
        }
        for (const s of subjects) {
          for (const o of objects) {
            // "assembles cars at the Moskvich plant" may name the subject again; "the company reported" does not
            if (s === o && !(p.fallbackObject?.includes("self") && !selfExcluded && (objectByFallback || !after[0]?.anaphor) && objects.length === 1 && subjects.length === 1)) continue;
            found.push({
              type: siteMakes ? "ASSEMBLES" : p.type, subject: s, object: o, status, date,
              percentage: pct ? Number(pct[1]) : null,
              what: p.type === "LICENSES_TO" ? licensedThing(text, tStart) : null,
              sentence: sa.sentence.index, confidence: confidenceOf(p.confidence, s, o), pattern: p.id,
            });
          }
        }
      }
    }
    found.push(...gappedStakes(sa, found));
    kitSupplies(sa, found);
    for (const r of impliedRelations(sa, relatives)) {
      found.push({ ...r, date: nearestDate(dates, relatives[0]?.start ?? 0, { start: 0, end: text.length }), percentage: null, what: null, sentence: sa.sentence.index, confidence: confidenceOf(0.6, r.subject, r.object), pattern: `relative-clause-${r.type.toLowerCase()}` });
    }
    found.push(...structural(sa, sentences, dates));
    found.push(...sales(sa, dates, ref));
  }
  applyLaterEndings(found, sentences);
  return dedupe(resolveOptions(found));
}

/**
 * Kit assembly names the supplier after the goods: "it assembles Chevrolet cars from kits supplied by UzAuto
 * Motors", "the plant assembles buses using components shipped by Ningbo Gear". The supplier delivers to the
 * assembler of the same sentence, not to the brand being assembled (which the generic "supplied by" reading
 * would pick as the first party of the clause).
 */
const KITS_SUPPLIED_BY = /\b(?:from|using|with|on)\s+(?:[\w-]+\s+){0,3}?(?:kits?|components?|parts|assemblies|sets)\s+(?:supplied|shipped|delivered|provided|sent|imported)\s+(?:\w+\s+)?by\s+/gi;
const SUPPLIER_TYPES: EntityType[] = ["Company", "Brand"];

function kitSupplies(sa: SentenceAnalysis, found: FoundRelation[]): void {
  const text = sa.sentence.text;
  const here = (r: FoundRelation) => r.sentence === sa.sentence.index;
  for (const m of text.matchAll(KITS_SUPPLIED_BY)) {
    const end = m.index! + m[0].length;
    const supplier = sa.mentions.find((x) => x.start >= end && x.start <= end + 30 && SUPPLIER_TYPES.includes(x.entity.type));
    if (!supplier) continue;
    // the assembler: the subject of an assembly read from this sentence, else the sentence's first company
    const assembly = found.filter((r) => here(r) && r.type === "ASSEMBLES" && r.subject !== supplier.entity).pop();
    const assembler = assembly?.subject ?? sa.mentions.find((x) => x.end <= m.index! && x.entity.type === "Company" && x.entity !== supplier.entity)?.entity;
    if (!assembler) continue;
    const namedBefore = new Set(sa.mentions.filter((x) => x.end <= m.index!).map((x) => x.entity));
    for (let k = found.length - 1; k >= 0; k--) {
      const r = found[k];
      if (here(r) && r.type === "SUPPLIES" && r.subject === supplier.entity && r.object !== assembler && namedBefore.has(r.object)) found.splice(k, 1);
    }
    const base = found.find((r) => here(r) && r.subject === assembler);
    found.push({
      type: "SUPPLIES", subject: supplier.entity, object: assembler, status: base?.status ?? statusOf(text, text.slice(0, m.index!)),
      date: base?.date ?? null, percentage: null, what: null, sentence: sa.sentence.index,
      confidence: confidenceOf(0.7, supplier.entity, assembler), pattern: "kits-supplied-by",
    });
  }
}

/**
 * "kept an option to buy back the stake": the option holder may come to own the stake's asset again. The
 * asset is the one the holder is said to have sold (the stake the option refers back to); the party the
 * stake was sold to is the counterparty, never the thing owned, so an option whose only candidate is a buyer
 * says nothing new and is dropped.
 */
function resolveOptions(found: FoundRelation[]): FoundRelation[] {
  const buyers = new Set(found.filter((r) => r.type === "ACQUIRED" || r.pattern === "sold-stake-to").map((r) => r.subject));
  return found.flatMap((r) => {
    if (r.pattern !== "buyback-option") return [r];
    const sold = found.filter((x) => x.type === "OWNS" && x.subject === r.subject && x.status === "ended" && x.pattern !== "buyback-option" && x.sentence <= r.sentence).pop();
    if (sold) return [{ ...r, object: sold.object }];
    return buyers.has(r.object) ? [] : [r];
  });
}

/**
 * The first argument after a trigger and the ones coordinated with it: "assembles the Coolray, Atlas Pro and
 * Monjaro crossovers", "supplies KAMAZ and GAZ", "the Camry sedan and the RAV4 crossover" — each of the same
 * type, joined only by commas, "and", "or", "as well as" (a vehicle noun may close each item). A list joined by
 * commas alone is closed by a conjunction; without one the comma starts a new clause ("BelAZ holds 50% of the
 * venture, Geely owns 32.5%"), so only the first argument counts.
 */
const ITEM_NOUN = String.raw`(?:(?:[\w-]+\s+)?(?:sedans?|crossovers?|SUVs?|hatchbacks?|liftbacks?|pickups?|minivans?|vans?|trucks?|cars|vehicles|models?|buses|bus|off-roaders?|tractors?|engines?)\s*)?`;
const COMMA_JOINT = new RegExp(String.raw`^\s*${ITEM_NOUN},\s*(?:the\s+|its\s+|their\s+)?$`, "i");
/** "buys gearboxes from Fast Gear and diesel engines from Weichai": the verb is gapped, goods and preposition repeat */
const GAPPED_GOODS = String.raw`\s+(?:(?!(?:sells?|sold|buys?|bought|supplies|supplied|ships?|shipped|exports?|exported|imports?|imported|is|are|was|were|has|have|had|will)\b)[a-z][\w-]*\s+){1,3}(?:from|to)`;
const CONJUNCTION_JOINT = new RegExp(String.raw`^\s*${ITEM_NOUN}(?:,\s*)?(?:[Aa]nd|[Oo]r|as well as|&)(?:${GAPPED_GOODS})?\s+(?:the\s+|its\s+|their\s+)?$`);

function coordinated(after: Mention[], text: string): DocEntity[] {
  const out = [after[0].entity];
  let last = after[0];
  let closed = 1;
  for (const x of after.slice(1)) {
    const between = text.slice(last.end, x.start);
    const conjunction = CONJUNCTION_JOINT.test(between);
    if (x.entity.type !== after[0].entity.type || !(conjunction || COMMA_JOINT.test(between))) break;
    if (!out.includes(x.entity)) out.push(x.entity);
    last = x;
    if (conjunction) closed = out.length;
  }
  return out.slice(0, closed);
}

function pct0(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)/.exec(text);
  return m ? Number(m[1]) : null;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function confidenceOf(base: number, s: DocEntity, o: DocEntity): number {
  return Math.round(base * Math.min(1, (s.confidence + o.confidence) / 2 + 0.15) * 100) / 100;
}

/** Arguments a sentence leaves implicit. */
function fallback(kinds: Fallback[], types: EntityType[], sa: SentenceAnalysis, all: SentenceAnalysis[], before: Mention[], other: DocEntity | undefined): DocEntity[] {
  for (const kind of kinds) {
    if (kind === "self" && other && types.includes(other.type === "Company" ? "Brand" : other.type)) return [other];
    if (kind === "self" && other) return [other];
    if (kind === "modelMaker") {
      const model = before.find((x) => x.entity.type === "VehicleModel" && x.entity.maker);
      if (model?.entity.maker && model.entity.maker !== other) return [model.entity.maker];
    }
    // "the plant assembled…", "The Vladivostok plant assembled…": a site that acts stands for the company running it
    if (kind === "siteOwner" && (before.some((x) => x.entity.type === "Plant") || /\b(?:the|this|that|its|their)\s+(?:site|plant|factory|facility|enterprise|works)\b/i.test(sa.sentence.text.slice(0, before.length ? before[before.length - 1].end : sa.sentence.text.length)))) {
      return fallback(["context"], ["Company", "Brand"], sa, all, before, other);
    }
    if (kind === "context") {
      const earlier = [...before].reverse();
      for (let k = sa.sentence.index - 1; k >= 0 && k >= sa.sentence.index - 3; k--) earlier.push(...[...all[k].mentions].reverse());
      const hit = earlier.find((x) => types.includes(x.entity.type) && x.entity !== other);
      if (hit) return [hit.entity];
    }
  }
  return [];
}

function nearestDate(dates: ReturnType<typeof findDates>, at: number, clause: Clause): string | null {
  let best: { value: string; d: number } | undefined;
  for (const d of dates) {
    const dist = Math.abs(d.start - at) + (d.start >= clause.start && d.end <= clause.end ? 0 : 1000);
    if (!best || dist < best.d) best = { value: d.value, d: dist };
  }
  return best?.value ?? null;
}

/** What a licence covers: "the cabins for Compass are produced under a license" → "cabins for Compass". */
function licensedThing(text: string, triggerAt: number): string | null {
  const head = /^(?:the |a |an )?(.{3,60}?)\s+(?:are|is|were|was|will be)\s+(?:produced|made|manufactured|assembled|built)\b/i.exec(text.slice(0, triggerAt).replace(/^[^,]*,\s*(?=the\b)/i, ""));
  if (head) return head[1];
  const tail = /^\s*(?:\w+\s+){0,6}?(?:to (?:produce|make|build|assemble|use)|for)\s+(?:the\s+)?([^,.;]{3,50})/i.exec(text.slice(triggerAt));
  return tail ? tail[1] : null;
}

/**
 * Designations are made by authorities, but articles name countries: "The United Kingdom has added X to its
 * sanctions list", "under US sanctions". For the sanctions patterns, a country (or its short form or
 * adjective) that has a sanctions authority stands for that authority (AUTHORITY_BY_WORD).
 */
const AUTHORITY_WORD = /\b(?:U\.S\.|US|UK|EU|UN|United States|United Kingdom|Britain|British|American|European Union|European|Washington|London|Brussels)(?![\w-])/g;

function authorityPool(sa: SentenceAnalysis, entities: DocEntity[]): Mention[] {
  const text = sa.sentence.text;
  const extra: Mention[] = [];
  for (const m of text.matchAll(AUTHORITY_WORD)) {
    const name = AUTHORITY_BY_WORD.get(m[0].toLowerCase().replace(/\./g, " ").trim());
    if (!name) continue;
    // a word inside a name already found ("US Treasury", "EU Commission") is that name, not a country
    if (sa.mentions.some((x) => x.entity.type !== "Country" && x.start <= m.index! && m.index! < x.end)) continue;
    let e = entities.find((x) => x.name === name && x.type === "PublicBody");
    if (!e) {
      e = { index: entities.length, key: `authority:${name}`, name, type: "PublicBody", id: null, country: null, mentions: [], confidence: 0.8, fromGazetteer: true };
      entities.push(e);
    }
    extra.push({ entity: e, sentence: sa.sentence.index, start: m.index!, end: m.index! + m[0].length, tokenStart: -1, tokenEnd: -1, text: m[0], anaphor: true, possessive: false });
  }
  if (!extra.length) return sa.mentions;
  // the authority replaces the country mention it overlaps ("United Kingdom" the country → OFSI)
  const kept = sa.mentions.filter((x) => !(x.entity.type === "Country" && extra.some((a) => a.start < x.end && x.start < a.end)));
  return [...kept, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * Stake lists give the asset once: "BelAZ holds 50% of the venture, Geely owns 32.5% and Soyuz the
 * remaining 17.5%". In a sentence with a stake in an asset, every other owner followed by a bare percentage
 * (not "of"/"in" something else) holds a stake in the same asset.
 */
const BARE_STAKE = /^\s*(?:,\s*)?(?:(?:owns|own|holds|hold|held|has|had|controls|control|with|keeps|kept|retains|retained)\s+)?(?:the\s+remaining|the\s+rest,?|another|a\s+further|the\s+other)?\s*(?:about|around|roughly|nearly|almost|over|some)?\s*(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)(?!\s+(?:stake|share|interest|holding)s?\s+in\b)(?!\s+(?:of|in)\b)/i;
const OWNER_TYPES: EntityType[] = ["Company", "Organization", "PublicBody", "Person"];

function gappedStakes(sa: SentenceAnalysis, found: FoundRelation[]): FoundRelation[] {
  const stakes = found.filter((r) => r.sentence === sa.sentence.index && r.type === "OWNS" && r.percentage !== null);
  if (!stakes.length) return [];
  const asset = stakes[0].object;
  const out: FoundRelation[] = [];
  const text = sa.sentence.text;
  for (const m of sa.mentions) {
    if (!OWNER_TYPES.includes(m.entity.type) || m.entity === asset || stakes.some((r) => r.subject === m.entity)) continue;
    const g = BARE_STAKE.exec(text.slice(m.end));
    if (!g) continue;
    out.push({ ...stakes[0], subject: m.entity, percentage: Number(g[1]), confidence: Math.min(stakes[0].confidence, 0.7), pattern: "stake-list" });
  }
  return out;
}

/** "Chinese (automobile) exports" names China as a trading party. */
function countryAdjectiveMentions(sa: SentenceAnalysis, entities: DocEntity[], byCode: Map<string, DocEntity>): Mention[] {
  const out: Mention[] = [];
  for (const m of sa.sentence.text.matchAll(/\b([A-Z][a-z]+)\s+(?:(?:automobile|car|vehicle|auto|truck)\s+)?(?:exports|imports|exporters|importers)\b/g)) {
    const code = COUNTRY_ADJECTIVES.get(m[1].toLowerCase());
    if (!code) continue;
    let e = byCode.get(code);
    if (!e) {
      e = { index: entities.length, key: `country:${code}`, name: COUNTRY_NAME_BY_CODE.get(code) ?? code, type: "Country", id: null, country: code, mentions: [], confidence: 0.8, fromGazetteer: true };
      entities.push(e);
      byCode.set(code, e);
    }
    out.push({ entity: e, sentence: sa.sentence.index, start: m.index!, end: m.index! + m[1].length, tokenStart: -1, tokenEnd: -1, text: m[1], anaphor: true, possessive: false });
  }
  return out;
}

const SALE = /\b(?:sold|sells|has sold|have sold|completed the sale of|agreed to sell|(?:has |have )?handed(?: over)?|transferred|passed)\b/g;
const SELLERS: EntityType[] = ["Company", "Organization", "PublicBody", "Person"];

/**
 * "X sold its plant in Kaluga to Y", "X completed the sale of its Russian assets, including the Kaluga plant,
 * to Y", "X sold its subsidiary, Z, for one euro": the buyer acquired each asset named between the verb and
 * "to Y", and the seller's hold on it (a plant it ran, a company it owned) has ended.
 */
function sales(sa: SentenceAnalysis, dates: ReturnType<typeof findDates>, ref: RefDate): FoundRelation[] {
  void ref;
  const out: FoundRelation[] = [];
  const text = sa.sentence.text;
  for (const m of text.matchAll(SALE)) {
    const at = m.index!;
    if (negated(text.slice(0, at))) continue;
    const clause = clauses(text).find((c) => c.start <= at && at <= c.end) ?? { start: 0, end: text.length };
    const seller = sa.mentions.find((x) => x.start >= clause.start && x.end <= at && SELLERS.includes(x.entity.type));
    if (!seller) continue;
    const after = sa.mentions.filter((x) => x.start >= at + m[0].length && x.entity !== seller.entity);
    const buyer = after.find((x) => SELLERS.includes(x.entity.type) && x.entity.type !== "Plant" && /\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i.test(text.slice(Math.max(at, x.start - 40), x.start)) && /\bto\b/.test(text.slice(at, x.start)));
    // a sold stake is OWNS, not an acquisition of the company (the sold-stake pattern reads it)
    if (/^\s+(?:off\s+)?(?:its|their|a|the)?\s*(?:[\d.]+\s?%\s+|\w+\s+)?(?:stake|share|shares|interest|holding)\b/i.test(text.slice(at + m[0].length, at + m[0].length + 40))) continue;
    const assets = after.filter((x) => (!buyer || x.start < buyer.start) && (x.entity.type === "Plant" || x.entity.type === "Company") && x.entity !== buyer?.entity);
    const planned = statusOf(text.slice(clause.start, at + m[0].length)) === "planned" && !/\b(?:sold|completed|handed|transferred|passed)\b/.test(m[0]);
    const date = nearestDate(dates, at, clause);
    const base = { date, percentage: null, what: null, sentence: sa.sentence.index, pattern: "sale" };
    for (const a of assets) {
      if (buyer) out.push({ ...base, type: "ACQUIRED", subject: buyer.entity, object: a.entity, status: planned ? "planned" : "confirmed", confidence: 0.7 });
      out.push({ ...base, type: a.entity.type === "Plant" ? "OPERATES_PLANT" : "OWNS", subject: seller.entity, object: a.entity, status: planned ? "planned" : "ended", confidence: 0.65 });
    }
  }
  return out;
}

/** Relations stated by how names are written rather than by a verb. */
function structural(sa: SentenceAnalysis, all: SentenceAnalysis[], dates: ReturnType<typeof findDates>): FoundRelation[] {
  const out: FoundRelation[] = [];
  const text = sa.sentence.text;
  const ms = sa.mentions;
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    const e = m.entity;
    const statusBefore = () => statusOf(text, text.slice(0, m.end));
    const date = nearestDate(dates, m.start, { start: 0, end: text.length });
    // a model named with its maker, the first time it is mentioned
    if (e.type === "VehicleModel" && e.maker && e.mentions[0] === m) {
      out.push({ type: "PRODUCES", subject: e.maker, object: e, status: statusBefore(), date, percentage: null, what: null, sentence: sa.sentence.index, confidence: 0.7, pattern: "model-of-maker" });
    }
    // "its Lada lineup", "AvtoVAZ's Lada brand"
    if (e.type === "Brand") {
      const prev = ms[k - 1];
      const its = /\b(?:its|their)\s+$/i.test(text.slice(0, m.start));
      const owner = prev && prev.possessive && prev.tokenEnd + 1 === m.tokenStart && prev.entity.type === "Company" ? prev.entity
        : its ? ms.find((o) => o.start < m.start && o.entity.type === "Company")?.entity ?? lastOfType(all, sa.sentence.index, "Company") : undefined;
      if (owner && owner !== e) out.push({ type: "PRODUCES", subject: owner, object: e, status: statusBefore() === "planned" ? "planned" : "confirmed", date, percentage: null, what: null, sentence: sa.sentence.index, confidence: 0.7, pattern: "its-brand" });
    }
    // a plant: its owner named with 's or in the same sentence, else the company the article is about
    if (e.type === "Plant" && e.mentions[0] === m) {
      const prev = ms[k - 1];
      const owner = (prev?.possessive && prev.entity.type === "Company" ? prev.entity : undefined)
        ?? ms.find((o) => o.entity.type === "Company" && o.start < m.start)?.entity
        ?? lastOfType(all, sa.sentence.index, "Company");
      if (owner) out.push({ type: "OPERATES_PLANT", subject: owner, object: e, status: "confirmed", date: null, percentage: null, what: null, sentence: sa.sentence.index, confidence: 0.55, pattern: "plant-of" });
    }
  }
  return out;
}

function lastOfType(all: SentenceAnalysis[], before: number, type: EntityType): DocEntity | undefined {
  for (let k = before - 1; k >= 0 && k >= before - 3; k--) {
    const hit = [...all[k].mentions].reverse().find((x) => x.entity.type === type);
    if (hit) return hit.entity;
  }
  return undefined;
}

/** One relation per (type, subject, object): the strongest status, then the most confident evidence. */
function dedupe(found: FoundRelation[]): FoundRelation[] {
  const byKey = new Map<string, FoundRelation>();
  for (const r of found) {
    const pair = r.type === "PARTNER_OF" ? [r.subject.index, r.object.index].sort((a, b) => a - b).join("~") : `${r.subject.index}>${r.object.index}`;
    const key = `${r.type}|${pair}`;
    const old = byKey.get(key);
    if (!old) {
      byKey.set(key, r);
      continue;
    }
    const better = STATUS_RANK[r.status] > STATUS_RANK[old.status] || (STATUS_RANK[r.status] === STATUS_RANK[old.status] && r.confidence > old.confidence);
    const keep = better ? r : old;
    const other = better ? old : r;
    keep.date ??= other.date;
    keep.percentage ??= other.percentage;
    keep.what ??= other.what;
    byKey.set(key, keep);
  }
  return [...byKey.values()];
}

/** The output contract's form: names, not entity objects. */
export function renderRelation(r: FoundRelation, sentences: SentenceAnalysis[]): NewsRelation {
  const s = sentences[r.sentence].sentence;
  return {
    type: r.type, subject: r.subject.name, object: r.object.name, subjectId: r.subject.id, objectId: r.object.id,
    status: r.status, date: r.date, percentage: r.percentage, what: r.what, evidence: s.text, span: { start: s.start, end: s.end },
    confidence: r.confidence,
  };
}
