/**
 * UK lists as CSV: the FCDO `UK_Sanctions_List.csv` (a "Report Date" line, then a header with "Unique ID")
 * and OFSI's `ConList.csv` (a "Last Updated" line, then a header with "Group ID"). FCDO rows of one
 * designation are consecutive and are assembled while streaming. ConList rows of one target are spread
 * over the file (it is sorted by name), so ConList is grouped in memory; it is a few MB, and since
 * 28 January 2026 the FCDO list is the single official UK list (ConList is read for older copies).
 * The layouts as verified are described in test/fixtures/lists/README.md.
 */
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, listDate, type ParseMeta, type ParseOptions } from "../common.js";
import { csvRows } from "../stream.js";
import { idColumnOf, rowFrom, ukRecord, type UkRow } from "./designations.js";

/** The date in a preamble line such as "Report Date: 11-Aug-2025" or "Last Updated,11/08/2025". */
export function preambleDate(fields: string[]): string | undefined {
  const text = fields.join(" ").replace(/^(report date|last updated|date)\s*:?\s*/i, "").trim();
  const m = text.match(/(\d{1,2})[-/ ]([A-Za-z]{3})[a-z]*[-/ ](\d{4})/);
  if (m) return listDate(`${m[1]} ${m[2]} ${m[3]}`);
  return listDate(text.split(/\s+/)[0]);
}

export async function* parseUkCsv(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let header: string[] | undefined;
  let idColumn: "uniqueid" | "groupid" | undefined;
  let current: { id: string; rows: UkRow[] } | undefined;
  const finished = new Set<string>();
  const grouped = new Map<string, UkRow[]>();
  let preamble = 0;
  for await (const row of csvRows(file, { onBytes: opts.onBytes, relaxQuotes: true })) {
    if (!header) {
      idColumn = idColumnOf(row.fields);
      if (idColumn) {
        header = row.fields;
        continue;
      }
      meta.published ??= preambleDate(row.fields);
      if (++preamble > 3) throw new ListFileError(name, `line ${row.line}`, "no header with a \"Unique ID\" or \"Group ID\" column in the first rows: not a UK sanctions list CSV");
      continue;
    }
    const r = rowFrom(header, row.fields, row.line);
    const id = r.get(idColumn!);
    if (!id) throw new ListFileError(name, `line ${row.line}`, `row without a ${idColumn === "uniqueid" ? "Unique ID" : "Group ID"}`);
    if (idColumn === "groupid") {
      const rows = grouped.get(id) ?? [];
      rows.push(r);
      grouped.set(id, rows);
      continue;
    }
    if (current && current.id !== id) {
      yield ukRecord("uniqueid", current.rows, name);
      finished.add(current.id);
      current = undefined;
    }
    if (finished.has(id)) throw new ListFileError(name, `line ${row.line}`, `rows of Unique ID ${id} are not consecutive`);
    current ??= { id, rows: [] };
    current.rows.push(r);
  }
  if (!header) throw new ListFileError(name, undefined, "no header row: not a UK sanctions list CSV");
  if (current) yield ukRecord("uniqueid", current.rows, name);
  for (const rows of grouped.values()) yield ukRecord("groupid", rows, name);
}
