/**
 * Tables as customers export them: CSV in UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text"),
 * Windows-1252; comma, semicolon, tab or pipe delimited; CRLF; quoted fields with delimiters and newlines;
 * blank lines; and XLSX/XLS/ODS workbooks (the first sheet that has any cell).
 *
 * CSV files are streamed, twice: `openTable` reads the whole file once to check it and count its rows (so a
 * malformed line is reported, with its line number, before any output is written), and `rows()` reads it
 * again as the screening goes. Memory stays flat whatever the number of rows. Workbooks are read whole (the
 * xlsx library has no streaming reader), which is fine for what a spreadsheet can hold.
 */
import { createReadStream, openSync, readFileSync, readSync, closeSync } from "node:fs";
import { basename } from "node:path";
import { Readable, pipeline } from "node:stream";
import { parse, type Info } from "csv-parse";
import * as XLSXModule from "xlsx";
import { InputError } from "../model/errors.js";

// xlsx is a CommonJS module: Node's named exports of it miss SSF (date formats), the default export has all
const XLSX = (XLSXModule as unknown as { default?: typeof XLSXModule }).default ?? XLSXModule;

export interface TableRow {
  /** line (CSV) or sheet row (workbook) where the row starts, 1-based */
  line: number;
  /** one cell per column, "" where the row is short */
  cells: string[];
}

export interface Table {
  file: string;
  /** "csv" (with its delimiter and encoding) or "workbook" */
  format: string;
  /** the header row, trimmed; unnamed columns are "" */
  columns: string[];
  /** data rows (blank lines and rows of only empty cells are not rows) */
  rowCount: number;
  /** the data rows in file order, after skipping the first `skip` */
  rows(skip?: number): AsyncGenerator<TableRow>;
}

/** A problem with the input file itself, with the line to look at. */
export class TableError extends InputError {
  constructor(file: string, line: number | undefined, message: string) {
    super(`${basename(file)}${line ? `:${line}` : ""}: ${message}`, { file, line });
    this.name = "TableError";
  }
}

function head(file: string, bytes: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** The text encoding of a file, from its BOM or, without one, from what its first 64 KB look like. */
export function sniffEncoding(sample: Buffer): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  if (sample[0] === 0xff && sample[1] === 0xfe) return "utf-16le";
  if (sample[0] === 0xfe && sample[1] === 0xff) return "utf-16be";
  // UTF-16 without a BOM: ASCII text has a zero in every other byte
  const n = Math.min(sample.length, 2000) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (n >= 4 && oddZeros > n / 6 && evenZeros === 0) return "utf-16le";
  if (n >= 4 && evenZeros > n / 6 && oddZeros === 0) return "utf-16be";
  try {
    // stream: true lets a character cut at the end of the sample pass
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252"; // what Excel on Windows writes as "CSV"
  }
}

/** The delimiter of a header line: the one of , ; tab | that occurs most often outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0], ["|", 0]]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

async function* decodedText(file: string, encoding: string): AsyncGenerator<string> {
  // the decoder drops a BOM itself; it also keeps a character split across two chunks whole
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "" || c === "\x1a");

/** Lines of a record: where it starts, from where the previous one ended and the blank lines skipped since. */
function recordStart(info: Info, previous: { lines: number; empty: number }): number {
  return previous.lines + 1 + (info.empty_lines - previous.empty);
}

async function* csvRecords(file: string, encoding: string, delimiter: string): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = parse({ delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, info: true });
  // a read error destroys the parser with it, and so reaches the loop below; leaving the loop early
  // destroys the parser, which stops the reading
  pipeline(Readable.from(decodedText(file, encoding)), parser, () => undefined);
  const previous = { lines: 0, empty: 0 };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = recordStart(info, previous);
      previous.lines = info.lines;
      previous.empty = info.empty_lines;
      yield { line, cells: record };
    }
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code === "CSV_QUOTE_NOT_CLOSED") throw new TableError(file, previous.lines + 1, "a quoted field starts here and is never closed (a stray double quote?)");
    if (e.code?.startsWith("CSV_") || e.code?.startsWith("INVALID_")) throw new TableError(file, previous.lines + 1, e.message.replace(/^[^:]*:\s*/, ""));
    throw err;
  }
}

