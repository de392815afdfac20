/**
 * Versioned migrations, applied in order on start by ../migrate.ts and recorded in `schema_migrations`.
 * Each is portable SQL run on both SQLite and PostgreSQL; where the dialects differ a migration may give
 * `postgres` and `sqlite` variants. Never edit a released migration: add the next number.
 * Numbers are reserved per capability so parallel work cannot collide: 1xx core, 2xx lists, 3xx news.
 */
import { core001 } from "./001_core.js";
import { core102 } from "./002_revision.js";
import { lists201 } from "./201_lists.js";
import { news301 } from "./301_news.js";

export interface Migration {
  id: number;
  name: string;
  /** Statements run in order inside one transaction. */
  up: string[] | { sqlite: string[]; postgres: string[] };
}

export const MIGRATIONS: Migration[] = [core001, core102, lists201, news301].sort((a, b) => a.id - b.id);
