import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execFile, spawnSync } from "node:child_process";
import { backends } from "../helpers/stores.js";
import { parseTextArticle } from "../../src/news/article.js";
import { parseHtmlArticle } from "../../src/news/html.js";
import { ingestArticle, listDocuments } from "../../src/news/ingest.js";
import { acceptItems, listReview, rejectItems } from "../../src/news/review.js";
import { addWatch } from "../../src/news/watch.js";
import { listAlerts } from "../../src/news/alerts.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "news");
const LICENCE = "KAMAZ Extends Its Engine Licence\n\nKAMAZ produces engines for its heavy trucks under a license from Cummins, the company said on Tuesday.";

for (const backend of backends()) {
  test(`${backend.name}: accepting a LICENSES_TO item puts the relation in the graph with status, evidence and the article as source`, async () => {
    const store = await backend.open({ demo: true });
    try {
      const result = await ingestArticle(store, parseTextArticle(LICENCE, { date: "2024-05-02", url: "https://news.example.org/k5" }));
      const items = await listReview(store, { status: "pending", documentId: result.documentId });
      const licence = items.find((i) => i.kind === "relation" && i.label.startsWith("LICENSES_TO"));
      assert.ok(licence, items.map((i) => i.label).join("; "));
      assert.equal(licence.label, "LICENSES_TO Cummins -> KAMAZ (confirmed, 2024-04-30)");
      assert.equal((await store.relationsOf("kamaz")).some((r) => r.subject === "news-cummins"), false, "nothing enters the graph before review");

      const decision = await acceptItems(store, [licence.id]);
      assert.deepEqual(decision.written, { entities: 1, relations: 1, facts: 0 });
      const rel = (await store.relationsOf("kamaz")).find((r) => r.type === "LICENSES_TO");
      assert.ok(rel);
      assert.equal(rel.subject, "news-cummins");
      assert.equal(rel.status, "confirmed");
      assert.match(rel.evidence ?? "", /under a license from Cummins/);
      assert.deepEqual((rel.properties as { span: unknown }).span, result.relations.find((r) => r.type === "LICENSES_TO")?.span);
      const source = await store.getSource(rel.sources[0]);
      assert.equal(source?.kind, "document");
      assert.equal(source?.url, "https://news.example.org/k5");
      assert.equal(source?.published, "2024-05-02");
      // the licensee is in the licensor's partner exposure
      if (existsSync(join(import.meta.dirname, "..", "..", "src", "graph", "exposure.ts"))) {
        const { exposure } = await import("../../src/graph/exposure.js");
        const ex = await exposure(store, "news-cummins");
        assert.ok(ex.partners.some((p) => p.id === "kamaz"), JSON.stringify(ex.partners.map((p) => p.id)));
      }
      // the listed entity itself was not rewritten by news
      const kamaz = await store.getEntity("kamaz");
      assert.ok(!kamaz?.sources.some((s) => s.startsWith("src-news-")));
    } finally {
      await store.dispose();
    }
  });

  test(`${backend.name}: the same story twice is one document; rejected items never enter the graph`, async () => {
    const store = await backend.open({ demo: true });
    try {
      const text = readFileSync(join(FIXTURES, "renault-avtovaz-exit.txt"), "utf8");
      const first = await ingestArticle(store, parseTextArticle(text));
      const again = await ingestArticle(store, parseHtmlArticle(readFileSync(join(FIXTURES, "renault-avtovaz-exit.html"), "utf8")));
      assert.equal(again.duplicateOf, first.documentId);
      assert.equal((await listDocuments(store)).length, 1);
      const pending = await listReview(store, { status: "pending" });
      const owns = pending.filter((i) => i.label.startsWith("OWNS"));
      assert.ok(owns.length >= 1);
      await rejectItems(store, owns.map((i) => i.id));
      assert.equal((await listReview(store, { status: "rejected" })).length, owns.length);
      assert.equal((await store.relationsOf("avtovaz")).some((r) => r.sources.some((s) => s.startsWith("src-news-"))), false);
    } finally {
      await store.dispose();
    }
  });

  test(`${backend.name}: alerts for watched parties and for designations; --auto-accept takes confident items`, async () => {
    const store = await backend.open({ demo: true });
    try {
      await addWatch(store, "Great Wall Motor"); // not in the knowledge base: watched by name
      await addWatch(store, "gaz-group");
      const haval = await ingestArticle(store, parseTextArticle(readFileSync(join(FIXTURES, "haval-tula.txt"), "utf8")));
      assert.deepEqual(haval.alerts?.map((a) => a.kind), ["watched_mention"]);
      const gaz = await ingestArticle(store, parseTextArticle(readFileSync(join(FIXTURES, "gaz-designation.txt"), "utf8")), { autoAccept: 0.75 });
      const kinds = (await listAlerts(store)).map((a) => `${a.kind}:${a.entityName}`).sort();
      assert.deepEqual(kinds, ["designation:GAZ Group", "watched_mention:GAZ Group", "watched_mention:Great Wall Motor"]);
      const accepted = await listReview(store, { status: "accepted", documentId: gaz.documentId });
      assert.ok(accepted.length > 0 && accepted.every((i) => i.confidence >= 0.75));
      assert.ok((await store.relationsOf("gaz-group")).some((r) => r.type === "SANCTIONED_BY" && r.sources.some((s) => s.startsWith("src-news-"))));
    } finally {
      await store.dispose();
    }
  });
}

