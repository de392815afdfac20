/** LICENSES_TO: production under licence, licences granted and licence agreements. */
import { PARTIES, type Pattern } from "./types.js";

const base = { type: "LICENSES_TO" as const, subjectTypes: PARTIES, objectTypes: PARTIES };

export const LICENCE_PATTERNS: Pattern[] = [
  {
    // passive with both parties: "the cab design was licensed by JMC to Volga Motors"
    ...base, id: "licensed-by-to",
    trigger: /\b(?:is|are|was|were|has been|have been|had been|will be)\s+licen[cs]ed\s+by\b(?=[^.;]{0,60}\bto\b)/gi,
    before: null, after: "subject", objectAfterTo: true, confidence: 0.8,
  },
  {
    // "the cabins are produced under a license from JAC": licensor after, licensee before (or the model's maker)
    ...base, id: "under-licence-from",
    trigger: /\b(?:under (?:a |an )?licen[cs]e(?: agreement)?|licen[cs]ed|licen[cs]e) (?:from|of|granted by|by)\b(?![^.;]{0,60}\bto\s+(?:the\s+)?[A-Z])/gi,
    before: "object", after: "subject", pickBefore: "first", fallbackObject: ["modelMaker", "context"], confidence: 0.8,
  },
  {
    // "JAC licensed the cabin design to KAMAZ", "JAC granted KAMAZ a licence"
    ...base, id: "licensed-to",
    trigger: /\b(?:licen[cs]es|licen[cs]ed|licen[cs]ing|sold (?:a |the )?licen[cs]e|grant(?:s|ed|ing)? (?:a |the )?licen[cs]e|transferred (?:the )?(?:rights|technology))\b(?:[^.;]{0,60}?)\bto\b/gi,
    before: "subject", after: "object", confidence: 0.8,
  },
  {
    ...base, id: "granted-licence",
    trigger: /\bgrant(?:s|ed)?\b(?=[^.;]{0,40}\blicen[cs]e\b)/gi,
    before: "subject", after: "object", afterWithin: 20, confidence: 0.7,
  },
  {
    // "KAMAZ signed a licence agreement with JAC": the local producer takes the licence
    ...base, id: "licence-agreement-with",
    trigger: /\blicen[cs](?:e|ing) (?:agreement|deal|contract)s? with\b/gi,
    before: "object", after: "subject", confidence: 0.7,
  },
  {
    ...base, id: "obtained-licence",
    trigger: /\b(?:obtained|received|acquired|bought|secured|holds|got) (?:a |the )?licen[cs]e\b[^.;]{0,40}?\bfrom\b/gi,
    before: "object", after: "subject", confidence: 0.8,
  },
];
