/**
 * Entity recognition: the gazetteer first (knowledge base + lexicon, every alias and script), then rules
 * for names not yet known: capitalised sequences (with "of/and/for" inside institution names), legal forms
 * and generic company words, appositions ("the Chinese automaker X", "X, a company based in Kazakhstan"),
 * people (titles, "X, who chairs…", "X said"), vehicle models (codes like X70, names before "crossover",
 * names right after a known maker) and brands ("its Lada lineup"). Mentions of one party are merged into one
 * entity: surnames join the full name, "Jetour Auto" joins "Jetour", "the company" points back to the last
 * company named.
 */
import type { EntityType } from "../model/schema.js";
import { nameKey } from "../model/names.js";
import type { Sentence } from "./sentences.js";
import { tokenize, type Token } from "./tokens.js";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.js";
import {
  COMPANY_NOUNS, COMPANY_WORDS, COUNTRY_ADJECTIVES, INSTITUTION_HEADS, NOT_NAMES, ORGANIZATION_WORDS, PUBLIC_BODY_WORDS,
  TITLE_WORDS, VEHICLE_NOUNS, BRAND_NOUNS, COUNTRIES, PLANT_WORDS, REGIONAL_ADJECTIVES,
} from "./lexicon.js";

export interface DocEntity {
  index: number;
  key: string;
  name: string;
  type: EntityType;
  id: string | null;
  country: string | null;
  mentions: Mention[];
  confidence: number;
  /** for vehicle models and brands: the entity that makes them */
  maker?: DocEntity;
  /** the model's own name without the maker ("S7" of "JAC S7") */
  shortName?: string;
  fromGazetteer: boolean;
}

export interface Mention {
  entity: DocEntity;
  sentence: number;
  /** offsets in the sentence text */
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  text: string;
  /** "the company", "this same company": resolved to the last entity of its kind */
  anaphor: boolean;
  /** followed by 's */
  possessive: boolean;
}

export interface SentenceAnalysis {
  sentence: Sentence;
  tokens: Token[];
  mentions: Mention[];
}

export interface EntityAnalysis {
  sentences: SentenceAnalysis[];
  entities: DocEntity[];
}

const CONNECTORS = new Set(["of", "for", "and", "&", "de", "du", "la", "von", "van", "der"]);
const SPEECH_VERBS = /^(?:said|says|stated|states|told|tells|noted|notes|explained|explains|emphasi[sz]ed|added|announced|believes|believed|criticized|criticised|pointed|clarified|conveyed|indicated|confirmed|spoke|argued|warned|stressed|commented|recalled|revealed|insisted|admitted|acknowledged|mentioned|estimated|expects|expected)$/i;
const PERSON_APPOSITION = /^,\s*(?:who\s+(?:chairs|heads|leads|runs|is|was|serves)|the\s+(?:head|chairman|chairwoman|chair|ceo|director|general\s+manager|president|founder|owner|minister|deputy|governor|mayor|spokesperson|spokesman|chief)|a\s+(?:professor|veteran|researcher|analyst|expert|spokesperson|spokesman|lawyer|journalist|member|former|senior|partner|deputy|director|consultant|economist|specialist)|(?:ceo|chairman|head|director|president|founder)\b)/i;
const PERSON_BEFORE = /\b(?:headed by|led by|chaired by|run by|founded by|interview with|said|according to|businessman|businesswoman|billionaire|tycoon|oligarch|entrepreneur|investor|owner|founder|economist|analyst|expert|official|executive|manager|director|chairman|spokesman|spokeswoman|lawmaker|politician|deputy)\s*$/i;
/** "the Jolion and F7 crossovers": a name coordinated with others before a vehicle noun is a model. */
const COORDINATED_MODEL = /^\s*(?:,|and|or|as well as)\s+(?:the\s+)?(?:[\p{Lu}\d][\w-]*(?:\s+|,\s+|\s+and\s+|\s+or\s+)){1,8}?(?:crossovers?|[Ss][Uu][Vv]s?|sedans?|pickups?|trucks?|vans?|models?|hatchbacks?|liftbacks?|buses|minivans?|vehicles)\b/u;
/** Russian and other place names by their endings ("Esipovo", "Izhevsk", "Kaliningrad"): "<place> plant" is a plant. */
const TOPONYM = /(?:ovo|evo|ino|yno|sk|grad|burg|pol|ovsk|insk)$/i;
/** a name right before a site noun ("the Kaluga plant") or after one ("its plant in Kaluga") */
const SITE_NOUN_AFTER = /^\s+(plant|factory|site|facility|works)\b/i;
const SITE_BEFORE = /\b(?:plant|factory|site|facility|works)\s+(?:in|near|at|outside)\s+(?:the\s+(?:city|town|region)\s+of\s+)?$/i;
const MEDIA_BEFORE = /\b(?:coverage by|interview with|(?:told|to) the|told|report(?:s|ed)? (?:from|by|in)|reported by|published (?:by|in)|newspaper|outlet|agency|portal|daily|website|site|spoke (?:with|to)|according to (?:the )?(?:newspaper|outlet|agency|portal|site|publication)?)\s*$/i;
const COMPANY_APPOSITION_BEFORE = new RegExp(String.raw`\b(?:the|a|an|its|their)\s+(?:(?:\w+|[\w-]+)\s+){0,3}(?:${COMPANY_NOUNS})\s*$`, "i");
const COMPANY_APPOSITION_AFTER = new RegExp(String.raw`^,\s*(?:a|an|the)\s+(?:(?:[\w-]+)\s+){0,4}?(?:${COMPANY_NOUNS})\b`, "i");
const LOCATION_BEFORE = /\b(?:in|near|outside|based in|located in|headquartered in|city of|region of|from)\s*$/i;
const PLACES = new Set(
  ("moscow petersburg nizhny kaluga tula kaliningrad togliatti tolyatti ulyanovsk novgorod chelny elabuga yelabuga lipetsk samara kazan " +
    "vladivostok novosibirsk yekaterinburg ekaterinburg rostov voronezh krasnodar tatarstan bashkortostan siberia urals minsk " +
    "astana almaty kostanay tashkent shanghai beijing hefei wuhu chongqing shenzhen guangzhou wuhan changchun xian hangzhou tianjin " +
    "yaroslavl miass kurgan engels taganrog borisov zhodino cherkessk vsevolozhsk shushary pavlovo likino naberezhnye " +
    "baoding shaanxi anhui jiangsu zhejiang shandong hubei jilin europe asia africa eurasia").split(" "),
);
const MODEL_SUFFIXES = new Set(["plus", "pro", "max", "sport", "ev", "phev", "hev", "hybrid", "l", "gt", "prime", "ultra", "e", "x", "s", "lux", "dm", "dm-i"]);
const PATRONYMIC = /(?:ovich|evich|ich|ovna|evna|ichna)$/i;

