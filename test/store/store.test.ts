/** The store contract, run against every backend (SQLite always; PostgreSQL when AUTORISK_TEST_PG_URL is set). */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { backends } from "../helpers/stores.js";
import type { Bundle } from "../../src/model/schema.js";

const bundle = (): Bundle => ({
  sources: [
    { id: "s-list", kind: "list_version", title: "SDN", url: "https://example.org/sdn", publisher: "OFAC", published: "2024-01-01", retrievedAt: null, contentHash: "abc" },
    { id: "s-news", kind: "document", title: "News", url: "https://example.org/news", publisher: "Paper", published: null, retrievedAt: null, contentHash: null },
  ],
  entities: [
    { id: "kamaz", type: "Company", name: "KAMAZ", aliases: ["КАМАЗ", "PAO KAMAZ"], weakAliases: [], countries: ["RU"], identifiers: { inn: "1650032058" }, birthDate: [], properties: {}, sources: ["s-list"] },
    { id: "jac", type: "Company", name: "Anhui Jianghuai Automobile Group", aliases: ["JAC", "江淮汽车"], weakAliases: [], countries: ["CN"], identifiers: {}, birthDate: [], properties: {}, sources: ["s-news"] },
    { id: "rostec", type: "Company", name: "Rostec", aliases: ["Ростех"], weakAliases: [], countries: ["RU"], identifiers: {}, birthDate: [], properties: {}, sources: ["s-news"] },
  ],
  relations: [
    { id: "r1", type: "LICENSES_TO", subject: "jac", object: "kamaz", status: "confirmed", start: null, end: null, percentage: null, what: "cabins", evidence: "JAC licenses cabins to KAMAZ.", properties: {}, sources: ["s-news"] },
    { id: "r2", type: "OWNS", subject: "rostec", object: "kamaz", status: "confirmed", start: "2019", end: null, percentage: 47.1, what: null, evidence: null, properties: {}, sources: ["s-news"] },
    { id: "r3", type: "OWNS", subject: "rostec", object: "jac", status: "ended", start: "2010-01-01", end: "2012-06-30", percentage: 10, what: null, evidence: null, properties: {}, sources: ["s-news"] },
  ],
  listings: [
    { id: "l1", entity: "kamaz", authority: "OFAC", program: "RUSSIA-EO14024", listEntryId: "37756", listed: "2022-06-28", delisted: null, properties: {}, sources: ["s-list"] },
    { id: "l2", entity: "rostec", authority: "EU", program: "RUS", listEntryId: null, listed: "2014-07-31", delisted: "2020-01-01", properties: {}, sources: ["s-list"] },
  ],
  facts: [{ id: "f1", metric: "production_capacity", subject: "kamaz", value: 70000, unit: "vehicles/year", period: null, status: "confirmed", evidence: null, sources: ["s-news"] }],
});

