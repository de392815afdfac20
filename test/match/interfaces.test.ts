/**
 * The interfaces over the matcher: screen-file (all rows, resumable after a kill), and HTTP (yente's
 * POST /match/{dataset} shape, GET /screen, clear 4xx answers).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { Entity, Listing, Source, emptyBundle } from "../../src/model/schema.js";
import { screenFile } from "../../src/match/batch.js";
import { buildServer } from "../../src/api/server.js";
import { sqliteBackend } from "../helpers/stores.js";

const raw = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "match", "parties.json"), "utf8"));
const records = {
  entities: (raw.entities as unknown[]).map((e) => Entity.parse(e)),
  listings: (raw.listings as unknown[]).map((l) => Listing.parse(l)),
  sources: (raw.sources as unknown[]).map((s) => Source.parse(s)),
};

test("screen-file writes one row per input row, and a killed run resumes without losing or repeating rows", async () => {
  const dir = mkdtempSync(join(tmpdir(), "autorisk-screen-file-"));
  try {
    const names = ["ПАО КАМАЗ", "Volkswagen AG", "安徽江淮汽车集团股份有限公司", "", "Denis Manturov", "Acme Widgets Ltd"];
    const rows = Array.from({ length: 120 }, (_, i) => [String(i), names[i % names.length]]);
    const input = join(dir, "portfolio.csv");
    writeFileSync(input, ["ref,company", ...rows.map((r) => `${r[0]},"${r[1]}"`)].join("\n") + "\n");
    const output = join(dir, "out.csv");
    const opts = { input, output, columns: { name: "company" }, records, workers: 2 };
    const first = await screenFile(opts);
    assert.equal(first.total, 120);
    assert.equal(first.noName, 20);
    assert.ok(!existsSync(`${output}.partial`) && !existsSync(`${output}.checkpoint.json`), "a finished run leaves only OUT");
    const full = readFileSync(output, "utf8");
    const table = parse(full, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(table.map((r) => r.ref), rows.map((r) => r[0]), "one output row per input row, in input order");
    const kamaz = table.find((r) => r.company === "ПАО КАМАЗ")!;
    assert.equal(kamaz.match, "true");
    assert.equal(kamaz.best_id, "ofac-sdn:37756");
    assert.match(kamaz.best_lists, /OFAC RUSSIA-EO14024/);
    assert.match(kamaz.reason, /^name \d\.\d\d: "ПАО КАМАЗ" ~/);
    assert.equal(kamaz.screen_status, "screened");
    assert.equal(table.find((r) => r.company === "Volkswagen AG")!.match, "false");
    const blank = table.find((r) => r.company === "")!;
    assert.equal(blank.screen_status, "no_name");
    assert.equal(blank.best_id, "");

    // a run stopped after its first chunks (as by Ctrl-C) keeps OUT.partial and its checkpoint, and no OUT
    rmSync(output);
    const stop = new AbortController();
    // (one worker: with two, the other may finish every later chunk while the first chunk is still being screened)
    await assert.rejects(screenFile({ ...opts, workers: 1, signal: stop.signal, onProgress: (done) => done > 0 && stop.abort() }));
    assert.ok(!existsSync(output), "no OUT until every row is done");
    const cp = JSON.parse(readFileSync(`${output}.checkpoint.json`, "utf8"));
    assert.ok(cp.rows > 0 && cp.rows < 120, `stopped part way (${cp.rows} rows)`);
    // a kill can also leave half a row after the checkpoint: it is cut off on resume
    appendFileSync(`${output}.partial`, '50,"ПАО КАМ');
    const resumed = await screenFile(opts);
    assert.equal(resumed.resumedFrom, cp.rows);
    assert.equal(resumed.screened, 120 - cp.rows);
    assert.equal(readFileSync(output, "utf8"), full, "the resumed file equals an uninterrupted run");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("HTTP: POST /match/{dataset} answers in yente's shape; GET /screen; clear 4xx errors", async () => {
  const store = await sqliteBackend().open();
  const app = await buildServer({ store });
  try {
    const bundle = emptyBundle();
    bundle.sources.push(...records.sources);
    bundle.entities.push(...records.entities);
    bundle.listings.push(...records.listings);
    await store.write(bundle);

    const res = await app.inject({
      method: "POST",
      url: "/match/default?limit=3",
      payload: { queries: { q1: { schema: "Company", properties: { name: ["ПАО КАМАЗ"], country: ["ru"], innCode: ["1650032058"] } }, q2: { schema: "Person", properties: { name: ["Nobody Inparticular"] } } } },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    const r1 = body.responses.q1;
    assert.equal(r1.status, 200);
    assert.equal(r1.query.schema, "Company");
    assert.equal(r1.total.relation, "eq");
    const top = r1.results[0];
    assert.equal(top.id, "ofac-sdn:37756");
    assert.equal(top.schema, "Company");
    assert.equal(top.match, true);
    assert.ok(top.score >= 0.97 && top.score <= 1);
    assert.ok(top.properties.name.length > 0);
    assert.equal(top.target, true);
    assert.ok(top.explanations.name_match.detail.includes("kamaz~kamaz"));
    assert.ok(top.explanations.identifier_match);
    assert.equal(body.responses.q2.results.filter((r: { match: boolean }) => r.match).length, 0);

    const onlyUn = await app.inject({ method: "POST", url: "/match/un", payload: { queries: { a: { schema: "Company", properties: { name: ["KAMAZ"] } } } } });
    assert.equal(onlyUn.json().responses.a.results.length, 0, "dataset un holds no KAMAZ");

    const screen = await app.inject({ method: "GET", url: `/screen?name=${encodeURIComponent("Мантуров Денис")}&type=Person&dob=1969-02-23` });
    assert.equal(screen.statusCode, 200);
    assert.equal(screen.json().hits[0].id, "ofac-sdn:90002");

    assert.equal((await app.inject({ method: "GET", url: "/screen" })).statusCode, 400);
    assert.equal((await app.inject({ method: "POST", url: "/match/default", payload: { queries: {} } })).statusCode, 400);
    assert.equal((await app.inject({ method: "POST", url: "/match/nowhere", payload: { queries: { a: { schema: "Person", properties: { name: ["x"] } } } } })).statusCode, 404);
  } finally {
    await app.close();
    await store.dispose();
  }
});
