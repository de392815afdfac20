/**
 * The FCDO UK Sanctions List as a spreadsheet (ODS or XLSX), including the reduced 8-column export. These
 * files are small (a few MB zipped), so SheetJS reads the workbook whole; rows are then grouped by
 * Unique ID like the CSV. The sheet has no publication date inside; FCDO's file names carry one
 * ("FCDO_SL_Mon_Aug 11 2025.ods"), which we take as the publication date when present.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, listDate, type ParseMeta, type ParseOptions } from "../common.js";
import { idColumnOf, rowFrom, ukRecord, type UkRow } from "./designations.js";
import { preambleDate } from "./csv.js";

export async function* parseUkSheet(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  // SheetJS is large and slow to load; only spreadsheet imports pay for it
  const XLSX = (await import("xlsx")).default;
  let workbook: import("xlsx").WorkBook;
  try {
    workbook = XLSX.read(readFileSync(file), { dense: true });
  } catch (err) {
    throw new ListFileError(name, undefined, `not a readable spreadsheet: ${(err as Error).message}`);
  }
  opts.onBytes?.(statSync(file).size);
  const fromName = name.match(/([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{4})/);
  if (fromName) meta.published = listDate(`${fromName[2]} ${fromName[1]} ${fromName[3]}`);
  const sheetName = workbook.SheetNames[0];
  if (!sheetName) throw new ListFileError(name, undefined, "the workbook has no sheet");
  const rows = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets[sheetName], { header: 1, raw: false, defval: "", blankrows: false });
  const headerAt = rows.slice(0, 5).findIndex((r) => idColumnOf(r.map(String)));
  if (headerAt < 0) throw new ListFileError(name, `sheet ${sheetName}`, "no header with a \"Unique ID\" or \"Group ID\" column in the first rows: not a UK sanctions list");
  for (const pre of rows.slice(0, headerAt)) meta.published ??= preambleDate(pre.map(String));
  const header = rows[headerAt].map(String);
  const idColumn = idColumnOf(header)!;
  const groups = new Map<string, UkRow[]>();
  rows.slice(headerAt + 1).forEach((fields, i) => {
    const r = rowFrom(header, fields.map(String), headerAt + i + 2);
    const id = r.get(idColumn);
    if (!id) {
      if (fields.some((f) => String(f).trim())) throw new ListFileError(name, `sheet ${sheetName}, row ${headerAt + i + 2}`, `row without a ${idColumn === "uniqueid" ? "Unique ID" : "Group ID"}`);
      return;
    }
    groups.set(id, [...(groups.get(id) ?? []), r]);
  });
  for (const g of groups.values()) yield ukRecord(idColumn, g, name);
}