for (const backend of backends()) {
  describe(`store on ${backend.name}`, () => {
    let store: Awaited<ReturnType<typeof backend.open>>;
    before(async () => {
      store = await backend.open();
      await store.write(bundle());
    });
    after(async () => store.dispose());

    test("finds an entity by id with its aliases, identifiers and sources", async () => {
      const e = await store.getEntity("kamaz");
      assert.equal(e?.name, "KAMAZ");
      assert.deepEqual(e?.aliases, ["КАМАЗ", "PAO KAMAZ"]);
      assert.equal(e?.identifiers.inn, "1650032058");
      assert.deepEqual(e?.sources, ["s-list"]);
    });

    test("name lookup is prefix, case- and script-insensitive", async () => {
      assert.equal((await store.findByName("kamaz"))[0]?.id, "kamaz");
      assert.equal((await store.findByName("КАМ"))[0]?.id, "kamaz", "Cyrillic query finds the Latin name");
      assert.equal((await store.findByName("Kama"))[0]?.id, "kamaz");
      assert.equal((await store.findByName("江淮"))[0]?.id, "jac", "Chinese query finds the pinyin of the Chinese alias");
      assert.equal((await store.findByName("jianghuai"))[0]?.id, "jac", "word prefix inside a longer name");
      assert.equal((await store.findByName("rostekh"))[0]?.id, "rostec", "Latin query finds the Cyrillic alias");
      assert.deepEqual(await store.findByName("volkswagen"), []);
    });

    test("neighbours of an entity in both directions, with the other party named", async () => {
      const d = await store.dossier("kamaz");
      assert.ok(d);
      const rels = d.relations.map((r) => `${r.direction}:${r.type}:${r.other.name}`).sort();
      assert.deepEqual(rels, ["in:LICENSES_TO:Anhui Jianghuai Automobile Group", "in:OWNS:Rostec"]);
      assert.deepEqual(d.sources.map((s) => s.id).sort(), ["s-list", "s-news"]);
    });

    test("as-of filters relations and listings by their dates", async () => {
      assert.deepEqual((await store.relationsOf("jac", { asOf: "2011-05-01" })).map((r) => r.id).sort(), ["r1", "r3"]);
      assert.deepEqual((await store.relationsOf("jac", { asOf: "2015-05-01" })).map((r) => r.id), ["r1"]);
      assert.deepEqual((await store.relationsOf("kamaz", { asOf: "2018-12-31" })).map((r) => r.id), ["r1"], "stake bought in 2019 does not count before");
      assert.equal((await store.listingsOf("kamaz", { asOf: "2022-06-27" })).length, 0);
      assert.equal((await store.listingsOf("kamaz", { asOf: "2022-06-28" })).length, 1);
      assert.equal((await store.listingsOf("rostec", { asOf: "2021-01-01" })).length, 0, "delisted in 2020");
      assert.equal((await store.allListings({ asOf: "2016-01-01" })).length, 1);
    });

    test("lookup by source lists what the source asserted", async () => {
      const bySource = await store.bySource("s-list");
      assert.deepEqual(bySource.entities, ["kamaz"]);
      assert.deepEqual(bySource.listings.sort(), ["l1", "l2"]);
      const news = await store.bySource("s-news");
      assert.deepEqual(news.relations.filter((r) => r !== "r-new").sort(), ["r1", "r2", "r3"]);
      assert.deepEqual(news.facts, ["f1"]);
    });

    test("a second source adds aliases and provenance without losing the first", async () => {
      await store.write({ sources: [], entities: [{ id: "kamaz", type: "Company", name: "KAMAZ", aliases: ["KamAZ PTC"], weakAliases: [], countries: ["RU"], identifiers: { ogrn: "1021602013971" }, birthDate: [], properties: {}, sources: ["s-news"] }], relations: [], listings: [], facts: [] });
      const e = await store.getEntity("kamaz");
      assert.deepEqual(e?.aliases, ["КАМАЗ", "PAO KAMAZ", "KamAZ PTC"]);
      assert.deepEqual(e?.identifiers, { inn: "1650032058", ogrn: "1021602013971" });
      assert.deepEqual(e?.sources, ["s-list", "s-news"]);
      const rows = await store.sql.all<{ source_id: string }>(`SELECT source_id FROM statements WHERE entity_id = ? AND prop = ? ORDER BY source_id`, ["kamaz", "id:inn"]);
      assert.deepEqual(rows.map((r) => r.source_id), ["s-list"], "the INN is traced to the list, not to the news");
    });

    test("every write moves the revision on, so caches built before it are known to be stale", async () => {
      const r0 = await store.revision();
      await store.write({ sources: [], entities: [], relations: [{ id: "r-new", type: "SUPPLIES", subject: "jac", object: "kamaz", status: "planned", start: null, end: null, percentage: null, what: "kits", evidence: null, properties: {}, sources: ["s-news"] }], listings: [], facts: [] });
      assert.ok((await store.revision()) > r0);
    });

    test("a failing transaction leaves the store as it was", async () => {
      const before = await store.counts();
      await assert.rejects(
        store.sql.transaction(async (tx) => {
          await store.write({ sources: [], entities: [{ id: "ghost", type: "Company", name: "Ghost", aliases: [], weakAliases: [], countries: [], identifiers: {}, birthDate: [], properties: {}, sources: [] }], relations: [], listings: [], facts: [] }, tx);
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.deepEqual(await store.counts(), before);
      assert.equal(await store.getEntity("ghost"), undefined);
    });
  });
}
