/** PARTNER_OF: partnerships, collaborations, joint ventures, agreements and talks "with" a party. */
import { PARTIES, type Pattern } from "./types.js";

const base = { type: "PARTNER_OF" as const, subjectTypes: PARTIES, objectTypes: PARTIES, symmetric: true };

export const PARTNERSHIP_PATTERNS: Pattern[] = [
  {
    ...base, id: "partner-with",
    trigger: /\b(?:partner(?:ship|ships|ed|s|ing)?|cooperat(?:e|es|ed|ing|ion)|co-operat\w+|collaborat(?:e|es|ed|ing|ion)|joint ventures?|JV|alliance|teamed up|team up|teams up|tie-up|tie up|ties up|(?:\w+ )?agreements?|contracts?|deals?|framework|memorandum|MoU|talks|negotiations|negotiating|relationship|joint (?:production|assembly|project)|works?|working)\s+(?:\w+\s+){0,2}?with\b/gi,
    before: "subject", after: "object", confidence: 0.75,
    excludes: /\b(?:compet\w+|rival\w*)\b/i,
  },
  {
    ...base, id: "in-partnership-with",
    trigger: /\b(?:in (?:collaboration|cooperation|partnership|conjunction|alliance) with|together with|alongside|jointly with|along with)\b/gi,
    before: "subject", after: "object", pickBefore: "nearest", confidence: 0.7,
  },
  {
    ...base, id: "linked-to",
    trigger: /\b(?:linked|tied|connected) to\b/gi,
    before: "subject", after: "object", confidence: 0.6, status: "reported",
  },
  {
    ...base, id: "as-partner",
    trigger: /\bas (?:a |an |its |their |the )?(?:[\w-]+ ){0,2}?partners?\b(?:\s+(?:in|for|of|to|on)\b(?:\s+(?:developing|building|producing|the|a))?)?/gi,
    before: "subject", after: "object", afterWithin: 40, fallbackObject: ["context"], confidence: 0.65,
  },
  {
    ...base, id: "partner-of",
    trigger: /\b(?:partners?|ally|allies) (?:of|for|to)\b/gi,
    before: "subject", after: "object", afterWithin: 30, confidence: 0.6,
  },
  {
    ...base, id: "between",
    trigger: /\b(?:partnership|agreement|joint venture|cooperation|alliance|deal|contract|talks|negotiations) between\b/gi,
    before: null, after: "subject", pairAfter: true, confidence: 0.75,
  },
  {
    ...base, id: "pair-signed",
    trigger: /\b(?:signed|formed|set up|established|created|agreed on|agreed to form|announced|launched|entered into|are in talks on|are discussing) (?:a |an |the )?(?:\w+ ){0,2}?(?:partnership|joint venture|venture|joint company|alliance|cooperation agreement|agreement|memorandum|MoU|deal)\b/gi,
    before: "subject", after: null, pairBefore: true, confidence: 0.75,
  },
  {
    // "Kama Axle and Ningbo Gear will jointly produce axles": two parties doing one thing together
    ...base, id: "pair-jointly",
    trigger: /\b(?:will |plan to |intend to |agreed to |are to |to )?(?:jointly|together) (?:produce|develop|build|assemble|make|manufacture|invest|launch|design|set up|establish|create|run|operate)\b/gi,
    before: "subject", after: null, pairBefore: true, confidence: 0.7,
  },
];
