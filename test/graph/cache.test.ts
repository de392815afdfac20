/** The exposure graph is cached per store revision: a write in between must show in the next answer. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sqliteBackend } from "../helpers/stores.js";
import { exposure } from "../../src/graph/exposure.js";

test("exposure sees a stake written after the previous query", async () => {
  const store = await sqliteBackend().open();
  const entity = (id: string) => ({ id, type: "Company" as const, name: id.toUpperCase(), aliases: [], weakAliases: [], countries: [], identifiers: {}, birthDate: [], properties: {}, sources: [] });
  await store.write({
    sources: [],
    entities: [entity("parent"), entity("child")],
    relations: [],
    listings: [{ id: "l", entity: "parent", authority: "OFAC", program: "RUSSIA-EO14024", listEntryId: null, listed: "2022-01-01", delisted: null, properties: {}, sources: [] }],
    facts: [],
  });
  const before = await exposure(store, "child", { asOf: "2024-01-01" });
  assert.equal(before.verdicts.OFAC.status, "clear");
  await store.write({ sources: [], entities: [], listings: [], facts: [], relations: [{ id: "own", type: "OWNS", subject: "parent", object: "child", status: "confirmed", start: "2020", end: null, percentage: 60, what: null, evidence: null, properties: {}, sources: [] }] });
  const after = await exposure(store, "child", { asOf: "2024-01-01" });
  assert.equal(after.verdicts.OFAC.status, "derived");
  assert.equal(after.verdicts.OFAC.ownership, 60);
  await store.dispose();
});
