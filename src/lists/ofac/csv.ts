/**
 * OFAC's legacy CSV set: `sdn.csv` (one row per entry) with `alt.csv` (aliases) and `add.csv` (addresses)
 * beside it, and the same trio as `cons_prim.csv`/`cons_alt.csv`/`cons_add.csv` for the non-SDN list.
 * No header, "-0-" (often with a trailing space) for null, CRLF, and a final 0x1A byte that marks a whole
 * file: a file without it is an extract or was cut, and is imported only as a declared partial list.
 *
 * All three files are in ent_num order, so they are merge-joined while streaming (constant memory).
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { ListRecord, ListRecordType } from "../../model/lists.js";
import { ListFileError, RecordBuilder, type ParseMeta, type ParseOptions } from "../common.js";
import { csvRows, type CsvRow } from "../stream.js";
import { applyRemarks } from "./remarks.js";

const EOF_BYTE = 0x1a;
const SDN_COLUMNS = 12;

const nul = (v: string | undefined) => {
  const t = (v ?? "").trim();
  return t === "-0-" ? "" : t;
};

const TYPES: Record<string, ListRecordType> = { individual: "person", vessel: "vessel", aircraft: "aircraft", "": "entity" };

/** The alt/add files that belong to a primary file, by OFAC's naming. */
export function ofacSiblings(file: string): { alt?: string; add?: string } {
  const dir = dirname(file);
  const cons = /^cons_/i.test(basename(file));
  const alt = join(dir, cons ? "cons_alt.csv" : "alt.csv");
  const add = join(dir, cons ? "cons_add.csv" : "add.csv");
  return { alt: existsSync(alt) ? alt : undefined, add: existsSync(add) ? add : undefined };
}

/** Is this one of the alias/address files (that cannot be imported on their own)? */
export const isOfacSiblingFile = (file: string) => /^(cons_)?(alt|add)\.csv$/i.test(basename(file));

interface TailCheck {
  endsWithEof: boolean;
  endsWithNewline: boolean;
  strayEofAt?: number;
}

/** Streams an OFAC CSV with its 0x1A byte removed, and reports how the file ended. */
async function* ofacRows(file: string, tail: TailCheck, opts: ParseOptions & { baseBytes?: number }): AsyncGenerator<CsvRow> {
  let offset = 0;
  const onRaw = (chunk: Buffer): Buffer => {
    let data = chunk;
    if (tail.endsWithEof) {
      // after the end-of-file byte only line breaks may follow
      const bad = chunk.findIndex((b) => b !== 0x0d && b !== 0x0a && b !== 0x20);
      if (bad >= 0) tail.strayEofAt ??= offset + bad;
      data = Buffer.alloc(0);
    } else {
      const at = chunk.indexOf(EOF_BYTE);
      if (at >= 0) {
        tail.endsWithEof = true;
        const bad = chunk.subarray(at + 1).findIndex((b) => b !== 0x0d && b !== 0x0a && b !== 0x20);
        if (bad >= 0) tail.strayEofAt = offset + at + 1 + bad;
        data = chunk.subarray(0, at);
      }
    }
    offset += chunk.length;
    if (data.length) tail.endsWithNewline = data[data.length - 1] === 0x0a;
    return data;
  };
  yield* csvRows(file, { onRaw, onBytes: opts.onBytes, baseBytes: opts.baseBytes, relaxQuotes: true });
}

/** Groups a sibling file's rows by ent_num while checking they come in ent_num order. */
class SiblingReader {
  private rows: AsyncGenerator<CsvRow>;
  private pending?: { ent: number; row: CsvRow };
  private done = false;
  private lastEnt = -1;
  readonly tail: TailCheck = { endsWithEof: false, endsWithNewline: false };
  orphans = 0;
  rowsRead = 0;
  constructor(readonly file: string, readonly width: number, opts: ParseOptions & { baseBytes?: number }) {
    this.rows = ofacRows(file, this.tail, opts);
  }
  private async next(): Promise<{ ent: number; row: CsvRow } | undefined> {
    if (this.pending) {
      const p = this.pending;
      this.pending = undefined;
      return p;
    }
    if (this.done) return undefined;
    const it = await this.rows.next();
    if (it.done) {
      this.done = true;
      return undefined;
    }
    const row = it.value;
    this.rowsRead++;
    const ent = Number(row.fields[0]);
    if (row.fields.length !== this.width || !Number.isInteger(ent)) {
      throw new ListFileError(basename(this.file), `line ${row.line}`, `expected ${this.width} columns starting with an ent_num, found ${row.fields.length}: ${JSON.stringify(row.fields.slice(0, 3))}`);
    }
    if (ent < this.lastEnt) throw new ListFileError(basename(this.file), `line ${row.line}`, `ent_num ${ent} after ${this.lastEnt}: the file is not in ent_num order`);
    this.lastEnt = ent;
    return { ent, row };
  }
  /** The rows for `ent`; rows for smaller ent_nums (no entry in the primary file) are counted as orphans. */
  async take(ent: number): Promise<CsvRow[]> {
    const out: CsvRow[] = [];
    for (;;) {
      const n = await this.next();
      if (!n) return out;
      if (n.ent < ent) {
        this.orphans++;
        continue;
      }
      if (n.ent > ent) {
        this.pending = n;
        return out;
      }
      out.push(n.row);
    }
  }
  async drain(): Promise<void> {
    while (await this.next()) this.orphans++;
  }
}

