/**
 * compare-file: the pair scorer over a file of labelled or unlabelled name pairs (name_bench's cases.csv:
 * case_group, schema, name1, name2, is_match…). Every input row comes out, in order, with all its columns and
 * `score` and `match` added. Rows are streamed, and the output appears in one rename when complete.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { compareNames } from "./score-names.js";
import { detectPairColumns } from "./batch-columns.js";
import { normaliseType } from "./batch-values.js";
import { openTable } from "./batch-input.js";
import { checkPaths, outputHeader } from "./batch.js";
import { DEFAULT_THRESHOLD } from "./version.js";
import { InputError } from "../model/errors.js";

export const PAIR_RESULT_COLUMNS = ["score", "match"];

export interface CompareFileOptions {
  input: string;
  output: string;
  threshold?: number;
  /** schema of pairs without one of their own (default LegalEntity: could be a person or an organisation) */
  schema?: string;
  columns?: { name1?: string; name2?: string; schema?: string };
}

export interface CompareFileResult {
  total: number;
  matches: number;
  /** rows with a name missing: written with an empty score */
  skipped: number;
  seconds: number;
  /** schema values that were not understood (scored as LegalEntity) */
  unknownSchemas: string[];
}

export async function compareFile(opts: CompareFileOptions): Promise<CompareFileResult> {
  const started = Date.now();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const fallback = opts.schema ? normaliseType(opts.schema) : "LegalEntity";
  if (!fallback) throw new InputError(`--schema "${opts.schema}" is not a schema autorisk knows (Person, Company, Organization, LegalEntity, Vessel…)`);
  checkPaths(opts.input, opts.output);
  const table = await openTable(opts.input);
  const plan = detectPairColumns(table.columns, opts.columns ?? {}, opts.input);
  const partial = `${opts.output}.partial`;
  const fd = openSync(partial, "w");
  let total = 0;
  let matches = 0;
  let skipped = 0;
  const unknown = new Set<string>();
  try {
    writeSync(fd, stringify([outputHeader(table.columns, PAIR_RESULT_COLUMNS)]));
    let batch: string[][] = [];
    for await (const { cells } of table.rows()) {
      total++;
      const cell = plan.schema === undefined ? "" : cells[plan.schema].trim();
      const schema = cell ? normaliseType(cell) : fallback;
      if (cell && !schema) unknown.add(cell);
      const [a, b] = [cells[plan.name1].trim(), cells[plan.name2].trim()];
      let scored: string[] = ["", "false"];
      if (a && b) {
        const r = compareNames(a, b, { schema: schema ?? "LegalEntity", threshold });
        if (r.match) matches++;
        scored = [r.score.toFixed(3), String(r.match)];
      } else skipped++;
      batch.push([...cells, ...scored]);
      if (batch.length >= 1000) {
        writeSync(fd, stringify(batch));
        batch = [];
      }
    }
    if (batch.length) writeSync(fd, stringify(batch));
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, opts.output);
  return { total, matches, skipped, seconds: (Date.now() - started) / 1000, unknownSchemas: [...unknown] };
}