test("CLI: news ingest --json prints the output contract; review, watch and alerts work end to end", async () => {
  const dir = mkdtempSync(join(tmpdir(), "autorisk-news-"));
  const db = join(dir, "t.db");
  const argv = (dbPath: string, args: string[]) => ["--import", "tsx", join(import.meta.dirname, "..", "..", "src", "cli", "main.ts"), "--db", dbPath, ...args];
  const cli = (...args: string[]) => spawnSync(process.execPath, argv(db, args), { encoding: "utf8" });
  // each CLI start costs seconds (tsx compiles the sources): the error cases run at the same time as the first
  // ingest, on a database of their own
  const cliAsync = (dbPath: string, ...args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, argv(dbPath, args), { encoding: "utf8" }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }));
  });
  try {
    const [out, bad, missing] = await Promise.all([
      cliAsync(db, "news", "ingest", join(FIXTURES, "gaz-designation.txt"), "--json", "--sentences", "2"),
      cliAsync(join(dir, "other.db"), "review", "accept", "rv-nope"),
      cliAsync(join(dir, "third.db"), "news", "ingest", join(dir, "nope.txt")),
    ]);
    assert.equal(out.status, 0, out.stderr);
    const r = JSON.parse(out.stdout);
    for (const key of ["title", "date", "summary", "entities", "relations", "facts"]) assert.ok(key in r, key);
    assert.equal(r.summary.length, 2);
    assert.ok(r.entities.every((e: Record<string, unknown>) => "name" in e && "type" in e && "id" in e && Array.isArray(e.mentions)));
    const designation = r.relations.find((x: { type: string }) => x.type === "SANCTIONED_BY");
    assert.deepEqual([designation.subject, designation.object, designation.status, designation.date], ["GAZ Group", "Office of Foreign Assets Control", "confirmed", "2018-04-06"]);
    assert.ok(r.facts.every((f: Record<string, unknown>) => ["metric", "subject", "value", "unit", "period", "status", "evidence"].every((k) => k in f)));

    const list = cli("review", "list", "--json");
    const items = JSON.parse(list.stdout) as Array<{ id: string; label: string }>;
    assert.ok(items.length > 3);
    const accept = cli("review", "accept", items[0].id);
    assert.equal(accept.status, 0, accept.stderr);
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr.trim(), "autorisk: no review item rv-nope (see `autorisk review list`)");
    assert.equal(missing.stderr.trim(), `autorisk: news ingest: no such file or folder: ${join(dir, "nope.txt")}`);
    assert.equal(cli("watch", "add", "kamaz").status, 0);
    assert.match(cli("alerts").stdout, /GAZ Group designated by Office of Foreign Assets Control/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
