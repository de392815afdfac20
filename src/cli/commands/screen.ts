/**
 * Screening commands: `screen` (one party), `screen-file` (a portfolio, all cores, resumable), `compare`
 * and `compare-file` (the pair scorer alone, for testing names and for labelled pair sets).
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { stringify } from "csv-stringify/sync";
import { writeFileSync } from "node:fs";
import { printJson, UserError, type CliContext } from "../context.js";
import { MatchIndex, storeRecords } from "../../match/index.js";
import { compareNames } from "../../match/score-names.js";
import { readRows, screenFile, type BatchColumns } from "../../match/batch.js";
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
    .description("Screen every row of a CSV or XLSX file on all cores; resumable (re-run the same command after a kill)")
    .argument("<input>", "CSV or XLSX file with a header row")
    .requiredOption("-o, --output <file>", "output CSV: the input columns plus match, best_score, best_id, best_name, best_lists, hits")
    .option("--name-column <col>", "column holding the name (default: name, full_name, company or party)")
    .option("--type-column <col>", "column holding the type")
    .option("--country-column <col>", "column holding countries")
    .option("--dob-column <col>", "column holding birth dates")
    .option("--id-column <col>", "column holding identifiers")
    .option("--type <type>", "type of every row when there is no type column")
    .option("--threshold <score>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option("--hits <n>", "hits listed per row", "3")
    .option("--workers <n>", "worker threads (default: all cores)")
    .action(async (input: string, o: { output: string; nameColumn?: string; typeColumn?: string; countryColumn?: string; dobColumn?: string; idColumn?: string; type?: string; threshold?: string; hits: string; workers?: string }) => {
      if (!existsSync(input)) throw new UserError(`input file not found: ${input}`);
      const threshold = parseThreshold(o.threshold);
      const { columns } = readRows(input);
      const pick = (given: string | undefined, guesses: string[], what: string, required: boolean) => {
        if (given) {
          if (!columns.includes(given)) throw new UserError(`${input}: no column "${given}" for ${what} (columns: ${columns.join(", ")})`);
          return given;
        }
        const found = guesses.map((g) => columns.find((c) => c.toLowerCase() === g)).find(Boolean);
        if (!found && required) throw new UserError(`${input}: cannot tell which column holds the ${what}; pass --name-column (columns: ${columns.join(", ")})`);
        return found;
      };
      const cols: BatchColumns = {
        name: pick(o.nameColumn, ["name", "full_name", "fullname", "company", "company_name", "party", "entity", "customer"], "name", true)!,
        type: pick(o.typeColumn, ["type", "schema", "entity_type"], "type", false),
        country: pick(o.countryColumn, ["country", "countries", "nationality", "jurisdiction"], "country", false),
        dob: pick(o.dobColumn, ["dob", "date_of_birth", "birth_date", "birthdate"], "birth date", false),
        id: pick(o.idColumn, ["id_number", "identifier", "identifiers", "inn", "ogrn", "registration_number"], "identifier", false),
      };
      const workers = o.workers ? Number(o.workers) : undefined;
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UserError(`--workers must be a positive whole number, got "${o.workers}"`);
      const records = await storeRecords(await ctx.store());
      const bar = process.stderr.isTTY ? new SingleBar({ format: "screening [{bar}] {percentage}% {value}/{total} rows, eta {eta_formatted}", hideCursor: true }, Presets.shades_classic) : undefined;
      let started = false;
      const result = await screenFile({
        input, output: o.output, columns: cols, type: o.type, threshold, hitsPerRow: Number(o.hits) || 3, workers, records,
        onProgress: (done, total) => {
          if (!bar) return;
          if (!started) {
            bar.start(total, done);
            started = true;
          } else bar.update(done);
        },
      });
      bar?.stop();
      const rate = result.seconds > 0 ? Math.round(result.screened / result.seconds) : result.screened;
      process.stderr.write(
        `screened ${result.screened} of ${result.total} rows${result.resumedFrom ? ` (resumed after row ${result.resumedFrom})` : ""} in ${result.seconds.toFixed(1)} s (${rate} rows/s): ${result.matches} with a match → ${o.output}\n`,
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
    .description("Score every pair of a CSV with columns schema,name1,name2; writes the rows with score and match added")
    .argument("<pairs>", "CSV with at least the columns schema, name1, name2")
    .requiredOption("-o, --output <file>", "output CSV")
    .option("--threshold <score>", `match threshold (default ${DEFAULT_THRESHOLD})`)
    .action((pairs: string, o: { output: string; threshold?: string }) => {
      if (!existsSync(pairs)) throw new UserError(`input file not found: ${pairs}`);
      const threshold = parseThreshold(o.threshold);
      const { columns, rows } = readRows(pairs);
      for (const c of ["name1", "name2"]) if (!columns.includes(c)) throw new UserError(`${pairs}: missing column "${c}" (columns: ${columns.join(", ")})`);
      const outColumns = [...columns.filter((c) => c !== "score" && c !== "match"), "score", "match"];
      const out: string[][] = [outColumns];
      let matches = 0;
      rows.forEach((row) => {
        const schema = row.schema?.trim() || undefined;
        const r = row.name1?.trim() && row.name2?.trim() ? compareNames(row.name1, row.name2, { schema, threshold }) : undefined;
        if (r?.match) matches++;
        out.push([...outColumns.slice(0, -2).map((c) => row[c] ?? ""), r ? r.score.toFixed(3) : "", r ? String(r.match) : "false"]);
      });
      writeFileSync(o.output, stringify(out));
      process.stderr.write(`scored ${rows.length} pairs: ${matches} match(es) at threshold ${threshold} (${MATCH_ALGORITHM}) → ${o.output}\n`);
    });
}
