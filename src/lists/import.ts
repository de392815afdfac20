/**
 * Imports one list file as a new version, all or nothing:
 *  1. detect the format, check it belongs to the source, hash the file(s): the same content twice is not
 *     imported again;
 *  2. in ONE transaction: stream-parse and store every record, check the count guard, project the version
 *     onto the graph and switch the active version;
 *  3. any failure (malformed or cut file, bad record, guard) rolls all of it back, so the previous version
 *     stays active, and is logged (file, place, reason) for `lists status`.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { ListRecord, ListSourceId, ListVersion } from "../model/lists.js";
import type { Source } from "../model/schema.js";
import type { Store } from "../store/store.js";
import { ListFileError, newMeta } from "./common.js";
import { PARSERS, checkFormat, detectFormat } from "./formats.js";
import { ofacSiblings } from "./ofac/csv.js";
import { Projector, type ProjectionResult } from "./project.js";
import { LIST_SOURCE_INFO } from "./sources.js";
import {
  activate, activeVersion, finishVersion, insertRecords, insertVersion, logImport, nextSeq, recordHashes, versionId, versionWithHash,
} from "./versions.js";

/** A new version with fewer than this share of the active version's records is refused unless forced. */
export const MIN_RECORD_SHARE = 0.5;
const BATCH = 200;

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

export interface ImportOptions {
  source: ListSourceId;
  file: string;
  /** accept a version with far fewer records than the active one */
  force?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** where the file was fetched from (recorded on the version); defaults to the local path */
  url?: string;
}

export interface ImportResult {
  status: "imported" | "unchanged";
  source: ListSourceId;
  version: ListVersion;
  previous?: ListVersion;
  projection?: ProjectionResult;
  /** notes worth showing the user (partial file, ignored rows…) */
  notes: string[];
  seconds: number;
}

/** Refusal by the count guard; the message says how to override. */
export class ListGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListGuardError";
  }
}

/** The files an import reads (OFAC's CSV primary file brings its alt/add files along). */
export function filesOf(format: string, file: string): string[] {
  if (format !== "ofac-csv") return [file];
  const { alt, add } = ofacSiblings(file);
  return [file, ...(alt ? [alt] : []), ...(add ? [add] : [])];
}

async function sha256(files: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const f of files) {
    for await (const chunk of createReadStream(f)) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}

/**
 * The record's shape, checked cheaply on every record (the full zod schema, ListRecord in src/model/lists.ts,
 * is what the parsers' tests hold every parser to; running it on each of 20k records would double the import).
 */
function checkRecord(r: ListRecord, file: string, n: number): void {
  const where = `record ${n}${r.listId ? ` (list id ${r.listId})` : ""}`;
  if (!r.listId) throw new ListFileError(file, where, "record without a list id");
  if (!r.name) throw new ListFileError(file, where, "record without a name");
  for (const d of [...r.birthDates, ...(r.listed ? [r.listed] : [])]) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) throw new ListFileError(file, where, `date ${JSON.stringify(d)} is not YYYY[-MM[-DD]]`);
  }
}

/** A stable hash of a parsed record, so versions can be compared entry by entry. */
const recordHash = (json: string) => createHash("sha1").update(json).digest("hex");

export async function importListFile(store: Store, opts: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const file = resolve(opts.file);
  const { source } = opts;
  try {
    if (!existsSync(file)) throw new ListFileError(opts.file, undefined, "file not found");
    const format = detectFormat(file);
    checkFormat(source, format, file);
    const files = filesOf(format, file);
    const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
    const contentHash = await sha256(files);
    const previous = await activeVersion(store.sql, source);

    const same = await versionWithHash(store.sql, source, contentHash);
    if (same) {
      const note = same.status === "active"
        ? `unchanged: same content (sha256 ${contentHash.slice(0, 12)}…) as the active version ${same.id}`
        : `unchanged: same content as version ${same.id}, which is not the active one; nothing imported`;
      await logImport(store.sql, source, true, file, note);
      return { status: "unchanged", source, version: same, previous, notes: [note], seconds: (Date.now() - started) / 1000 };
    }

    const result = await store.sql.transaction(async (db) => {
      const seq = await nextSeq(db, source);
      const id = versionId(source, seq);
      const retrievedAt = new Date().toISOString();
      const version: ListVersion = {
        id, source, seq, status: "active", format, files: files.map((f) => basename(f)), url: opts.url ?? file, published: null,
        retrievedAt, contentHash, recordCount: 0, declaredCount: null, partial: false, notes: [],
      };
      await insertVersion(db, version);

      const info = LIST_SOURCE_INFO[source];
      const sourceRow: Source = {
        id, kind: "list_version", title: `${info.title}, version ${seq}`, url: opts.url ?? file,
        publisher: info.publisher, published: null, retrievedAt, contentHash,
      };
      const projector = new Projector(store, db, { source, versionId: id, sourceRow });
      await projector.start();
      // records of the active version by hash: unchanged entries need no rewrite on the graph
      const before = previous ? await recordHashes(db, previous.id) : new Map<string, string>();

      const meta = newMeta(file);
      let batch: Array<{ record: ListRecord; hash: string; json: string }> = [];
      const seen = new Set<string>();
      let bytes = 0;
      let records = 0;
      const progress = () => opts.onProgress?.({ bytes, totalBytes, records });
      for await (const record of PARSERS[format](file, meta, { onBytes: (b) => ((bytes = b), progress()) })) {
        records++;
        checkRecord(record, basename(file), records);
        if (seen.has(record.listId)) throw new ListFileError(basename(file), `record ${records}`, `list id ${record.listId} appears twice`);
        seen.add(record.listId);
        const json = JSON.stringify(record);
        const hash = recordHash(json);
        batch.push({ record, hash, json });
        await projector.add(record, before.get(record.listId) === hash);
        if (batch.length >= BATCH) {
          await insertRecords(db, id, batch);
          batch = [];
          progress();
        }
      }
      await insertRecords(db, id, batch);
      bytes = totalBytes;
      progress();

      if (previous && !opts.force && records < previous.recordCount * MIN_RECORD_SHARE) {
        throw new ListGuardError(
          `${basename(file)} has ${records} records, far fewer than the ${previous.recordCount} of the active version ${previous.id}; ` +
            `refusing to switch (a cut or partial file?). Use --force to import it anyway`,
        );
      }
      version.recordCount = records;
      version.published = meta.published ?? null;
      version.declaredCount = meta.declaredCount ?? null;
      version.partial = !!meta.partial;
      version.notes = [...(meta.partial ? [meta.partial] : []), ...meta.notes];
      await finishVersion(db, id, version);
      // the Source row gets what was only known once the file was read
      sourceRow.published = version.published ?? null;
      if (version.partial) sourceRow.title += " (partial)";
      await store.write({ sources: [sourceRow], entities: [], relations: [], listings: [], facts: [] }, db);
      const projection = await projector.finish(version.published ?? retrievedAt.slice(0, 10));
      await activate(db, source, id);
      return { version, projection };
    });
    const summary = `imported ${result.version.id}: ${result.version.recordCount} records from ${basename(file)}${result.version.partial ? " (partial)" : ""}`;
    await logImport(store.sql, source, true, file, summary);
    return {
      status: "imported", source, version: result.version, previous, projection: result.projection, notes: result.version.notes,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await logImport(store.sql, source, false, file, message).catch(() => undefined);
    throw err;
  }
}

