/**
 * What changed between two versions of a list: entries added, removed, and changed (with the fields that
 * changed and the values added/removed in each). Compared on stored record hashes first, so only changed
 * entries are loaded. Later features (alerts, delta re-screening) build on `diffVersions`.
 */
import type { ListRecord, ListSourceId, ListVersion } from "../model/lists.js";
import type { Sql } from "../store/store.js";
import { activeVersion, findVersion, getRecord, listVersions, recordHashes } from "./versions.js";

export interface FieldChange {
  field: string;
  added: string[];
  removed: string[];
}

export interface DiffEntry {
  listId: string;
  name: string;
  changes?: FieldChange[];
}

export interface ListDiff {
  source: ListSourceId;
  from: ListVersion;
  to: ListVersion;
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
}

/** A record's comparable values per field, as strings. */
function fields(r: ListRecord): Record<string, string[]> {
  return {
    name: [r.name],
    type: [r.type],
    names: r.names.map((n) => `${n.name} (${n.quality}${n.lang ? `, ${n.lang}` : ""})`),
    programs: r.programs,
    listed: r.listed ? [r.listed] : [],
    addresses: r.addresses.map((a) => a.full),
    countries: r.countries,
    identifiers: r.identifiers.map((i) => `${i.key}: ${i.value}`),
    birthDates: r.birthDates,
    links: r.links.map((l) => l.text),
    secondarySanctions: r.secondarySanctions ? ["yes"] : [],
    remarks: r.remarks ? [r.remarks] : [],
    ...Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [`properties.${k}`, v])),
  };
}

export function recordChanges(a: ListRecord, b: ListRecord): FieldChange[] {
  const fa = fields(a);
  const fb = fields(b);
  const out: FieldChange[] = [];
  for (const field of [...new Set([...Object.keys(fa), ...Object.keys(fb)])]) {
    const va = fa[field] ?? [];
    const vb = fb[field] ?? [];
    const added = vb.filter((v) => !va.includes(v));
    const removed = va.filter((v) => !vb.includes(v));
    if (added.length || removed.length) out.push({ field, added, removed });
  }
  return out;
}

/**
 * Diff of two versions. `to` defaults to the active version, `from` to the version before `to`.
 * Versions are given as numbers ("2") or ids ("list:ofac-sdn:2").
 */
export async function diffVersions(db: Sql, source: ListSourceId, opts: { from?: string; to?: string } = {}): Promise<ListDiff> {
  const to = opts.to ? await findVersion(db, source, opts.to) : await activeVersion(db, source);
  if (!to) throw new Error(opts.to ? `no version ${opts.to} of ${source}` : `${source} has no active version yet (run: autorisk lists update --source ${source})`);
  let from: ListVersion | undefined;
  if (opts.from) {
    from = await findVersion(db, source, opts.from);
    if (!from) throw new Error(`no version ${opts.from} of ${source}`);
  } else {
    from = (await listVersions(db, source)).filter((v) => v.seq < to.seq).at(-1);
    if (!from) throw new Error(`${to.id} is the first version of ${source}; nothing to compare it with (give --from)`);
  }
  const [ha, hb] = await Promise.all([recordHashes(db, from.id), recordHashes(db, to.id)]);
  const diff: ListDiff = { source, from, to, added: [], removed: [], changed: [] };
  const nameOf = async (version: string, id: string) => (await getRecord(db, version, id))?.name ?? id;
  for (const [id, hash] of hb) {
    const old = ha.get(id);
    if (old === undefined) diff.added.push({ listId: id, name: await nameOf(to.id, id) });
    else if (old !== hash) {
      const [a, b] = await Promise.all([getRecord(db, from.id, id), getRecord(db, to.id, id)]);
      if (a && b) {
        const changes = recordChanges(a, b);
        if (changes.length) diff.changed.push({ listId: id, name: b.name, changes });
      }
    }
  }
  for (const id of ha.keys()) if (!hb.has(id)) diff.removed.push({ listId: id, name: await nameOf(from.id, id) });
  const byId = (x: DiffEntry, y: DiffEntry) => x.listId.localeCompare(y.listId, "en", { numeric: true });
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort(byId);
  return diff;
}
