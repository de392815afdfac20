/**
 * OFAC's 50 Percent Rule (revised guidance of 13 August 2014; FAQs 398, 399, 401).
 *
 * - An entity owned 50% or more, directly or indirectly, in the aggregate by one or more blocked persons is
 *   blocked itself, listed or not. Exactly 50% counts.
 * - Stakes of all blocked persons add up, whatever program blocked them (FAQ 399).
 * - "Indirectly" means through entities that are themselves blocked under the rule; their stake counts in full,
 *   never multiplied along the chain (FAQ 401 examples 1-3). A stake held by an owner that is not blocked counts
 *   as zero (FAQ 401 example 4).
 * - Control alone does not block (FAQ 398): control links are ignored here and shown elsewhere.
 *
 * Seeds: listings with authority OFAC in force on the date, from blocking lists only (the SDN list; sectoral
 * and other non-SDN lists do not block, see isBlockingListing).
 */
import type { Graph } from "../graph.js";
import { aggregateFixedPoint, type RuleOutcome } from "./common.js";

export function ofacRule(graph: Graph): RuleOutcome {
  return aggregateFixedPoint(graph, { rule: "OFAC", authority: "OFAC", atLeast: true, control: false });
}
