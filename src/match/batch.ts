/**
 * Batch screening of a portfolio file (CSV, TSV, XLSX, ODS) on every core, resumable after a kill.
 *
 * The main thread streams the input rows (batch-input.ts), turns each into a query (batch-columns.ts picks
 * the columns, batch-values.ts reads types, dates and countries), hands chunks to worker threads (each builds
 * its own MatchIndex from the same records: building takes a second, screening is then lock-free), and
 * appends finished rows in input order to OUT.partial. After each append it records in OUT.checkpoint.json
 * how many rows and bytes are safely there. When every row is written, OUT.partial becomes OUT in one rename
 * and the checkpoint goes: OUT is never half written. After a kill (or Ctrl-C), re-running the same command on
 * the same input with the same settings cuts OUT.partial back to the checkpoint (dropping any half-written
 * row) and resumes at the next row, so a killed run loses at most the chunks in flight.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { stringify } from "csv-stringify/sync";
import type { Entity, Listing, Source } from "../model/schema.js";
import type { Hit, ScreenQueryInput } from "../model/match.js";
import { InputError } from "../model/errors.js";
import { MATCH_ALGORITHM, DEFAULT_THRESHOLD } from "./version.js";
import { countryCode } from "./countries.js";
import { detectColumns, type BatchColumns, type ColumnPlan } from "./batch-columns.js";
import { cellValues, normaliseDate, normaliseType } from "./batch-values.js";
import { openTable, type Table } from "./batch-input.js";

export type { BatchColumns } from "./batch-columns.js";

export interface BatchOptions {
  input: string;
  output: string;
  /** columns named by the user; the others are found from the header */
  columns?: BatchColumns;
  /** type of every row that has no type of its own (Person, Company, "individual"…) */
  type?: string;
  threshold?: number;
  /** hits written per row */
  hitsPerRow?: number;
  workers?: number;
  records: { entities: Entity[]; listings: Listing[]; sources: Source[] };
  /** what the records are a snapshot of (e.g. the store revision): a resume against other records starts over */
  recordsVersion?: string;
  onProgress?: (done: number, total: number) => void;
  /** stops the run between chunks, keeping OUT.partial and its checkpoint for a resume */
  signal?: AbortSignal;
  /** prepareBatch's answer for these options, when the caller already has it (saves reading the input again) */
  prepared?: PreparedBatch;
}

export interface PreparedBatch {
  table: Table;
  plan: ColumnPlan;
  /** the default type, normalised */
  type?: string;
}

export interface BatchResult {
  total: number;
  screened: number;
  resumedFrom: number;
  matches: number;
  /** rows written without screening because they hold no name */
  noName: number;
  seconds: number;
  /** which column was read for what, as "name ← Full Name" */
  columnsUsed: string[];
  /** values that could not be read (an unknown type word, a date in no known form), with counts */
  notes: string[];
}

/** The columns screen-file adds after the input's own, in this order (documented in --help and README). */
export const RESULT_COLUMNS = ["match", "listed", "best_score", "best_id", "best_name", "best_lists", "best_sources", "reason", "hits", "screen_status", "algorithm"];

/** Counts of cell values that were not understood, reported once at the end instead of once per row. */
class ValueNotes {
  private readonly counts = new Map<string, Map<string, number>>();
  add(what: string, value: string): void {
    let m = this.counts.get(what);
    if (!m) this.counts.set(what, (m = new Map()));
    m.set(value, (m.get(value) ?? 0) + 1);
  }
  lines(): string[] {
    return [...this.counts].map(([what, m]) => {
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      const examples = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([v]) => `"${v}"`).join(", ");
      return `${total} ${what} not understood and ignored (e.g. ${examples})`;
    });
  }
}

