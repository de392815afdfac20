/**
 * Screening commands: `screen` (one party), `screen-file` (a portfolio, all cores, resumable), `compare`
 * and `compare-file` (the pair scorer alone, for testing names and for labelled pair sets).
 */
import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { printJson, UserError, type CliContext } from "../context.js";
import { MatchIndex, storeRecords } from "../../match/index.js";
import { compareNames } from "../../match/score-names.js";
import { describePlan, prepareBatch, screenFile, type BatchColumns } from "../../match/batch.js";
import { compareFile } from "../../match/batch-compare.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "../../match/version.js";
import type { Hit } from "../../model/match.js";

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(/[;,]/).map((s) => s.trim()).filter(Boolean)];

function parseThreshold(value: string | undefined, fallback = DEFAULT_THRESHOLD): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UserError(`--threshold must be a number between 0 and 1, got "${value}"`);
  return n;
}

function describeHit(h: Hit): string {
  const lists = h.listings.map((l) => [l.authority, l.program, l.listEntryId ? `#${l.listEntryId}` : null, l.listed ? `since ${l.listed}` : null].filter(Boolean).join(" "));
  const lines = [`${h.match ? "MATCH " : "review"} ${h.score.toFixed(3)}  ${h.caption}  [${h.id}, ${h.type}]`];
  if (h.explanation.matchedName !== h.caption) lines.push(`    matched ${h.explanation.nameKind} "${h.explanation.matchedName}"`);
  lines.push(`    tokens: ${h.explanation.aligned.map((a) => `${a.query || "∅"}~${a.candidate || "∅"} ${a.method} ${a.score}`).join(" | ")}`);
  if (h.explanation.rules.length) lines.push(`    rules: ${h.explanation.rules.join(", ")}`);
  for (const f of h.explanation.fields) lines.push(`    ${f.field} ${f.effect}: ${f.query} vs ${f.candidate} (${f.delta >= 0 ? "+" : ""}${f.delta})`);
  for (const l of lists) lines.push(`    listed: ${l}`);
  if (h.listings[0]?.listVersion) lines.push(`    list version: ${h.listings[0].listVersion}${h.listings[0].listPublished ? ` (${h.listings[0].listPublished})` : ""}`);
  return lines.join("\n");
}

