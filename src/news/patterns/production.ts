/** PRODUCES, ASSEMBLES and OPERATES_PLANT: launches, production, local assembly and plants. */
import { COMPANIES, PRODUCTS, type Pattern } from "./types.js";

/** A clause about making things somewhere: on Russian soil, in a country, locally, at a plant. */
const LOCAL = /\b(?:on (?:\w+ )?soil|in (?:Russia|Kazakhstan|Belarus|Uzbekistan|China|the country|[A-Z]\w+)|locally|local(?:ly|i[sz]e|i[sz]ed|i[sz]ation)?\b|at (?:the |its |a |their )?(?:[A-Z]\w+|\w+ )?(?:plant|factory|facility|site)|(?:plant|factory|facility|site|capacities|lines?) (?:in|at|of)\b|production sites?|contract manufacturing|CKD|SKD|knock-down|kits?)\b/;

export const PRODUCTION_PATTERNS: Pattern[] = [
  {
    id: "launches", type: "PRODUCES", subjectTypes: ["Company", "Brand"], objectTypes: PRODUCTS,
    trigger: /\b(?:rolled out|rolls out|roll out|launch(?:ed|es|ing)?|introduc(?:ed|es|ing)|unveil(?:ed|s|ing)?|present(?:ed|s)|debut(?:ed|s)|premiered|releas(?:ed|es)|produc(?:es|ed|ing)|manufactur(?:es|ed|ing)|makes|made|builds|built|develop(?:s|ed|ing)|(?:start(?:ed|s)?|began|begins|will start|to start|launched|kicked off) (?:the )?(?:serial |mass |series |full-scale |commercial |local )?(?:production|sales|assembly|deliveries) of|sells|sold)\b/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 40, confidence: 0.8,
  },
  {
    id: "produced-by", type: "PRODUCES", subjectTypes: ["Company", "Brand"], objectTypes: PRODUCTS,
    trigger: /\b(?:produced|made|manufactured|built|developed|designed) by\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", confidence: 0.8,
  },
  {
    id: "assembles", type: "ASSEMBLES", subjectTypes: COMPANIES, objectTypes: [...PRODUCTS, "Company"],
    trigger: /\b(?:assembl(?:e|es|ed|ing)|(?:local |CKD |SKD )?assembly of)\b/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 50, fallbackSubject: ["siteOwner"], fallbackObject: ["self"], confidence: 0.7,
    excludes: /\bassembly lines?\b/i,
  },
  {
    // "Jetour plans to manufacture vehicles on Russian soil": local production of its own vehicles
    id: "local-production", type: "ASSEMBLES", subjectTypes: COMPANIES, objectTypes: PRODUCTS,
    trigger: /\b(?:manufactur(?:e|es|ing)|produc(?:e|es|ing)|locali[sz](?:e|es|ing) (?:the )?production|(?:start(?:s|ed)?|began|begins|launch(?:es|ed)?) (?:the )?(?:local |serial |mass |series |full-scale )?(?:production|manufacturing|assembly)|(?:local|contract) (?:production|manufacturing))\b/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 30, fallbackObject: ["self"], confidence: 0.6,
    requires: LOCAL,
  },
  {
    // "Avtodizel, the Yaroslavl maker of YaMZ diesel engines": a maker named by what it makes (a company name
    // right after "of" is the brand it makes)
    id: "maker-of", type: "PRODUCES", subjectTypes: ["Company"], objectTypes: [...PRODUCTS, "Company"],
    trigger: /\b(?:maker|manufacturer|producer|builder)\s+of\s+(?:the\s+)?/gi,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 1, confidence: 0.65,
  },
  {
    // "AGR intends to resume output of the Solaris": a new owner restarting a model at a plant it took over
    id: "resumes-output", type: "ASSEMBLES", subjectTypes: COMPANIES, objectTypes: PRODUCTS,
    trigger: /\b(?:resum(?:e|es|ed|ing)|restart(?:s|ed|ing)?|relaunch(?:es|ed|ing)?)\s+(?:the\s+)?(?:output|production|manufacturing|assembly|making)\s+of\b/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 30, confidence: 0.65,
  },
  {
    id: "operates-plant", type: "OPERATES_PLANT", subjectTypes: ["Company"], objectTypes: ["Plant"],
    trigger: /\b(?:operat(?:es|ed|ing)|runs|ran|owns|opened|launched|built|bought|acquired|took over|leases?)\b/gi,
    before: "subject", after: "object", afterWithin: 40, confidence: 0.7,
  },
];
