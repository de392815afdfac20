/**
 * `npm run eval:news`: precision and recall of news extraction on the seed articles (../shared/corpus) and on
 * the project's own fixture articles (test/fixtures/news), per article and overall, with the demo knowledge
 * base loaded and with an empty one (every party then has to be found by the rules).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/store/open.js";
import { parseTextArticle } from "../src/news/article.js";
import { analyseArticle } from "../src/news/pipeline.js";
import { gazetteerFromStore, lexiconGazetteer, type Gazetteer } from "../src/news/gazetteer.js";
import { f1, precision, recall, scoreArticle, total, type ArticleScore, type Gold } from "./eval-news-lib.js";

const SHARED = join(import.meta.dirname, "..", "..", "shared", "corpus");
const FIXTURES = join(import.meta.dirname, "..", "test", "fixtures", "news");
/** articles written after the rules, never used to tune them: the honest estimate for unseen articles */
const HELDOUT = join(FIXTURES, "heldout");
/** round 3's held-out set, written (with gold) before round 3's rules and measured once before them */
const HELDOUT2 = join(FIXTURES, "heldout2");
/** round 4's held-out set: five articles written (with gold) before round 4's rules and measured once before them */
const HELDOUT3 = join(FIXTURES, "heldout3");
/** `npm run eval:news -- --misses`: list each article's missed and spurious relations and facts */
const SHOW_MISSES = process.argv.includes("--misses");

interface Corpus {
  name: string;
  articles: Array<{ text: string; gold: Gold }>;
}

function loadCorpora(): Corpus[] {
  const out: Corpus[] = [];
  if (existsSync(join(SHARED, "seeds-gold"))) {
    const articles = readdirSync(join(SHARED, "seeds-gold")).filter((f) => f.endsWith(".json")).sort().map((f) => {
      const gold = JSON.parse(readFileSync(join(SHARED, "seeds-gold", f), "utf8")) as Gold;
      return { gold, text: readFileSync(join(SHARED, "seeds", gold.file), "utf8") };
    });
    out.push({ name: "seed articles (../shared/corpus)", articles });
  } else console.log("../shared/corpus is absent: seed articles skipped");
  if (existsSync(FIXTURES)) {
    const articles = readdirSync(FIXTURES).filter((f) => f.endsWith(".gold.json")).sort().map((f) => {
      const gold = JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as Gold;
      return { gold, text: readFileSync(join(FIXTURES, gold.file), "utf8") };
    });
    if (articles.length) out.push({ name: "own fixture articles (test/fixtures/news)", articles });
  }
  const heldout = goldIn(HELDOUT);
  if (heldout.length) out.push({ name: "HELD-OUT articles (test/fixtures/news/heldout)", articles: heldout });
  const heldout2 = goldIn(HELDOUT2);
  if (heldout2.length) out.push({ name: "HELD-OUT round 3 articles (test/fixtures/news/heldout2)", articles: heldout2 });
  const heldout3 = goldIn(HELDOUT3);
  if (heldout3.length) out.push({ name: "HELD-OUT round 4 articles (test/fixtures/news/heldout3)", articles: heldout3 });
  return out;
}

function goldIn(dir: string): Corpus["articles"] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".gold.json")).sort().map((f) => {
    const gold = JSON.parse(readFileSync(join(dir, f), "utf8")) as Gold;
    return { gold, text: readFileSync(join(dir, gold.file), "utf8") };
  });
}

const pct = (x: number) => x.toFixed(2);
const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + " ".repeat(n - s.length));

function table(scores: ArticleScore[]): string {
  const head = `${pad("article", 26)} ${pad("ent P", 6)} ${pad("ent R", 6)} ${pad("rel P", 6)} ${pad("rel R", 6)} ${pad("rel F1", 6)} ${pad("+stat F1", 8)} ${pad("fact P", 6)} ${pad("fact R", 6)} summary  furniture`;
  const rows = scores.map((s) =>
    `${pad(s.file, 26)} ${pad(pct(precision(s.entities)), 6)} ${pad(pct(recall(s.entities)), 6)} ${pad(pct(precision(s.relations)), 6)} ${pad(pct(recall(s.relations)), 6)} ${pad(pct(f1(s.relations)), 6)} ${pad(pct(f1(s.relationsWithStatus)), 8)} ${pad(pct(precision(s.facts)), 6)} ${pad(pct(recall(s.facts)), 6)} ${pad(`${s.summaryMentions.found}/${s.summaryMentions.required}`, 8)} ${s.furnitureLeaks.length ? `LEAK: ${s.furnitureLeaks.join("; ")}` : "none"}` +
    (s.summaryMentions.missing.length ? `\n${" ".repeat(27)}summary misses: ${s.summaryMentions.missing.join(", ")}` : "") +
    (SHOW_MISSES ? s.misses.map((m) => `\n${" ".repeat(27)}${m}`).join("") : ""));
  const t = total(scores);
  const overall = `${pad("OVERALL", 26)} ${pad(pct(precision(t.entities)), 6)} ${pad(pct(recall(t.entities)), 6)} ${pad(pct(precision(t.relations)), 6)} ${pad(pct(recall(t.relations)), 6)} ${pad(pct(f1(t.relations)), 6)} ${pad(pct(f1(t.relationsWithStatus)), 8)} ${pad(pct(precision(t.facts)), 6)} ${pad(pct(recall(t.facts)), 6)} ${pad(`${t.summary.found}/${t.summary.required}`, 8)} ${t.leaks.length ? `LEAKS: ${t.leaks.length}` : "none"}`;
  return [head, "-".repeat(head.length), ...rows, "-".repeat(head.length), overall].join("\n");
}

function run(corpus: Corpus, gazetteer: Gazetteer): ArticleScore[] {
  return corpus.articles.map(({ text, gold }) => scoreArticle(analyseArticle(parseTextArticle(text), gazetteer), gold));
}

const store = await openStore({ db: ":memory:", demo: true });
const withKb = await gazetteerFromStore(store);
await store.close();
const bare = lexiconGazetteer();
const corpora = loadCorpora();
if (!corpora.length) {
  console.log("no corpus to evaluate");
  process.exit(0);
}
for (const corpus of corpora) {
  for (const [label, g] of [["demo knowledge base", withKb], ["no knowledge base (rules and lexicon only)", bare]] as const) {
    console.log(`\n${corpus.name} — ${label}`);
    console.log(table(run(corpus, g)));
  }
}
console.log("\ntargets on the seeds: entity recall >= 0.90, relation F1 >= 0.70, fact recall >= 0.90, no furniture in any summary");
