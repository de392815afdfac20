/** The embedded backend: one SQLite file through better-sqlite3 (synchronous, wrapped in the async Sql). */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Row, Sql } from "./store.js";

export function openSqlite(file: string): Sql {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  let depth = 0;
  const sqlite: Sql = {
    dialect: "sqlite",
    async all<T = Row>(sql: string, params: unknown[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async get<T = Row>(sql: string, params: unknown[] = []) {
      return prepare(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: unknown[] = []) {
      const stmt = prepare(sql);
      if (!stmt.reader) return { changes: stmt.run(...params).changes };
      stmt.all(...params);
      return { changes: 0 };
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      // better-sqlite3's own transaction() cannot span awaits, so we issue BEGIN/COMMIT ourselves; the
      // connection is ours alone, and nested calls become savepoints.
      const name = `sp${depth}`;
      db.exec(depth === 0 ? "BEGIN IMMEDIATE" : `SAVEPOINT ${name}`);
      depth++;
      try {
        const result = await fn(sqlite);
        depth--;
        db.exec(depth === 0 ? "COMMIT" : `RELEASE ${name}`);
        return result;
      } catch (err) {
        depth--;
        db.exec(depth === 0 ? "ROLLBACK" : `ROLLBACK TO ${name}; RELEASE ${name}`);
        throw err;
      }
    },
    async close() {
      db.close();
    },
  };
  return sqlite;
}
