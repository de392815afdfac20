/**
 * Opens the configured store: PostgreSQL when a URL is given (option or DATABASE_URL), otherwise the SQLite
 * file (option, AUTORISK_DB, or ./data/autorisk.db). Migrations run on every open; an empty store gets the
 * bundled demo knowledge base unless `demo: false` (or AUTORISK_NO_DEMO=1).
 */
import { resolve } from "node:path";
import { migrate } from "./migrate.js";
import { openSqlite } from "./sqlite.js";
import { openPostgres } from "./postgres.js";
import { SqlStore } from "./sql-store.js";
import type { Store } from "./store.js";
import { loadDemo } from "./demo.js";

export interface OpenOptions {
  db?: string;
  url?: string;
  /** PostgreSQL schema to use (created if missing); lets test runs share one database without colliding. */
  schema?: string;
  demo?: boolean;
}

export const DEFAULT_DB = "./data/autorisk.db";

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const url = opts.url ?? (opts.db ? undefined : process.env.DATABASE_URL);
  let store: Store;
  if (url) {
    const schema = opts.schema ?? process.env.AUTORISK_PG_SCHEMA;
    const sql = await openPostgres(url, schema).catch((err: Error) => {
      throw Object.assign(new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${err.message}`), { code: "STORE_UNAVAILABLE" });
    });
    store = new SqlStore(sql, `postgres ${redact(url)}${schema ? ` schema ${schema}` : ""}`);
  } else {
    const file = opts.db ?? process.env.AUTORISK_DB ?? DEFAULT_DB;
    const path = file === ":memory:" ? file : resolve(file);
    store = new SqlStore(openSqlite(path), `sqlite ${path}`);
  }
  await migrate(store.sql);
  const wantDemo = opts.demo ?? !process.env.AUTORISK_NO_DEMO;
  if (wantDemo) await loadDemo(store);
  return store;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