interface Candidate {
  start: number; // token index
  end: number;
  name: string;
  type: EntityType;
  confidence: number;
  entry?: GazetteerEntry;
  country?: string | null;
  /** a maker entity index-adjacent to a model */
  makerTokenEnd?: number;
}

const isWord = (t: Token | undefined) => Boolean(t && t.fold.length);
/** Can start or continue a name: capitalised, not a number, not "Moskvich-related" or "US-registered". */
const nameLike = (t: Token) =>
  isWord(t) && ((t.cap && /^\p{L}/u.test(t.text) && !/-\p{Ll}+$/u.test(t.text)) || alnumCode(t) || /^\p{Script=Han}/u.test(t.text));
const ABBREVIATED = new Set(["st", "mt", "co", "inc", "jr", "ltd", "corp"]);
const lower = (t: Token) => t.text.toLowerCase();
const alnumCode = (t: Token) => /^[A-Za-z][A-Za-z-]*\d[A-Za-z0-9-]*$/.test(t.text) || /^[A-Z]{1,3}-?\d+[A-Za-z]*$/.test(t.text);

export function recogniseEntities(sentences: Sentence[], gazetteer: Gazetteer): EntityAnalysis {
  const tokenised = sentences.map((s) => tokenize(s.text));
  // words the article writes capitalised mid-sentence, and words it writes in lower case
  const midCaps = new Set<string>();
  const lowerSeen = new Set<string>();
  for (const toks of tokenised) {
    toks.forEach((t, i) => {
      if (!isWord(t)) return;
      if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(lower(t));
      else if (i > 0 && t.cap && tokens_prevIsNotBoundary(toks, i)) midCaps.add(lower(t));
    });
  }

  const entities: DocEntity[] = [];
  const byKey = new Map<string, DocEntity>();
  const out: SentenceAnalysis[] = [];

  const entityFor = (c: Candidate): DocEntity => {
    const e0 = c.entry;
    const name = e0 ? e0.name : c.name;
    const key = e0?.id ? `id:${e0.id}` : nameKey(name);
    let e = byKey.get(key);
    if (!e) {
      e = {
        index: entities.length, key, name, type: e0 ? e0.type : c.type, id: e0?.id ?? null, country: e0?.country ?? c.country ?? null,
        mentions: [], confidence: c.confidence, fromGazetteer: Boolean(e0),
      };
      entities.push(e);
      byKey.set(key, e);
    } else {
      e.confidence = Math.max(e.confidence, c.confidence);
      if (!e.country && c.country) e.country = c.country;
    }
    return e;
  };

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const toks = tokenised[si];
    const covered = new Array<boolean>(toks.length).fill(false);
    const cands: Candidate[] = [];

    const matches = gazetteer.scan(toks);
    for (let mi = 0; mi < matches.length; mi++) {
      const m = matches[mi];
      // "China National Heavy Duty Truck Group": a country name opening a longer name is part of it
      const nextTok = toks[m.end];
      if (m.entry.type === "Country" && m.end - m.start === 1 && nextTok && nameLike(nextTok) && nextTok.start === toks[m.end - 1].end + 1 && !TITLE_WORDS.has(lower(nextTok))) continue;
      const longer = m.entry.type === "Company" || m.entry.type === "Brand" ? longerNameAfter(toks, m.end) : undefined;
      if (longer?.kind === "new") {
        // "Daimler Truck", "Mazda Sollers Manufacturing Rus": a longer name containing a known one is another party
        // (linked afterwards through the matcher if the knowledge base knows it under another spelling); capitalised
        // words right before the known name belong to it too ("Mazda" when only "Sollers" is known)
        let start = m.start;
        while (start > 0 && !covered[start - 1] && toks[start - 1].end + 1 === toks[start].start && nameLike(toks[start - 1]) && plainNameWord(toks[start - 1])) start--;
        const name = toks.slice(start, longer.end).map((t) => t.text).join(" ");
        cands.push({ start, end: longer.end, name, type: "Company", confidence: 0.8 });
        for (let k = start; k < longer.end; k++) covered[k] = true;
        while (mi + 1 < matches.length && matches[mi + 1].start < longer.end) mi++;
        continue;
      }
      // "Mazda Motor", "Geely Auto": a generic company word after a known name is the same party
      const end = longer?.kind === "suffix" ? longer.end : m.end;
      cands.push({ start: m.start, end, name: m.entry.name, type: m.entry.type, confidence: m.entry.id ? 0.95 : 0.9, entry: m.entry });
      for (let k = m.start; k < end; k++) covered[k] = true;
      while (mi + 1 < matches.length && matches[mi + 1].start < end) mi++;
    }

    // capitalised runs not already matched
    for (let i = 0; i < toks.length; i++) {
      if (covered[i] || !nameLike(toks[i])) continue;
      let j = i + 1;
      let institution = INSTITUTION_HEADS.has(lower(toks[i])) || TITLE_WORDS.has(lower(toks[i]));
      while (j < toks.length && !covered[j]) {
        const t = toks[j];
        if (t.start > toks[j - 1].end + 1) break;
        // "University of St. Thomas", "Co. Ltd": the period of an abbreviation stays inside the name
        if (t.text === "." && ABBREVIATED.has(lower(toks[j - 1])) && toks[j + 1] && nameLike(toks[j + 1]) && t.start === toks[j - 1].end) {
          j++;
          continue;
        }
        // "Tiggo 7 Pro Max", "X-Cross 5 crossover": a small number inside a model name
        const after1 = toks[j + 1];
        if (/^\d{1,2}$/.test(t.text) && !institution && after1 && after1.start === t.end + 1 &&
          ((MODEL_SUFFIXES.has(lower(after1)) && after1.cap) || VEHICLE_NOUNS.has(lower(after1)))) {
          j++;
          continue;
        }
        if (nameLike(t)) {
          if (INSTITUTION_HEADS.has(lower(t)) || TITLE_WORDS.has(lower(t))) institution = true;
          j++;
          continue;
        }
        // "Ministry of Industry and Trade": connectors only inside institution names, never after a comma
        if (institution && CONNECTORS.has(lower(t)) && toks[j + 1] && !covered[j + 1] && nameLike(toks[j + 1])) {
          j += 2;
          continue;
        }
        break;
      }
      cands.push(...classifyRun(toks, i, j, s.text, si, gazetteer, midCaps, lowerSeen));
      i = j - 1;
    }
    // lower-case model codes ("iEV7S") that the capital test skipped
    for (let i = 0; i < toks.length; i++) {
      if (covered[i] || cands.some((c) => c.start <= i && i < c.end)) continue;
      if (isWord(toks[i]) && /^[a-z]+[A-Z0-9]/.test(toks[i].text) && /\d/.test(toks[i].text)) {
        cands.push({ start: i, end: i + 1, name: toks[i].text, type: "VehicleModel", confidence: 0.7 });
      }
    }
    cands.sort((a, b) => a.start - b.start);

    const mentions: Mention[] = [];
    for (const c of cands) {
      const e = entityFor(c);
      const start = toks[c.start].start;
      const end = toks[c.end - 1].end;
      mentions.push({
        entity: e, sentence: si, start, end, tokenStart: c.start, tokenEnd: c.end, text: s.text.slice(start, end),
        anaphor: false, possessive: toks[c.end]?.text.startsWith("'") || toks[c.end]?.text.startsWith("’"),
      });
    }
    out.push({ sentence: s, tokens: toks, mentions });
  }

  mergeAliases(entities, out);
  typeCoordinatedModels(out);
  assignMakers(out);
  addAnaphora(out);
  for (const e of entities) e.mentions = [];
  for (const sa of out) for (const m of sa.mentions) m.entity.mentions.push(m);
  return { sentences: out, entities: entities.filter((e) => e.mentions.length) };
}

