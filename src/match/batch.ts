/**
 * Batch screening of a portfolio file (CSV or XLSX) on every core, resumable after a kill.
 *
 * The main thread reads the input rows, hands chunks to worker threads (each builds its own MatchIndex from
 * the same records: building takes a second, screening is then lock-free), and appends finished rows to
 * OUT in input order. After each append it records in OUT.checkpoint.json how many rows and bytes are
 * safely in OUT. On restart with the same input, OUT is cut back to that byte count (dropping any half
 * written row) and screening resumes at the next row, so a killed run loses at most the chunks in flight.
 */
import { appendFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync, renameSync } from "node:fs";
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { Worker } from "node:worker_threads";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import * as XLSX from "xlsx";
import type { Entity, Listing, Source } from "../model/schema.js";
import type { Hit, ScreenQueryInput } from "../model/match.js";
import { MATCH_ALGORITHM, DEFAULT_THRESHOLD } from "./version.js";

export type InputRow = Record<string, string>;

/** Reads a CSV (any delimiter csv-parse detects: comma, semicolon, tab) or an XLSX/ODS sheet into rows. */
export function readRows(file: string): { columns: string[]; rows: InputRow[] } {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xls" || ext === ".ods") {
    const book = XLSX.readFile(file, { cellDates: false });
    const sheet = book.Sheets[book.SheetNames[0]];
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: "", raw: false });
    const columns = rows.length ? Object.keys(rows[0]) : [];
    return { columns, rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? "")]))) };
  }
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  const rows = parse(text, { columns: true, skip_empty_lines: true, delimiter, relax_column_count: true, trim: true }) as InputRow[];
  const columns = parse(firstLine, { delimiter })[0] as string[];
  return { columns: columns.map((c) => c.trim()), rows };
}

export interface BatchColumns {
  name: string;
  type?: string;
  country?: string;
  dob?: string;
  id?: string;
}

export interface BatchOptions {
  input: string;
  output: string;
  columns: BatchColumns;
  /** default type for every row (when there is no type column) */
  type?: string;
  threshold?: number;
  /** hits written per row */
  hitsPerRow?: number;
  workers?: number;
  records: { entities: Entity[]; listings: Listing[]; sources: Source[] };
  onProgress?: (done: number, total: number) => void;
}

export interface BatchResult {
  total: number;
  screened: number;
  resumedFrom: number;
  matches: number;
  seconds: number;
}

/** One input row as a screening query (rows without a name give undefined and an empty result row). */
export function rowQuery(row: InputRow, columns: BatchColumns, type?: string): ScreenQueryInput | undefined {
  const name = row[columns.name]?.trim();
  if (!name) return undefined;
  const list = (col?: string) => (col && row[col] ? row[col].split(/[;|]/).map((s) => s.trim()).filter(Boolean) : []);
  return {
    names: [name],
    type: (columns.type && row[columns.type]?.trim()) || type || undefined,
    countries: list(columns.country),
    birthDates: list(columns.dob),
    identifiers: list(columns.id),
  };
}

export const RESULT_COLUMNS = ["match", "best_score", "best_id", "best_name", "best_lists", "hits", "algorithm"];

/** The result columns of one row: the best hit spelled out, the next ones as "id (score)" in `hits`. */
export function resultCells(hits: Hit[], threshold: number): string[] {
  const best = hits[0];
  if (!best) return ["false", "", "", "", "", "", MATCH_ALGORITHM];
  const lists = [...new Set(best.listings.map((l) => [l.authority, l.program].filter(Boolean).join(" ")))].join("; ");
  return [
    String(best.score >= threshold),
    best.score.toFixed(3),
    best.id,
    best.explanation.matchedName,
    lists,
    hits.map((h) => `${h.id} ${h.caption} (${h.score.toFixed(3)})`).join("; "),
    MATCH_ALGORITHM,
  ];
}

interface Checkpoint {
  input: string;
  inputSize: number;
  inputMtime: number;
  algorithm: string;
  rows: number;
  bytes: number;
}

