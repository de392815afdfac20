/** News commands: `news ingest|list`, `review list|accept|reject`, `watch add|list|remove`, `alerts` (src/news). */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { printJson, UserError, type CliContext } from "../context.js";
import type { NewsResult } from "../../model/news.js";
import { readInputs } from "../../news/inputs.js";
import { forgetGazetteer, ingestArticle, listDocuments } from "../../news/ingest.js";
import { acceptItems, listReview, rejectItems, ReviewError } from "../../news/review.js";
import { addWatch, listWatch, removeWatch } from "../../news/watch.js";
import { listAlerts } from "../../news/alerts.js";
import { normaliseDate } from "../../news/article.js";

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UserError(`${flag} must be a whole number from 1 to 50, not "${value}"`);
  return n;
}

function threshold(value: string | boolean | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 0.85;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UserError(`--auto-accept must be a confidence from 0 to 1, not "${value}"`);
  return n;
}

/** The output contract of `news ingest --json` (plus the stored document's id and duplicate flag). */
function contract(r: NewsResult) {
  return {
    title: r.title,
    date: r.date,
    url: r.url ?? null,
    publisher: r.publisher ?? null,
    documentId: r.documentId,
    duplicateOf: r.duplicateOf ?? null,
    summary: r.summary,
    entities: r.entities.map((e) => ({ name: e.name, type: e.type, id: e.id, mentions: e.mentions, country: e.country ?? null, confidence: e.confidence })),
    relations: r.relations.map((x) => ({ type: x.type, subject: x.subject, object: x.object, status: x.status, date: x.date, percentage: x.percentage, what: x.what ?? null, evidence: x.evidence, span: x.span, confidence: x.confidence })),
    facts: r.facts.map((f) => ({ metric: f.metric, subject: f.subject, value: f.value, unit: f.unit, period: f.period, status: f.status, evidence: f.evidence, span: f.span, confidence: f.confidence })),
    alerts: (r.alerts ?? []).map((a) => ({ kind: a.kind, entity: a.entityName, message: a.message })),
  };
}

function render(r: NewsResult, origin: string): string {
  const lines = [`${r.title ?? "(untitled)"}${r.date ? ` — ${r.date}` : ""}   [${origin}]`];
  if (r.duplicateOf) lines.push(`  already ingested as ${r.duplicateOf}: nothing queued`);
  lines.push("  Summary:", ...r.summary.map((s) => `   • ${s}`));
  lines.push(`  Entities (${r.entities.length}): ${r.entities.map((e) => `${e.name} [${e.type}${e.id ? ` = ${e.id}` : ", new"}]`).join("; ")}`);
  if (r.relations.length) lines.push("  Relations:", ...r.relations.map((x) => `   ${x.type} ${x.subject} -> ${x.object} (${x.status}${x.date ? `, ${x.date}` : ""}${x.percentage != null ? `, ${x.percentage}%` : ""})\n      “${x.evidence}”`));
  if (r.facts.length) lines.push("  Facts:", ...r.facts.map((f) => `   ${f.metric} ${f.subject} = ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.period ? ` (${f.period})` : ""} [${f.status}]\n      “${f.evidence}”`));
  for (const a of r.alerts ?? []) lines.push(`  ALERT ${a.kind}: ${a.message}`);
  return lines.join("\n") + "\n";
}

async function reviewErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ReviewError) throw new UserError(err.message);
    throw err;
  }
}

