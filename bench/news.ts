/**
 * `npm run bench:news`: articles per second through the whole pipeline (furniture, sentences, gazetteer +
 * rules, relations, facts, summary) on one core, with the demo knowledge base's gazetteer. Baseline in the
 * same process: sentence splitting alone over the same articles. Articles: the seeds when ../shared is
 * there, the project's own fixtures and demo articles always.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/store/open.js";
import { parseTextArticle } from "../src/news/article.js";
import { splitSentences } from "../src/news/sentences.js";
import { analyseArticle } from "../src/news/pipeline.js";
import { gazetteerFromStore } from "../src/news/gazetteer.js";

const dirs = [join(import.meta.dirname, "..", "..", "shared", "corpus", "seeds"), join(import.meta.dirname, "..", "test", "fixtures", "news"), join(import.meta.dirname, "..", "data", "demo", "articles")];
const texts = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(d, f), "utf8")));
if (!texts.length) throw new Error("no articles to benchmark");

const store = await openStore({ db: ":memory:", demo: true });
const t0 = performance.now();
const gazetteer = await gazetteerFromStore(store);
const gazMs = performance.now() - t0;
await store.close();

/**
 * Runs fn over the articles for at least minMs. Throughput is per CPU-second of this (single-threaded)
 * process, so a busy machine does not understate it; wall-clock throughput is printed beside it.
 */
function measure(label: string, fn: (text: string) => unknown, minMs = 2000) {
  for (const t of texts) fn(t); // warm-up
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < minMs) for (const t of texts) (fn(t), n++);
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { label, perSecond: (n / cpuMs) * 1000, wallPerSecond: (n / wallMs) * 1000, msPerArticle: cpuMs / n, n };
}

const words = texts.reduce((a, t) => a + t.split(/\s+/).length, 0) / texts.length;
const rows = [
  measure("baseline: parse + split sentences", (t) => splitSentences(parseTextArticle(t).body)),
  measure("full pipeline (summary, entities, relations, facts)", (t) => analyseArticle(parseTextArticle(t), gazetteer)),
];
console.log(`news pipeline on one core: ${texts.length} distinct articles (${Math.round(words)} words on average), gazetteer of ${gazetteer.size} names built in ${gazMs.toFixed(0)} ms`);
console.log(`${"what".padEnd(54)} ${"articles/s".padStart(11)} ${"(wall)".padStart(8)} ${"ms/article".padStart(11)} ${"runs".padStart(7)}`);
for (const r of rows) console.log(`${r.label.padEnd(54)} ${r.perSecond.toFixed(0).padStart(11)} ${r.wallPerSecond.toFixed(0).padStart(8)} ${r.msPerArticle.toFixed(2).padStart(11)} ${String(r.n).padStart(7)}`);
console.log("articles/s: per CPU-second of this one thread (= one core); (wall): per elapsed second, lower when the machine is busy");
console.log(`target: >= 50 articles/s — ${rows[1].perSecond >= 50 ? "met" : "NOT met"}`);
