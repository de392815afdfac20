/**
 * The team backend: PostgreSQL through pg. Queries use `?` placeholders like SQLite's; they are rewritten
 * to $1, $2… here. A transaction pins one pooled client for its duration. `schema` isolates a store inside
 * a shared database (the tests give every run its own).
 */
import pg from "pg";
import type { Row, Sql } from "./store.js";

// PostgreSQL returns BIGINT/NUMERIC as strings by default; our counts and percentages fit in doubles.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const placeholders = new Map<string, string>();
function toPg(sql: string): string {
  let out = placeholders.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    placeholders.set(sql, out);
  }
  return out;
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

function wrap(q: Queryable, pool: pg.Pool, inTx: boolean): Sql {
  const self: Sql = {
    dialect: "postgres",
    async all<T = Row>(sql: string, params: unknown[] = []) {
      return (await q.query(toPg(sql), params)).rows as T[];
    },
    async get<T = Row>(sql: string, params: unknown[] = []) {
      return (await q.query(toPg(sql), params)).rows[0] as T | undefined;
    },
    async run(sql: string, params: unknown[] = []) {
      return { changes: (await q.query(toPg(sql), params)).rowCount ?? 0 };
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (inTx) return fn(self);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client, pool, true));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (!inTx) await pool.end();
    },
  };
  return self;
}

export async function openPostgres(url: string, schema?: string): Promise<Sql> {
  let options: string | undefined;
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
    options = `-c search_path=${schema}`;
  }
  const pool = new pg.Pool({ connectionString: url, max: 4, options });
  // Fail early with a clear message when the server is not there.
  await pool.query("SELECT 1");
  return wrap(pool, pool, false);
}