/** One input row as a screening query; undefined when the row has no name (it is written, not screened). */
export function rowQuery(cells: string[], plan: ColumnPlan, defaultType?: string, notes?: ValueNotes): ScreenQueryInput | undefined {
  const at = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? "").trim());
  const parts = [at(plan.firstName), at(plan.middleName), at(plan.lastName)].filter(Boolean);
  const whole = at(plan.name).replace(/\s+/g, " ");
  const name = whole || parts.join(" ");
  if (!/[\p{L}\p{N}]/u.test(name)) return undefined;

  const typeCell = at(plan.type);
  let type = typeCell ? normaliseType(typeCell) : undefined;
  if (typeCell && !type) notes?.add("type values", typeCell);
  // a row whose name comes in first/last parts is a person's
  type ??= defaultType ?? (parts.length && (at(plan.firstName) || at(plan.lastName)) ? "Person" : undefined);

  const countries: string[] = [];
  for (const i of plan.countries) {
    for (const v of cellValues(cells[i])) {
      // "Korea, Republic of" is one country; "RU, BY" two
      const code = countryCode(v);
      const split = code ? [code] : v.split(",").map((p) => countryCode(p)).filter((c): c is string => !!c);
      if (split.length) countries.push(...split);
      else notes?.add("country values", v);
    }
  }
  const birthDates: string[] = [];
  for (const v of cellValues(at(plan.dob))) {
    const d = normaliseDate(v);
    if (d) birthDates.push(d);
    else notes?.add("birth dates", v);
  }
  const identifiers: string[] = [];
  for (const { index, kind } of plan.ids) {
    for (const v of cellValues(cells[index])) {
      const letters = v.replace(/[^0-9A-Za-z]/g, "");
      // a bare value from a generic ID column may be the customer's own reference ("C-17"): too short or
      // without a digit, it could only agree with a list identifier by accident
      if (!kind && (letters.length < 6 || !/\d/.test(letters))) continue;
      identifiers.push(kind ? `${kind}:${v}` : v);
    }
  }
  return { names: [name], type, countries: [...new Set(countries)], birthDates, identifiers };
}

/** The reason a hit scored as it did, in a line: the names compared and each field that moved the score. */
export function hitReason(hit: Hit): string {
  const e = hit.explanation;
  const parts = [`name ${e.nameScore.toFixed(2)}: "${e.queryName}" ~ ${e.nameKind === "name" ? "" : `${e.nameKind.replace("_", " ")} `}"${e.matchedName}"`];
  for (const f of e.fields) parts.push(`${f.field === "birthDate" ? "birth date" : f.field} ${f.effect} (${f.query}${f.effect === "contradicts" ? ` vs ${f.candidate}` : ""})`);
  if (e.rules.length) parts.push(`rules: ${e.rules.join(", ")}`);
  return parts.join("; ");
}

/** The result cells of one screened row (see RESULT_COLUMNS). */
export function resultCells(hits: Hit[], threshold: number): string[] {
  const best = hits[0];
  if (!best) return ["false", "false", "", "", "", "", "", `no candidate scored ${Math.max(0, threshold - 0.2).toFixed(2)} or more`, "", "screened", MATCH_ALGORITHM];
  const lists = [...new Set(best.listings.map((l) => [l.authority, l.program].filter(Boolean).join(" ")))].join("; ");
  const sources = [...new Set(best.listings.map((l) => [l.listVersion ?? l.authority, l.listEntryId ? `#${l.listEntryId}` : ""].filter(Boolean).join(" ")))].join("; ");
  // a match on a knowledge-base party is news about who the row is, not a listing: `listed` says whether any
  // match is on a list in force
  const listed = hits.some((h) => h.score >= threshold && h.listings.length > 0);
  return [
    String(best.score >= threshold),
    String(listed),
    best.score.toFixed(3),
    best.id,
    best.caption,
    lists || (best.origin === "kb" ? "knowledge base (not listed)" : ""),
    sources,
    hitReason(best),
    hits.map((h) => `${h.id} ${h.caption} (${h.score.toFixed(3)})`).join("; "),
    "screened",
    MATCH_ALGORITHM,
  ];
}

/** The result cells of a row that was not screened: no name, or a query the matcher refused. */
export function unscreenedCells(status: "no_name" | "error", reason: string): string[] {
  return ["false", "false", "", "", "", "", "", reason, "", status, MATCH_ALGORITHM];
}

/** Output header: the input's columns (renamed input_X where one is called like a result column), then ours. */
export function outputHeader(columns: string[], resultColumns: string[]): string[] {
  return [...columns.map((c) => (resultColumns.includes(c) ? `input_${c}` : c)), ...resultColumns];
}

interface Checkpoint {
  input: string;
  inputSize: number;
  inputMtime: number;
  algorithm: string;
  /** everything else that shapes a result row: a resume with other settings would mix two runs */
  settings: string;
  rows: number;
  bytes: number;
}