export function registerNews(program: Command, ctx: CliContext): void {
  const news = program.command("news").description("read news articles: summary, entities, relations and facts with their evidence");
  news
    .command("ingest")
    .argument("<input>", "an article file (text or HTML), a folder of them, a URL, or an RSS/Atom feed (file or URL)")
    .option("--json", "print the output contract as JSON (an array when the input holds several articles)")
    .option("--sentences <n>", "sentences in the summary", "3")
    .option("--auto-accept [confidence]", "accept extracted items at or above this confidence into the graph (default 0.85)")
    .option("--date <date>", "the article's date when it states none (resolves relative dates), YYYY-MM-DD")
    .description("ingest articles: summarise, extract with evidence, queue for review, raise alerts")
    .action(async (input: string, opts: { json?: boolean; sentences: string; autoAccept?: string | boolean; date?: string }) => {
      const sentences = positiveInt(opts.sentences, "--sentences");
      const autoAccept = threshold(opts.autoAccept);
      const date = opts.date ? normaliseDate(opts.date) : null;
      if (opts.date && !date) throw new UserError(`--date must be a date as YYYY-MM-DD, not "${opts.date}"`);
      if (!/^https?:\/\//i.test(input) && !existsSync(input)) throw new UserError(`news ingest: no such file or folder: ${input}`);
      const inputs = await readInputs(input).catch((err: Error & { code?: string }) => {
        if (err.code === "FETCH_FAILED") throw new UserError(err.message);
        throw err;
      });
      const usable = inputs.filter((i) => i.article.body.trim());
      if (!usable.length) throw new UserError(`news ingest: no article text found in ${input}`);
      for (const skipped of inputs.filter((i) => !i.article.body.trim())) process.stderr.write(`autorisk: skipped ${skipped.origin}: no article text\n`);
      const store = await ctx.store();
      const results: Array<{ origin: string; result: NewsResult }> = [];
      for (const { origin, article } of usable) {
        results.push({ origin, result: await ingestArticle(store, article, { sentences, autoAccept, date, origin }) });
      }
      if (opts.json) printJson(results.length === 1 && !/^https?:.*(?:rss|feed|atom)/i.test(input) && inputs.length === 1 ? contract(results[0].result) : results.map((r) => contract(r.result)));
      else {
        for (const r of results) process.stdout.write(render(r.result, r.origin) + "\n");
        const queued = results.filter((r) => !r.result.duplicateOf).length;
        process.stdout.write(`${results.length} article(s), ${queued} new; see \`autorisk review list\`\n`);
      }
    });

  news
    .command("list")
    .option("--json", "print JSON")
    .option("--limit <n>", "how many", "50")
    .description("ingested articles, newest first")
    .action(async (opts: { json?: boolean; limit: string }) => {
      const docs = await listDocuments(await ctx.store(), Number(opts.limit) || 50);
      if (opts.json) printJson(docs);
      else process.stdout.write(docs.map((d) => `${d.id}  ${d.published ?? "          "}  ${d.title ?? "(untitled)"}${d.url ? `  <${d.url}>` : ""}`).join("\n") + (docs.length ? "\n" : "no articles ingested yet\n"));
    });

  const review = program.command("review").description("the review queue of items extracted from news");
  review
    .command("list")
    .option("--status <status>", "pending, accepted, rejected or all", "pending")
    .option("--document <id>", "only items of this document")
    .option("--kind <kind>", "entity, relation or fact")
    .option("--json", "print JSON")
    .description("items waiting for review (or decided ones)")
    .action(async (opts: { status: string; document?: string; kind?: string; json?: boolean }) => {
      if (!["pending", "accepted", "rejected", "all"].includes(opts.status)) throw new UserError(`--status must be pending, accepted, rejected or all, not "${opts.status}"`);
      if (opts.kind && !["entity", "relation", "fact"].includes(opts.kind)) throw new UserError(`--kind must be entity, relation or fact, not "${opts.kind}"`);
      const items = await listReview(await ctx.store(), { status: opts.status, documentId: opts.document, kind: opts.kind });
      if (opts.json) printJson(items);
      else {
        for (const i of items) {
          const evidence = "evidence" in i.payload ? `\n      “${i.payload.evidence}”` : "";
          process.stdout.write(`${i.id}  ${i.status.padEnd(8)} ${i.confidence.toFixed(2)}  ${i.kind.padEnd(8)} ${i.label}${evidence}\n`);
        }
        process.stdout.write(`${items.length} item(s)\n`);
      }
    });
  review
    .command("accept")
    .argument("[ids...]", "review item ids")
    .option("--all", "every pending item")
    .option("--min-confidence <c>", "with --all: only items at or above this confidence")
    .option("--document <id>", "with --all: only items of this document")
    .option("--json", "print JSON")
    .description("accept items: they enter the graph with the article as source and the evidence sentence")
    .action(async (ids: string[], opts: { all?: boolean; minConfidence?: string; document?: string; json?: boolean }) => {
      const store = await ctx.store();
      let chosen = ids;
      if (opts.all) {
        const min = opts.minConfidence === undefined ? 0 : Number(opts.minConfidence);
        if (!Number.isFinite(min) || min < 0 || min > 1) throw new UserError(`--min-confidence must be from 0 to 1, not "${opts.minConfidence}"`);
        chosen = (await listReview(store, { status: "pending", documentId: opts.document })).filter((i) => i.confidence >= min).map((i) => i.id);
      }
      if (!chosen.length) throw new UserError("review accept: give item ids or --all (see `autorisk review list`)");
      const d = await reviewErrors(() => acceptItems(store, chosen));
      forgetGazetteer(store);
      if (opts.json) printJson(d);
      else process.stdout.write(`accepted ${d.accepted.length} item(s): wrote ${d.written.entities} entities, ${d.written.relations} relations, ${d.written.facts} facts\n`);
    });
  review
    .command("reject")
    .argument("<ids...>", "review item ids")
    .option("--json", "print JSON")
    .description("reject items: they never enter the graph")
    .action(async (ids: string[], opts: { json?: boolean }) => {
      const d = await reviewErrors(async () => rejectItems(await ctx.store(), ids));
      if (opts.json) printJson(d);
      else process.stdout.write(`rejected ${d.rejected.length} item(s)\n`);
    });

  const watch = program.command("watch").description("parties to alert on when they are in the news");
  watch
    .command("add")
    .argument("<entity>", "an entity id or name (a name the store does not know is watched as written)")
    .option("--json", "print JSON")
    .action(async (ref: string, opts: { json?: boolean }) => {
      if (!ref.trim()) throw new UserError("watch add: give an entity id or name");
      const w = await addWatch(await ctx.store(), ref);
      if (opts.json) printJson(w);
      else process.stdout.write(`watching ${w.name}${w.entityId ? ` (${w.entityId})` : " (by name: not in the knowledge base)"}\n`);
    });
  watch
    .command("list")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const list = await listWatch(await ctx.store());
      if (opts.json) printJson(list);
      else process.stdout.write(list.length ? list.map((w) => `${w.id}  ${w.name}`).join("\n") + "\n" : "the watchlist is empty\n");
    });
  watch
    .command("remove")
    .argument("<entity>", "the watch id, entity id or name")
    .action(async (ref: string) => {
      const n = await removeWatch(await ctx.store(), ref);
      if (!n) throw new UserError(`watch remove: ${ref} is not on the watchlist`);
      process.stdout.write(`removed ${ref} from the watchlist\n`);
    });

  program
    .command("alerts")
    .option("--json", "print JSON")
    .option("--kind <kind>", "watched_mention, designation or certification_cancelled")
    .option("--limit <n>", "how many", "100")
    .description("alerts raised by ingested news: watched parties, designations, cancelled certifications")
    .action(async (opts: { json?: boolean; kind?: string; limit: string }) => {
      const alerts = await listAlerts(await ctx.store(), { kind: opts.kind, limit: Number(opts.limit) || 100 });
      if (opts.json) printJson(alerts);
      else process.stdout.write(alerts.length ? alerts.map((a) => `${a.createdAt.slice(0, 19)}  ${a.kind.padEnd(23)} ${a.message}${a.evidence ? `\n      “${a.evidence}”` : ""}`).join("\n") + "\n" : "no alerts\n");
    });
}
