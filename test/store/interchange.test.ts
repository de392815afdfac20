/** Import and export: lossless JSONL and FtM round trips; a bad line imports nothing and names the line. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends } from "../helpers/stores.js";
import { importFile } from "../../src/store/import.js";
import { exportStore } from "../../src/store/export.js";
import { DEMO_DIR } from "../../src/store/demo.js";

const dir = mkdtempSync(join(tmpdir(), "autorisk-io-"));
const file = (name: string, lines: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
  return path;
};
const exportLines = async (store: Parameters<typeof exportStore>[0], format: "jsonl" | "ftm") => {
  const out: string[] = [];
  await exportStore(store, format, (l) => out.push(l));
  return out;
};

const FTM = [
  { id: "NK-kamaz", schema: "Company", properties: { name: ["KAMAZ PUBLICLY TRADED COMPANY", "KAMAZ PJSC"], alias: ["ПАО КАМАЗ"], innCode: ["1650032058"], ogrnCode: ["1021602013971"], country: ["ru"], jurisdiction: ["ru"], address: ["Naberezhnye Chelny"] }, datasets: ["us_ofac_sdn"] },
  { id: "NK-rostec", schema: "Company", properties: { name: ["STATE CORPORATION ROSTEC"], country: ["ru"] } },
  { id: "NK-kogogin", schema: "Person", properties: { name: ["Sergei Kogogin"], birthDate: ["1957-11-16"], nationality: ["ru"] } },
  { id: "own-1", schema: "Ownership", properties: { owner: ["NK-rostec"], asset: ["NK-kamaz"], percentage: ["47.1"], startDate: ["2018"] } },
  { id: "dir-1", schema: "Directorship", properties: { director: ["NK-kogogin"], organization: ["NK-kamaz"], role: ["General Director"] } },
  { id: "san-1", schema: "Sanction", properties: { entity: ["NK-kamaz"], authority: ["Office of Foreign Assets Control"], program: ["RUSSIA-EO14024"], listingDate: ["2022-06-28"], authorityId: ["37756"] } },
  { id: "addr-1", schema: "Address", properties: { full: ["d. 2, prospekt Avtozavodski, Naberezhnye Chelny"], country: ["ru"] } },
];

for (const backend of backends()) {
  describe(`import/export on ${backend.name}`, () => {
    test("the demo knowledge base round-trips through JSONL losslessly", async () => {
      const a = await backend.open({ demo: true });
      const first = await exportLines(a, "jsonl");
      assert.ok(first.length > 40);
      const path = file(`roundtrip-${backend.name}.jsonl`, first.map((l) => l.trim()));
      const b = await backend.open();
      await importFile(b, path);
      assert.deepEqual(await exportLines(b, "jsonl"), first);
      assert.deepEqual(await b.counts(), await a.counts());
      await a.dispose();
      await b.dispose();
    });

    test("an FtM file maps onto entities, ownership, directorship, sanctions and kept records, and exports back unchanged", async () => {
      const store = await backend.open();
      const result = await importFile(store, file("entities.ftm.json", FTM));
      assert.equal(result.format, "ftm");
      assert.deepEqual({ ...result.counts, sources: 0 }, { sources: 0, entities: 3, relations: 2, listings: 1, facts: 0, records: 1 });
      const kamaz = await store.getEntity("NK-kamaz");
      assert.equal(kamaz?.name, "KAMAZ PUBLICLY TRADED COMPANY");
      assert.deepEqual(kamaz?.aliases, ["KAMAZ PJSC", "ПАО КАМАЗ"]);
      assert.deepEqual(kamaz?.identifiers, { inn: "1650032058", ogrn: "1021602013971" });
      assert.deepEqual(kamaz?.countries, ["RU"]);
      const [listing] = await store.listingsOf("NK-kamaz");
      assert.equal(listing.authority, "OFAC");
      assert.equal(listing.listed, "2022-06-28");
      const own = (await store.relationsOf("NK-kamaz")).find((r) => r.type === "OWNS");
      assert.equal(own?.percentage, 47.1);
      assert.equal(own?.subject, "NK-rostec");

      const exported = (await exportLines(store, "ftm")).map((l) => JSON.parse(l));
      const byId = new Map(exported.map((e) => [e.id, e]));
      for (const original of FTM) {
        assert.deepEqual(byId.get(original.id), { id: original.id, schema: original.schema, properties: original.properties }, `${original.id} round-trips`);
      }
      await store.dispose();
    });

    test("a file with one invalid line imports nothing and names the line", async () => {
      const store = await backend.open();
      const before = await store.counts();
      const bad = file("bad.jsonl", [
        { kind: "entity", id: "a", type: "Company", name: "Alpha" },
        { kind: "entity", id: "b", type: "Company", name: "Beta" },
        { kind: "relation", type: "OWNS", subject: "a", object: "b", percentage: 150 },
      ]);
      await assert.rejects(importFile(store, bad), (err: Error) => {
        assert.match(err.message, /bad\.jsonl:3: field "percentage"/);
        return true;
      });
      assert.deepEqual(await store.counts(), before, "nothing was written");

      const dangling = file("dangling.jsonl", [{ kind: "entity", id: "a", type: "Company", name: "Alpha" }, { kind: "sanction", entity: "zzz", authority: "OFAC" }]);
      await assert.rejects(importFile(store, dangling), /dangling\.jsonl:2: sanction entity "zzz" is not an entity/);
      const unknown = file("unknown.jsonl", [{ kind: "entity", id: "a", type: "Company", name: "Alpha" }, { kind: "vehicle", id: "v" }]);
      await assert.rejects(importFile(store, unknown), /unknown\.jsonl:2: unknown kind "vehicle"/);
      const badType = file("badtype.jsonl", [{ kind: "entity", id: "a", type: "Spaceship", name: "Alpha" }]);
      await assert.rejects(importFile(store, badType), /badtype\.jsonl:1: field "type"/);
      const notJson = file("notjson.jsonl", [{ kind: "entity", id: "a", type: "Company", name: "Alpha" }, "{oops"]);
      await assert.rejects(importFile(store, notJson), /notjson\.jsonl:2: not valid JSON/);
      assert.deepEqual(await store.counts(), before);
      assert.equal(await store.getEntity("a"), undefined);
      await store.dispose();
    });
  });
}

test("the bundled demo files are valid interchange JSON Lines", () => {
  const text = readFileSync(join(DEMO_DIR, "10-core.jsonl"), "utf8");
  for (const line of text.split("\n").filter(Boolean)) JSON.parse(line);
});
