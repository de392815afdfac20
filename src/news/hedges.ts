/**
 * Status of a stated relation or figure from the words around it (ONTOLOGY.md): `ended` for past relations
 * (a sold stake, a left market), `reported` for claims attributed to others and not confirmed by a party,
 * `planned` for talks, intentions and targets, `confirmed` otherwise.
 */
import type { RelationStatus } from "../model/schema.js";

const ENDED =
  /\b(?:sold (?:off )?(?:its|their|his|her|the|a) (?:\d+(?:\.\d+)?\s?% )?(?:stake|share|shares|holding|interest|business|assets|plant|factory)|divest(?:ed|s|ment)|exit(?:ed|s)? (?:from |the )?(?:\w+ )?market|left the (?:\w+ )?market|withdr(?:ew|awn) from|pulled out|previously\b|formerly(?!\s+(?:known as|called|named))\b|former(?!\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|site|facility|works|premises|dealers|dealerships?|headquarters|building|territory)\b)\b|no longer|ceased|terminated|ended (?:its|the|their)|(?:option|right) to (?:re-?purchase|buy back|repurchase|reacquire)|buy-?back option|suspended (?:its |all )?(?:production|operations|cooperation)|broke off|wound down)\b/i;

/** Attribution to others: "according to reports", "sources say". */
const ATTRIBUTED =
  /\b(?:according to (?:(?:a|the|[\w-]+)\s+){0,2}(?:reports?|sources|media|people|insiders|analysts|observers)|according to unnamed|reportedly|allegedly|rumou?r(?:s|ed)?|(?:cited|citing) (?:unnamed )?sources|sources (?:say|said|claim|told|familiar)|is said to|are said to|in (?:related |media |press )?reports|reports (?:say|said|suggest|indicate|claim)|(?:media|press) reports|unconfirmed)\b/i;
/** Speculation about a link, which only makes a relation (not a figure) reported. */
const SPECULATED = /\b(?:(?:widely |has been |have been |is |are )?(?:linked|tied) to|may be|might be|speculat\w+)\b/i;

const PLANNED =
  /\b(?:plans?|planned|planning|intends?|intended|intention|aims?|aimed|aiming|will|would|shall|is to|are to|to be (?:built|launched|assembled|produced|opened)|targets?|targeted|targeting|expected|expects?|envisages?|envisaged|foresees?|foreseen|slated|scheduled|potential(?:ly)?|possible|possibility|prospective|talks?|negotiat\w+|discussions?|discussing|considering|considers?|explor(?:e|es|ed|ing)|seek(?:s|ing)?|proposed|proposal|memorandum|MoU|letter of intent|could|may|might|named as|upcoming|future|prepar(?:es|ing) to|is set to|are set to|set to)\b/i;

const CONFIRMING = /\b(?:announced|confirmed|signed|officially|stated|publicly acknowledged|completed|began|launched|started)\b/i;

/**
 * `text` is the clause the item was found in (or the sentence); `before` is what precedes the trigger in it
 * (planning words count there, so "X plans to license…" is planned but "licensed …, with plans for more" is not).
 */
export function statusOf(sentence: string, before: string = sentence, opts: { figure?: boolean } = {}): RelationStatus {
  if (ENDED.test(sentence) && !opts.figure) return "ended";
  if ((ATTRIBUTED.test(sentence) || (!opts.figure && SPECULATED.test(sentence))) && !CONFIRMING.test(sentence)) return "reported";
  if (PLANNED.test(before)) return "planned";
  return "confirmed";
}

export function isEndedCue(text: string): boolean {
  return ENDED.test(text);
}

const NEGATION = /\b(?:not|no|never|neither|nor|denied|denies|deny|rejected|ruled out|without)\b/i;

/** True when the words just before a trigger negate it ("is not pursuing a partnership"). */
export function negated(beforeTrigger: string): boolean {
  const window = beforeTrigger.split(/[,;:]/).pop() ?? "";
  return NEGATION.test(window.trim().split(/\s+/).slice(-5).join(" "));
}
