/** Shared bits of the list tests: fixture paths, parsing a file to an array, independent record counts. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { newMeta, type ParseMeta } from "../../src/lists/common.js";
import { PARSERS, detectFormat } from "../../src/lists/formats.js";
import type { ListRecord } from "../../src/model/lists.js";
import { SHARED } from "../helpers/stores.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "lists");
export const fixture = (...p: string[]) => join(FIXTURES, ...p);
export const REAL = join(SHARED, "data", "lists");

export async function parseAll(file: string): Promise<{ records: ListRecord[]; meta: ParseMeta; format: string }> {
  const format = detectFormat(file);
  const meta = newMeta(file);
  const records: ListRecord[] = [];
  for await (const r of PARSERS[format](file, meta, {})) records.push(r);
  return { records, meta, format };
}

/** Rows of an OFAC legacy CSV counted from its bytes: CRLF-terminated lines, 0x1A removed. */
export function countOfacCsvRows(file: string): number {
  return readFileSync(file, "latin1").replace(/\x1a/g, "").split("\r\n").filter((l) => /^\d+,/.test(l)).length;
}

/** Occurrences of an opening tag, counted in the raw text. */
export function countTag(file: string, tag: string): number {
  return readFileSync(file, "utf8").split(`<${tag}>`).length - 1;
}