function workerHandle(workerData: unknown): Worker {
  const self = import.meta.url;
  if (self.endsWith(".ts")) {
    // running from TypeScript sources (tsx): the worker registers tsx itself before loading its module
    const target = new URL("./batch-worker.ts", self).href;
    const code = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(new URL("./batch-worker.js", self), { workerData });
}

/** Screens every row of `input` into `output` (CSV); resumes a previous run of the same input. */
export async function screenFile(opts: BatchOptions): Promise<BatchResult> {
  const started = Date.now();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const { columns, rows } = readRows(opts.input);
  const checkpointFile = `${opts.output}.checkpoint.json`;
  const stat = statSync(opts.input);

  // resume: trust the checkpoint only if it is for this very input and algorithm and OUT is still there
  let done = 0;
  if (existsSync(checkpointFile) && existsSync(opts.output)) {
    const cp = JSON.parse(readFileSync(checkpointFile, "utf8")) as Checkpoint;
    if (cp.input === opts.input && cp.inputSize === stat.size && cp.inputMtime === stat.mtimeMs && cp.algorithm === MATCH_ALGORITHM && statSync(opts.output).size >= cp.bytes) {
      truncateSync(opts.output, cp.bytes);
      done = cp.rows;
    }
  }
  const resumedFrom = done;
  let bytes = 0;
  if (done === 0) {
    const header = stringify([[...columns, ...RESULT_COLUMNS]]);
    writeFileSync(opts.output, header);
    bytes = Buffer.byteLength(header);
  } else bytes = statSync(opts.output).size;
  const saveCheckpoint = () => {
    const cp: Checkpoint = { input: opts.input, inputSize: stat.size, inputMtime: stat.mtimeMs, algorithm: MATCH_ALGORITHM, rows: done, bytes };
    writeFileSync(`${checkpointFile}.tmp`, JSON.stringify(cp));
    renameSync(`${checkpointFile}.tmp`, checkpointFile);
  };
  saveCheckpoint();
  opts.onProgress?.(done, rows.length);

  let matches = 0;
  const remaining = rows.length - done;
  if (remaining > 0) {
    const workerCount = Math.max(1, Math.min(opts.workers ?? availableParallelism(), Math.ceil(remaining / 50)));
    const chunkSize = Math.max(20, Math.min(500, Math.ceil(remaining / (workerCount * 8))));
    const workers = Array.from({ length: workerCount }, () => workerHandle({ records: opts.records, threshold, hitsPerRow: opts.hitsPerRow ?? 3 }));
    // chunks finished out of order wait here until every earlier chunk is written
    const finished = new Map<number, string[][]>();
    let nextChunkStart = done;
    let writeCursor = done;
    try {
      await new Promise<void>((resolvePromise, reject) => {
        let active = 0;
        const feed = (w: Worker) => {
          if (nextChunkStart >= rows.length) {
            if (active === 0) resolvePromise();
            return;
          }
          const start = nextChunkStart;
          const end = Math.min(rows.length, start + chunkSize);
          nextChunkStart = end;
          active++;
          const queries = rows.slice(start, end).map((r) => rowQuery(r, opts.columns, opts.type) ?? null);
          w.postMessage({ start, queries });
        };
        for (const w of workers) {
          w.on("error", reject);
          w.on("message", (msg: { start: number; results: string[][] }) => {
            active--;
            finished.set(msg.start, msg.results);
            // write every chunk that is now contiguous with what OUT already holds
            while (finished.has(writeCursor)) {
              const results = finished.get(writeCursor)!;
              finished.delete(writeCursor);
              const out = results.map((cells, k) => [...columns.map((c) => rows[writeCursor + k][c] ?? ""), ...cells]);
              for (const cells of results) if (cells[0] === "true") matches++;
              const text = stringify(out);
              appendFileSync(opts.output, text);
              bytes += Buffer.byteLength(text);
              writeCursor += results.length;
              done = writeCursor;
              saveCheckpoint();
              opts.onProgress?.(done, rows.length);
            }
            feed(w);
            if (active === 0 && nextChunkStart >= rows.length) resolvePromise();
          });
          w.once("online", () => feed(w));
        }
      });
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  return { total: rows.length, screened: rows.length - resumedFrom, resumedFrom, matches, seconds: (Date.now() - started) / 1000 };
}
