import type { EntityType, RelationStatus, RelationType } from "../../model/schema.js";

/** Where to find an argument the sentence does not name next to the trigger. */
export type Fallback =
  /** the maker of a vehicle model named before the trigger ("the cabins for Compass are produced under licence…") */
  | "modelMaker"
  /** the last eligible party named before, in this sentence or the three before it */
  | "context"
  /** the company that owns "the site", "the plant" or "the factory" the clause is about (the last company named) */
  | "siteOwner"
  /** the other argument itself ("Jetour plans to assemble vehicles in Russia": Jetour assembles Jetour) */
  | "self";

/**
 * One way a relation is stated: a trigger (verbs, nouns and prepositions, as a regular expression over the
 * sentence) and which side of it each argument stands on. Patterns are general: they name no party.
 */
export interface Pattern {
  id: string;
  type: RelationType;
  trigger: RegExp;
  /** what the entity before the trigger is, and the one after it */
  before: "subject" | "object" | null;
  after: "subject" | "object" | null;
  /** before the trigger, the clause's first eligible entity (its grammatical subject) or the nearest one */
  pickBefore?: "first" | "nearest";
  subjectTypes: EntityType[];
  objectTypes: EntityType[];
  fallbackSubject?: Fallback[];
  fallbackObject?: Fallback[];
  /** a status the pattern itself implies (a sold stake is ended) */
  status?: RelationStatus;
  /** every eligible entity after the trigger is an argument ("includes KAMAZ and GAZ") */
  manyAfter?: boolean;
  /** two entities on one side make the pair ("KAMAZ and JAC signed a partnership agreement") */
  pairBefore?: boolean;
  pairAfter?: boolean;
  /** the argument after the trigger must start within this many characters of it (default 70) */
  afterWithin?: number;
  /** the clause must also say this (a place for ASSEMBLES) */
  requires?: RegExp;
  /** the clause must not say this */
  excludes?: RegExp;
  /** the object is the party after "to" that follows the subject ("was licensed by JMC to Volga Motors") */
  objectAfterTo?: boolean;
  /** the argument after the trigger is its direct object: no "from"/"to" between ("buys gearboxes from X" is no purchase of X) */
  directObject?: boolean;
  symmetric?: boolean;
  confidence: number;
}

export const PARTIES: EntityType[] = ["Company", "Organization", "PublicBody", "Brand"];
export const COMPANIES: EntityType[] = ["Company", "Brand"];
export const PRODUCTS: EntityType[] = ["VehicleModel", "Brand"];
