/** `autorisk export`: the whole store as interchange JSON Lines or as FollowTheMoney entities. */
import { bundleToLines } from "../model/interchange.js";
import { entityToFtm, listingToFtm, relationToFtm } from "../model/ftm.js";
import type { Bundle } from "../model/schema.js";
import type { Store } from "./store.js";

export type ExportFormat = "jsonl" | "ftm";

export async function exportBundle(store: Store): Promise<Bundle> {
  const entities = [];
  for await (const e of store.allEntities()) entities.push(e);
  return {
    sources: await store.allSources(),
    entities,
    relations: await store.allRelations(),
    listings: await store.allListings(),
    facts: await store.allFacts(),
    records: await store.allRecords(),
  };
}

/** Writes one JSON object per line through `write`; returns the number of lines. */
export async function exportStore(store: Store, format: ExportFormat, write: (line: string) => void): Promise<number> {
  const bundle = await exportBundle(store);
  let n = 0;
  const emit = (o: unknown) => {
    write(JSON.stringify(o) + "\n");
    n++;
  };
  if (format === "jsonl") {
    for (const line of bundleToLines(bundle)) emit(line);
  } else {
    // FtM has no place for our sources, facts or non-FtM relation types beyond UnknownLink; jsonl keeps all.
    for (const e of bundle.entities) emit(entityToFtm(e));
    for (const r of bundle.relations) emit(relationToFtm(r));
    for (const l of bundle.listings) emit(listingToFtm(l));
    for (const g of bundle.records ?? []) emit({ id: g.id, schema: g.schema, properties: g.properties });
  }
  return n;
}
