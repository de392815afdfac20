/** The parsers on fixtures written in each official format: every field a screening user relies on. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { countTag, fixture, parseAll, countOfacCsvRows } from "./helpers.js";
import { ListRecord } from "../../src/model/lists.js";
import { countryCode, listDate, newMeta } from "../../src/lists/common.js";
import { PARSERS } from "../../src/lists/formats.js";
import { ukDate } from "../../src/lists/uk/designations.js";

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

test("OFAC sdn_advanced.xml: parties read like sdn.xml, with scripts, documents, features, programs and links", async () => {
  const file = fixture("ofac-advanced", "sdn_advanced.xml");
  const { records, meta, format } = await parseAll(file);
  assert.equal(format, "ofac-advanced");
  assert.equal(records.length, readFileSync(file, "utf8").split("<DistinctParty ").length - 1);
  assert.equal(meta.published, "2026-06-02", "DateOfIssue");
  for (const r of records) ListRecord.parse(r);
  const kamaz = byId(records, "37756");
  assert.equal(kamaz.type, "entity");
  assert.equal(kamaz.name, "KAMAZ PUBLICLY TRADED COMPANY");
  assert.deepEqual(kamaz.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"], "programs from SanctionsEntries, after the parties");
  assert.equal(kamaz.listed, "2022-06-28");
  assert.ok(kamaz.names.some((n) => n.name === "ПАО КАМАЗ" && n.script === "Cyrillic"), "a DocumentedName in another script keeps it");
  assert.ok(kamaz.names.some((n) => n.name === "KAMAZ PTC" && n.quality === "weak"), "LowQuality alias");
  assert.equal(idValue(kamaz, "inn"), "1650032058", "IDRegDocuments, before the parties");
  assert.equal(idValue(kamaz, "ogrn"), "1021602013971");
  assert.equal(kamaz.secondarySanctions, true);
  assert.deepEqual(kamaz.properties.established, ["1969"], "a whole-year DatePeriod is the year");
  assert.deepEqual(kamaz.addresses, [{ full: "d. 2, prospekt Avtozavodski, Naberezhnye Chelny, Tatarstan Resp., 423827, Russia", country: "RU" }]);
  const kogogin = byId(records, "37767");
  assert.equal(kogogin.name, "KOGOGIN, Sergei Anatolyevich", "name parts ordered as OFAC's other files write them");
  assert.deepEqual(kogogin.birthDates, ["1957-11-16"]);
  assert.deepEqual(kogogin.properties.gender, ["Male"]);
  assert.deepEqual(kogogin.links, [{ text: "KAMAZ PUBLICLY TRADED COMPANY", targetId: "37756", kind: "linked_to" }]);
  const vessel = byId(records, "90001");
  assert.equal(vessel.type, "vessel");
  assert.equal(idValue(vessel, "imo"), "9000001");

  // the same entries as the classic sdn.xml fixture: same ids, programs, identifiers and strong names
  const classic = await parseAll(fixture("ofac-xml", "sdn.xml"));
  for (const id of ["37756", "37767"]) {
    const [a, c] = [byId(records, id), byId(classic.records, id)];
    assert.deepEqual(a.programs, c.programs, id);
    assert.deepEqual(a.identifiers.filter((i) => i.key === "inn" || i.key === "ogrn").map((i) => i.value), c.identifiers.filter((i) => i.key === "inn" || i.key === "ogrn").map((i) => i.value), id);
    assert.equal(a.secondarySanctions, c.secondarySanctions, id);
  }
});

test("OFAC sdn_advanced.xml cut short or pointing at a missing reference value fails naming the place", async () => {
  const file = fixture("ofac-advanced", "sdn_advanced.xml");
  const xml = readFileSync(file, "utf8");
  const dir = mkdtempSync(join(tmpdir(), "autorisk-advanced-"));
  try {
    for (const share of [0.2, 0.55, 0.9]) {
      const cut = join(dir, `cut-${share}.xml`);
      writeFileSync(cut, xml.slice(0, Math.floor(xml.length * share)));
      const seen: string[] = [];
      await assert.rejects(
        (async () => {
          for await (const r of PARSERS["ofac-advanced"](cut, newMeta(cut), {})) seen.push(r.listId);
        })(),
        /cut-0\.\d+\.xml, line \d+/,
      );
      assert.deepEqual(seen, [], "nothing is handed on before the whole file was read once");
    }
    const broken = join(dir, "broken.xml");
    writeFileSync(broken, xml.replace('AliasTypeID="1400" Primary="false" LowQuality="true"', 'AliasTypeID="9999" Primary="false" LowQuality="true"'));
    await assert.rejects(parseAll(broken), /broken\.xml, line \d+: AliasTypeID "9999" is not in ReferenceValueSets/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("EU FSF 1.1 XML and CSV read the same entities, names in every script with their language", async () => {
  const xml = await parseAll(fixture("eu", "export.xml"));
  assert.equal(xml.records.length, readFileSync(fixture("eu", "export.xml"), "utf8").split("<sanctionEntity ").length - 1);
  assert.equal(xml.meta.published, "2025-08-01");
  const kamaz = byId(xml.records, "900101");
  assert.equal(kamaz.name, "PJSC KAMAZ");
  assert.ok(kamaz.names.some((n) => n.name === 'ПАО "КАМАЗ"' && n.lang === "RU"));
  assert.ok(kamaz.names.some((n) => n.name === "KAMAZ" && n.quality === "weak"), 'strong="false" is a weak alias');
  assert.deepEqual(kamaz.programs, ["RUS"]);
  assert.equal(kamaz.listed, "2022-04-08");
  assert.equal(idValue(kamaz, "inn"), "1650032058", "a Russian fiscalcode of 10 digits is an INN");
  assert.equal(idValue(kamaz, "ogrn"), "1021602013971", "a Russian regnumber of 13 digits is an OGRN");
  assert.equal(idValue(kamaz, "website"), "www.kamaz.ru", "<contactInfo key=WEB> of the address");
  const gaz = byId(xml.records, "900201");
  assert.ok(gaz.names.some((n) => n.name.includes("Группа ГАЗ")));
  assert.equal(gaz.addresses.length, 1, 'an address in "UNKNOWN" country with only a phone is no address');
  assert.equal(idValue(gaz, "phone"), "+78312000001");
  const person = byId(xml.records, "900301");
  assert.equal(person.type, "person");
  assert.deepEqual(person.birthDates, ["1957-11-16"]);
  assert.deepEqual(person.countries, ["RU"]);

  const csv = await parseAll(fixture("eu", "export.csv"));
  const csvLines = readFileSync(fixture("eu", "export.csv"), "utf8").trim().split("\n");
  assert.equal(csvLines[0].split(";").length, 118, "the published 1.1 header has 118 columns");
  assert.equal(csv.records.length, new Set(csvLines.slice(1).map((l) => l.split(";")[1])).size);
  assert.equal(csv.meta.published, "2025-08-01", "fileGenerationDate is day first");
  const kamazCsv = byId(csv.records, "900101");
  assert.deepEqual(kamazCsv.names.map((n) => [n.name, n.quality]), [["PJSC KAMAZ", "primary"], ['ПАО "КАМАЗ"', "strong"], ["KAMAZ", "weak"]]);
  assert.equal(idValue(kamazCsv, "inn"), "1650032058");
  assert.equal(idValue(kamazCsv, "ogrn"), "1021602013971");
  assert.equal(kamazCsv.addresses[0]?.country, "RU");
  const personCsv = byId(csv.records, "900301");
  assert.equal(personCsv.type, "person", 'Entity_SubjectType "P"');
  assert.deepEqual(personCsv.birthDates, ["1957-11-16"]);
});

test("UK: FCDO CSV and XML read alike; OFSI ConList groups scattered rows by Group ID", async () => {
  for (const file of ["UK_Sanctions_List.csv", "UK_Sanctions_List.xml"]) {
    const fcdo = await parseAll(fixture("uk", file));
    const raw = readFileSync(fixture("uk", file), "utf8");
    const ids = file.endsWith(".xml") ? raw.match(/<UniqueID>[^<]+/g) ?? [] : raw.split(/\r?\n/).slice(2).filter(Boolean).map((l) => l.split(",")[1]);
    assert.equal(fcdo.records.length, new Set(ids).size, file);
    assert.equal(fcdo.meta.published, "2025-08-11", `${file}: Report Date / DateGenerated`);
    const kamaz = byId(fcdo.records, "RUS1422");
    assert.equal(kamaz.name, "Kamaz");
    assert.ok(kamaz.names.some((n) => n.name === "ПАО КАМАЗ" && n.script === "Cyrillic" && n.lang === "Russian"), file);
    assert.ok(kamaz.names.some((n) => n.name === "PJSC KAMAZ" && n.quality === "strong"), `${file}: Good quality a.k.a`);
    assert.ok(kamaz.names.some((n) => n.name === "KAMAZ" && n.quality === "weak"), `${file}: Low quality a.k.a`);
    assert.equal(kamaz.listed, "2022-05-04");
    assert.deepEqual(kamaz.programs, ["The Russia (Sanctions) (EU Exit) Regulations 2019"]);
    assert.deepEqual(kamaz.properties.sanctionsImposed, ["Asset freeze", "Trust services sanctions"], `${file}: measures split at "|"`);
    assert.equal(idValue(kamaz, "inn"), "1650032058", `${file}: INN out of the registration-number text`);
    assert.equal(idValue(kamaz, "ogrn"), "1021602013971", `${file}: OGRN out of the registration-number text`);
    assert.equal(kamaz.addresses[0]?.country, "RU");
    const kogogin = byId(fcdo.records, "RUS1124");
    assert.equal(kogogin.type, "person");
    assert.equal(kogogin.name, "Sergey Anatolyevich KOGOGIN");
    assert.ok(kogogin.names.some((n) => n.name === "Sergei Anatolevich KOGOGIN" && n.quality === "strong"), "Primary Name Variation");
    assert.deepEqual(kogogin.birthDates, ["1957-11-16"]);
    assert.deepEqual(kogogin.countries, ["RU"]);
    const ship = byId(fcdo.records, "RUS9001");
    assert.equal(ship.type, "vessel");
    assert.equal(idValue(ship, "imo"), "9000001");
    assert.deepEqual(ship.properties.vesselOwner, ["Fixture Shipping LLC"]);
  }

  const con = await parseAll(fixture("uk", "ConList.csv"));
  assert.equal(con.records.length, 2);
  assert.equal(con.meta.published, "2025-08-11");
  const k = byId(con.records, "15332");
  assert.deepEqual(k.names.map((n) => [n.name, n.quality]), [["KAMAZ", "primary"], ["PJSC KAMAZ", "strong"], ["ПАО КАМАЗ", "strong"], ["KAMAZ OJSC", "previous"]]);
  assert.equal(idValue(k, "uk_sanctions_list_ref"), "RUS1422", "Other Information names the FCDO Unique ID");
  assert.deepEqual(k.identifiers.filter((i) => i.key === "phone").map((i) => i.value), ["+78552000001", "+78552000002"]);
  const kg = byId(con.records, "15070");
  assert.deepEqual(kg.birthDates, ["1957-11-16"]);
  assert.deepEqual(kg.properties.gender, ["Male"]);
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
  assert.equal(ukDate("dd/mm/1957"), "1957");
  assert.equal(ukDate("00/00/1975"), "1975");
  assert.equal(ukDate("00/11/1957"), "1957-11");
  assert.equal(ukDate("29-06-2012"), "2012-06-29");
  assert.equal(countryCode("Russia"), "RU");
  assert.equal(countryCode("Korea, North"), "KP");
  assert.equal(countryCode("RUSSIAN FEDERATION"), "RU");
  assert.equal(countryCode("Congo, Democratic Republic of the"), "CD");
  assert.equal(countryCode("Atlantis"), undefined);
});