/** company words that only restate a known name's legal or generic form ("Mazda Motor", "Chery Automobile Co") */
const GENERIC_SUFFIXES = new Set(
  ("motor motors auto automobile automobiles automotive group holding holdings corporation corp company co inc llc ltd limited " +
    "pjsc jsc ojsc cjsc pao oao zao ooo ao gmbh ag se sa spa plc").split(" "),
);

/**
 * The capitalised words right after a known company name: nothing to add (undefined), a generic suffix that
 * still names the same party ("suffix"), or the rest of a longer proper name that contains a company word
 * ("Daimler Truck", "Mazda Sollers Manufacturing Rus": "new"). Model codes and plain capitalised words
 * ("Chery Tiggo", "Daimler K5") are left to the model rules.
 */
const plainNameWord = (t: Token) => {
  const w = lower(t);
  return !NOT_NAMES.has(w) && !CONNECTORS.has(w) && !TITLE_WORDS.has(w) && !COUNTRY_ADJECTIVES.has(w) && !REGIONAL_ADJECTIVES.has(w) && !PLACES.has(w);
};

function longerNameAfter(toks: Token[], from: number): { kind: "suffix" | "new"; end: number } | undefined {
  let k = from;
  while (k < toks.length && toks[k].start === toks[k - 1].end + 1 && nameLike(toks[k]) && plainNameWord(toks[k])) k++;
  const tail = toks.slice(from, k);
  if (!tail.length || tail.some((t) => alnumCode(t) || /\d/.test(t.text))) return undefined;
  const lw = tail.map(lower);
  if (lw.every((w) => GENERIC_SUFFIXES.has(w))) return { kind: "suffix", end: k };
  if (!lw.some((w) => COMPANY_WORDS.has(w))) return undefined;
  return { kind: "new", end: k };
}