export function registerScreen(program: Command, ctx: CliContext): void {
  program
    .command("screen")
    .description("Screen one party against the active lists and the knowledge base, with explanations")
    .argument("<name>", "the party's name, in any script")
    .option("--type <type>", "Person, Company, Organization, PublicBody, Vessel, Aircraft")
    .option("--country <code>", "country (ISO code or name); repeatable", collect)
    .option("--dob <date>", "birth date YYYY[-MM[-DD]]; repeatable", collect)
    .option("--id <id>", "identifier, e.g. inn:1650032058 or a bare value; repeatable", collect)
    .option("--limit <n>", "at most this many hits", "10")
    .option("--threshold <score>", `a hit at or above this score is a match (default ${DEFAULT_THRESHOLD})`)
    .option("--json", "print the hits as JSON")
    .action(async (name: string, o: { type?: string; country?: string[]; dob?: string[]; id?: string[]; limit: string; threshold?: string; json?: boolean }) => {
      const threshold = parseThreshold(o.threshold);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError(`--limit must be a positive whole number, got "${o.limit}"`);
      const bad = (o.dob ?? []).find((d) => !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d));
      if (bad) throw new UserError(`--dob must be YYYY, YYYY-MM or YYYY-MM-DD, got "${bad}"`);
      const index = await MatchIndex.build(await ctx.store());
      const hits = index.screen({ names: [name], type: o.type, countries: o.country ?? [], birthDates: o.dob ?? [], identifiers: o.id ?? [] }, { limit, threshold });
      if (o.json) {
        printJson({ query: { name, type: o.type ?? null, countries: o.country ?? [], birthDates: o.dob ?? [], identifiers: o.id ?? [] }, algorithm: MATCH_ALGORITHM, threshold, indexed: index.size, hits });
        return;
      }
      if (hits.length === 0) {
        process.stdout.write(`no hits for "${name}" among ${index.size} parties (${MATCH_ALGORITHM}, threshold ${threshold})\n`);
        return;
      }
      process.stdout.write(`${hits.filter((h) => h.match).length} match(es) for "${name}" among ${index.size} parties (${MATCH_ALGORITHM}, threshold ${threshold})\n`);
      for (const h of hits) process.stdout.write(describeHit(h) + "\n");
    });

  program
    .command("screen-file")
    .description("Screen every row of a CSV, TSV, XLSX or ODS file on all cores; resumable (re-run the same command after a kill)")
    .argument("<input>", "CSV/TSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon, tab or pipe) or XLSX/XLS/ODS (first non-empty sheet), with a header row")
    .requiredOption("-o, --output <file>", "output CSV (UTF-8): every input row, in order, with all its columns, then the result columns below")
    .option("--name-column <col>", "column holding the name (default: found from the header, e.g. Name, Full Name, Company Name, Counterparty)")
    .option("--first-name-column <col>", "column holding first names (default: first_name, Given Name…); joined with middle and last names where the name is empty")
    .option("--middle-name-column <col>", "column holding middle names")
    .option("--last-name-column <col>", "column holding last names (default: last_name, Surname…)")
    .option("--type-column <col>", "column holding the type (default: Type, Entity Type, Schema…)")
    .option("--country-column <col>", "column holding countries; repeatable (default: every Country/Nationality/Jurisdiction-like column)", collect)
    .option("--dob-column <col>", "column holding birth dates (default: DOB, Date of Birth, Birth Date…)")
    .option("--id-column <col>", "column holding identifiers; repeatable (default: INN, OGRN, LEI, IMO… and ID/Identifier/Registration Number)", collect)
    .option("--type <type>", "type of rows without one: Person, Company, Organization, Vessel, Aircraft (or individual, entity, ship…)")
    .option("--threshold <score>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option("--hits <n>", "hits listed per row", "3")
    .option("--workers <n>", "worker threads (default: all cores)")
    .addHelpText(
      "after",
      `
Columns are found by their header, ignoring case, spaces and punctuation; the columns used are printed.
A name in first/middle/last columns is joined; such a row is screened as a person. Rows without a
name are written with screen_status no_name and not screened.

Values: types such as Person/Individual/P, Company/Entity, Organisation, Vessel/Ship, Aircraft or an FtM
schema; countries as ISO-2, ISO-3 or English names; several values in a cell separated by ";" or "|".
Birth dates as 1970-01-31, 31/01/1970, 31.01.1970, 31 Jan 1970, 1970-01 or 1970. Where day and month could
be swapped (01/02/1970) the DAY COMES FIRST (1 February 1970); month first only when the first number
cannot be a month (01/31/1970). Values that cannot be read are ignored and counted at the end.

Output columns after the input's (an input column with one of these names becomes input_<name>):
  match         true when best_score >= threshold
  listed        true when a hit at or above the threshold is on a list in force (a knowledge-base party
                without a listing can match, and is then not "listed")
  best_score    score of the best hit, 0..1
  best_id       its id (list entry, e.g. ofac-sdn:37756) and best_name its name
  best_lists    authority and program of each of its listings
  best_sources  list version and entry number of each listing (e.g. list:ofac-sdn:3 #37756)
  reason        names compared and the fields that agreed or contradicted
  hits          the best hits as "id name (score)"
  screen_status screened, no_name or error
  algorithm     the matcher version

The output appears when every row is done (written to OUTPUT.partial until then). After a kill or
Ctrl-C, the same command resumes from OUTPUT.checkpoint.json. Progress goes to stderr.`,
    )
    .action(async (input: string, o: { output: string; nameColumn?: string; firstNameColumn?: string; middleNameColumn?: string; lastNameColumn?: string; typeColumn?: string; countryColumn?: string[]; dobColumn?: string; idColumn?: string[]; type?: string; threshold?: string; hits: string; workers?: string }) => {
      const threshold = parseThreshold(o.threshold);
      const hits = Number(o.hits);
      if (!Number.isInteger(hits) || hits < 1) throw new UserError(`--hits must be a positive whole number, got "${o.hits}"`);
      const workers = o.workers ? Number(o.workers) : undefined;
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UserError(`--workers must be a positive whole number, got "${o.workers}"`);
      const columns: BatchColumns = {
        name: o.nameColumn, firstName: o.firstNameColumn, middleName: o.middleNameColumn, lastName: o.lastNameColumn, type: o.typeColumn,
        countries: o.countryColumn, dob: o.dobColumn, ids: o.idColumn?.map((column) => ({ column })),
      };
      // check the file and the columns before opening the store (a bad file fails in a second, not after loading lists)
      const prepared = await prepareBatch({ input, output: o.output, columns, type: o.type });
      const { table, plan } = prepared;
      process.stderr.write(`${input}: ${table.rowCount} rows, ${table.format}; ${describePlan(plan, table.columns).join(", ")}\n`);
      const store = await ctx.store();
      const records = await storeRecords(store);
      const progress = progressReporter();
      const abort = new AbortController();
      const onSigint = () => abort.abort(new UserError("interrupted", 130));
      process.once("SIGINT", onSigint);
      let result;
      try {
        result = await screenFile({
          input, output: o.output, columns, type: o.type, threshold, hitsPerRow: hits, workers, records,
          recordsVersion: String(await store.revision()), onProgress: progress.update, signal: abort.signal, prepared,
        });
      } catch (err) {
        progress.stop();
        if (abort.signal.aborted) throw new UserError(`interrupted; the rows done so far are kept in ${o.output}.partial: run the same command again to resume`, 130);
        throw err;
      } finally {
        process.off("SIGINT", onSigint);
      }
      progress.stop();
      for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      const rate = result.seconds > 0 ? Math.round(result.screened / result.seconds) : result.screened;
      process.stderr.write(
        `screened ${result.screened} of ${result.total} rows${result.resumedFrom ? ` (resumed after row ${result.resumedFrom})` : ""} in ${result.seconds.toFixed(1)} s (${rate} rows/s): ` +
          `${result.matches} with a match${result.noName ? `, ${result.noName} without a name (not screened)` : ""} → ${o.output}\n`,
      );
    });

  program
    .command("compare")
    .description("Score two names against each other (the pair scorer alone) and explain the score")
    .argument("<name1>")
    .argument("<name2>")
    .option("--type <type>", "Person, Company, Organization, Vessel… (persons get name-order and initials rules)")
    .option("--threshold <score>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option("--json", "print the result as JSON")
    .action((name1: string, name2: string, o: { type?: string; threshold?: string; json?: boolean }) => {
      const r = compareNames(name1, name2, { schema: o.type, threshold: parseThreshold(o.threshold) });
      if (o.json) return printJson(r);
      process.stdout.write(`${r.score.toFixed(3)} ${r.match ? "match" : "no match"} (threshold ${r.threshold}, ${r.algorithm})\n`);
      for (const a of r.aligned) process.stdout.write(`  ${(a.query || "∅").padEnd(24)} ${(a.candidate || "∅").padEnd(24)} ${a.method.padEnd(20)} ${a.score}\n`);
      if (r.rules.length) process.stdout.write(`  rules: ${r.rules.join(", ")}\n`);
    });

  program
    .command("compare-file")
    .description("Score every pair of a CSV or workbook with columns name1, name2 (and schema); writes every row with score and match added")
    .argument("<pairs>", "CSV/TSV or XLSX/ODS with a header row; at least two name columns (name1/name2, Name 1/Name 2, name_a/name_b…)")
    .requiredOption("-o, --output <file>", "output CSV: every input row with all its columns, then score and match (an input column score or match becomes input_score, input_match)")
    .option("--schema <schema>", "schema of pairs without a schema column or value: Person, Company, Organization, Vessel… (default LegalEntity)")
    .option("--name1-column <col>", "column holding the first names")
    .option("--name2-column <col>", "column holding the second names")
    .option("--schema-column <col>", "column holding the schema (default: schema, type…)")
    .option("--threshold <score>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .action(async (pairs: string, o: { output: string; schema?: string; name1Column?: string; name2Column?: string; schemaColumn?: string; threshold?: string }) => {
      const threshold = parseThreshold(o.threshold);
      const r = await compareFile({ input: pairs, output: o.output, threshold, schema: o.schema, columns: { name1: o.name1Column, name2: o.name2Column, schema: o.schemaColumn } });
      if (r.unknownSchemas.length) process.stderr.write(`note: schema values not understood, scored as LegalEntity: ${r.unknownSchemas.slice(0, 5).map((s) => `"${s}"`).join(", ")}\n`);
      const rate = r.seconds > 0 ? Math.round(r.total / r.seconds) : r.total;
      process.stderr.write(
        `scored ${r.total - r.skipped} pairs${r.skipped ? ` (${r.skipped} with a name missing: not scored)` : ""} in ${r.seconds.toFixed(1)} s (${rate} pairs/s): ${r.matches} match(es) at threshold ${threshold} (${MATCH_ALGORITHM}) → ${o.output}\n`,
      );
    });
}

/** Progress on stderr: a bar on a terminal; in a log (not a TTY), a line at every tenth of the way. */
function progressReporter(): { update: (done: number, total: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: "screening [{bar}] {percentage}% {value}/{total} rows, eta {eta_formatted}", hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    let started = false;
    return {
      update: (done, total) => {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total) => {
      const tenth = total ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth && tenth < 10) process.stderr.write(`screening: ${done}/${total} rows (${tenth * 10}%)\n`);
      lastTenth = Math.max(lastTenth, tenth);
    },
    stop: () => undefined,
  };
}
