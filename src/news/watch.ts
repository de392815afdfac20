/** The watchlist: parties an analyst wants an alert for. A party the store knows is watched by id and name. */
import type { WatchEntry } from "../model/news.js";
import { nameKey } from "../model/names.js";
import type { Store } from "../store/store.js";
import { slug } from "./ids.js";

export type StoredWatch = WatchEntry & { nameKey: string };

export async function addWatch(store: Store, ref: string): Promise<StoredWatch> {
  const entity = await store.resolve(ref);
  const name = entity?.name ?? ref.trim();
  if (!name) throw new Error("watch: give an entity id or name");
  const entry: StoredWatch = { id: entity ? entity.id : `name:${slug(name)}`, entityId: entity?.id ?? null, name, nameKey: nameKey(name), addedAt: new Date().toISOString() };
  await store.sql.transaction(async (tx) => {
    await tx.run(`DELETE FROM news_watchlist WHERE id = ?`, [entry.id]);
    await tx.run(`INSERT INTO news_watchlist (id, entity_id, name, name_key, added_at) VALUES (?, ?, ?, ?, ?)`, [entry.id, entry.entityId, entry.name, entry.nameKey, entry.addedAt]);
  });
  return entry;
}

export async function listWatch(store: Store): Promise<StoredWatch[]> {
  const rows = await store.sql.all<Record<string, unknown>>(`SELECT * FROM news_watchlist ORDER BY name`);
  return rows.map((r) => ({ id: String(r.id), entityId: (r.entity_id as string) ?? null, name: String(r.name), nameKey: String(r.name_key), addedAt: String(r.added_at) }));
}

/** Removes by watch id, entity id or name; returns how many entries went. */
export async function removeWatch(store: Store, ref: string): Promise<number> {
  const r = await store.sql.run(`DELETE FROM news_watchlist WHERE id = ? OR entity_id = ? OR name_key = ?`, [ref, ref, nameKey(ref)]);
  return r.changes;
}
