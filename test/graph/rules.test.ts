/**
 * The ownership rules on small graphs: OFAC FAQ 401's four worked examples, the exactly-50% case under each
 * rule set, EU aggregation against UK non-aggregation, control, cycles, duplicate stakes and as-of dates.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGraph, type GraphInput } from "../../src/graph/graph.js";
import { exposureOf, runRules } from "../../src/graph/exposure.js";
import type { ExposureResult } from "../../src/model/graph.js";
import { input, listed, owns, rel } from "./helpers.js";

function expose(inp: GraphInput, id: string): ExposureResult {
  const graph = buildGraph(inp);
  const node = graph.index.get(id);
  assert.ok(node !== undefined, `${id} is in the graph`);
  return exposureOf(graph, runRules(graph), node);
}

const DAY = "2025-06-01";

test("FAQ 401 example 1: X owns 50% of A, A owns 50% of B: B is blocked through A, not by 25%", () => {
  const inp = input(DAY, [owns("x", "a", 50), owns("a", "b", 50)], listed("x", ["OFAC"]));
  const a = expose(inp, "a").verdicts.OFAC;
  const b = expose(inp, "b").verdicts.OFAC;
  assert.equal(a.status, "derived");
  assert.equal(b.status, "derived");
  assert.equal(b.basis, "ownership");
  assert.equal(b.ownership, 50);
  assert.deepEqual(b.paths, [[
    { from: "x", to: "a", type: "OWNS", percentage: 50 },
    { from: "a", to: "b", type: "OWNS", percentage: 50 },
  ]]);
  assert.ok(b.sources.includes("list-OFAC") && b.sources.includes("src-a-b"), "sources name the listing and the stakes");
});

test("FAQ 401 example 2: 25% + 25% through two blocked entities adds up to 50%", () => {
  const inp = input(DAY, [owns("x", "a", 50), owns("x", "b", 50), owns("a", "c", 25), owns("b", "c", 25)], listed("x", ["OFAC"]));
  const c = expose(inp, "c").verdicts.OFAC;
  assert.equal(c.status, "derived");
  assert.equal(c.ownership, 50);
  assert.equal(c.paths.length, 2);
});

test("FAQ 401 example 3: 10% direct plus 40% through blocked A blocks B", () => {
  const inp = input(DAY, [owns("x", "a", 50), owns("x", "b", 10), owns("a", "b", 40)], listed("x", ["OFAC"]));
  const b = expose(inp, "b").verdicts.OFAC;
  assert.equal(b.status, "derived");
  assert.equal(b.ownership, 50);
  assert.equal(b.paths.length, 2);
});

test("FAQ 401 example 4: stakes of owners that are not blocked count as zero", () => {
  const inp = input(DAY, [owns("x", "a", 25), owns("x", "b", 25), owns("a", "c", 50), owns("b", "c", 50)], listed("x", ["OFAC"]));
  for (const id of ["a", "b", "c"]) assert.equal(expose(inp, id).verdicts.OFAC.status, "clear", id);
  assert.equal(expose(inp, "c").verdicts.OFAC.ownership, 0);
  assert.equal(expose(inp, "a").verdicts.OFAC.ownership, 25);
});

test("exactly 50%: blocks under OFAC and the EU (from 2024-07-03), not under the UK", () => {
  const rels = [owns("x", "t", 50)];
  const lst = listed("x");
  const now = expose(input(DAY, rels, lst), "t").verdicts;
  assert.equal(now.OFAC.status, "derived");
  assert.equal(now.EU.status, "derived");
  assert.equal(now.UK.status, "clear");
  assert.equal(now.UK.ownership, 50);
  // before the EU Best Practices update the test was "more than 50%"
  assert.equal(expose(input("2024-07-02", rels, lst), "t").verdicts.EU.status, "clear");
  assert.equal(expose(input("2024-07-03", rels, lst), "t").verdicts.EU.status, "derived");
  // a hair above 50% is enough for the UK
  assert.equal(expose(input(DAY, [owns("x", "t", 50.01)], lst), "t").verdicts.UK.status, "derived");
});

test("EU aggregates different listed owners; the UK does not, unless a joint arrangement is recorded", () => {
  const lst = [...listed("p"), ...listed("q")];
  const v = expose(input(DAY, [owns("p", "t", 30), owns("q", "t", 25)], lst), "t").verdicts;
  assert.equal(v.EU.status, "derived");
  assert.equal(v.EU.ownership, 55);
  assert.equal(v.OFAC.status, "derived");
  assert.equal(v.UK.status, "clear");
  assert.equal(v.UK.ownership, 30, "the UK counts the largest single designated holding");

  const joint = { properties: { jointArrangement: "pq-voting-pact" } };
  const uk = expose(input(DAY, [owns("p", "t", 30, joint), owns("q", "t", 25, joint)], lst), "t").verdicts.UK;
  assert.equal(uk.status, "derived");
  assert.equal(uk.ownership, 55);
});

test("UK: holdings pass in full through a chain of majority stakes, and a person's own stakes add up", () => {
  const lst = listed("p", ["UK"]);
  const v = expose(input(DAY, [owns("p", "q", 60), owns("q", "r", 30), owns("p", "r", 25)], lst), "r").verdicts.UK;
  assert.equal(v.status, "derived");
  assert.equal(v.ownership, 55);
  // through a 50% (not majority) stake nothing passes
  const w = expose(input(DAY, [owns("p", "q", 50), owns("q", "r", 60)], lst), "r").verdicts.UK;
  assert.equal(w.status, "clear");
});

test("control makes an entity derived under the EU and the UK but not under OFAC (FAQ 398)", () => {
  const inp = input(DAY, [rel("CONTROLS", "x", "t", { what: "appoints the board majority" }), owns("x", "t", 10)], listed("x"));
  const v = expose(inp, "t").verdicts;
  assert.equal(v.OFAC.status, "clear");
  assert.equal(v.EU.status, "derived");
  assert.equal(v.EU.basis, "control");
  assert.equal(v.UK.status, "derived");
  assert.equal(v.UK.basis, "control");
  assert.deepEqual(v.EU.paths, [
    [{ from: "x", to: "t", type: "OWNS", percentage: 10 }],
    [{ from: "x", to: "t", type: "CONTROLS", percentage: null }],
  ]);
  assert.equal(v.EU.ownership, 10);
});

test("cycles terminate and do not inflate stakes", () => {
  const rels = [owns("x", "a", 60), owns("a", "b", 40), owns("b", "a", 30), owns("c", "d", 60), owns("d", "c", 60), owns("b", "c", 20)];
  const inp = input(DAY, rels, listed("x"));
  const graph = buildGraph(inp);
  const out = runRules(graph);
  const status = (id: string) => out.OFAC.status[graph.index.get(id)!];
  assert.equal(status("a"), 2);
  assert.equal(status("b"), 0, "40% from blocked A is below 50%");
  assert.equal(status("c"), 0);
  assert.equal(status("d"), 0);
  assert.equal(expose(inp, "a").verdicts.OFAC.ownership, 60, "B's stake in A does not count: B is not blocked");
  // a listed-and-derived loop: A and B own each other 60%, X owns 60% of A
  const loop = input(DAY, [owns("x", "a", 60), owns("a", "b", 60), owns("b", "a", 60)], listed("x", ["OFAC"]));
  const v = expose(loop, "a").verdicts.OFAC;
  assert.equal(v.status, "derived");
  assert.equal(v.ownership, 100, "both blocked holders count, each once");
  assert.ok(v.paths.every((p) => p[0].from === "x"), "every path starts at the listed party");
});

test("the same stake reported twice is counted once", () => {
  const lst = listed("x", ["OFAC"]);
  const twice = [owns("x", "t", 30, { start: "2020" }), owns("x", "t", 30, { start: "2020", sources: ["registry-2"] })];
  assert.equal(expose(input(DAY, [...twice, owns("y", "t", 25)], lst), "t").verdicts.OFAC.ownership, 30);
  // a later figure for the same holder and asset replaces the earlier one
  const later = [owns("x", "t", 30, { start: "2019" }), owns("x", "t", 55, { start: "2023" })];
  const v = expose(input(DAY, later, lst), "t");
  assert.equal(v.verdicts.OFAC.status, "derived");
  assert.equal(v.verdicts.OFAC.ownership, 55);
});

test("only confirmed relations count; the others are shown among partners with a note", () => {
  const inp = input(DAY, [owns("x", "t", 60, { status: "reported", evidence: "sources say X holds 60%" })], listed("x"));
  const v = expose(inp, "t");
  assert.equal(v.verdicts.OFAC.status, "clear");
  assert.equal(v.verdicts.EU.status, "clear");
  const shown = v.partners.find((p) => p.id === "x");
  assert.ok(shown, "the listed holder appears as a partner");
  assert.match(shown.relations[0].note ?? "", /reported/);
  assert.equal(shown.relations[0].evidence, "sources say X holds 60%");
});

test("as of a date before a stake was bought, or before the listing, the entity is clear", () => {
  const rels = [owns("x", "t", 60, { start: "2023-05-01" })];
  const lst = listed("x", ["OFAC"], { listed: "2022-06-28" });
  assert.equal(expose(input("2023-04-30", rels, lst), "t").verdicts.OFAC.status, "clear");
  assert.equal(expose(input("2023-05-01", rels, lst), "t").verdicts.OFAC.status, "derived");
  const early = [owns("x", "t", 60, { start: "2020" })];
  assert.equal(expose(input("2022-06-27", early, lst), "t").verdicts.OFAC.status, "clear");
  assert.equal(expose(input("2022-06-28", early, lst), "t").verdicts.OFAC.status, "derived");
  // a sold stake stops counting after its end date
  const sold = [owns("x", "t", 60, { start: "2020", end: "2024-02" })];
  assert.equal(expose(input("2024-02-15", sold, lst), "t").verdicts.OFAC.status, "derived");
  assert.equal(expose(input("2024-03-01", sold, lst), "t").verdicts.OFAC.status, "clear");
});

test("a partner of a listed party is never derived, and the link is explained", () => {
  const inp = input(DAY, [rel("LICENSES_TO", "jac", "kamaz", { what: "cabins", evidence: "cabs built under licence", sources: ["s1"] })], listed("kamaz", ["OFAC"]));
  const jac = expose(inp, "jac");
  assert.equal(jac.verdicts.OFAC.status, "clear");
  assert.equal(jac.partners[0].id, "kamaz");
  assert.match(jac.partners[0].exposure, /listed by OFAC/);
  const kamaz = expose(inp, "kamaz");
  assert.equal(kamaz.partners[0].id, "jac");
  assert.equal(kamaz.partners[0].relations[0].evidence, "cabs built under licence");
  assert.deepEqual(kamaz.partners[0].sanctions, { OFAC: "clear", EU: "clear", UK: "clear" });
});