function tokens_prevIsNotBoundary(toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  return !/^[.!?:"“”(]$/.test(prev.text);
}

/** Splits and types one capitalised run; may return nothing (sentence openers, places, titles). */
function classifyRun(toks: Token[], i: number, j: number, text: string, si: number, gaz: Gazetteer, midCaps: Set<string>, lowerSeen: Set<string>): Candidate[] {
  const runStart = i;
  // leading openers and nationality adjectives are not part of a name ("The", "Chinese manufacturers")
  let country: string | null = null;
  let strippedAdjective = false;
  const institutional = toks.slice(i, j).some((t) => ORGANIZATION_WORDS.has(lower(t)) || PUBLIC_BODY_WORDS.has(lower(t)) || INSTITUTION_HEADS.has(lower(t)));
  while (i < j && (NOT_NAMES.has(lower(toks[i])) || CONNECTORS.has(lower(toks[i])) || (COUNTRY_ADJECTIVES.has(lower(toks[i])) && !institutional))) {
    if (COUNTRY_ADJECTIVES.has(lower(toks[i]))) {
      country = COUNTRY_ADJECTIVES.get(lower(toks[i])) ?? country;
      strippedAdjective = true;
    }
    i++;
  }
  if (institutional && COUNTRY_ADJECTIVES.has(lower(toks[i] ?? toks[0]))) country = COUNTRY_ADJECTIVES.get(lower(toks[i])) ?? null;
  while (j > i && CONNECTORS.has(lower(toks[j - 1]))) j--;
  if (i >= j) return [];
  // "North American", "Eurasian": descriptions, not names
  const lastWord = lower(toks[j - 1]);
  if (COUNTRY_ADJECTIVES.has(lastWord) || REGIONAL_ADJECTIVES.has(lastWord)) return [];
  const placeLike = toks.slice(i, j).every((t) => PLACES.has(lower(t)) || REGIONAL_ADJECTIVES.has(lower(t)) || ["north", "south", "east", "west", "far", "st", "."].includes(lower(t)));
  {
    // "the Kaluga plant", "the Esipovo plant", "its plant in St Petersburg": a site named by its place
    const from = i > runStart && ["st", "st."].includes(lower(toks[i - 1])) ? i - 1 : i;
    const placeName = toks.slice(from, j).map((t) => t.text).join(" ").replace(/\s+\./g, ".");
    const toponym = placeLike || (j - i === 1 && TOPONYM.test(toks[i].text) && !toks[i].allCaps);
    const siteAfter = SITE_NOUN_AFTER.exec(text.slice(toks[j - 1].end, toks[j - 1].end + 12));
    // "Renault's Moscow plant" is the owner spoken of by its site (an analyst files it under Renault)
    const ownedByPossessive = /(?:['’]s|\b(?:its|their))\s+$/.test(text.slice(Math.max(0, toks[from].start - 7), toks[from].start));
    if (toponym && ownedByPossessive && siteAfter) return [];
    if (toponym && siteAfter && toks[j] && lower(toks[j]) === siteAfter[1].toLowerCase()) {
      return [{ start: from, end: j + 1, name: `${placeName} ${siteAfter[1].toLowerCase()}`, type: "Plant", confidence: 0.7, country }];
    }
    const siteBefore = SITE_BEFORE.exec(text.slice(Math.max(0, toks[from].start - 50), toks[from].start));
    if (toponym && siteBefore) {
      const noun = /\b(plant|factory|site|facility|works)\b/i.exec(siteBefore[0])![1].toLowerCase();
      return [{ start: from, end: j, name: `${placeName} ${noun}`, type: "Plant", confidence: 0.65, country }];
    }
  }
  if (placeLike) return [];
  const words = toks.slice(i, j);
  const lw = words.map(lower);
  // context windows: enough for the cues below, short enough to keep the regexes linear
  const before = text.slice(Math.max(0, toks[i].start - 80), toks[i].start);
  const after = text.slice(toks[j - 1].end, toks[j - 1].end + 100);

  // a title inside the run: "Minister of Industry and Trade Anton Alikhanov", "President Putin"
  const titleAt = lw.findIndex((w) => TITLE_WORDS.has(w));
  if (titleAt >= 0) {
    const out: Candidate[] = [];
    const personLen = personTail(words.slice(titleAt + 1));
    const personStart = j - personLen;
    if (lw[titleAt] === "minister" && lw[titleAt + 1] === "of") {
      // the minister's title names the ministry
      const title = toks.slice(i, personStart).map((t) => t.text).join(" ");
      const entry = gaz.lookup(title.replace(/\bMinister\b/, "Ministry")) ?? gaz.lookup(title.replace(/^.*?\bMinister\b/, "Ministry"));
      if (entry) out.push({ start: i, end: personStart, name: entry.name, type: entry.type, confidence: 0.85, entry });
    }
    if (personLen > 0) out.push({ start: personStart, end: j, name: words.slice(words.length - personLen).map((t) => t.text).join(" "), type: "Person", confidence: 0.8 });
    return out;
  }

  const single = j - i === 1;
  const t0 = toks[i];
  const sentenceInitial = i === 0 || /^["“(•]$/.test(toks[i - 1]?.text ?? "");
  if (single) {
    const w = lw[0];
    if (NOT_NAMES.has(w) || w.length < 2 || /^\d+$/.test(w)) return [];
    // "Industry minister Denis Manturov", "Sales chief": a common word before a lower-case title
    if (!t0.allCaps && /^\s+(?:minister|ministry|chief|head|officials?|spokes\w+|director)\b/.test(after)) return [];
    if (strippedAdjective && !t0.allCaps && !alnumCode(t0)) return []; // "the Chinese Communist regime"
    const shaped = t0.allCaps || /\p{Ll}\p{Lu}/u.test(t0.text) || alnumCode(t0);
    const notPlace = /\b(?:stakes?|shares?|interest|investments?|invested|holdings?|partners?|role|roles)\s+in\s*$/i.test(before);
    if (PLACES.has(w) || (LOCATION_BEFORE.test(before) && !notPlace && !shaped && !COMPANY_APPOSITION_AFTER.test(after))) return [];
    // a capitalised word opening a sentence is a name only with evidence: written capitalised elsewhere, an
    // apposition, or a verb right after it ("Sollers sold…") when it does not look like an adjective or plural
    const verbNext = /^\s+(?:[a-z]+ed|[a-z]+s|said|says|will|has|had|is|was|plans|sold|built|made|began|won|took|signed|bought|became)\b/.test(after) && !/(?:ss|al|ic|ive|ous|ly|ful|ent|ant|ing|ed|ists|ions|ies)$/.test(w);
    if (sentenceInitial && !shaped && (lowerSeen.has(w) || !midCaps.has(w)) && !verbNext && !COMPANY_APPOSITION_AFTER.test(after) && !PERSON_APPOSITION.test(after)) return [];
    if (/(?:ly|ing|ed)$/.test(w) && !shaped && lowerSeen.has(w)) return [];
  }

  const name = words.map((t) => t.text).join(" ").replace(/\s+([.&])/g, "$1");
  const next = after.trimStart().split(/\s+/).slice(0, 4).map((w) => w.toLowerCase().replace(/[^a-z-]/g, ""));
  const last = lw[lw.length - 1];
  let type: EntityType = "Company";
  let confidence = 0.6;

  const coordinated = COORDINATED_MODEL.exec(after);
  if ((coordinated && single && /\bmodels$/i.test(coordinated[0])) || (single && next[0] === "models")) {
    // "Volkswagen and Skoda models": makes named as brands
    type = "Brand";
    confidence = 0.65;
  } else if (single && (MAKER_NOUN_AFTER.test(after) || (/\b(?:a|an)\s+$/i.test(before) && GENERIC_VEHICLE_AFTER.test(after)))) {
    // "the Ural truck plant", "a Shacman truck", "a Dongfeng car": the name is the maker
    type = "Company";
    confidence = 0.65;
  } else if (single && (COPULA_BRAND.test(after) || (PLURAL_VEHICLE_AFTER.test(after) && /\b(?:of|for)\s+$/i.test(before)))) {
    // "Tenet is a new brand", "production of Tenet crossovers"
    type = "Brand";
    confidence = 0.7;
  } else if (alnumCode(t0) || (j - i <= 6 && words.some((t) => alnumCode(t) || /^\d{1,2}$/.test(t.text))) || (j - i <= 3 && SPECIFIC_VEHICLE_AFTER.test(after) && /\b(?:the|a|an|new)\s+$/i.test(before) && !lw.some((w) => COMPANY_WORDS.has(w))) || coordinated || (single && next.slice(0, 3).some((w) => VEHICLE_NOUNS.has(w)) && !next.slice(0, 3).some((w) => BRAND_NOUNS.has(w)) && /\bthe\s+$|\ba\s+$/i.test(before) && !COMPANY_WORDS.has(w0(lw)))) {
    type = "VehicleModel";
    confidence = 0.7;
  } else if (single && BRAND_NOUNS.has(next[0])) {
    type = "Brand";
    confidence = 0.7;
  } else if (/\b(?:van|crossover|suv|sedan|pickup|truck|model|hatchback),\s+the\s*$/i.test(before)) {
    type = "VehicleModel";
    confidence = 0.7;
  } else if (PLANT_WORDS.has(last) || /^\s+(?:[\w-]+\s+){0,4}location\b/i.test(after) && single) {
    type = "Plant";
    confidence = 0.65;
  } else if (lw[0] === "ministry" || lw[0] === "city" || lw.some((w) => PUBLIC_BODY_WORDS.has(w)) || (lw.includes("agency") && lw.some((w) => ["federal", "state", "national", "government"].includes(w)))) {
    type = "PublicBody";
    confidence = 0.75;
  } else if (lw.some((w) => ORGANIZATION_WORDS.has(w))) {
    type = "Organization";
    confidence = 0.7;
  } else if (lw.some((w) => COMPANY_WORDS.has(w)) || COMPANY_APPOSITION_BEFORE.test(before) || COMPANY_APPOSITION_AFTER.test(after)) {
    type = "Company";
    confidence = 0.75;
  } else if (looksLikePerson(words, before, after)) {
    type = "Person";
    confidence = 0.75;
  } else if (MEDIA_BEFORE.test(before) && j - i <= 2) {
    type = "Organization";
    confidence = 0.65;
  }
  if (!country) {
    const apposition = /^,\s*(?:a|an|the)\s+([A-Z]\w+)/.exec(after);
    country = apposition ? COUNTRY_ADJECTIVES.get(apposition[1].toLowerCase()) ?? null : null;
    const based = /^,\s*(?:a|an)\s+[^,.]{0,40}?\bbased in\s+([A-Z][\w ]+?)\b(?:[,.]|$)/.exec(after);
    if (based) country = COUNTRIES.find((c) => c.name === based[1] || c.aliases.includes(based[1]))?.code ?? country;
    const adj = /\b([A-Z][a-z]+)\s+(?:[\w-]+\s+){0,2}$/.exec(before);
    if (!country && adj && COMPANY_APPOSITION_BEFORE.test(before)) country = COUNTRY_ADJECTIVES.get(adj[1].toLowerCase()) ?? null;
  }
  // model suffixes belong to the model name ("X70 Plus")
  return [{ start: i, end: j, name, type, confidence, country, makerTokenEnd: undefined }];
}

const w0 = (lw: string[]) => lw[0];
const MAKER_NOUN_AFTER = /^\s+(?:[\w-]+\s+)?(?:truck|car|bus|vehicle|engine|auto|automobile|tractor)?\s*(?:plant|factory|works|maker|makers|manufacturer|dealers?|dealerships?|company|group|concern)\b/i;
/** body styles name a model ("the Geely Emgrand sedan"); generic nouns ("a Shacman truck") name a maker */
const SPECIFIC_VEHICLE_AFTER = /^\s+(?:crossover|sedan|suv|SUV|pickup|hatchback|liftback|minivan|coupe|wagon|roadster|electric crossover|electric sedan)\b/;
const GENERIC_VEHICLE_AFTER = /^\s+(?:truck|trucks|car|cars|vehicle|vehicles|bus|buses|tractor)\b/i;
const PLURAL_VEHICLE_AFTER = /^\s+(?:crossovers|cars|vehicles|sedans|suvs|SUVs|trucks|models|pickups|vans|buses)\b/;
const COPULA_BRAND = /^\s+(?:is|was|has become|became)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:brand|marque|nameplate)\b/i;

/** How many trailing words of a run after a title are a person's name. */
function personTail(words: Token[]): number {
  let n = 0;
  for (let k = words.length - 1; k >= 0 && n < 3; k--) {
    const w = lower(words[k]);
    if (TITLE_WORDS.has(w) || INSTITUTION_HEADS.has(w) || CONNECTORS.has(w) || COMPANY_WORDS.has(w) || NOT_NAMES.has(w)) break;
    if (!/^\p{Lu}\p{Ll}/u.test(words[k].text)) break;
    n++;
  }
  // "Trade Anton Alikhanov": three words only when the middle is a patronymic
  if (n === 3 && !PATRONYMIC.test(words[words.length - 2].text)) n = 2;
  // "Minister of Industry and Trade": a word right after "of"/"and" is the title's domain, not a name
  const first = words.length - n;
  if (n > 0 && first > 0 && CONNECTORS.has(lower(words[first - 1])) && (n < 2 || first === words.length - 2)) return 0;
  return n;
}

function looksLikePerson(words: Token[], before: string, after: string): boolean {
  if (words.length < 1 || words.length > 4) return false;
  if (!words.every((t) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(t.text))) return false;
  if (PERSON_APPOSITION.test(after) || PERSON_BEFORE.test(before)) return words.length >= 2 || PERSON_APPOSITION.test(after);
  const nextWord = /^\s*,?\s*(?:has\s+|had\s+|also\s+|then\s+)?(\w+)/.exec(after)?.[1] ?? "";
  return words.length >= 2 && SPEECH_VERBS.test(nextWord);
}

/**
 * Joins mentions of one party: a person's surname ("Sokolov") to the full name, a company name with a
 * generic suffix ("Jetour Auto") to the bare name, and names that fold to the same key.
 */
function mergeAliases(entities: DocEntity[], sentences: SentenceAnalysis[]): void {
  const persons = entities.filter((e) => e.type === "Person" && e.name.includes(" "));
  const redirect = new Map<DocEntity, DocEntity>();
  for (const e of entities) {
    if (e.fromGazetteer) continue;
    const words = e.name.split(" ");
    if (words.length === 1) {
      const p = persons.find((p) => p !== e && p.name.split(" ").pop() === e.name);
      if (p) {
        redirect.set(e, p);
        continue;
      }
    }
    if (words.length === 1) {
      // "the Jolion" after "Haval Jolion"
      const model = entities.find((o) => o !== e && o.type === "VehicleModel" && o.name.includes(" ") && o.name.split(" ").pop() === e.name);
      if (model) {
        redirect.set(e, model);
        continue;
      }
    }
    if (words.length === 1) {
      // "Caijing" after "Caijing Network": the bare name of an organisation named with a generic word
      const full = entities.find((o) => o !== e && o.type !== "Person" && o.name.split(" ").length > 1 && o.name.split(" ")[0] === e.name &&
        o.name.split(" ").slice(1).every((w) => ORGANIZATION_WORDS.has(w.toLowerCase())));
      if (full) {
        redirect.set(e, full);
        continue;
      }
    }
    if (e.type === "Company" && words.length > 1 && COMPANY_WORDS.has(words[words.length - 1].toLowerCase())) {
      const bare = nameKey(words.slice(0, -1).join(" "));
      const target = entities.find((o) => o !== e && (o.key === bare || nameKey(o.name) === bare || o.mentions.some((m) => nameKey(m.text) === bare)));
      if (target) redirect.set(e, target);
    }
  }
  // a one-word person mention before the full name is known is resolved above; a lone capitalised word that
  // only ever appeared as a person's surname stays merged
  for (const sa of sentences) {
    for (const m of sa.mentions) {
      const to = redirect.get(m.entity);
      if (to) m.entity = to;
    }
  }
}

/** "the Jolion and F7 crossovers as well as the Dargo": an untyped name listed with models is a model too. */
function typeCoordinatedModels(sentences: SentenceAnalysis[]): void {
  for (const sa of sentences) {
    const ms = sa.mentions;
    for (let k = 1; k < ms.length; k++) {
      const m = ms[k];
      const prev = ms[k - 1];
      if (m.entity.fromGazetteer || m.entity.type !== "Company" || m.entity.confidence > 0.6 || (prev.entity.type !== "VehicleModel" && prev.entity.type !== "Brand")) continue;
      const between = sa.sentence.text.slice(prev.end, m.start);
      if (/^\s*(?:\w+\s+){0,2}?(?:,|and|or|as well as)\s+(?:the\s+)?$/.test(between)) m.entity.type = prev.entity.type;
    }
  }
}

/**
 * Names each vehicle model after its maker ("S7" → "JAC S7"): the company named right before it or with
 * 's, else the company leading its sentence, else the last company the article spoke of as a maker
 * ("JAC vehicles", "Jetour introduced…").
 */
function assignMakers(sentences: SentenceAnalysis[]): void {
  let lastMaker: DocEntity | undefined;
  const introduced = new Set<DocEntity>();
  for (const sa of sentences) {
    const ms = sa.mentions;
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k];
      const e = m.entity;
      if (e.type === "Company" || e.type === "Brand") {
        const after = sa.sentence.text.slice(m.end, m.end + 40).toLowerCase();
        const nextWord = /^\s*(?:['’]s\s+)?([a-z-]+)/.exec(after)?.[1] ?? "";
        const nextMention = ms[k + 1];
        if (VEHICLE_NOUNS.has(nextWord) || nextWord === "vehicles" || nextWord === "cars" || (nextMention?.entity.type === "VehicleModel" && nextMention.tokenStart === m.tokenEnd) || /^\s+(?:introduced|launched|unveiled|rolled out|presented|produces|makes|builds|released|debuted)\b/.test(after)) {
          lastMaker = e;
        }
      }
      if (e.type !== "VehicleModel" || e.maker || e.fromGazetteer || introduced.has(e)) continue;
      introduced.add(e);
      const prev = ms[k - 1];
      let maker: DocEntity | undefined;
      if (prev && (prev.tokenEnd === m.tokenStart || (prev.possessive && prev.tokenEnd + 1 === m.tokenStart)) && (prev.entity.type === "Company" || prev.entity.type === "Brand")) maker = prev.entity;
      // the company named nearest before the model in its sentence ("…agreement with Changan to assemble the CS55")
      // (an assembler, importer or seller named before it is not its maker: "AGR will resume output of the Solaris")
      maker ??= ms.filter((o) => o.start < m.start && (o.entity.type === "Company" || o.entity.type === "Brand") && MAKING_BETWEEN.test(sa.sentence.text.slice(o.end, m.start)) && !NOT_MAKING_BETWEEN.test(sa.sentence.text.slice(o.end, m.start))).pop()?.entity;
      // "an agreement with Changan to assemble the CS55": the partner named with "with" brings its own model
      maker ??= ms.filter((o) => o.start < m.start && (o.entity.type === "Company" || o.entity.type === "Brand") && /\bwith\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i.test(sa.sentence.text.slice(Math.max(0, o.start - 40), o.start)) &&
        /\b(?:assembl\w*|produc\w*|build)\b/i.test(sa.sentence.text.slice(o.end, m.start))).pop()?.entity;
      // "Geely Emgrand", "Chery Tiggo 7": a model name opening with a party's name
      maker ??= entityNamedBy(sentences, e.name.split(" ")[0], e);
      maker ??= lastMaker;
      if (maker) {
        e.maker = maker;
        e.shortName = e.name;
        const makerShort = maker.mentions[0]?.text ?? sentencesFirstMention(sentences, maker) ?? maker.name;
        // "Haval Jolion" already names its make; "X70 Plus", "S7", "Compass" do not
        const words = e.name.split(" ");
        const namesMake = words.length >= 2 && !alnumCode({ text: words[0] } as Token) && /^\p{Lu}/u.test(words[0]);
        if (!namesMake && !nameKey(e.name).startsWith(nameKey(makerShort))) e.name = `${makerShort} ${e.name}`;
      }
    }
  }
}

const MAKING_BETWEEN = /\b(?:produc\w*|mak(?:es|ing)|made|build\w*|built|launch\w*|introduc\w*|unveil\w*|develop\w*|design\w*|roll(?:s|ed)? out|present\w*|debut\w*|releas\w*|its|their|own)\b/i;
const NOT_MAKING_BETWEEN = /\b(?:assembl\w*|import\w*|distribut\w*|deliver\w*|sell\w*|sold|resume\w*|restart\w*|licen[cs]\w*|localized|version)\b/i;

function entityNamedBy(sentences: SentenceAnalysis[], word: string, not: DocEntity): DocEntity | undefined {
  if (!word || !/^\p{Lu}/u.test(word)) return undefined;
  for (const sa of sentences) for (const m of sa.mentions) {
    if (m.entity !== not && (m.entity.type === "Company" || m.entity.type === "Brand") && !m.anaphor && (m.text === word || m.entity.name === word || m.entity.name.split(" ")[0] === word)) return m.entity;
  }
  return undefined;
}

function sentencesFirstMention(sentences: SentenceAnalysis[], e: DocEntity): string | undefined {
  for (const sa of sentences) for (const m of sa.mentions) if (m.entity === e) return m.text;
  return undefined;
}

const ANAPHORA = /\b(?:[Tt]his|[Tt]he|[Tt]hat)\s+(?:same\s+)?(?:(?:[A-Z][a-z]+|state-owned|state|new|local|former)\s+){0,2}(owner|buyer|company|automaker|carmaker|car maker|manufacturer|firm|concern|truck maker|group|model|agency|ministry|regulator|association|joint venture|venture|plant|factory|site|supplier|importer|dealer)\b/g;
const ANAPHOR_TYPES: Record<string, EntityType[]> = {
  company: ["Company"], automaker: ["Company"], carmaker: ["Company"], "car maker": ["Company"], manufacturer: ["Company"],
  firm: ["Company"], concern: ["Company"], "truck maker": ["Company"], group: ["Company"], model: ["VehicleModel"],
  agency: ["PublicBody"], ministry: ["PublicBody"], regulator: ["PublicBody"], association: ["Organization"],
  owner: ["Company"], buyer: ["Company"], "joint venture": ["Company"], venture: ["Company"], supplier: ["Company"], importer: ["Company"], dealer: ["Company"],
  plant: ["Plant"], factory: ["Plant"], site: ["Plant"],
};
/** "it" as a clause's subject, before a verb of doing (not "it is", "it was": those are often expletive) */
const PRONOUN_SUBJECT = /(^|(?:,\s+(?:and|but)\s+|;\s+|\band\s+))[Ii]t(?=\s+(?:also\s+|now\s+|then\s+|later\s+|still\s+|already\s+)?(?:plans|planned|intends|intended|will|would|has|had|assembles|assembled|builds|built|makes|made|produces|produced|supplies|supplied|sells|sold|bought|acquired|owns|owned|holds|held|signed|started|began|stopped|halted|exports|exported|imports|imported|operates|operated|employs|employed|belongs|belonged|opened|launched|licenses|licensed)\b)/g;
const SITE_NOUNS = new Set(["plant", "factory", "site"]);
/** nouns any company is called; for these the party the text is about wins over an earlier apposition */
const GENERIC_COMPANY_NOUNS = new Set(["company", "automaker", "carmaker", "car maker", "manufacturer", "firm", "group"]);
const PREPOSITION = /\b(?:of|in|at|to|for|with|by|through|from|on|near|under|about|like|as|than|via|including|between|among)\b/i;

/**
 * Is this mention the grammatical subject of its sentence (or of a clause after "and", ";")? Approximated by
 * position: at most four words before it since the clause began, none of them a preposition. A subject is
 * what "the company" later refers back to ("AGR aims…. The company said…"), not a party named in passing
 * ("Sales through Chery dealerships…").
 */
function isSubjectMention(text: string, m: Mention): boolean {
  const head = text.slice(0, m.start).split(/[;:]|,\s+(?:and|but|while)\s+/).pop()!;
  const words = head.trim().split(/\s+/).filter(Boolean);
  return words.length <= 4 && !PREPOSITION.test(head) && !/\b(?:said|says|according)\b/i.test(head);
}

/**
 * "the company", "the Japanese carmaker", "this same company", "the model", "the plant": a mention of an
 * entity named before. Companies resolve to the last company that was a sentence subject (the party the text
 * is about), else to the first company of the nearest sentence naming one; "the plant" to a plant named in
 * the last two sentences, else to the company whose plant the article spoke of ("its plant in Kaluga").
 */
function addAnaphora(sentences: SentenceAnalysis[]): void {
  const last = new Map<EntityType, DocEntity>();
  const seen: DocEntity[] = [];
  let subjectCompany: { e: DocEntity; sentence: number } | undefined;
  let firstCompanyOfLastSentence: DocEntity | undefined;
  let lastPlant: { e: DocEntity; sentence: number } | undefined;
  let siteOwner: DocEntity | undefined;
  const described = new Map<string, DocEntity>();
  for (const sa of sentences) {
    const added: Mention[] = [];
    const text = sa.sentence.text;
    const si = sa.sentence.index;
    const anaphors = [...text.matchAll(ANAPHORA)];
    // what a sentence-initial "It" refers to: decided before this sentence's own names are noted
    const carriedSubject = subjectCompany && subjectCompany.sentence >= si - 3 ? subjectCompany.e : firstCompanyOfLastSentence ?? last.get("Company");
    let ai = 0;
    const ordered = [...sa.mentions];
    let sentenceFirstCompany: DocEntity | undefined;
    const companyTarget = (): DocEntity | undefined =>
      subjectCompany && subjectCompany.sentence >= si - 3 ? subjectCompany.e : sentenceFirstCompany ?? firstCompanyOfLastSentence ?? last.get("Company");
    const note = (m: Mention) => {
      const e = m.entity;
      last.set(e.type, e);
      seen.push(e);
      if (e.type === "Company") {
        sentenceFirstCompany ??= e;
        if (isSubjectMention(text, m)) subjectCompany = { e, sentence: si };
      }
      if (e.type === "Plant") lastPlant = { e, sentence: si };
    };
    for (let k = 0; k <= ordered.length; k++) {
      const nextStart = ordered[k]?.start ?? Infinity;
      while (ai < anaphors.length && anaphors[ai].index! < nextStart) {
        const a = anaphors[ai++];
        // "the Chinese automaker JAC" is an apposition, not an anaphor
        const after = text.slice(a.index! + a[0].length);
        const aEnd = a.index! + a[0].length;
        if (/^\s+[\p{Lu}\p{N}]/u.test(after) || ordered.some((o) => (o.start >= aEnd && o.start <= aEnd + 1) || (o.start < aEnd && o.end > a.index!))) continue;
        // "the importer, Dongfeng Motor Rus": an apposition naming the party
        if (/^,\s+\p{Lu}/u.test(after) && ordered.some((o) => o.start >= aEnd && o.start <= aEnd + 3 && /^\s*(?:[,.;)]|$)/.test(text.slice(o.end)))) continue;
        const adjectives = a[0].split(/\s+/).slice(1, -1).filter((w) => /^\p{Lu}/u.test(w));
        const noun = a[1].toLowerCase();
        // only nationality adjectives may stand between "the" and the noun ("the South Korean automaker"): "the
        // Kaluga plant" is a name; but a place a company is known by ("the Naberezhnye Chelny manufacturer") may
        const placeModifier = GENERIC_COMPANY_NOUNS.has(noun) || noun === "truck maker";
        if (!placeModifier && adjectives.some((w) => !COUNTRY_ADJECTIVES.has(w.toLowerCase()) && !REGIONAL_ADJECTIVES.has(w.toLowerCase()) && !["South", "North"].includes(w))) continue;
        const types = ANAPHOR_TYPES[noun];
        let target: DocEntity | undefined;
        const describedAs = described.get(noun);
        // "Mazda Sollers Manufacturing Rus, the joint venture in Vladivostok": an apposition describes the party before it
        const appositionOf = ordered.filter((o) => o.end <= a.index!).pop();
        if (appositionOf && /^,\s+$/.test(text.slice(appositionOf.end, a.index!)) && types.includes(appositionOf.entity.type)) {
          target = appositionOf.entity;
        } else if (describedAs && !GENERIC_COMPANY_NOUNS.has(noun)) {
          target = describedAs;
        } else if (SITE_NOUNS.has(noun)) {
          target = lastPlant && lastPlant.sentence >= si - 2 ? lastPlant.e : siteOwner;
        } else if (types[0] === "Company") {
          // "the group" is the last party named "… Group" if there is one
          target = [...seen].reverse().find((e) => e.type === "Company" && e.name.toLowerCase().split(" ").includes(noun)) ?? companyTarget();
        } else {
          target = types.map((t) => last.get(t)).find(Boolean);
        }
        if (target?.type === "Company") {
          // "Daimler Truck … suspended all cooperation with the Russian company": a nationality names a party of that
          // country, and a company the clause already has as its subject is not the one a preposition points to
          const nationality = adjectives.map((w) => COUNTRY_ADJECTIVES.get(w.toLowerCase())).find(Boolean);
          const governed = /\b(?:with|to|from|by|for|of|against)\s+$/i.test(text.slice(0, a.index!));
          const inSentence = ordered.some((o) => o.end <= a.index! && o.entity === target);
          if ((nationality && target.country !== nationality) || (governed && inSentence)) {
            const other = [...seen].reverse().find((e) => e.type === "Company" && e !== target && (!nationality || e.country === nationality));
            target = other ?? (nationality && target.country && target.country !== nationality ? undefined : target);
          }
        }
        if (!target) continue;
        const tStart = sa.tokens.findIndex((t) => t.start >= a.index!);
        const tEnd = sa.tokens.findIndex((t) => t.start >= a.index! + a[0].length);
        const mention: Mention = {
          entity: target, sentence: si, start: a.index!, end: a.index! + a[0].length, tokenStart: tStart, tokenEnd: tEnd < 0 ? sa.tokens.length : tEnd,
          text: a[0], anaphor: true, possessive: /^['’]s/.test(after),
        };
        added.push(mention);
        if (target.type === "Company" && isSubjectMention(text, mention)) subjectCompany = { e: target, sentence: si };
      }
      const m = ordered[k];
      if (m) note(m);
    }
    // "Belgee, the Belarusian joint venture of…": remember what each party was called, for "the venture" later
    for (const m of sa.mentions) {
      const ap = new RegExp(String.raw`^,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(${Object.keys(ANAPHOR_TYPES).join("|")})\b`, "i").exec(text.slice(m.end, m.end + 80));
      if (ap && !m.anaphor) {
        described.set(ap[1].toLowerCase(), m.entity);
        described.set(ap[1].toLowerCase().split(" ").pop()!, m.entity); // "joint venture" → "the venture"
      }
    }
    // "its plant in Kaluga", "at its factory": the sentence's subject company runs the site "the plant" refers to
    if (/\b(?:its|their)\s+(?:[\w-]+\s+)?(?:plant|factory|site|facility)\b/i.test(text)) siteOwner = companyTarget() ?? siteOwner;
    // "…, and it also assembles Chevrolet cars", "It stopped building BMW vehicles": a subject "it" before an
    // action verb is the party the sentence (or, at its start, the text) is about; "it is worth…" is no party
    for (const p of text.matchAll(PRONOUN_SUBJECT)) {
      const at = p.index! + p[1].length;
      const earlier = [...sa.mentions, ...added].filter((x) => x.end <= at && (x.entity.type === "Company" || x.entity.type === "Plant")).sort((x, y) => x.start - y.start);
      const sentenceSubject = earlier.find((x) => isSubjectMention(text, x))?.entity;
      const target = sentenceSubject ?? (at === 0 ? carriedSubject : undefined);
      if (!target) continue;
      const tStart = sa.tokens.findIndex((t) => t.start >= at);
      added.push({ entity: target, sentence: si, start: at, end: at + 2, tokenStart: tStart, tokenEnd: tStart + 1, text: text.slice(at, at + 2), anaphor: true, possessive: false });
      if (target.type === "Company") subjectCompany = { e: target, sentence: si };
    }
    firstCompanyOfLastSentence = sentenceFirstCompany ?? firstCompanyOfLastSentence;
    if (added.length) sa.mentions = [...sa.mentions, ...added].sort((x, y) => x.start - y.start);
  }
}
