/** Applies the pending migrations, each in its own transaction, and records them. */
import { MIGRATIONS } from "./migrations/index.js";
import type { Sql } from "./store.js";

export async function migrate(sql: Sql): Promise<number[]> {
  await sql.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const done = new Set((await sql.all<{ id: number }>(`SELECT id FROM schema_migrations`)).map((r) => Number(r.id)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    const statements = Array.isArray(m.up) ? m.up : m.up[sql.dialect];
    await sql.transaction(async (tx) => {
      for (const statement of statements) await tx.run(statement);
      await tx.run(`INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)`, [m.id, m.name, new Date().toISOString()]);
    });
    applied.push(m.id);
  }
  return applied;
}
