/** Official list commands: `lists update`, `lists status`, `lists diff`, `lists versions`, `lists prune` (src/lists). */
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { printJson, UserError, type CliContext } from "../context.js";
import { LIST_SOURCES, type ListSourceId } from "../../model/lists.js";
import { ListFileError } from "../../lists/common.js";
import { detectFormat, guessSource } from "../../lists/formats.js";
import { importListFile, ListGuardError, type ImportResult } from "../../lists/import.js";
import { FetchError, fetchList } from "../../lists/fetch.js";
import { diffVersions } from "../../lists/diff.js";
import { allStatus, listVersions, logImport, prune } from "../../lists/versions.js";

/** Sources `lists update --source all` fetches (FtM has no single official URL). */
const FETCHED: ListSourceId[] = ["ofac-sdn", "ofac-cons", "eu", "uk", "un"];

function sourceArg(value: string, allowAll: boolean): ListSourceId | "all" {
  if (allowAll && value === "all") return "all";
  if ((LIST_SOURCES as readonly string[]).includes(value)) return value as ListSourceId;
  throw new UserError(`unknown list source "${value}": expected one of ${[...LIST_SOURCES, ...(allowAll ? ["all"] : [])].join(", ")}`);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** A progress bar on a terminal; nothing (only the final summary line) when output is not a TTY. */
function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: (_b: number, _t: number, _r: number) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {mb} | {records} records`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(bytes: number, total: number, records: number) {
      if (!started) {
        bar.start(Math.max(total, 1), 0, { mb: mb(0), records: 0 });
        started = true;
      }
      bar.update(bytes, { mb: `${mb(bytes)}/${mb(total)}`, records });
    },
    stop: () => started && bar.stop(),
  };
}

function summary(r: ImportResult): string {
  const v = r.version;
  if (r.status === "unchanged") return `${r.source}: ${r.notes[0]}`;
  const p = r.projection;
  const parts = [
    `${r.source}: imported ${v.id}, ${v.recordCount} records`,
    v.published ? `published ${v.published}` : "no publication date in the file",
    `sha256 ${v.contentHash.slice(0, 12)}…`,
    p ? `${p.entities} entries written to the graph${v.recordCount > p.entities ? ` (${v.recordCount - p.entities} unchanged)` : ""}, ${p.listings} listings${p.twinListings ? ` (+${p.twinListings} on knowledge-base entities)` : ""}, ${p.relations} links${p.delisted ? `, ${p.delisted} listings delisted` : ""}` : "",
    r.previous ? `replaces ${r.previous.id} (${r.previous.recordCount} records)` : "first version",
    `${r.seconds.toFixed(1)} s`,
  ].filter(Boolean);
  return parts.join("; ") + (v.partial ? "\n  PARTIAL LIST: " + v.notes[0] : "") + v.notes.slice(v.partial ? 1 : 0).map((n) => `\n  note: ${n}`).join("");
}

export function registerLists(program: Command, ctx: CliContext): void {
  const lists = program.command("lists").description("official sanctions lists (OFAC, EU, UK, UN, FtM): import, versions, status, diff");

  lists
    .command("update")
    .description("fetch a list from its publisher (or read --file) and import it as a new version")
    .option("--source <source>", `ofac-sdn | ofac-cons | eu | uk | un | ftm | all (default: all, or detected from --file)`)
    .option("--file <path>", "read this local file instead of downloading (for OFAC CSV, alt.csv/add.csv beside sdn.csv are read too)")
    .option("--force", "switch even if the new version has far fewer records than the active one")
    .option("--json", "print the import results as JSON")
    .action(async (opts: { source?: string; file?: string; force?: boolean; json?: boolean }) => {
      const store = await ctx.store();
      let jobs: Array<{ source: ListSourceId; file?: string }>;
      if (opts.file) {
        let source: ListSourceId;
        if (opts.source) {
          const s = sourceArg(opts.source, false);
          source = s as ListSourceId;
        } else {
          try {
            source = guessSource(detectFormat(opts.file), opts.file);
          } catch (err) {
            if (err instanceof ListFileError) throw new UserError(err.message);
            throw err;
          }
        }
        jobs = [{ source, file: opts.file }];
      } else {
        const s = sourceArg(opts.source ?? "all", true);
        jobs = (s === "all" ? FETCHED : [s]).map((source) => ({ source }));
      }
      const results: ImportResult[] = [];
      const failures: string[] = [];
      for (const job of jobs) {
        const bar = progressBar(job.source);
        try {
          let file = job.file;
          let url: string | undefined;
          if (!file) {
            const fetched = await fetchList(job.source, (b, t) => bar.update(b, t, 0));
            file = fetched.file;
            url = fetched.url;
          }
          const r = await importListFile(store, { source: job.source, file, url, force: opts.force, onProgress: (p) => bar.update(p.bytes, p.totalBytes, p.records) });
          bar.stop();
          results.push(r);
          if (!opts.json) process.stdout.write(summary(r) + "\n");
        } catch (err) {
          bar.stop();
          if (err instanceof FetchError) await logImport(store.sql, job.source, false, undefined, err.message);
          if (err instanceof ListFileError || err instanceof ListGuardError || err instanceof FetchError) {
            failures.push(`${job.source}: ${err.message}`);
            continue;
          }
          throw err;
        }
      }
      if (opts.json) printJson({ results, failures });
      if (failures.length) {
        const kept = failures.map((f) => f + "; the previous version stays active").join("\n  ");
        throw new UserError(failures.length === 1 ? kept : `${failures.length} list updates failed:\n  ${kept}`);
      }
    });

  lists
    .command("status")
    .description("each list's active version, publication date, record count and health")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const store = await ctx.store();
      const status = await allStatus(store.sql);
      if (opts.json) return printJson(status);
      const rows = status.map((s) => [
        s.source,
        s.active ? `${s.active.id}` : "-",
        s.active?.published ?? (s.active ? "(no date in file)" : "-"),
        s.active ? String(s.active.recordCount) : "-",
        s.active ? s.active.retrievedAt.slice(0, 16).replace("T", " ") : "-",
        s.health + (s.health === "failing" && s.lastAttempt ? `: ${s.lastAttempt.message}` : ""),
      ]);
      const head = ["source", "active version", "published", "records", "imported", "health"];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < 5 ? r[i].length : 0))));
      const line = (r: string[]) => r.map((c, i) => (i < 5 ? c.padEnd(widths[i]) : c)).join("  ");
      process.stdout.write([line(head), ...rows.map(line)].join("\n") + "\n");
    });

  lists
    .command("versions")
    .argument("<source>", "list source")
    .description("all stored versions of a list")
    .option("--json", "print JSON")
    .action(async (source: string, opts: { json?: boolean }) => {
      const s = sourceArg(source, false) as ListSourceId;
      const store = await ctx.store();
      const versions = await listVersions(store.sql, s);
      if (opts.json) return printJson(versions);
      if (versions.length === 0) return void process.stdout.write(`${s}: no versions yet\n`);
      for (const v of versions) {
        process.stdout.write(`${v.status === "active" ? "*" : " "} ${v.id}  ${v.published ?? "no date"}  ${v.recordCount} records  ${v.retrievedAt.slice(0, 19)}  ${v.files.join("+")}${v.partial ? "  (partial)" : ""}\n`);
      }
    });

  lists
    .command("diff")
    .argument("<source>", "list source")
    .option("--from <version>", "older version (number or id; default: the one before --to)")
    .option("--to <version>", "newer version (default: the active one)")
    .option("--json", "print JSON")
    .description("entries added, removed and changed between two versions of a list")
    .action(async (source: string, opts: { from?: string; to?: string; json?: boolean }) => {
      const s = sourceArg(source, false) as ListSourceId;
      const store = await ctx.store();
      let diff;
      try {
        diff = await diffVersions(store.sql, s, opts);
      } catch (err) {
        throw new UserError((err as Error).message);
      }
      if (opts.json) return printJson(diff);
      const out = [`${s}: ${diff.from.id} (${diff.from.recordCount}) -> ${diff.to.id} (${diff.to.recordCount}): ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`];
      for (const e of diff.added) out.push(`+ ${e.listId}  ${e.name}`);
      for (const e of diff.removed) out.push(`- ${e.listId}  ${e.name}`);
      for (const e of diff.changed) {
        out.push(`~ ${e.listId}  ${e.name}`);
        for (const c of e.changes ?? []) {
          for (const v of c.removed) out.push(`    ${c.field}: - ${v}`);
          for (const v of c.added) out.push(`    ${c.field}: + ${v}`);
        }
      }
      process.stdout.write(out.join("\n") + "\n");
    });

  lists
    .command("prune")
    .requiredOption("--keep <n>", "versions to keep per list (the active one is always kept)")
    .option("--source <source>", "only this list")
    .description("remove old list versions (their records); the graph keeps its listings and delistings")
    .action(async (opts: { keep: string; source?: string }) => {
      const keep = Number(opts.keep);
      if (!Number.isInteger(keep) || keep < 1) throw new UserError(`--keep must be a whole number of at least 1, not "${opts.keep}"`);
      const store = await ctx.store();
      const removed = await prune(store.sql, keep, opts.source ? (sourceArg(opts.source, false) as ListSourceId) : undefined);
      if (removed.length === 0) return void process.stdout.write("nothing to prune\n");
      for (const r of removed) process.stdout.write(`${r.source}: removed ${r.removed.join(", ")}\n`);
    });

}
