/** The CLI and the HTTP server as a user meets them: real processes on a temporary SQLite file. */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliSandbox, CLI_ENV, CLI_MAIN, ROOT } from "../helpers/cli.js";

const { dir, db, cli, dispose } = cliSandbox("autorisk-cli-");
after(dispose);

describe("autorisk CLI", () => {
  test("entity KAMAZ --json shows the demo entity with its relations and sources", () => {
    const r = cli("entity", "KAMAZ", "--json");
    assert.equal(r.status, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.equal(d.entity.id, "kamaz");
    assert.equal(d.entity.identifiers.inn, "1650032058");
    assert.ok(d.listings.some((l: { authority: string; listed: string }) => l.authority === "OFAC" && l.listed === "2022-06-28"));
    const licence = d.relations.find((x: { type: string }) => x.type === "LICENSES_TO");
    assert.equal(licence.other.id, "jac");
    assert.ok(licence.sources.length > 0);
    assert.ok(d.sources.some((s: { url: string }) => s.url?.startsWith("https://")));
  });

  test("entity accepts a name in another script", () => {
    const r = cli("entity", "камаз");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^KAMAZ {2}\[Company\]/);
  });

  test("user errors print one line, no stack trace, and exit non-zero", () => {
    const missing = cli("entity", "no-such-company-xyz");
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
    assert.match(missing.stderr, /^autorisk: no entity matches "no-such-company-xyz"/);

    const badDate = cli("entity", "KAMAZ", "--as-of", "yesterday");
    assert.equal(badDate.status, 1);
    assert.match(badDate.stderr, /--as-of must be a date as YYYY-MM-DD/);

    const noFile = cli("import", join(dir, "nope.jsonl"));
    assert.equal(noFile.status, 1);
    assert.match(noFile.stderr, /^autorisk: file not found: .*nope\.jsonl/);
    assert.doesNotMatch(noFile.stderr, /at .*\.ts:\d+/);
  });

  test("import reports the bad line and leaves the store unchanged; export gives the data back", () => {
    const before = cli("export").stdout;
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify({ kind: "entity", id: "x1", type: "Company", name: "X One" })}\n${JSON.stringify({ kind: "fact", metric: "speed", subject: "x1", value: 1 })}\n`);
    const r = cli("import", bad);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.jsonl:2: field "metric"/);
    assert.equal(cli("export").stdout, before);

    const good = join(dir, "good.jsonl");
    writeFileSync(good, `${JSON.stringify({ kind: "entity", id: "x1", type: "Company", name: "X One", countries: ["KZ"] })}\n`);
    assert.equal(cli("import", good).status, 0);
    assert.match(cli("export").stdout, /"id":"x1"/);
    const ftm = cli("export", "--format", "ftm");
    assert.equal(ftm.status, 0);
    assert.ok(ftm.stdout.split("\n").filter(Boolean).every((l) => "schema" in JSON.parse(l)));
  });

  test("screen-file and compare-file: a portfolio as Excel exports it, and clear one-line errors for bad files", () => {
    // UTF-16 with BOM, tab-delimited, CRLF: Excel's "Unicode text"
    const portfolio = join(dir, "portfolio.txt");
    writeFileSync(portfolio, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Customer No\tCounterparty\tCountry\r\n17\tКАМАЗ\tRUS\r\n18\t\tDE\r\n", "utf16le")]));
    const out = join(dir, "portfolio-hits.csv");
    const ok = cli("screen-file", portfolio, "-o", out);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stderr, /name ← Counterparty, countries ← Country/);
    assert.match(ok.stderr, /screened 2 of 2 rows .*1 with a match, 1 without a name/);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^Customer No,Counterparty,Country,match,listed,best_score,best_id,/);
    assert.match(lines[1], /^17,КАМАЗ,RUS,true,/);

    const noName = join(dir, "payments.csv");
    writeFileSync(noName, "ref,amount\n1,100\n");
    const bad = cli("screen-file", noName, "-o", join(dir, "never.csv"));
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr.trim().split("\n").length, 1);
    assert.match(bad.stderr, /^autorisk: \S*payments\.csv: cannot tell which column holds the name \(columns: "ref", "amount"\); name it with --name-column/);

    const pairs = join(dir, "pairs.csv");
    writeFileSync(pairs, 'name1,name2\nKAMAZ,"KAMAZ PJSC\n');
    const broken = cli("compare-file", pairs, "-o", join(dir, "never.csv"));
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /^autorisk: pairs\.csv:2: a quoted field starts here and is never closed/);
    assert.ok(!existsSync(join(dir, "never.csv")));
  });

  test("--version and --help", () => {
    assert.match(cli("--version").stdout.trim(), /^\d+\.\d+\.\d+$/);
    const help = cli("--help");
    assert.equal(help.status, 0);
    for (const cmd of ["init", "import", "export", "entity", "serve"]) assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`));
  });

  test("serve answers /healthz, /search?q=kamaz and /entities/:id", async () => {
    const server = spawn(process.execPath, ["--import", "tsx", CLI_MAIN, "--db", db, "serve", "--port", "0"], { cwd: ROOT, env: CLI_ENV });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        server.stdout.on("data", (chunk) => {
          out += chunk;
          const m = out.match(/listening on (http:\/\/\S+)/);
          if (m) resolve(m[1]);
        });
        server.stderr.on("data", (chunk) => (out += chunk));
        server.on("exit", () => reject(new Error(`server exited: ${out}`)));
        setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
      });
      const health = await (await fetch(`${url}/healthz`)).json();
      assert.equal(health.status, "ok");
      const search = await (await fetch(`${url}/search?q=kamaz`)).json();
      assert.equal(search.results[0].id, "kamaz");
      const cyr = await (await fetch(`${url}/search?q=${encodeURIComponent("Москвич")}`)).json();
      assert.equal(cyr.results[0].id, "moskvich");
      const entity = await fetch(`${url}/entities/jac`);
      assert.equal(entity.status, 200);
      assert.equal((await entity.json()).entity.name, "Anhui Jianghuai Automobile Group");
      const missing = await fetch(`${url}/entities/nobody`);
      assert.equal(missing.status, 404);
      const bad = await fetch(`${url}/search`);
      assert.equal(bad.status, 400);
    } finally {
      server.kill("SIGTERM");
    }
  });
});
