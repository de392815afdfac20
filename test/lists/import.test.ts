/**
 * Importing list files into a store: versions, the graph projection, all-or-nothing switching, the count
 * guard, unchanged files and diffs. Runs on every backend `backends()` gives (SQLite; PostgreSQL when set).
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { backends } from "../helpers/stores.js";
import { fixture } from "./helpers.js";
import { importListFile, ListGuardError } from "../../src/lists/import.js";
import { ListFileError } from "../../src/lists/common.js";
import { activeVersion, listVersions, sourceStatus } from "../../src/lists/versions.js";
import { diffVersions } from "../../src/lists/diff.js";

const work = mkdtempSync(join(tmpdir(), "autorisk-lists-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the OFAC fixture trio in its own folder, with an edit to sdn.csv's text. */
function ofacCopy(name: string, edit: (sdn: string) => string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const f of ["alt.csv", "add.csv"]) copyFileSync(fixture("ofac", f), join(dir, f));
  writeFileSync(join(dir, "sdn.csv"), edit(readFileSync(fixture("ofac", "sdn.csv"), "latin1")), "latin1");
  return join(dir, "sdn.csv");
}

for (const backend of backends()) {
  describe(`lists import (${backend.name})`, () => {
    test("OFAC CSV trio: version, KAMAZ entity and listings, links, KB twin listing, unchanged re-import", async () => {
      const store = await backend.open({ demo: true });
      try {
        const r = await importListFile(store, { source: "ofac-sdn", file: fixture("ofac", "sdn.csv") });
        assert.equal(r.status, "imported");
        assert.equal(r.version.recordCount, 9);
        assert.equal(r.version.id, "list:ofac-sdn:1");
        assert.match(r.version.contentHash, /^[0-9a-f]{64}$/);

        const kamaz = await store.getEntity("ofac-sdn:37756");
        assert.ok(kamaz);
        assert.equal(kamaz.type, "Company");
        assert.deepEqual(kamaz.aliases.sort(), ["KAMAZ PAO", "KAMAZ PJSC", "KAMAZ PTC", "KAMSKOE OBEDINENIE PO PROIZVODSTVU BOLSHEGRUZNYKH AVTOMOBILEI KAMAZ"]);
        assert.equal(kamaz.identifiers.inn, "1650032058");
        assert.equal(kamaz.identifiers.ogrn, "1021602013971");
        assert.deepEqual(kamaz.properties.secondarySanctionsRisk, ["true"]);
        assert.ok(kamaz.properties.address?.[0]?.includes("Naberezhnye Chelny"));
        assert.deepEqual(kamaz.sources, ["list:ofac-sdn:1"]);
        const listings = await store.listingsOf("ofac-sdn:37756");
        assert.deepEqual(listings.map((l) => l.id).sort(), ["ofac-sdn:37756:RUSSIA-EO14024", "ofac-sdn:37756:UKRAINE-EO13662"]);
        assert.ok(listings.every((l) => l.authority === "OFAC" && l.listEntryId === "37756" && !l.delisted));

        // the demo knowledge base's `kamaz` shares INN/OGRN: the designation shows on it too
        const kb = await store.listingsOf("kamaz");
        assert.ok(kb.some((l) => l.id === "ofac-sdn:37756:RUSSIA-EO14024@kamaz" && l.program === "RUSSIA-EO14024"), JSON.stringify(kb.map((l) => l.id)));

        const rel = await store.relationsOf("ofac-sdn:37767", { types: ["LINKED_TO"] });
        assert.deepEqual(rel.map((x) => x.object), ["ofac-sdn:37756"]);
        assert.equal((await store.getEntity("ofac-sdn:90001"))?.type, "Vessel");
        assert.equal((await store.getEntity("ofac-sdn:24283"))?.type, "Person");
        const source = await store.getSource("list:ofac-sdn:1");
        assert.equal(source?.kind, "list_version");
        assert.equal(source?.contentHash, r.version.contentHash);

        const again = await importListFile(store, { source: "ofac-sdn", file: fixture("ofac", "sdn.csv") });
        assert.equal(again.status, "unchanged");
        assert.equal((await listVersions(store.sql, "ofac-sdn")).length, 1);
      } finally {
        await store.dispose();
      }
    });

    test("a cut or corrupted file fails naming the place, and the previous version stays active", async () => {
      const store = await backend.open();
      try {
        await importListFile(store, { source: "ofac-sdn", file: fixture("ofac", "sdn.csv") });
        const xml = readFileSync(fixture("ofac-xml", "sdn.xml"), "utf8");
        // cut points spread over the file (deterministic, so a failure can be reproduced)
        for (const share of [0.13, 0.37, 0.52, 0.71, 0.93]) {
          const cut = join(work, `cut-${share}.xml`);
          writeFileSync(cut, xml.slice(0, Math.floor(xml.length * share)));
          await assert.rejects(importListFile(store, { source: "ofac-sdn", file: cut, force: true }), (err: Error) => {
            assert.ok(err instanceof ListFileError, err.message);
            assert.match(err.message, /cut-0\.\d+\.xml, line \d+/);
            return true;
          });
        }
        const badRow = ofacCopy("badrow", (s) => s.replace('37756,"KAMAZ PUBLICLY TRADED COMPANY",-0- ,', '37756,"KAMAZ PUBLICLY TRADED COMPANY",'));
        await assert.rejects(importListFile(store, { source: "ofac-sdn", file: badRow, force: true }), /sdn\.csv, line 4 \(ent_num 37756\): expected 12 columns, found 11/);
        const cutCsv = ofacCopy("cutcsv", (s) => s.slice(0, s.indexOf("37756") + 40));
        await assert.rejects(importListFile(store, { source: "ofac-sdn", file: cutCsv, force: true }), /sdn\.csv, line 4/);

        const status = await sourceStatus(store.sql, "ofac-sdn");
        assert.equal(status.active?.id, "list:ofac-sdn:1");
        assert.equal(status.active?.recordCount, 9);
        assert.equal(status.health, "failing");
        assert.match(status.lastAttempt?.message ?? "", /line 4/);
        assert.equal((await listVersions(store.sql, "ofac-sdn")).length, 1, "failed imports leave no version behind");
        assert.ok(await store.getEntity("ofac-sdn:37756"));
      } finally {
        await store.dispose();
      }
    });

    test("far fewer records than the active version is refused unless forced; delisting keeps the listing", async () => {
      const store = await backend.open();
      try {
        await importListFile(store, { source: "ofac-sdn", file: fixture("ofac", "sdn.csv") });
        const small = ofacCopy("small", (s) => s.split("\r\n").filter((l) => !/^(24229|24230|24283|37767|44877|44878|44880),/.test(l)).join("\r\n"));
        await assert.rejects(importListFile(store, { source: "ofac-sdn", file: small }), (err: Error) => err instanceof ListGuardError && /2 records, far fewer than the 9/.test(err.message));
        assert.equal((await activeVersion(store.sql, "ofac-sdn"))?.id, "list:ofac-sdn:1");
        const forced = await importListFile(store, { source: "ofac-sdn", file: small, force: true });
        assert.equal(forced.version.recordCount, 2);
        assert.equal((await activeVersion(store.sql, "ofac-sdn"))?.id, forced.version.id);
        const gone = await store.listingsOf("ofac-sdn:44877");
        assert.ok(gone.length > 0 && gone.every((l) => l.delisted), "listings of removed entries are delisted, not deleted");
        const today = new Date().toISOString().slice(0, 10);
        assert.equal((await store.listingsOf("ofac-sdn:44877", { asOf: today })).length, 0);
        assert.ok((await store.listingsOf("ofac-sdn:37756", { asOf: today })).length > 0);
      } finally {
        await store.dispose();
      }
    });

    test("lists diff reports the added, removed and changed entries and nothing else", async () => {
      const store = await backend.open();
      try {
        await importListFile(store, { source: "ofac-sdn", file: fixture("ofac", "sdn.csv") });
        const edited = ofacCopy("edited", (s) =>
          s
            .replace(/^44878,.*\r\n/m, "") // removed
            .replace('"PUBLICHNOE AKTSIONERNOE OBSCHESTVO SOLLERS"', '"PUBLICHNOE AKTSIONERNOE OBSHCHESTVO SOLLERS"') // changed name
            .replace("\x1a", '90002,"AUTORISK ADDED ENTITY",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a'), // added
        );
        await importListFile(store, { source: "ofac-sdn", file: edited });
        const diff = await diffVersions(store.sql, "ofac-sdn");
        assert.deepEqual(diff.added.map((e) => e.listId), ["90002"]);
        assert.deepEqual(diff.removed.map((e) => e.listId), ["44878"]);
        assert.deepEqual(diff.changed.map((e) => e.listId), ["44880"]);
        const name = diff.changed[0].changes?.find((c) => c.field === "name");
        assert.deepEqual(name, { field: "name", added: ["PUBLICHNOE AKTSIONERNOE OBSHCHESTVO SOLLERS"], removed: ["PUBLICHNOE AKTSIONERNOE OBSCHESTVO SOLLERS"] });
        const sollers = await store.getEntity("ofac-sdn:44880");
        assert.equal(sollers?.name, "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO SOLLERS");
        assert.deepEqual(sollers?.sources, ["list:ofac-sdn:2"]);
      } finally {
        await store.dispose();
      }
    });

    test("EU, UK, UN, FtM and OFAC advanced fixtures import with their authorities, types and dates", async () => {
      const store = await backend.open();
      try {
        const cases = [
          ["eu", fixture("eu", "export.xml"), 3, "eu:900101", "EU", "2022-04-08"],
          ["uk", fixture("uk", "UK_Sanctions_List.csv"), 4, "uk:RUS1422", "UK", "2022-05-04"],
          ["un", fixture("un", "consolidated.xml"), 2, "un:6907993", "UN", "2012-12-31"],
          ["ftm", fixture("ftm", "entities.ftm.json"), 2, "ftm:ftm-kamaz", "OFAC", "2022-06-28"],
          ["ofac-sdn", fixture("ofac-advanced", "sdn_advanced.xml"), 3, "ofac-sdn:37756", "OFAC", "2022-06-28"],
        ] as const;
        for (const [source, file, count, id, authority, listed] of cases) {
          const r = await importListFile(store, { source, file });
          assert.equal(r.version.recordCount, count, source);
          const ls = await store.listingsOf(id);
          assert.ok(ls.length > 0, `${id} has a listing`);
          assert.equal(ls[0].authority, authority);
          assert.equal(ls[0].listed, listed);
        }
        assert.equal((await store.getEntity("un:6907993"))?.type, "Person");
        assert.ok((await store.getEntity("eu:900101"))?.aliases.includes('ПАО "КАМАЗ"'));
        assert.ok((await store.getEntity("ofac-sdn:37756"))?.aliases.includes("ПАО КАМАЗ"), "sdn_advanced.xml imports with its scripts");
        await assert.rejects(importListFile(store, { source: "un", file: fixture("eu", "export.xml") }), /an EU FSF XML, not a file of the un list/);
      } finally {
        await store.dispose();
      }
    });
  });
}

test("GET /lists/status and /lists/:source/diff", async () => {
  const { buildServer } = await import("../../src/api/server.js");
  const store = await backends()[0].open();
  try {
    await importListFile(store, { source: "un", file: fixture("un", "consolidated.xml") });
    const app = await buildServer({ store });
    const status = await app.inject({ method: "GET", url: "/lists/status" });
    assert.equal(status.statusCode, 200);
    const un = (status.json() as Array<{ source: string; active: { recordCount: number } | null; health: string }>).find((s) => s.source === "un");
    assert.equal(un?.active?.recordCount, 2);
    assert.equal(un?.health, "ok");
    assert.equal((await app.inject({ method: "GET", url: "/lists/un/diff" })).statusCode, 404, "one version: nothing to diff");
    assert.equal((await app.inject({ method: "GET", url: "/lists/nope/versions" })).statusCode, 400);
    await app.close();
  } finally {
    await store.dispose();
  }
});
