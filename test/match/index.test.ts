/**
 * The candidate index and entity scorer: what gets indexed (active listings, knowledge-base parties), how
 * identifiers, birth dates, types and countries move a score, what a hit explains, and that an index built
 * from the store sees the store's contents.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Entity, Listing, Source, emptyBundle } from "../../src/model/schema.js";
import { MatchIndex, sharedIndex } from "../../src/match/index.js";
import { MATCH_ALGORITHM } from "../../src/match/version.js";
import { backends } from "../helpers/stores.js";

const raw = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "match", "parties.json"), "utf8"));
export const fixture = {
  entities: (raw.entities as unknown[]).map((e) => Entity.parse(e)),
  listings: (raw.listings as unknown[]).map((l) => Listing.parse(l)),
  sources: (raw.sources as unknown[]).map((s) => Source.parse(s)),
};
const index = MatchIndex.fromRecords({ ...fixture, day: "2026-06-01" });

test("indexes listed parties and knowledge-base parties, not delisted entries or brands", () => {
  const ids = (name: string) => index.screen({ names: [name] }, { cutoff: 0.5 }).map((h) => h.id);
  assert.ok(ids("KAMAZ").includes("ofac-sdn:37756"));
  assert.ok(ids("AvtoVAZ").includes("avtovaz"), "a knowledge-base company is screened");
  assert.deepEqual(ids("Avtotor Holding"), [], "a delisted entry is not screened");
  assert.deepEqual(ids("Lada"), [], "a brand is not a party");
});

test("a hit explains itself: aligned tokens, agreeing fields, the listing and its list version", () => {
  const [hit] = index.screen({ names: ["ПАО КАМАЗ"], countries: ["Russia"], identifiers: ["inn:1650032058"] });
  assert.equal(hit.id, "ofac-sdn:37756");
  assert.ok(hit.match && hit.score >= 0.97);
  assert.equal(hit.algorithm, MATCH_ALGORITHM);
  assert.ok(hit.explanation.aligned.some((a) => a.query === "kamaz" && a.candidate === "kamaz" && a.method === "exact"));
  assert.ok(hit.explanation.fields.some((f) => f.field === "identifier" && f.effect === "agrees"));
  assert.ok(hit.explanation.fields.some((f) => f.field === "country" && f.effect === "agrees"));
  assert.deepEqual(hit.listings[0], {
    authority: "OFAC", program: "RUSSIA-EO14024", listEntryId: "37756", listed: "2022-06-28",
    listVersion: "list:ofac-sdn:1", listTitle: "OFAC SDN list (test version)", listPublished: "2026-05-30",
  });
});

test("an agreeing INN is near-certain even when the name differs; a different INN contradicts", () => {
  const [byId] = index.screen({ names: ["Kama Automobile Plant"], identifiers: ["1650032058"] });
  assert.equal(byId.id, "ofac-sdn:37756");
  assert.ok(byId.score >= 0.97, `scored ${byId.score}`);
  const plain = index.screen({ names: ["TFK KAMAZ"] }).find((h) => h.id === "ofac-sdn:37760")!;
  const wrongInn = index.screen({ names: ["TFK KAMAZ"], identifiers: ["inn:7700000000"] }).find((h) => h.id === "ofac-sdn:37760")!;
  assert.ok(wrongInn.score < plain.score - 0.2);
  assert.ok(wrongInn.explanation.fields.some((f) => f.field === "identifier" && f.effect === "contradicts"));
});

test("birth dates, types and countries confirm or contradict", () => {
  const salek = (q: Parameters<typeof index.screen>[0]) => index.screen(q, { cutoff: 0 }).find((h) => h.id === "un:6908");
  const agreeing = salek({ names: ["SALEK, ABDUL"], type: "Person", birthDates: ["1965"], countries: ["af"] })!;
  const contradicting = salek({ names: ["SALEK, ABDUL"], type: "Person", birthDates: ["1990-04-02"], countries: ["France"] })!;
  assert.ok(agreeing.match);
  assert.ok(!contradicting.match, `contradicting birth date and country still scored ${contradicting.score}`);
  assert.ok(contradicting.explanation.fields.some((f) => f.field === "birthDate" && f.effect === "contradicts"));
  const asCompany = index.screen({ names: ["Abdul Salek"], type: "Company" }, { cutoff: 0 }).find((h) => h.id === "un:6908");
  assert.ok(asCompany && !asCompany.match && asCompany.explanation.fields.some((f) => f.field === "type"));
});

test("hard negatives do not match: KAMAZ/KrAZ, GAZ/Gazprom, 'CORP'", () => {
  const matches = (name: string) => index.screen({ names: [name] }).filter((h) => h.match).map((h) => h.id);
  assert.ok(!matches("KAMAZ").includes("ofac-sdn:90003"));
  assert.ok(!matches("KrAZ").includes("ofac-sdn:37756"));
  assert.deepEqual(matches("GAZ"), []);
  assert.deepEqual(matches("CORP"), []);
  assert.ok(matches("AVTOKRAZ").includes("ofac-sdn:90003"));
});

test("cross-script: a Chinese or Cyrillic query finds the Latin entry and back", () => {
  assert.equal(index.screen({ names: ["安徽江淮汽车集团股份有限公司"] })[0]?.id, "jac");
  assert.equal(index.screen({ names: ["JAC"] }, { cutoff: 0.5 })[0]?.id, "jac");
  assert.equal(index.screen({ names: ["Мантуров Денис"], type: "Person" })[0]?.id, "ofac-sdn:90002");
  assert.equal(index.screen({ names: ["Denis Manturov"], birthDates: ["1969-02-23"] })[0]?.id, "ofac-sdn:90002");
});

for (const backend of backends()) {
  test(`[${backend.name}] MatchIndex.build reads the store, and the shared index follows a list update`, async () => {
    const store = await backend.open();
    try {
      const bundle = emptyBundle();
      bundle.sources.push(...fixture.sources);
      bundle.entities.push(...fixture.entities);
      bundle.listings.push(...fixture.listings);
      await store.write(bundle);
      const built = await MatchIndex.build(store);
      assert.equal(built.screen({ names: ["KAMAZ PJSC"] })[0]?.id, "ofac-sdn:37756");
      const first = await sharedIndex(store);
      assert.equal(first.screen({ names: ["Sollers"] }).length, 0);
      // a list update adds a party; the shared index is rebuilt once the store changed
      const update = emptyBundle();
      update.sources.push({ id: "list:ofac-sdn:2", kind: "list_version", title: "OFAC SDN (update)" });
      update.entities.push(Entity.parse({ id: "ofac-sdn:99999", type: "Company", name: "SOLLERS PJSC", aliases: ["ПАО СОЛЛЕРС"], sources: ["list:ofac-sdn:2"] }));
      update.listings.push(Listing.parse({ id: "ofac-sdn:99999:X", entity: "ofac-sdn:99999", authority: "OFAC", program: "RUSSIA-EO14024", sources: ["list:ofac-sdn:2"] }));
      await store.write(update);
      await new Promise((r) => setTimeout(r, 2100));
      const second = await sharedIndex(store);
      assert.notEqual(second, first);
      assert.equal(second.screen({ names: ["Соллерс"] })[0]?.id, "ofac-sdn:99999");
    } finally {
      await store.dispose();
    }
  });
}

test("one person on several lists is found on each, even when many namesakes share the query's words", () => {
  // Saddam Hussein al-Tikriti appears on the OFAC, UN and UK lists under the same name; two dozen relatives
  // and namesakes share "al-Tikriti" or "Hussein". Every list's entry must come back, each explained.
  const party = (id: string, name: string) => Entity.parse({ id, type: "Person", name, countries: ["IQ"], sources: [`list:${id.split(":")[0]}:1`] });
  const lists = ["ofac-sdn:7", "un:7", "uk:7"].map((id) => party(id, "AL-TIKRITI, Saddam Hussein"));
  const namesakes = Array.from({ length: 24 }, (_, i) => party(`ofac-sdn:${100 + i}`, `AL-TIKRITI, ${["Barzan", "Watban", "Sabawi", "Uday", "Qusay", "Ali"][i % 6]} Hussein ${["Ibrahim", "Hasan", "Majid", "Abd"][i % 4]}`));
  const entities = [...lists, ...namesakes];
  const listings = entities.map((e) => Listing.parse({ id: `${e.id}:L`, entity: e.id, authority: e.id.split(":")[0].toUpperCase(), sources: e.sources }));
  const many = MatchIndex.fromRecords({ entities, listings, day: "2026-06-01" });
  const hits = many.screen({ names: ["SADDAM HUSSEIN AL-TIKRITI"], type: "Person" }, { limit: 10 });
  const matched = hits.filter((h) => h.match).map((h) => h.id).sort();
  assert.deepEqual(matched, ["ofac-sdn:7", "uk:7", "un:7"]);
  for (const h of hits.filter((x) => x.match)) {
    assert.ok(h.explanation.aligned.some((a) => a.query === "saddam" && a.candidate === "saddam" && a.method === "exact"), `${h.id} explains its alignment`);
  }
});

test("a hit's explanation is the alignment of its best name, not of another alias", () => {
  // the quick pass picks the best name; the explanation re-aligns that one name only
  const [hit] = index.screen({ names: ["Abdulhai Salek"], type: "Person" });
  assert.equal(hit.id, "un:6908");
  assert.equal(hit.explanation.matchedName, "Abdulhai Salek");
  assert.ok(hit.explanation.aligned.some((a) => a.query === "abdulhai" && a.candidate === "abdulhai"));
});

test("a name in Arabic script finds the Latin list entry by its consonants, as a hit to review until a date or country agrees", () => {
  const find = (q: Parameters<typeof index.screen>[0]) => index.screen(q, { cutoff: 0.5 }).find((h) => h.id === "un:7001");
  const nameOnly = find({ names: ["أحمد سالك"], type: "Person" });
  assert.ok(nameOnly, "أحمد سالك finds AHMED SALEK");
  assert.ok(!nameOnly.match && nameOnly.score >= 0.6, `scored ${nameOnly.score}`);
  assert.ok(nameOnly.explanation.rules.includes("arabic-script-consonants"));
  assert.ok(nameOnly.explanation.aligned.some((a) => a.candidate === "salek" && a.method === "consonants"));
  const corroborated = find({ names: ["أحمد سالك"], type: "Person", birthDates: ["1931"], countries: ["AF"] });
  assert.ok(corroborated?.match, `with birth year and country scored ${corroborated?.score}`);
  // the long vowel the script writes must be in the Latin spelling: محمود is Mahmoud, not Mohammed
  const mahmoud = find({ names: ["محمود سالك"], type: "Person" });
  assert.ok(!mahmoud || mahmoud.score < nameOnly.score, `محمود سالك scored ${mahmoud?.score}`);
  assert.ok(!mahmoud?.explanation.aligned.some((a) => a.candidate === "ahmed" && a.method === "consonants"));
});

test("a query with a birth date and no type is a person: it does not meet a vessel that shares one word", () => {
  const vessels = MatchIndex.fromRecords({
    entities: [Entity.parse({ id: "uk:SHIP1", type: "Vessel", name: "CINDY", sources: ["list:uk:1"] })],
    listings: [Listing.parse({ id: "uk:SHIP1:R", entity: "uk:SHIP1", authority: "UK", program: "Russia", sources: ["list:uk:1"] })],
    sources: [],
  });
  const hit = vessels.screen({ names: ["Cindy Gutierrez"], birthDates: ["1983-12-01"] }, { cutoff: 0 })[0];
  assert.ok(!hit?.match, `scored ${hit?.score}`);
  assert.ok(hit?.explanation.fields.some((f) => f.field === "type" && f.effect === "contradicts"));
});
