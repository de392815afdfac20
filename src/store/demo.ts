/** Loads the bundled demo knowledge base (data/demo/*.jsonl) into an empty store. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Store } from "./store.js";
import { importFile } from "./import.js";

export const DEMO_DIR = fileURLToPath(new URL("../../data/demo/", import.meta.url));

export async function loadDemo(store: Store): Promise<boolean> {
  const row = await store.sql.get<{ n: number }>(`SELECT count(*) AS n FROM entities`);
  if (Number(row?.n ?? 0) > 0 || !existsSync(DEMO_DIR)) return false;
  const files = readdirSync(DEMO_DIR).filter((f) => f.endsWith(".jsonl")).sort();
  await store.sql.transaction(async (tx) => {
    for (const f of files) await importFile(store, join(DEMO_DIR, f), { tx });
  });
  return files.length > 0;
}
