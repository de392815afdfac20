/** SANCTIONED_BY (designations) and CERTIFICATION_CANCELLED (certificates and type approvals withdrawn). */
import type { EntityType } from "../../model/schema.js";
import type { Pattern } from "./types.js";

const LISTED: EntityType[] = ["Company", "Organization", "Person", "Plant", "Brand", "PublicBody"];
const AUTHORITY: EntityType[] = ["PublicBody"];
const PRODUCTS: EntityType[] = ["Company", "VehicleModel", "Brand"];

export const SANCTIONS_PATTERNS: Pattern[] = [
  {
    id: "sanctioned-by", type: "SANCTIONED_BY", subjectTypes: LISTED, objectTypes: AUTHORITY,
    trigger: /\b(?:sanctioned|designated|blacklisted|listed|added to (?:the |its )?(?:[\w-]+ ){0,4}?(?:list|blacklist)|placed on (?:the |its )?(?:[\w-]+ ){0,4}?list|put on (?:the |its )?(?:[\w-]+ ){0,4}?list|targeted|hit with sanctions)\s+by\b/gi,
    before: "subject", after: "object", pickBefore: "nearest", confidence: 0.85,
  },
  {
    id: "list-includes", type: "SANCTIONED_BY", subjectTypes: LISTED, objectTypes: AUTHORITY,
    trigger: /\b(?:list|lists|blacklist|sanctions?(?: list| package)?|package|register)\s+(?:now\s+|also\s+)?(?:includes|included|contains|contained|features|named|names|adds|added|targets|targeted|covers|covered)\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", manyAfter: true, afterWithin: 30, confidence: 0.85,
  },
  {
    id: "authority-sanctions", type: "SANCTIONED_BY", subjectTypes: LISTED, objectTypes: AUTHORITY,
    trigger: /\b(?:sanctioned|designated|blacklisted|imposed sanctions on|imposes sanctions on|slapped sanctions on|put sanctions on|added|placed|included)\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", manyAfter: true, afterWithin: 30, confidence: 0.8,
    requires: /\b(?:sanction\w*|designat\w+|blacklist\w*|SDN|Entity List|list)\b/i,
    excludes: /\b(?:lifted|removed|delisted|eased)\b/i,
  },
  {
    id: "under-sanctions", type: "SANCTIONED_BY", subjectTypes: LISTED, objectTypes: AUTHORITY,
    trigger: /\b(?:is|are|was|were|has been|have been|came|fell|remains?)\s+under\s+(?=(?:[A-Z][\w.]*\s+){1,3}sanctions)/g,
    before: "subject", after: "object", afterWithin: 5, confidence: 0.7,
  },
  {
    id: "certification-cancelled", type: "CERTIFICATION_CANCELLED", subjectTypes: PRODUCTS, objectTypes: AUTHORITY,
    trigger: /\b(?:cancel(?:led|ed|s|ling|lation of)|revok(?:ed|es|ing)|revocation of|withdr(?:ew|awn|awal of)|suspend(?:ed|s|ing)|suspension of|annul(?:led|s|ment of)|invalidat(?:ed|ion of))\s+(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:certificat\w*|type approvals?|vehicle type approvals?|OTTS|approvals?|conformity)\b/gi,
    before: "object", after: "subject", pickBefore: "nearest", afterWithin: 60, fallbackSubject: ["context"], confidence: 0.85,
  },
  {
    id: "certificate-was-cancelled", type: "CERTIFICATION_CANCELLED", subjectTypes: PRODUCTS, objectTypes: AUTHORITY,
    trigger: /\b(?:certificat\w*|type approvals?|OTTS)\b[^.;]{0,50}?\b(?:was|were|has been|have been|had been)\s+(?:cancel\w*|revoked|withdrawn|suspended|annulled|invalidated)(?:\s+by)?\b/gi,
    before: "subject", after: "object", pickBefore: "nearest", afterWithin: 20, fallbackObject: ["context"], confidence: 0.8,
  },
];
