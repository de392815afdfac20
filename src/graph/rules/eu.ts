/**
 * EU asset freeze: entities "owned or controlled" by listed persons (Council Best Practices; Commission FAQs).
 *
 * - Ownership: 50% or more of the proprietary rights since the Best Practices update of 3 July 2024; before that
 *   date the test was more than 50%, so an as-of run before 2024-07-03 uses the old threshold.
 * - Stakes of different listed persons are aggregated (Commission FAQ 8; the Council in 2024).
 * - Control alone suffices (criteria (a)-(h) of the Best Practices): a confirmed CONTROLS relation, or
 *   SUBSIDIARY_OF (consolidation on a unified basis), from a listed or derived party.
 * - Indirect holdings: the guidance gives no formula. We read an entity owned or controlled by a listed person as
 *   that person's vehicle, so its stakes count in full onward (the same fixed point as OFAC). Multiplied
 *   "effective" stakes are lower; the paths in the output show every hop so an analyst can apply either reading.
 */
import type { Graph } from "../graph.js";
import { aggregateFixedPoint, type RuleOutcome } from "./common.js";

/** The first day on which exactly 50% is enough under the EU test. */
export const EU_AT_LEAST_FROM = "2024-07-03";

export function euRule(graph: Graph): RuleOutcome {
  return aggregateFixedPoint(graph, { rule: "EU", authority: "EU", atLeast: graph.asOf >= EU_AT_LEAST_FROM, control: true });
}