export async function* parseOfacCsv(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  if (isOfacSiblingFile(file)) {
    throw new ListFileError(name, undefined, "this file holds only aliases or addresses of OFAC entries; import the primary file (sdn.csv or cons_prim.csv) and the alt/add files beside it are read with it");
  }
  const { alt, add } = ofacSiblings(file);
  meta.files = [file, ...(alt ? [alt] : []), ...(add ? [add] : [])];
  if (!alt || !add) meta.notes.push(`no ${[!alt && "alt.csv", !add && "add.csv"].filter(Boolean).join(" or ")} beside ${name}: entries carry only the names and remarks of the primary file`);
  // progress: the three files are read side by side, so report the sum of what each has read
  const read = [0, 0, 0];
  const report = (i: number) => (bytes: number) => {
    read[i] = bytes;
    opts.onBytes?.(read[0] + read[1] + read[2]);
  };
  const alts = alt ? new SiblingReader(alt, 5, { onBytes: report(1) }) : undefined;
  const adds = add ? new SiblingReader(add, 6, { onBytes: report(2) }) : undefined;
  const tail: TailCheck = { endsWithEof: false, endsWithNewline: false };
  let lastEnt = -1;
  let rows = 0;
  let lastLine = 0;
  const seen = new Set<number>();
  for await (const row of ofacRows(file, tail, { onBytes: report(0) })) {
    rows++;
    lastLine = row.line;
    const f = row.fields;
    const ent = Number(f[0]);
    const where = `line ${row.line}${Number.isInteger(ent) ? ` (ent_num ${ent})` : ""}`;
    if (f.length !== SDN_COLUMNS) throw new ListFileError(name, where, `expected ${SDN_COLUMNS} columns, found ${f.length}`);
    if (!Number.isInteger(ent) || ent <= 0) throw new ListFileError(name, where, `ent_num ${JSON.stringify(f[0])} is not a number`);
    if (!nul(f[1])) throw new ListFileError(name, where, "entry without a name");
    if (seen.has(ent)) throw new ListFileError(name, where, `ent_num ${ent} appears twice`);
    seen.add(ent);
    if (ent < lastEnt) throw new ListFileError(name, where, `ent_num ${ent} after ${lastEnt}: the file is not in ent_num order`);
    lastEnt = ent;
    const typeText = nul(f[2]).toLowerCase();
    const type = TYPES[typeText];
    if (!type) throw new ListFileError(name, where, `unknown SDN_Type ${JSON.stringify(f[2])}`);

    const b = new RecordBuilder(String(ent), type, nul(f[1]));
    for (const p of nul(f[3]).split(/\]\s*\[/)) b.program(p.replace(/[[\]]/g, ""));
    b.prop("title", nul(f[4]));
    b.prop("callSign", nul(f[5]));
    b.prop("vesselType", nul(f[6]));
    b.prop("tonnage", nul(f[7]));
    b.prop("grossRegisteredTonnage", nul(f[8]));
    if (nul(f[9])) {
      b.prop("vesselFlag", nul(f[9]));
      b.country(nul(f[9]));
    }
    b.prop("vesselOwner", nul(f[10]));
    applyRemarks(b, nul(f[11]));

    for (const a of (await alts?.take(ent)) ?? []) {
      const kind = nul(a.fields[2]).toLowerCase();
      b.name(nul(a.fields[3]), kind === "fka" ? "previous" : "strong");
      if (nul(a.fields[4])) b.prop("aliasRemarks", `${nul(a.fields[3])}: ${nul(a.fields[4])}`);
    }
    for (const a of (await adds?.take(ent)) ?? []) {
      b.address([nul(a.fields[2]), nul(a.fields[3]), nul(a.fields[4])], nul(a.fields[4]));
      b.prop("addressRemarks", nul(a.fields[5]));
    }
    yield b.done();
  }
  await alts?.drain();
  await adds?.drain();

  if (tail.strayEofAt !== undefined) throw new ListFileError(name, `byte ${tail.strayEofAt}`, "data after the 0x1A end-of-file byte");
  if (!tail.endsWithEof) {
    if (!tail.endsWithNewline) throw new ListFileError(name, `line ${lastLine}`, "file ends in the middle of a row and has no 0x1A end-of-file byte: it was cut short");
    meta.partial = `${name} has no 0x1A end-of-file byte, so it is an extract or a cut file: imported as a partial list of ${rows} entries`;
  }
  if (rows === 0) throw new ListFileError(name, undefined, "no entries");
  for (const s of [alts, adds]) {
    if (!s) continue;
    if (!s.tail.endsWithEof && !s.tail.endsWithNewline) throw new ListFileError(basename(s.file), `line ${s.rowsRead}`, "file ends in the middle of a row: it was cut short");
    if (s.orphans > 0) {
      meta.notes.push(`${basename(s.file)}: ${s.orphans} of ${s.rowsRead} rows belong to ent_nums not in ${name}${meta.partial ? " (expected for a partial primary file)" : ""}; ignored`);
    }
  }
}
