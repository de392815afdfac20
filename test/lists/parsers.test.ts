/** The parsers on fixtures written in each official format: every field a screening user relies on. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { countTag, fixture, parseAll, countOfacCsvRows } from "./helpers.js";
import { ListRecord } from "../../src/model/lists.js";
import { countryCode, listDate } from "../../src/lists/common.js";

const byId = (rs: ListRecord[], id: string) => {
  const r = rs.find((x) => x.listId === id);
  assert.ok(r, `record ${id} present`);
  return r;
};
const idValue = (r: ListRecord, key: string) => r.identifiers.find((i) => i.key === key)?.value;

test("OFAC legacy CSV trio: KAMAZ with aliases, address, INN/OGRN, programs and secondary-sanctions flag", async () => {
  const { records, meta } = await parseAll(fixture("ofac", "sdn.csv"));
  assert.equal(records.length, countOfacCsvRows(fixture("ofac", "sdn.csv")));
  assert.equal(meta.partial, undefined, "a file ending in 0x1A is whole");
  for (const r of records) ListRecord.parse(r);
  const kamaz = byId(records, "37756");
  assert.equal(kamaz.type, "entity");
  assert.deepEqual(kamaz.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"]);
  assert.deepEqual(kamaz.names.filter((n) => n.quality === "strong").map((n) => n.name), ["KAMAZ PJSC", "KAMAZ PAO", "KAMAZ PTC", "KAMSKOE OBEDINENIE PO PROIZVODSTVU BOLSHEGRUZNYKH AVTOMOBILEI KAMAZ"]);
  assert.equal(idValue(kamaz, "inn"), "1650032058");
  assert.equal(idValue(kamaz, "ogrn"), "1021602013971");
  assert.equal(kamaz.secondarySanctions, true);
  assert.deepEqual(kamaz.properties.established, ["1969"]);
  assert.deepEqual(kamaz.addresses, [{ full: "d. 2, prospekt Avtozavodski, Naberezhnye Chelny, Tatarstan Resp. 423827, Russia", country: "RU" }]);

  const kogogin = byId(records, "37767");
  assert.equal(kogogin.type, "person");
  assert.deepEqual(kogogin.birthDates, ["1957-11-16"]);
  assert.deepEqual(kogogin.links.map((l) => l.text), ["KAMAZ PUBLICLY TRADED COMPANY"]);
  assert.ok(kogogin.names.some((n) => n.name === "KOGOGIN, Sergey A." && n.quality === "weak"), "quoted a.k.a. in remarks is a weak alias");
  assert.equal(idValue(kogogin, "inn"), "164804995925", "a 12-digit Russian tax id is a personal INN");

  const gaz = byId(records, "24230");
  assert.deepEqual(gaz.links.map((l) => l.text), ["DERIPASKA, Oleg Vladimirovich", "RUSSIAN MACHINES"]);
  assert.equal(gaz.addresses.length, 2);
  const deripaska = byId(records, "24283");
  assert.deepEqual(deripaska.countries.sort(), ["CY", "RU"]);
  const moskvich = byId(records, "44878");
  assert.ok(moskvich.names.some((n) => n.name === "CLOSED JOINT STOCK COMPANY RENO RUSSIA" && n.quality === "previous"), "fka is a previous name");
  const vessel = byId(records, "90001");
  assert.equal(vessel.type, "vessel");
  assert.equal(idValue(vessel, "imo"), "9000001");
});

test("OFAC classic XML (tempuri namespace): same reading as the CSV, with weak a.k.a. category and Record_Count", async () => {
  const { records, meta } = await parseAll(fixture("ofac-xml", "sdn.xml"));
  assert.equal(records.length, countTag(fixture("ofac-xml", "sdn.xml"), "sdnEntry"));
  assert.equal(meta.published, "2026-06-02");
  assert.equal(meta.declaredCount, 3);
  const kamaz = byId(records, "37756");
  assert.equal(idValue(kamaz, "inn"), "1650032058");
  assert.equal(idValue(kamaz, "ogrn"), "1021602013971");
  assert.equal(kamaz.secondarySanctions, true);
  assert.ok(kamaz.names.some((n) => n.name === "KAMAZ PTC" && n.quality === "weak"));
  const kogogin = byId(records, "37767");
  assert.equal(kogogin.name, "KOGOGIN, Sergei Anatolyevich", "persons read as OFAC writes them: LAST, First");
  assert.deepEqual(kogogin.links.map((l) => l.text), ["KAMAZ PUBLICLY TRADED COMPANY"]);
  assert.deepEqual(kogogin.birthDates, ["1957-11-16"]);
  assert.deepEqual(kogogin.properties.gender, ["Male"]);
});

test("EU FSF 1.1 XML and CSV read the same entities, names in every script with their language", async () => {
  const xml = await parseAll(fixture("eu", "export.xml"));
  assert.equal(xml.records.length, readFileSync(fixture("eu", "export.xml"), "utf8").split("<sanctionEntity ").length - 1);
  assert.equal(xml.meta.published, "2025-08-01");
  const kamaz = byId(xml.records, "900101");
  assert.equal(kamaz.name, "PJSC KAMAZ");
  assert.ok(kamaz.names.some((n) => n.name === 'ПАО "КАМАЗ"' && n.lang === "RU"));
  assert.deepEqual(kamaz.programs, ["RUS"]);
  assert.equal(kamaz.listed, "2022-04-08");
  assert.equal(idValue(kamaz, "inn"), "1650032058");
  assert.equal(idValue(kamaz, "ogrn"), "1021602013971");
  const gaz = byId(xml.records, "900201");
  assert.ok(gaz.names.some((n) => n.name.includes("Группа ГАЗ")));
  const person = byId(xml.records, "900301");
  assert.equal(person.type, "person");
  assert.deepEqual(person.birthDates, ["1957-11-16"]);
  assert.deepEqual(person.countries, ["RU"]);

  const csv = await parseAll(fixture("eu", "export.csv"));
  assert.equal(csv.records.length, 2);
  const kamazCsv = byId(csv.records, "900101");
  assert.deepEqual(kamazCsv.names.map((n) => n.name), ["PJSC KAMAZ", 'ПАО "КАМАЗ"']);
  assert.equal(idValue(kamazCsv, "inn"), "1650032058");
  assert.equal(kamazCsv.addresses[0]?.country, "RU");
  assert.deepEqual(byId(csv.records, "900301").birthDates, ["1957-11-16"]);
});

test("UK: FCDO CSV groups name rows by Unique ID; OFSI ConList groups scattered rows by Group ID", async () => {
  const fcdo = await parseAll(fixture("uk", "UK_Sanctions_List.csv"));
  assert.equal(fcdo.records.length, 3);
  assert.equal(fcdo.meta.published, "2025-08-11");
  const kamaz = byId(fcdo.records, "RUS1422");
  assert.equal(kamaz.name, "Kamaz");
  assert.ok(kamaz.names.some((n) => n.name === "ПАО КАМАЗ" && n.script === "Cyrillic"));
  assert.ok(kamaz.names.some((n) => n.name === "PJSC KAMAZ" && n.quality === "strong"));
  assert.equal(kamaz.listed, "2022-05-04");
  assert.deepEqual(kamaz.programs, ["Russia"]);
  assert.equal(idValue(kamaz, "ogrn"), "1021602013971");
  const kogogin = byId(fcdo.records, "RUS1124");
  assert.equal(kogogin.name, "Sergey Anatolyevich KOGOGIN");
  assert.deepEqual(kogogin.birthDates, ["1957-11-16"]);

  const con = await parseAll(fixture("uk", "ConList.csv"));
  assert.equal(con.records.length, 2);
  const k = byId(con.records, "15332");
  assert.deepEqual(k.names.map((n) => n.name), ["KAMAZ", "PJSC KAMAZ"]);
});

test("UN consolidated XML: individual and entity with quality of aliases, DOB, document, listing date", async () => {
  const { records, meta } = await parseAll(fixture("un", "consolidated.xml"));
  assert.equal(records.length, countTag(fixture("un", "consolidated.xml"), "INDIVIDUAL") + countTag(fixture("un", "consolidated.xml"), "ENTITY"));
  assert.equal(meta.published, "2026-02-27");
  const badege = byId(records, "6907993");
  assert.equal(badege.name, "ERIC BADEGE");
  assert.equal(badege.listed, "2012-12-31");
  assert.deepEqual(badege.birthDates, ["1971"]);
  assert.ok(badege.names.some((n) => n.name === "BADEGE ERIQUE" && n.quality === "weak"));
  assert.equal(idValue(badege, "passport"), "OB0000001");
  assert.ok(badege.countries.includes("CD"));
  assert.equal(byId(records, "6908402").type, "entity");
});

test("FtM entity file: parties with their Sanction programs and links", async () => {
  const { records } = await parseAll(fixture("ftm", "entities.ftm.json"));
  assert.equal(records.length, 2);
  const kamaz = byId(records, "ftm-kamaz");
  assert.deepEqual(kamaz.programs, ["RUSSIA-EO14024"]);
  assert.equal(kamaz.listed, "2022-06-28");
  assert.equal(idValue(kamaz, "inn"), "1650032058");
  assert.ok(byId(records, "ftm-kogogin").links.some((l) => l.targetId === "ftm-kamaz"));
});

test("dates and countries as the lists write them", () => {
  assert.equal(listDate("16 Nov 1957"), "1957-11-16");
  assert.equal(listDate("03/28/2025", { monthFirst: true }), "2025-03-28");
  assert.equal(listDate("04-05-2022"), "2022-05-04");
  assert.equal(listDate("Nov 1957"), "1957-11");
  assert.equal(countryCode("Russia"), "RU");
  assert.equal(countryCode("Korea, North"), "KP");
  assert.equal(countryCode("RUSSIAN FEDERATION"), "RU");
  assert.equal(countryCode("Congo, Democratic Republic of the"), "CD");
  assert.equal(countryCode("Atlantis"), undefined);
});