async function openCsv(file: string): Promise<Table> {
  const sample = head(file, 1 << 16);
  const encoding = sniffEncoding(sample);
  const sampleText = new TextDecoder(encoding).decode(sample);
  const firstLine = sampleText.split(/\r\n|\n|\r/).find((l) => l.replace(/\x1a/g, "").trim() !== "") ?? "";
  const delimiter = sniffDelimiter(firstLine);

  // the checking pass: header, row count, width actually used, and every malformed line caught now
  let header: string[] | undefined;
  let width = 0;
  let rowCount = 0;
  for await (const { line, cells } of csvRecords(file, encoding, delimiter)) {
    if (isBlank(cells)) continue;
    if (!header) {
      header = cells.map((c) => c.trim());
      width = header.reduce((w, h, i) => (h ? i + 1 : w), 0);
      continue;
    }
    let used = 0;
    for (let i = cells.length - 1; i >= 0; i--) {
      if (cells[i].trim() !== "") {
        used = i + 1;
        break;
      }
    }
    if (used > header.length) {
      throw new TableError(file, line, `${used} fields but the header has ${header.length} (is a field holding the delimiter "${delimiter === "\t" ? "tab" : delimiter}" not quoted?)`);
    }
    width = Math.max(width, used);
    rowCount++;
  }
  if (!header) throw new TableError(file, undefined, "the file is empty (no header row)");
  const columns = header.slice(0, width);
  return {
    file,
    format: `csv (${encoding}, ${delimiter === "\t" ? "tab" : `"${delimiter}"`}-delimited)`,
    columns,
    rowCount,
    async *rows(skip = 0) {
      let seenHeader = false;
      let index = 0;
      for await (const { line, cells } of csvRecords(file, encoding, delimiter)) {
        if (isBlank(cells)) continue;
        if (!seenHeader) {
          seenHeader = true;
          continue;
        }
        if (index++ < skip) continue;
        yield { line, cells: columns.map((_, i) => cells[i] ?? "") };
      }
    },
  };
}

/** A workbook cell as text: dates as YYYY-MM-DD whatever their display format, whole numbers in full. */
function cellText(cell: XLSXModule.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  if (cell.t === "n" && typeof cell.v === "number") {
    if (cell.z && XLSX.SSF.is_date(cell.z)) {
      const d = XLSX.SSF.parse_date_code(cell.v);
      if (d) return `${d.y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
    }
    // a 12-digit INN shown as 7.72346E+11 is still 772345678901
    return Number.isInteger(cell.v) ? String(cell.v) : (cell.w ?? String(cell.v));
  }
  if (cell.t === "d" && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t === "e") return "";
  return String(cell.w ?? cell.v);
}

function openWorkbook(file: string): Table {
  let book: XLSXModule.WorkBook;
  try {
    // read(), not readFile(): the ESM build of xlsx has no file access of its own
    book = XLSX.read(readFileSync(file), { type: "buffer", cellNF: true, cellDates: false, dense: false });
  } catch (err) {
    throw new TableError(file, undefined, `not a readable workbook (${(err as Error).message})`);
  }
  // the first sheet that holds anything (exports often start with an empty or a cover sheet)
  let grid: Array<{ line: number; cells: string[] }> = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet?.["!ref"]) continue;
    const range = XLSX.utils.decode_range(sheet["!ref"]);
    const rows: Array<{ line: number; cells: string[] }> = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: string[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) cells.push(cellText(sheet[XLSX.utils.encode_cell({ r, c })]));
      if (!isBlank(cells)) rows.push({ line: r + 1, cells });
    }
    if (rows.length) {
      grid = rows;
      break;
    }
  }
  if (!grid.length) throw new TableError(file, undefined, "every sheet of the workbook is empty (no header row)");
  const header = grid[0].cells.map((c) => c.trim());
  let width = header.reduce((w, h, i) => (h ? i + 1 : w), 0);
  for (const { cells } of grid.slice(1)) for (let i = cells.length - 1; i >= width; i--) if (cells[i].trim()) width = i + 1;
  const columns = header.slice(0, width);
  const data = grid.slice(1);
  return {
    file,
    format: "workbook",
    columns,
    rowCount: data.length,
    async *rows(skip = 0) {
      for (const { line, cells } of data.slice(skip)) yield { line, cells: cells.slice(0, width) };
    },
  };
}

/** Opens a CSV/TSV file or a workbook (recognised by its content, whatever its extension) and checks it. */
export async function openTable(file: string): Promise<Table> {
  const magic = head(file, 8);
  const zip = magic[0] === 0x50 && magic[1] === 0x4b; // XLSX and ODS are zip files
  const ole = magic.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])); // legacy .xls
  return zip || ole ? openWorkbook(file) : openCsv(file);
}
