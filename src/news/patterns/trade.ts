/** EXPORTS_TO: exports from a country or company to a destination; imports read the other way. */
import type { EntityType } from "../../model/schema.js";
import type { Pattern } from "./types.js";

const TRADERS: EntityType[] = ["Country", "Company", "Brand"];
const DESTINATIONS: EntityType[] = ["Country", "Company"];

export const TRADE_PATTERNS: Pattern[] = [
  {
    id: "exports-to", type: "EXPORTS_TO", subjectTypes: TRADERS, objectTypes: DESTINATIONS,
    trigger: /\bexport(?:s|ed|ing)?\b[^.;]{0,60}?\bto\b/gi,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 12, confidence: 0.75,
  },
  {
    // "Belgee ships most of its cars to Russia": goods sent to a country are exports
    id: "ships-to-country", type: "EXPORTS_TO", subjectTypes: TRADERS, objectTypes: ["Country"],
    // (a passive's subject is the goods: "JAC vehicles were delivered to Russia via…")
    trigger: /\b(?=[sdSD])(?<!\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?)(?:ship(?:s|ped|ping)?|sen(?:ds|t|ding)|deliver(?:s|ed|ing)?|sell(?:s|ing)?|sold|supplie[sd]|supply(?:ing)?)\b[^.;]{0,50}?\bto\b/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 12, confidence: 0.65,
    excludes: /\b(?:stake|shares?|business|assets|plant|factory|subsidiary|licen[cs]e)\b/i,
  },
  {
    // "Russia has become China's largest export market"
    id: "export-market", type: "EXPORTS_TO", subjectTypes: TRADERS, objectTypes: DESTINATIONS,
    trigger: /['’]s\s+(?:\w+\s+){0,2}?(?:export market|export destination|market for exports|buyer)\b/gi,
    before: "subject", after: null, pickBefore: "nearest", confidence: 0.7,
    // the destination is the clause's first party: resolved in relations.ts (see exportMarket)
  },
  {
    id: "imports-from", type: "EXPORTS_TO", subjectTypes: TRADERS, objectTypes: DESTINATIONS,
    trigger: /\bimport(?:s|ed|ing)?\b[^.;]{0,60}?\bfrom\b/gi,
    before: "object", after: "subject", pickBefore: "first", afterWithin: 12, confidence: 0.7,
  },
];
