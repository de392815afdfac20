/**
 * List versions in the store: which exist, which one of each source is active, their records, the import
 * log (health), and pruning. All SQL here is portable (both backends).
 */
import type { ListRecord, ListSourceId, ListVersion } from "../model/lists.js";
import type { Sql } from "../store/store.js";
import { LIST_SOURCES } from "../model/lists.js";

interface VersionRow {
  id: string;
  source: string;
  seq: number;
  format: string;
  files: string;
  url: string | null;
  published: string | null;
  retrieved_at: string;
  content_hash: string;
  record_count: number;
  declared_count: number | null;
  partial: number;
  notes: string;
  active?: string | null;
}

const toVersion = (r: VersionRow, active: boolean): ListVersion => ({
  id: r.id,
  source: r.source as ListSourceId,
  seq: Number(r.seq),
  status: active ? "active" : "superseded",
  format: r.format,
  files: JSON.parse(r.files) as string[],
  url: r.url,
  published: r.published,
  retrievedAt: r.retrieved_at,
  contentHash: r.content_hash,
  recordCount: Number(r.record_count),
  declaredCount: r.declared_count == null ? null : Number(r.declared_count),
  partial: Number(r.partial) === 1,
  notes: JSON.parse(r.notes) as string[],
});

export const versionId = (source: ListSourceId, seq: number) => `list:${source}:${seq}`;

export async function activeVersion(db: Sql, source: ListSourceId): Promise<ListVersion | undefined> {
  const row = await db.get<VersionRow>(
    `SELECT v.* FROM list_sources s JOIN list_versions v ON v.id = s.active_version WHERE s.source = ?`,
    [source],
  );
  return row ? toVersion(row, true) : undefined;
}

export async function listVersions(db: Sql, source: ListSourceId): Promise<ListVersion[]> {
  const active = (await db.get<{ active_version: string }>(`SELECT active_version FROM list_sources WHERE source = ?`, [source]))?.active_version;
  const rows = await db.all<VersionRow>(`SELECT * FROM list_versions WHERE source = ? ORDER BY seq`, [source]);
  return rows.map((r) => toVersion(r, r.id === active));
}

/** A version by id ("list:ofac-sdn:3") or by number within a source ("3"). */
export async function findVersion(db: Sql, source: ListSourceId, ref: string): Promise<ListVersion | undefined> {
  const id = /^\d+$/.test(ref) ? versionId(source, Number(ref)) : ref;
  const row = await db.get<VersionRow>(`SELECT * FROM list_versions WHERE id = ? AND source = ?`, [id, source]);
  if (!row) return undefined;
  const active = (await db.get<{ active_version: string }>(`SELECT active_version FROM list_sources WHERE source = ?`, [source]))?.active_version;
  return toVersion(row, row.id === active);
}

export async function versionWithHash(db: Sql, source: ListSourceId, hash: string): Promise<ListVersion | undefined> {
  const row = await db.get<VersionRow>(`SELECT * FROM list_versions WHERE source = ? AND content_hash = ? ORDER BY seq DESC`, [source, hash]);
  if (!row) return undefined;
  const active = await activeVersion(db, source);
  return toVersion(row, row.id === active?.id);
}

export async function nextSeq(db: Sql, source: ListSourceId): Promise<number> {
  const row = await db.get<{ n: number | null }>(`SELECT max(seq) AS n FROM list_versions WHERE source = ?`, [source]);
  return Number(row?.n ?? 0) + 1;
}

