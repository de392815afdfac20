/** `autorisk exposure|whatif|deal check` and the HTTP routes, as a user meets them (demo knowledge base). */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { cliSandbox } from "../helpers/cli.js";
import { join } from "node:path";
import { buildServer } from "../../src/api/server.js";
import { openStore } from "../../src/store/open.js";
import { ExposureResult } from "../../src/model/graph.js";
import { renderDeal, renderExposure } from "../../src/cli/commands/exposure.js";

const { dir, db, cli, dispose } = cliSandbox("autorisk-graph-cli-");
after(dispose);

describe("exposure CLI", () => {
  test("exposure --json prints the output contract; the text form names the path", () => {
    const r = cli("exposure", "NEFAZ", "--as-of", "2025-01-01", "--json");
    assert.equal(r.status, 0, r.stderr);
    const out = ExposureResult.parse(JSON.parse(r.stdout));
    assert.deepEqual(Object.keys(JSON.parse(r.stdout)), ["entity", "asOf", "verdicts", "partners"]);
    assert.equal(out.entity.id, "nefaz");
    assert.equal(out.asOf, "2025-01-01");
    assert.equal(out.verdicts.OFAC.status, "listed");
    const text = renderExposure(out);
    assert.match(text, /UK\s+DERIVED\s+by ownership/);
    assert.match(text, /kamaz -OWNS 50\.02%-> nefaz/);
  });

  test("whatif --delist KAMAZ lists the changed verdicts with reasons", () => {
    const r = cli("whatif", "--delist", "KAMAZ", "--as-of", "2025-01-01");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /NEFAZ \(nefaz\) UK: derived\/ownership -> clear/);
  });

  test("deal check names the file and field of an invalid deal", () => {
    const file = join(dir, "bad-deal.json");
    writeFileSync(file, JSON.stringify({ id: "d1", parties: [{ ref: "kamaz", role: "buyer" }], currency: "dollars" }));
    const r = cli("deal", "check", file);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split("\n").length, 1, "one line, no stack trace");
    assert.match(r.stderr, /bad-deal\.json: field "currency"/);
  });
});

describe("exposure HTTP routes", () => {
  test("GET /exposure/:id, POST /whatif and POST /deal/check", async () => {
    const store = await openStore({ db: join(dir, "api.db"), demo: true });
    const app = await buildServer({ store });
    try {
      const r = await app.inject({ method: "GET", url: "/exposure/kamaz?asOf=2025-01-01&depth=1" });
      assert.equal(r.statusCode, 200);
      const body = ExposureResult.parse(r.json());
      assert.equal(body.verdicts.UK.status, "listed");
      assert.ok(body.partners.some((p) => p.id === "jac"));
      assert.equal((await app.inject({ method: "GET", url: "/exposure/no-such-party-qq" })).statusCode, 404);
      assert.equal((await app.inject({ method: "GET", url: "/exposure/kamaz?asOf=yesterday" })).statusCode, 400);
      const w = await app.inject({ method: "POST", url: "/whatif", payload: { delist: [{ id: "kamaz", authority: "UK" }], asOf: "2025-01-01" } });
      assert.equal(w.statusCode, 200);
      assert.ok(w.json().changes.some((c: { entity: { id: string }; authority: string }) => c.entity.id === "nefaz" && c.authority === "UK"));
      const d = await app.inject({ method: "POST", url: "/deal/check", payload: { id: "d2", parties: [{ ref: "moskvich", role: "buyer" }], currency: "USD", banks: [] } });
      assert.equal(d.statusCode, 200);
      assert.ok(d.json().flags.some((f: { code: string }) => f.code === "USD_SETTLEMENT"));
      assert.match(renderDeal(d.json()), /Informational only[\s\S]*USD_SETTLEMENT/);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
