/**
 * Alerts raised when an article is ingested: it names a watched party (by linked id or by name), or it states
 * a designation (SANCTIONED_BY) or a cancelled certification, whoever it concerns.
 */
import type { Alert, NewsResult } from "../model/news.js";
import { nameKey } from "../model/names.js";
import type { Sql, Store } from "../store/store.js";
import type { WatchEntry } from "../model/news.js";
import { shortHash } from "./ids.js";

export function alertsFor(documentId: string, result: NewsResult, watchlist: Array<WatchEntry & { nameKey: string }>, now: string): Alert[] {
  const out: Alert[] = [];
  const base = { documentId, title: result.title, createdAt: now };
  for (const w of watchlist) {
    const hit = result.entities.find((e) => (w.entityId && e.id === w.entityId) || nameKey(e.name) === w.nameKey || e.mentions.some((m) => nameKey(m) === w.nameKey));
    if (!hit) continue;
    const evidence = [...result.relations, ...result.facts].find((x) => x.subject === hit.name || ("object" in x && x.object === hit.name))?.evidence ?? null;
    out.push({
      ...base, id: `al-${shortHash(`${documentId}|watch|${w.id}`)}`, kind: "watched_mention", entityId: hit.id ?? w.entityId, entityName: hit.name,
      message: `watched party ${w.name} is in the news: ${result.title ?? "untitled article"}`, evidence,
    });
  }
  for (const r of result.relations) {
    if (r.type !== "SANCTIONED_BY" && r.type !== "CERTIFICATION_CANCELLED") continue;
    const kind = r.type === "SANCTIONED_BY" ? "designation" : "certification_cancelled";
    out.push({
      ...base, id: `al-${shortHash(`${documentId}|${kind}|${r.subject}|${r.object}`)}`, kind, entityId: r.subjectId ?? null, entityName: r.subject,
      message: kind === "designation" ? `${r.subject} designated by ${r.object} (${r.status})` : `certification of ${r.subject} cancelled by ${r.object} (${r.status})`,
      evidence: r.evidence,
    });
  }
  return out;
}

export async function saveAlerts(db: Sql, alerts: Alert[]): Promise<void> {
  for (const a of alerts) {
    await db.run(`DELETE FROM news_alerts WHERE id = ?`, [a.id]);
    await db.run(
      `INSERT INTO news_alerts (id, document_id, kind, entity_id, entity_name, message, evidence, title, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [a.id, a.documentId, a.kind, a.entityId, a.entityName, a.message, a.evidence, a.title, a.createdAt],
    );
  }
}

export async function listAlerts(store: Store, opts: { limit?: number; kind?: string } = {}): Promise<Alert[]> {
  const rows = await store.sql.all<Record<string, unknown>>(
    `SELECT * FROM news_alerts ${opts.kind ? "WHERE kind = ?" : ""} ORDER BY created_at DESC, id LIMIT ?`,
    opts.kind ? [opts.kind, opts.limit ?? 100] : [opts.limit ?? 100],
  );
  return rows.map((r) => ({
    id: String(r.id), documentId: String(r.document_id), kind: r.kind as Alert["kind"], entityId: (r.entity_id as string) ?? null,
    entityName: (r.entity_name as string) ?? null, message: String(r.message), evidence: (r.evidence as string) ?? null, title: (r.title as string) ?? null,
    createdAt: String(r.created_at),
  }));
}