export async function insertVersion(db: Sql, v: ListVersion): Promise<void> {
  await db.run(
    `INSERT INTO list_versions (id, source, seq, format, files, url, published, retrieved_at, content_hash, record_count, declared_count, partial, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.id, v.source, v.seq, v.format, JSON.stringify(v.files), v.url ?? null, v.published ?? null, v.retrievedAt, v.contentHash, v.recordCount, v.declaredCount ?? null, v.partial ? 1 : 0, JSON.stringify(v.notes)],
  );
}

export async function finishVersion(db: Sql, id: string, v: Pick<ListVersion, "recordCount" | "published" | "declaredCount" | "partial" | "notes">): Promise<void> {
  await db.run(`UPDATE list_versions SET record_count = ?, published = ?, declared_count = ?, partial = ?, notes = ? WHERE id = ?`, [
    v.recordCount, v.published ?? null, v.declaredCount ?? null, v.partial ? 1 : 0, JSON.stringify(v.notes), id,
  ]);
}

/** Makes a version the active one of its source (call inside the import transaction). */
export async function activate(db: Sql, source: ListSourceId, id: string): Promise<void> {
  const now = new Date().toISOString();
  const changed = await db.run(`UPDATE list_sources SET active_version = ?, switched_at = ? WHERE source = ?`, [id, now, source]);
  if (changed.changes === 0) await db.run(`INSERT INTO list_sources (source, active_version, switched_at) VALUES (?, ?, ?)`, [source, id, now]);
}

/** Stores a batch of parsed records of a version (one multi-row INSERT). */
export async function insertRecords(db: Sql, versionId: string, batch: Array<{ record: ListRecord; hash: string; json: string }>): Promise<void> {
  if (batch.length === 0) return;
  const params: unknown[] = [];
  for (const r of batch) params.push(versionId, r.record.listId, r.record.name, r.hash, r.json);
  await db.run(`INSERT INTO list_records (version_id, list_id, name, record_hash, data) VALUES ${batch.map(() => "(?, ?, ?, ?, ?)").join(", ")}`, params);
}

/** The records of a version in list-id order, a page at a time (constant memory). */
export async function* versionRecords(db: Sql, id: string, page = 1000): AsyncGenerator<{ record: ListRecord; hash: string }> {
  let after = "";
  for (;;) {
    const rows = await db.all<{ list_id: string; data: string; record_hash: string }>(
      `SELECT list_id, data, record_hash FROM list_records WHERE version_id = ? AND list_id > ? ORDER BY list_id LIMIT ?`,
      [id, after, page],
    );
    if (rows.length === 0) return;
    for (const r of rows) yield { record: JSON.parse(r.data) as ListRecord, hash: r.record_hash };
    after = rows[rows.length - 1].list_id;
  }
}

/** list id → record hash of a version (for diffs: ids and hashes only, not the records). */
export async function recordHashes(db: Sql, id: string): Promise<Map<string, string>> {
  const rows = await db.all<{ list_id: string; record_hash: string }>(`SELECT list_id, record_hash FROM list_records WHERE version_id = ?`, [id]);
  return new Map(rows.map((r) => [r.list_id, r.record_hash]));
}

export async function getRecord(db: Sql, id: string, listId: string): Promise<ListRecord | undefined> {
  const row = await db.get<{ data: string }>(`SELECT data FROM list_records WHERE version_id = ? AND list_id = ?`, [id, listId]);
  return row ? (JSON.parse(row.data) as ListRecord) : undefined;
}

// ---- health ----

export async function logImport(db: Sql, source: string, ok: boolean, file: string | undefined, message: string): Promise<void> {
  const at = new Date().toISOString();
  await db.run(`INSERT INTO list_import_log (id, source, at, ok, file, message) VALUES (?, ?, ?, ?, ?, ?)`, [
    `${source}:${at}:${Math.random().toString(36).slice(2, 8)}`, source, at, ok ? 1 : 0, file ?? null, message,
  ]);
}

export interface SourceStatus {
  source: ListSourceId;
  active: ListVersion | null;
  versions: number;
  lastAttempt: { at: string; ok: boolean; file: string | null; message: string } | null;
  /** ok: active and the last attempt succeeded; failing: the last attempt failed (the active version still serves); empty: never imported; partial: the active version is a declared extract */
  health: "ok" | "failing" | "empty" | "partial";
}

export async function sourceStatus(db: Sql, source: ListSourceId): Promise<SourceStatus> {
  const active = (await activeVersion(db, source)) ?? null;
  const versions = Number((await db.get<{ n: number }>(`SELECT count(*) AS n FROM list_versions WHERE source = ?`, [source]))?.n ?? 0);
  const last = await db.get<{ at: string; ok: number; file: string | null; message: string }>(
    `SELECT at, ok, file, message FROM list_import_log WHERE source = ? ORDER BY at DESC LIMIT 1`,
    [source],
  );
  const lastAttempt = last ? { at: last.at, ok: Number(last.ok) === 1, file: last.file, message: last.message } : null;
  const health = lastAttempt && !lastAttempt.ok ? "failing" : !active ? "empty" : active.partial ? "partial" : "ok";
  return { source, active, versions, lastAttempt, health };
}

export async function allStatus(db: Sql): Promise<SourceStatus[]> {
  const out: SourceStatus[] = [];
  for (const s of LIST_SOURCES) out.push(await sourceStatus(db, s));
  return out;
}

/** Removes all but the newest `keep` versions of each source; the active version is always kept. */
export async function prune(db: Sql, keep: number, only?: ListSourceId): Promise<Array<{ source: string; removed: string[] }>> {
  const out: Array<{ source: string; removed: string[] }> = [];
  for (const source of only ? [only] : LIST_SOURCES) {
    const versions = await listVersions(db, source);
    const kept = new Set(versions.slice(-keep).map((v) => v.id));
    const removed = versions.filter((v) => !kept.has(v.id) && v.status !== "active").map((v) => v.id);
    await db.transaction(async (tx) => {
      for (const id of removed) {
        await tx.run(`DELETE FROM list_records WHERE version_id = ?`, [id]);
        await tx.run(`DELETE FROM list_versions WHERE id = ?`, [id]);
      }
    });
    if (removed.length) out.push({ source, removed });
  }
  return out;
}
