/** SUPPLIES: supply, delivery and sourcing, including delivery through a logistics partner. */
import { COMPANIES, type Pattern } from "./types.js";

const base = { type: "SUPPLIES" as const, subjectTypes: COMPANIES, objectTypes: COMPANIES };

export const SUPPLY_PATTERNS: Pattern[] = [
  {
    ...base, id: "supplies-to",
    trigger: /\b(?:suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?|provid(?:es|ed|ing))\b(?:[^.;]{0,50}?)\b(?:to|for)\b/gi,
    before: "subject", after: "object", afterWithin: 25, confidence: 0.7,
  },
  {
    // "Weichai supplies KAMAZ with engines": the customer right after the verb, the goods after "with"
    ...base, id: "supplies-with",
    trigger: /\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|equip(?:s|ped|ping)?)\b(?=\s+(?:the\s+)?[A-Z][^.;]{0,40}?\bwith\b)/g,
    before: "subject", after: "object", afterWithin: 6, confidence: 0.7,
  },
  {
    ...base, id: "supplier-of",
    trigger: /\b(?:supplier|vendor|provider|distributor|importer) (?:of [\w\s-]{0,30}?)?(?:to|for)\b/gi,
    before: "subject", after: "object", afterWithin: 30, confidence: 0.7,
  },
  {
    // "JAC vehicles were delivered to Russia via a logistics link with SaryarkaAvtoProm"
    ...base, id: "delivered-via",
    trigger: /\b(?:delivered|supplied|shipped|imported|sold|distributed|brought)\b[^.;]{0,60}?\b(?:via|through|by)\b/gi,
    before: "object", after: "subject", pickBefore: "first", afterWithin: 45, confidence: 0.6,
  },
  {
    ...base, id: "sources-from",
    trigger: /\b(?:sources?|sourced|sourcing|buys?|bought|purchases?|purchased|procures?|procured|receives?|received|orders?|ordered)\b[^.;]{0,50}?\bfrom\b/gi,
    before: "object", after: "subject", afterWithin: 25, confidence: 0.6,
    excludes: /\b(?:stake|shares?|licen[cs]e|brand|plant|factory|business)\b/i,
  },
];
