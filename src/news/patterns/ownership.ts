/** OWNS (stakes, with percentages; sold stakes are ended), ACQUIRED, SUBSIDIARY_OF and FOUNDED. */
import type { EntityType } from "../../model/schema.js";
import type { Pattern } from "./types.js";

const OWNERS: EntityType[] = ["Company", "Organization", "PublicBody", "Person"];
const ASSETS: EntityType[] = ["Company", "Plant", "Brand"];
const PCT = String.raw`(?:(?:about|around|roughly|some|nearly|almost|over|more than|a|an|its|their|the|a further)\s+)*(?:\d+(?:\.\d+)?\s?(?:%|percent|per cent)|controlling|majority|minority|blocking|\w+-percent)`;

export const OWNERSHIP_PATTERNS: Pattern[] = [
  {
    id: "holds-stake", type: "OWNS", subjectTypes: OWNERS, objectTypes: ASSETS,
    trigger: new RegExp(String.raw`\b(?:owns|own|holds|hold|held|controls|has|had|have|acquired|acquires|bought|buys|purchased|took|takes|received|receives|increased|raised|will (?:own|hold|receive|acquire|buy|take))\s+${PCT}\s+(?:stake|share|shares|interest|holding|of the shares|of)\b[^.;]{0,25}?\bin\b`, "gi"),
    before: "subject", after: "object", afterWithin: 25, confidence: 0.8,
  },
  {
    // "BelAZ holds 50% of the venture", "Daimler Truck, which held 15% of KAMAZ"
    id: "holds-percent-of", type: "OWNS", subjectTypes: OWNERS, objectTypes: ASSETS,
    trigger: /\b(?:owns|own|owned|holds|hold|held|controls|control|controlled|has|had|retains|retained|keeps|kept)\s+(?:(?:about|around|roughly|some|nearly|almost|over|more than|just over|the remaining|a further)\s+)*\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+(?:of|in)\b(?:\s+(?:the\s+)?(?:shares|stock|capital|equity)\s+(?:of|in)\b)?/gi,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 25, confidence: 0.75,
    excludes: /\bmarket\b/i,
  },
  {
    id: "stake-in", type: "OWNS", subjectTypes: OWNERS, objectTypes: ASSETS,
    trigger: new RegExp(String.raw`['’]s\s+${PCT}\s+(?:stake|share|interest|holding)\s+in\b`, "gi"),
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 25, confidence: 0.75,
  },
  {
    id: "sold-stake", type: "OWNS", subjectTypes: OWNERS, objectTypes: ASSETS, status: "ended",
    trigger: /\b(?:sold|sells|sell|selling|divested|divests|transferred|handed over|gave up|disposed of|exited)\s+(?:off\s+)?(?:its|their|his|her|a|the|all)?\s*(?:(?:\d+(?:\.\d+)?\s?(?:%|percent|per cent)|entire|remaining|controlling|majority|minority)\s+)?(?:stake|share|shares|interest|holding|assets|business)s?\b(?:\s+in\b)?/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 25, fallbackObject: ["context"], confidence: 0.75,
  },
  {
    // "Renault's option to buy back its shares": the holder sold them, with a way back
    id: "buyback-option", type: "OWNS", subjectTypes: OWNERS, objectTypes: ASSETS, status: "ended",
    trigger: /\b(?:option|right)\s+to\s+(?:re-?purchase|buy\s+back|repurchase|reacquire|return to)\b(?:\s+(?:its|the|their)\s+(?:shares?|stake))?/gi,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 15, fallbackObject: ["context"], confidence: 0.6,
  },
  {
    id: "acquired", type: "ACQUIRED", subjectTypes: OWNERS, objectTypes: ASSETS,
    trigger: /\b(?:acquired|acquires|acquire|bought|buys|purchased|purchases|took over|takes over|take over|completed (?:the |its )?(?:acquisition|purchase|takeover) of|(?:agreed|plans|intends) to (?:buy|acquire|purchase|take over))\b/gi,
    before: "subject", after: "object", pickBefore: "first", afterWithin: 25, directObject: true, confidence: 0.75,
    excludes: /\b(?:stake|shares?|percent|%|licen[cs]e|option)\b/i,
  },
  {
    id: "acquired-by", type: "ACQUIRED", subjectTypes: OWNERS, objectTypes: ASSETS,
    // also the participle in apposition: "Volga Motors, bought by Kama Trucks in 2019, …"
    trigger: /(?:\b(?:was|were|has been|had been|will be|is being)|,(?:\s+(?:later|since|recently|now))?)\s+(?:acquired|bought|purchased|taken over|sold)\s+(?:\w+\s+)?(?:by|to)\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", confidence: 0.8,
  },
  {
    id: "sold-to", type: "ACQUIRED", subjectTypes: OWNERS, objectTypes: ASSETS,
    trigger: /\bsold\s+(?:the\s+|its\s+)?(?=[A-Z])/g,
    before: null, after: "object", afterWithin: 5, confidence: 0.6,
  },
  {
    // "SaryarkaAvtoProm, the car plant in Kostanay owned by Allur Group", "the company is majority-owned by Rostec"
    id: "owned-by", type: "OWNS", subjectTypes: OWNERS, objectTypes: ["Company", "Brand"],
    trigger: /\b(?:(?:wholly|fully|majority|partly|jointly|indirectly|ultimately)[- ])?owned\s+(?:\w+\s+)?by\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", afterWithin: 40, confidence: 0.75,
  },
  {
    id: "controlled-by", type: "CONTROLS", subjectTypes: OWNERS, objectTypes: ["Company", "Brand"],
    trigger: /\b(?:is|are|was|were|been|being|,)?\s*controlled\s+(?:\w+\s+)?by\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", afterWithin: 40, confidence: 0.7,
  },
  {
    // "GAZ Group, when the Treasury designated its owner, Oleg Deripaska": the owner named after "its owner"
    id: "its-owner", type: "OWNS", subjectTypes: OWNERS, objectTypes: ["Company", "Brand"],
    // or after a copula: "Its largest shareholder until 2022 was Renault"
    trigger: /\b(?:[Ii]ts|[Tt]heir)\s+(?:(?:main|largest|biggest|majority|controlling|sole|principal|new|former)\s+)?(?:owner|shareholder|stakeholder)\b(?:(?:\s+(?:until|since|in)\s+\d{4})?\s+(?:is|was|has been|became|remains)(?:\s+the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?|,?(?:\s+(?:the\s+)?[a-z][\w-]*){0,2})/g,
    before: "object", after: "subject", pickBefore: "first", afterWithin: 6, fallbackObject: ["context"], confidence: 0.65,
  },
  {
    // "the company, which belongs to GAZ Group", "KAMAZ, part of the state corporation Rostec": a descriptor
    // of lower-case words may stand between "of" and the parent's name
    id: "subsidiary-of", type: "SUBSIDIARY_OF", subjectTypes: ["Company", "Plant"], objectTypes: ["Company", "Organization", "PublicBody"],
    trigger: /\b(?:[Aa] |[Tt]he )?(?:subsidiary|unit|division|daughter company|part|member|affiliate|[Ss]ubsidiary|[Pp]art)\s+of(?:\s+(?:the|a|an|its)\s+(?:[a-z][a-z-]*\s+){1,3}(?=[A-Z]))?|\bbelong(?:s|ed|ing)?\s+to\b/g,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 12, confidence: 0.75,
    excludes: /\bpart of (?:the|a|its|their) (?:plan|strategy|deal|effort|program|programme|broader|wider)\b/i,
  },
  {
    id: "founded", type: "FOUNDED", subjectTypes: ["Company", "Organization", "PublicBody", "Person"], objectTypes: ["Company", "Organization", "Brand", "Plant"],
    trigger: /\b(?:founded|established|set up|created|formed|registered)\s+(?:a |an |the )?(?:new |joint |separate )?(?:company|venture|subsidiary|brand|entity|firm)?,?\s*(?:called|named)?\b/gi,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 20, confidence: 0.6,
  },
  {
    id: "founded-by", type: "FOUNDED", subjectTypes: ["Company", "Organization", "PublicBody", "Person"], objectTypes: ["Company", "Organization", "Brand", "Plant"],
    trigger: /\b(?:was|were|has been|had been)\s+(?:founded|established|set up|created)\s+(?:\w+\s+)?by\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", confidence: 0.8,
  },
];
