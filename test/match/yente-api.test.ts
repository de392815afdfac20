/**
 * POST /match/{dataset} and its neighbours as an OpenSanctions (yente) client sees them: the request shape of
 * yente's documentation (written here with our own fixture parties), the fields such a client reads, yente's
 * error statuses and shapes, and how yente's parameters and names map onto ours.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { Entity, Listing, Source, emptyBundle } from "../../src/model/schema.js";
import { buildServer } from "../../src/api/server.js";
import { MATCH_ALGORITHM } from "../../src/match/version.js";
import { sqliteBackend } from "../helpers/stores.js";

const raw = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "match", "parties.json"), "utf8"));

let app: FastifyInstance;
let dispose: () => Promise<void>;

before(async () => {
  const store = await sqliteBackend().open();
  const bundle = emptyBundle();
  bundle.sources.push(...(raw.sources as unknown[]).map((s) => Source.parse(s)));
  bundle.entities.push(...(raw.entities as unknown[]).map((e) => Entity.parse(e)));
  bundle.listings.push(...(raw.listings as unknown[]).map((l) => Listing.parse(l)));
  await store.write(bundle);
  app = await buildServer({ store });
  dispose = async () => {
    await app.close();
    await store.dispose();
  };
});
after(async () => dispose());

const match = (url: string, queries: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  app.inject({ method: "POST", url, payload: { queries, ...extra } });
const kamaz = { schema: "Company", properties: { name: ["Kamaz"] } };

// What a yente client reads of a result, written from yente's documentation rather than imported from our
// schema (src/model/match.ts), so that a change to our schema cannot silently change what this test expects.
interface Result {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  match: boolean;
  explanations: Record<string, { score: number; detail: string | null; query: string | null; candidate: string | null }>;
  autorisk: { explanation: { aligned: unknown[] }; listings: Array<{ authority: string }> };
}

test("yente-shaped request: every response and result carries the fields a yente client reads", async () => {
  // the shape of yente's documented example: a person by name parts, birth date and nationality, a company by
  // name, jurisdiction and registration number, keyed by ids the client chooses
  const res = await match("/match/default", {
    person1: { schema: "Person", properties: { firstName: ["Denis"], lastName: ["Manturov"], birthDate: ["1969-02-23"], nationality: ["Russia"] } },
    company1: { schema: "Company", properties: { name: ["PAO Kamaz"], jurisdiction: ["ru"], registrationNumber: ["1021602013971"] } },
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers["x-batch-size"], "2");
  const body = res.json();
  assert.deepEqual(Object.keys(body.responses).sort(), ["company1", "person1"]);
  assert.equal(body.limit, 5, "yente's default limit");
  assert.equal(body.algorithm, MATCH_ALGORITHM);

  const person = body.responses.person1;
  assert.equal(person.status, 200);
  assert.deepEqual(person.query, { id: null, schema: "Person", properties: { firstName: ["Denis"], lastName: ["Manturov"], birthDate: ["1969-02-23"], nationality: ["Russia"] } });
  const top: Result = person.results[0];
  assert.equal(top.id, "ofac-sdn:90002");
  assert.equal(top.schema, "Person");
  assert.equal(top.match, true);
  assert.ok(top.score > 0.9 && top.score <= 1);
  assert.equal(top.target, true);
  assert.deepEqual(top.datasets, ["ofac-sdn"], "datasets are our list source ids");
  assert.deepEqual(top.referents, []);
  assert.deepEqual(top.properties.topics, ["sanction"], "a listed party carries FtM's sanction topic, not our type marker");
  assert.match(top.last_seen ?? "", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, "timestamps as yente writes them");
  assert.equal(top.explanations.birthDate_match.candidate, "1969-02-23");
  assert.equal(top.explanations.country_match.query, "RU", "a country name in the query is read as its code");
  assert.ok(top.autorisk.explanation.aligned.length > 0, "our token alignment rides along in an extra field");

  const company: Result = body.responses.company1.results[0];
  assert.equal(company.id, "ofac-sdn:37756");
  assert.ok(company.explanations.identifier_match, "registrationNumber is compared with the party's identifiers");

  for (const response of Object.values(body.responses) as Array<{ total: { value: number; relation: string }; results: Result[] }>) {
    assert.equal(response.total.relation, "eq");
    const scores = response.results.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), "best first");
    for (const r of response.results) {
      assert.equal(typeof r.caption, "string");
      for (const values of Object.values(r.properties)) assert.ok(values.every((v) => typeof v === "string"));
      for (const e of Object.values(r.explanations)) assert.equal(typeof e.score, "number");
    }
  }
});

test("total counts matches (as yente does), results above the cutoff are still returned", async () => {
  const body = (await match("/match/default?threshold=0.8", { q: kamaz })).json();
  const results: Result[] = body.responses.q.results;
  assert.deepEqual(results.map((r) => [r.id, r.match]), [["ofac-sdn:37756", true], ["ofac-sdn:37760", false]]);
  assert.equal(body.responses.q.total.value, 1);

  const strict = (await match("/match/default?threshold=0.9&cutoff=0.8", { q: kamaz })).json();
  assert.deepEqual(strict.responses.q.results.map((r: Result) => r.id), ["ofac-sdn:37756"], "nothing at or below the cutoff");
  const capped = (await match("/match/default?cutoff=0.8", { q: kamaz })).json();
  assert.equal(capped.responses.q.results.length, 2, "as in yente, the cutoff never exceeds the threshold (0.7)");
});

test("a query that cannot be screened is answered on its own; the batch is not refused", async () => {
  const res = await match("/match/default", { noName: { schema: "Company", properties: { address: ["Naberezhnye Chelny"] } }, named: kamaz });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.responses.noName.status, 400);
  assert.match(body.responses.noName.detail, /no name/);
  assert.deepEqual(body.responses.noName.results, []);
  assert.equal(body.responses.named.results[0].id, "ofac-sdn:37756");

  const byInn = (await match("/match/default", { q: { schema: "Company", properties: { innCode: "1650032058" } } })).json();
  assert.equal(byInn.responses.q.results[0].id, "ofac-sdn:37756", "an identifier alone (a bare string value) finds the party");
});

test("errors in yente's statuses and shapes", async () => {
  const missingSchema = await match("/match/default", { q: { properties: { name: ["Kamaz"] } } });
  assert.equal(missingSchema.statusCode, 422);
  assert.deepEqual(missingSchema.json().detail, [{ type: "missing", loc: ["body", "queries", "q", "schema"], msg: "Field required" }]);

  const badLimit = await match("/match/default?limit=0", { q: kamaz });
  assert.equal(badLimit.statusCode, 422);
  assert.deepEqual(badLimit.json().detail[0].loc, ["query", "limit"]);

  const notJson = await app.inject({ method: "POST", url: "/match/default", headers: { "content-type": "application/json" }, payload: "{queries" });
  assert.equal(notJson.statusCode, 422);

  const unknownDataset = await match("/match/nowhere", { q: kamaz });
  assert.equal(unknownDataset.statusCode, 404);
  assert.match(unknownDataset.json().detail, /No such dataset: nowhere/);

  const unknownSchema = await match("/match/default", { q: { schema: "Spaceship", properties: { name: ["Kamaz"] } } });
  assert.equal(unknownSchema.statusCode, 400);
  assert.match(unknownSchema.json().detail, /Spaceship/);

  const unknownAlgorithm = await match("/match/default?algorithm=coin-toss", { q: kamaz });
  assert.equal(unknownAlgorithm.statusCode, 400);
  assert.match(unknownAlgorithm.json().detail, /Invalid algorithm: coin-toss/);

  const none = await match("/match/default", {});
  assert.equal(none.statusCode, 400);
  const tooMany = await match("/match/default", Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, kamaz])));
  assert.equal(tooMany.statusCode, 400);
  assert.match(tooMany.json().detail, /limit: 100/);
});

test("yente's parameters and names map onto ours", async () => {
  for (const algorithm of ["best", "logic-v2", "Name-Based", MATCH_ALGORITHM]) {
    const res = await match(`/match/default?algorithm=${algorithm}`, { q: kamaz });
    assert.equal(res.statusCode, 200, algorithm);
    assert.equal(res.json().algorithm, MATCH_ALGORITHM, "the algorithm that actually scored is echoed");
  }
  const ids = async (url: string) => ((await match(url, { q: kamaz })).json().responses.q.results as Result[]).map((r) => r.id);
  assert.deepEqual(await ids("/match/us_ofac_sdn"), await ids("/match/ofac-sdn"), "OpenSanctions' dataset names are accepted");
  assert.deepEqual(await ids("/match/default?include_dataset=un"), []);
  assert.deepEqual(await ids("/match/default?exclude_dataset=us_ofac_sdn"), []);
  assert.deepEqual(await ids("/match/default?exclude_schema=Company"), []);
  assert.deepEqual(await ids("/match/default?exclude_entity_ids=ofac-sdn:37760"), ["ofac-sdn:37756"]);
  assert.deepEqual(await ids("/match/default?topics=role.pep&topics=sanction"), ["ofac-sdn:37756", "ofac-sdn:37760"]);
  assert.deepEqual(await ids("/match/default?topics=role.pep"), []);
  assert.deepEqual(await ids("/match/default?limit=1"), ["ofac-sdn:37756"]);
  // accepted and ignored: weights/config (our scorer has none), fuzzy (the nomenklatura client sends it), changed_since
  const tolerant = await match("/match/default?fuzzy=false&changed_since=2024-01-01", { q: kamaz }, { weights: { name_literal: 0.8 }, config: { nm_number_mismatch: 0.4 } });
  assert.equal(tolerant.statusCode, 200);
});

test("GET /algorithms, /catalog, /readyz, /healthz in yente's shape", async () => {
  const algorithms = (await app.inject({ method: "GET", url: "/algorithms" })).json();
  assert.equal(algorithms.default, MATCH_ALGORITHM);
  assert.equal(algorithms.best, MATCH_ALGORITHM);
  assert.deepEqual(algorithms.algorithms.map((a: { name: string }) => a.name), [MATCH_ALGORITHM]);
  assert.ok(algorithms.algorithms[0].features.name_match.description);

  const catalog = (await app.inject({ method: "GET", url: "/catalog" })).json();
  const names = catalog.datasets.map((d: { name: string }) => d.name);
  for (const name of ["default", "sanctions", "kb", "ofac-sdn", "eu", "uk", "un"]) assert.ok(names.includes(name), name);
  assert.equal(catalog.index_stale, false);
  for (const d of catalog.datasets) assert.equal(typeof d.version, "string");

  assert.deepEqual((await app.inject({ method: "GET", url: "/readyz" })).json(), { status: "ok" });
  assert.equal((await app.inject({ method: "GET", url: "/healthz" })).json().status, "ok");
});

test("GET /entities/:id carries yente's entity fields beside the dossier, for a client's expand step", async () => {
  const res = await app.inject({ method: "GET", url: "/entities/ofac-sdn:37756" });
  assert.equal(res.statusCode, 200);
  const body = res.json() as Result & { entity: { id: string }; listings: unknown[] };
  assert.equal(body.id, "ofac-sdn:37756");
  assert.equal(body.schema, "Company");
  assert.ok(body.properties.name?.length, "FtM properties with the name");
  assert.ok(body.properties.topics?.includes("sanction"));
  assert.ok(body.datasets.includes("ofac-sdn"));
  assert.equal(body.target, true);
  assert.deepEqual(body.referents, []);
  assert.equal(body.entity.id, "ofac-sdn:37756", "our dossier is still there");
  assert.ok(body.listings.length > 0);
  const kb = (await app.inject({ method: "GET", url: "/entities/jac" })).json() as Result;
  assert.deepEqual(kb.datasets, ["kb"]);
  assert.equal(kb.target, false);
});