function workerHandle(workerData: unknown): Worker {
  const self = import.meta.url;
  if (self.endsWith(".ts")) {
    // running from TypeScript sources (tsx): the worker registers tsx itself before loading its module
    const target = new URL("./batch-worker.ts", self).href;
    // resolved here, not in the worker: an eval'd worker resolves packages from the working directory
    const tsx = import.meta.resolve("tsx/esm/api");
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(new URL("./batch-worker.js", self), { workerData });
}

/** Describes the column plan for the user: "name ← Full Name, countries ← Nationality + Country". */
export function describePlan(plan: ColumnPlan, columns: string[]): string[] {
  const out: string[] = [];
  const one = (what: string, i: number | undefined) => i !== undefined && out.push(`${what} ← ${columns[i]}`);
  one("name", plan.name);
  one("first name", plan.firstName);
  one("middle name", plan.middleName);
  one("last name", plan.lastName);
  one("type", plan.type);
  if (plan.countries.length) out.push(`countries ← ${plan.countries.map((i) => columns[i]).join(" + ")}`);
  one("birth date", plan.dob);
  for (const id of plan.ids) out.push(`identifier${id.kind ? ` (${id.kind})` : ""} ← ${columns[id.index]}`);
  return out;
}

/** The input must exist, and the output must be a CSV that can be written and is not the input. */
export function checkPaths(input: string, output: string): void {
  if (!existsSync(input)) throw new InputError(`input file not found: ${input}`, { file: input });
  if (resolve(input) === resolve(output)) throw new InputError(`the output ${output} would overwrite the input; choose another -o`);
  if (!existsSync(dirname(resolve(output)))) throw new InputError(`the output's folder does not exist: ${dirname(resolve(output))}`);
  if (/\.(xlsx|xls|ods)$/i.test(output)) throw new InputError(`the output is written as CSV; give -o a .csv name (got ${output})`);
}

/** Checks what can be checked before any work: the output's place, the input's rows, the columns. */
export async function prepareBatch(opts: Pick<BatchOptions, "input" | "output" | "columns" | "type">): Promise<PreparedBatch> {
  checkPaths(opts.input, opts.output);
  const type = opts.type ? normaliseType(opts.type) : undefined;
  if (opts.type && !type) throw new InputError(`--type "${opts.type}" is not a type autorisk knows (Person, Company, Organization, Vessel, Aircraft, LegalEntity, PublicBody, or individual/entity/ship…)`);
  const table = await openTable(opts.input);
  const plan = detectColumns(table.columns, opts.columns ?? {}, opts.input);
  return { table, plan, type };
}

/** Screens every row of `input` into `output` (CSV); resumes an interrupted run of the same input. */
export async function screenFile(opts: BatchOptions): Promise<BatchResult> {
  const started = Date.now();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const hitsPerRow = opts.hitsPerRow ?? 3;
  const { table, plan, type } = opts.prepared ?? (await prepareBatch(opts));
  const total = table.rowCount;
  const partial = `${opts.output}.partial`;
  const checkpointFile = `${opts.output}.checkpoint.json`;
  const stat = statSync(opts.input);
  const settings = JSON.stringify({ plan, type, threshold, hitsPerRow, records: opts.recordsVersion ?? null });

  // resume: trust the checkpoint only if it is for this very input, algorithm and settings, with its rows still there
  let done = 0;
  if (existsSync(checkpointFile) && existsSync(partial)) {
    try {
      const cp = JSON.parse(readFileSync(checkpointFile, "utf8")) as Checkpoint;
      if (
        cp.input === resolve(opts.input) && cp.inputSize === stat.size && cp.inputMtime === stat.mtimeMs && cp.algorithm === MATCH_ALGORITHM &&
        cp.settings === settings && cp.rows <= total && statSync(partial).size >= cp.bytes
      ) {
        truncateSync(partial, cp.bytes);
        done = cp.rows;
      }
    } catch {
      // an unreadable checkpoint: start over
    }
  }
  const resumedFrom = done;
  let bytes: number;
  if (done === 0) {
    const header = stringify([outputHeader(table.columns, RESULT_COLUMNS)]);
    writeFileSync(partial, header);
    bytes = Buffer.byteLength(header);
  } else bytes = statSync(partial).size;
  const saveCheckpoint = () => {
    const cp: Checkpoint = { input: resolve(opts.input), inputSize: stat.size, inputMtime: stat.mtimeMs, algorithm: MATCH_ALGORITHM, settings, rows: done, bytes };
    writeFileSync(`${checkpointFile}.tmp`, JSON.stringify(cp));
    renameSync(`${checkpointFile}.tmp`, checkpointFile);
  };
  saveCheckpoint();
  opts.onProgress?.(done, total);

  const notes = new ValueNotes();
  let matches = 0;
  let noName = 0;
  const remaining = total - done;
  if (remaining > 0) {
    const workerCount = Math.max(1, Math.min(opts.workers ?? availableParallelism(), Math.ceil(remaining / 50)));
    const chunkSize = Math.max(20, Math.min(500, Math.ceil(remaining / (workerCount * 8))));
    const workers = Array.from({ length: workerCount }, () => workerHandle({ records: opts.records, threshold, hitsPerRow }));
    const rows = table.rows(done)[Symbol.asyncIterator]();
    let nextStart = done;
    let exhausted = false;
    // chunks are read one at a time (two workers asking at once must not interleave their rows)
    let reading: Promise<unknown> = Promise.resolve();
    const readChunk = (): Promise<{ start: number; cells: string[][] } | undefined> => {
      const chunk = reading.then(async () => {
        if (exhausted) return undefined;
        const cells: string[][] = [];
        while (cells.length < chunkSize) {
          const next = await rows.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          cells.push(next.value.cells);
        }
        if (!cells.length) return undefined;
        const start = nextStart;
        nextStart += cells.length;
        return { start, cells };
      });
      reading = chunk.catch(() => undefined);
      return chunk;
    };
    // chunks finished out of order wait here until every earlier chunk is written
    const inFlight = new Map<number, string[][]>();
    const finished = new Map<number, Array<string[] | null>>();
    let writeCursor = done;
    try {
      await new Promise<void>((resolvePromise, reject) => {
        let active = 0;
        let failed = false;
        const fail = (err: unknown) => {
          failed = true;
          reject(err);
        };
        const feed = async (w: Worker) => {
          if (failed) return;
          if (opts.signal?.aborted) {
            if (active === 0) fail(opts.signal.reason ?? new Error("aborted"));
            return;
          }
          active++;
          const chunk = await readChunk().catch((err) => {
            fail(err);
            return undefined;
          });
          if (!chunk) {
            active--;
            if (active === 0 && !failed) resolvePromise();
            return;
          }
          inFlight.set(chunk.start, chunk.cells);
          const queries = chunk.cells.map((cells) => rowQuery(cells, plan, type, notes) ?? null);
          w.postMessage({ start: chunk.start, queries });
        };
        for (const w of workers) {
          w.on("error", fail);
          w.on("message", (msg: { start: number; results: Array<string[] | null> }) => {
            active--;
            finished.set(msg.start, msg.results);
            try {
              // write every chunk that is now contiguous with what OUT.partial already holds
              while (finished.has(writeCursor)) {
                const results = finished.get(writeCursor)!;
                const input = inFlight.get(writeCursor)!;
                finished.delete(writeCursor);
                inFlight.delete(writeCursor);
                const out = results.map((cells, k) => {
                  if (!cells) noName++;
                  else if (cells[0] === "true") matches++;
                  return [...input[k], ...(cells ?? unscreenedCells("no_name", "no name in this row: not screened"))];
                });
                const text = stringify(out);
                appendFileSync(partial, text);
                bytes += Buffer.byteLength(text);
                writeCursor += results.length;
                done = writeCursor;
                saveCheckpoint();
                opts.onProgress?.(done, total);
              }
            } catch (err) {
              fail(err);
              return;
            }
            void feed(w);
          });
          w.once("online", () => void feed(w));
        }
      });
    } finally {
      await rows.return?.(undefined);
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  renameSync(partial, opts.output);
  rmSync(checkpointFile, { force: true });
  return {
    total, screened: total - resumedFrom, resumedFrom, matches, noName, seconds: (Date.now() - started) / 1000,
    columnsUsed: describePlan(plan, table.columns), notes: notes.lines(),
  };
}
