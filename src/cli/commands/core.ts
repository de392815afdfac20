/** The foundation commands: init, import, export, entity, serve. */
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { printJson, UserError, type CliContext } from "../context.js";
import { importFile, type ImportFormat } from "../../store/import.js";
import { exportStore, type ExportFormat } from "../../store/export.js";
import { buildServer } from "../../api/server.js";
import { isIsoDay } from "../../model/dates.js";
import type { EntityDossier } from "../../model/schema.js";

export function registerCore(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .description("create or migrate the store, loading the demo knowledge base into an empty one")
    .action(async () => {
      const store = await ctx.store();
      const counts = await store.counts();
      console.log(`store ready: ${store.description}`);
      console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", "));
    });

  program
    .command("import")
    .argument("<file>", "interchange JSON Lines (.jsonl) or FollowTheMoney entities (.ftm.json)")
    .option("--format <format>", "jsonl or ftm (default: detected from the first line)")
    .description("import a file in one transaction: an invalid line imports nothing")
    .action(async (file: string, opts: { format?: string }) => {
      if (opts.format && opts.format !== "jsonl" && opts.format !== "ftm") throw new UserError(`--format must be jsonl or ftm, not "${opts.format}"`);
      const store = await ctx.store();
      const result = await importFile(store, file, { format: opts.format as ImportFormat | undefined });
      const c = result.counts;
      console.log(`imported ${file} (${result.format}): ${c.entities} entities, ${c.relations} relations, ${c.listings} sanctions, ${c.facts} facts, ${c.sources} sources${c.records ? `, ${c.records} other records` : ""}`);
    });

  program
    .command("export")
    .option("--format <format>", "jsonl (everything, lossless) or ftm (FollowTheMoney entities)", "jsonl")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .description("export the whole store")
    .action(async (opts: { format: string; output?: string }) => {
      if (opts.format !== "jsonl" && opts.format !== "ftm") throw new UserError(`--format must be jsonl or ftm, not "${opts.format}"`);
      const store = await ctx.store();
      const out = opts.output ? createWriteStream(opts.output) : process.stdout;
      const n = await exportStore(store, opts.format as ExportFormat, (line) => out.write(line));
      if (opts.output) {
        await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())));
        console.error(`exported ${n} lines to ${opts.output}`);
      }
    });

  program
    .command("entity")
    .argument("<id-or-name>", "an entity id, or a name in any script (КАМАЗ, KamAZ, 江淮)")
    .option("--as-of <date>", "only relations and listings valid on this date (YYYY-MM-DD)")
    .option("--json", "print JSON")
    .description("show an entity with its listings, relations, facts and sources")
    .action(async (idOrName: string, opts: { asOf?: string; json?: boolean }) => {
      if (opts.asOf && !isIsoDay(opts.asOf)) throw new UserError(`--as-of must be a date as YYYY-MM-DD, not "${opts.asOf}"`);
      const store = await ctx.store();
      const entity = await store.resolve(idOrName);
      if (!entity) throw new UserError(`no entity matches "${idOrName}" (try: autorisk entity KAMAZ)`);
      const dossier = (await store.dossier(entity.id, { asOf: opts.asOf }))!;
      if (opts.json) printJson(dossier);
      else console.log(renderDossier(dossier));
    });

  program
    .command("serve")
    .option("-p, --port <port>", "port to listen on (or PORT)", process.env.PORT ?? "8080")
    .option("--host <host>", "address to bind", process.env.HOST ?? "127.0.0.1")
    .description("start the HTTP API")
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, not "${opts.port}"`);
      const store = await ctx.store();
      const app = await buildServer({ store });
      const address = await app.listen({ port, host: opts.host }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "EADDRINUSE") throw new UserError(`port ${port} is already in use; choose another with --port`);
        throw err;
      });
      const counts = await store.counts();
      console.log(`autorisk is serving ${counts.entities} entities from ${store.description}`);
      console.log(`listening on ${address}  (try ${address}/search?q=kamaz)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await app.close();
    });
}

function renderDossier(d: EntityDossier): string {
  const e = d.entity;
  const lines = [`${e.name}  [${e.type}]  id: ${e.id}`];
  if (e.aliases.length) lines.push(`  aliases: ${e.aliases.join(", ")}`);
  if (e.countries.length) lines.push(`  countries: ${e.countries.join(", ")}`);
  const ids = Object.entries(e.identifiers);
  if (ids.length) lines.push(`  identifiers: ${ids.map(([k, v]) => `${k.toUpperCase()} ${v}`).join(", ")}`);
  if (d.listings.length) {
    lines.push("  sanctions:");
    for (const l of d.listings) lines.push(`    ${l.authority} ${l.program ?? ""}${l.listed ? ` listed ${l.listed}` : ""}${l.delisted ? ` delisted ${l.delisted}` : ""}${l.listEntryId ? ` (entry ${l.listEntryId})` : ""}`);
  }
  if (d.relations.length) {
    lines.push("  relations:");
    for (const r of d.relations) {
      const arrow = r.direction === "out" ? `${r.type} → ${r.other.name}` : `${r.other.name} → ${r.type} → (this)`;
      const extra = [r.percentage != null ? `${r.percentage}%` : "", r.what ?? "", r.status !== "confirmed" ? r.status : "", r.start ? `from ${r.start}` : "", r.end ? `until ${r.end}` : ""].filter(Boolean).join(", ");
      lines.push(`    ${arrow}${extra ? `  (${extra})` : ""}`);
    }
  }
  if (d.facts.length) {
    lines.push("  facts:");
    for (const f of d.facts) lines.push(`    ${f.metric} = ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.period ? ` (${f.period})` : ""}${f.status !== "confirmed" ? ` [${f.status}]` : ""}`);
  }
  if (d.sources.length) {
    lines.push("  sources:");
    for (const s of d.sources) lines.push(`    ${s.id}: ${[s.publisher, s.title, s.url].filter(Boolean).join(" · ")}`);
  }
  return lines.join("\n");
}
