/**
 * The real list files in ../shared/data/lists (see PROVENANCE.md there): every complete file imports with
 * the record count the file itself has (counted here from the raw bytes, not by the parser); the partial
 * ones import as what they are or are refused with a message; KAMAZ's 2026 entry carries what OFAC states.
 * Skipped with a message when ../shared is absent.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import XLSX from "xlsx";
import { sqliteBackend } from "../helpers/stores.js";
import { REAL, countOfacCsvRows, countTag } from "./helpers.js";
import { importListFile } from "../../src/lists/import.js";
import { diffVersions } from "../../src/lists/diff.js";
import { sourceStatus } from "../../src/lists/versions.js";

const skip = existsSync(REAL) ? false : `../shared/data/lists is absent (${REAL}); real-file imports not tested`;
const work = mkdtempSync(join(tmpdir(), "autorisk-real-lists-"));
after(() => rmSync(work, { recursive: true, force: true }));
const real = (...p: string[]) => join(REAL, ...p);

function ukRowCount(file: string): number {
  const wb = XLSX.read(readFileSync(file));
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: false, defval: "" });
  return rows.slice(1).filter((r) => String(r[0]).trim()).length;
}

test("complete real files import with the file's own record count", { skip }, async () => {
  const store = await sqliteBackend().open();
  try {
    const cases = [
      ["ofac-cons", real("ofac", "consolidated_2025-03-28", "consolidated.xml"), () => countTag(real("ofac", "consolidated_2025-03-28", "consolidated.xml"), "sdnEntry"), "2025-03-28"],
      ["un", real("un", "consolidated.xml"), () => countTag(real("un", "consolidated.xml"), "INDIVIDUAL") + countTag(real("un", "consolidated.xml"), "ENTITY"), "2026-02-27"],
      ["uk", real("uk", "FCDO_SL_Mon_Aug 11 2025.ods"), () => ukRowCount(real("uk", "FCDO_SL_Mon_Aug 11 2025.ods")), "2025-08-11"],
    ] as const;
    for (const [source, file, count, published] of cases) {
      const r = await importListFile(store, { source, file });
      assert.equal(r.version.recordCount, count(), `${source} ${file}`);
      assert.equal(r.version.published, published);
      assert.equal(r.version.partial, false);
    }
    assert.ok((await store.listingsOf("uk:RUS1422")).some((l) => l.listed === "2022-05-04" && l.program === "Russia"));
    const rtAvto = await store.getEntity("ofac-cons:18778");
    assert.equal(rtAvto?.identifiers.inn, "7709851082", "an OFAC XML tax id of a Russian entry is an INN");
  } finally {
    await store.dispose();
  }
});

test("the 2021 OFAC trio imports whole, and diff against an edited copy reports exactly the edits", { skip }, async () => {
  const store = await sqliteBackend().open();
  try {
    const sdn = real("ofac", "2021-04_complete", "sdn.csv");
    const first = await importListFile(store, { source: "ofac-sdn", file: sdn });
    assert.equal(first.version.recordCount, countOfacCsvRows(sdn));
    assert.equal(first.version.partial, false);
    assert.ok(first.notes.every((n) => !/ignored/.test(n)), "every alt/add row belongs to an sdn.csv entry");

    const dir = join(work, "2021-edited");
    mkdirSync(dir);
    for (const f of ["alt.csv", "add.csv"]) copyFileSync(real("ofac", "2021-04_complete", f), join(dir, f));
    const lines = readFileSync(sdn, "latin1").split("\r\n");
    const removed = lines[10].split(",")[0];
    const changedAt = lines.findIndex((l, i) => i > 20 && l.includes('"CUBA"'));
    const changed = lines[changedAt].split(",")[0];
    const edited = lines
      .filter((_, i) => i !== 10)
      .map((l, i) => (i === changedAt - 1 ? l.replace('"CUBA"', '"CUBA] [RUSSIA-EO14024"') : l))
      .join("\r\n")
      .replace("\x1a", '99999,"AUTORISK ADDED TEST ENTRY",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a');
    writeFileSync(join(dir, "sdn.csv"), edited, "latin1");
    await importListFile(store, { source: "ofac-sdn", file: join(dir, "sdn.csv") });
    const diff = await diffVersions(store.sql, "ofac-sdn", { from: "1", to: "2" });
    assert.deepEqual(diff.added.map((e) => e.listId), ["99999"]);
    assert.deepEqual(diff.removed.map((e) => e.listId), [removed]);
    assert.deepEqual(diff.changed.map((e) => e.listId), [changed]);
    assert.deepEqual(diff.changed[0].changes, [{ field: "programs", added: ["RUSSIA-EO14024"], removed: [] }]);
    const delisted = await store.listingsOf(`ofac-sdn:${removed}`);
    assert.ok(delisted.length > 0 && delisted.every((l) => l.delisted));
  } finally {
    await store.dispose();
  }
});

test("KAMAZ in the 2026 extract with the 2026 alt/add beside it; partial files say what they are", { skip }, async () => {
  const store = await sqliteBackend().open({ demo: true });
  try {
    const dir = join(work, "2026");
    mkdirSync(dir);
    copyFileSync(real("ofac", "sdn_extract_2026", "sdn.auto-extract.csv"), join(dir, "sdn.csv"));
    for (const f of ["alt.csv", "add.csv"]) copyFileSync(real("ofac", "2026-06_alt_add", f), join(dir, f));
    const r = await importListFile(store, { source: "ofac-sdn", file: join(dir, "sdn.csv") });
    assert.equal(r.version.recordCount, 24);
    assert.equal(r.version.partial, true);
    assert.match(r.notes[0], /no 0x1A end-of-file byte.*partial list of 24 entries/);
    const kamaz = await store.getEntity("ofac-sdn:37756");
    assert.ok(kamaz);
    assert.deepEqual(kamaz.aliases.sort(), ["KAMAZ PAO", "KAMAZ PJSC", "KAMAZ PTC", "KAMSKOE OBEDINENIE PO PROIZVODSTVU BOLSHEGRUZNYKH AVTOMOBILEI KAMAZ"]);
    assert.deepEqual(kamaz.properties.address, ["d. 2, prospekt Avtozavodski, Naberezhnye Chelny, Tatarstan Resp. 423827, Russia"]);
    assert.equal(kamaz.identifiers.inn, "1650032058");
    assert.equal(kamaz.identifiers.ogrn, "1021602013971");
    assert.deepEqual(kamaz.properties.program?.sort(), ["RUSSIA-EO14024", "UKRAINE-EO13662"]);
    assert.deepEqual(kamaz.properties.secondarySanctionsRisk, ["true"]);
    assert.deepEqual((await store.listingsOf("ofac-sdn:37756")).map((l) => l.program).sort(), ["RUSSIA-EO14024", "UKRAINE-EO13662"]);
    assert.ok((await store.listingsOf("kamaz")).some((l) => l.listEntryId === "37756"), "the KB entity kamaz gets the designation");
    assert.equal((await sourceStatus(store.sql, "ofac-sdn")).health, "partial");

    // the alias/address files alone are refused, naming what to import instead
    await assert.rejects(importListFile(store, { source: "ofac-sdn", file: real("ofac", "2026-06_alt_add", "alt.csv") }), /alt\.csv: this file holds only aliases or addresses.*import the primary file/);
  } finally {
    await store.dispose();
  }
});
