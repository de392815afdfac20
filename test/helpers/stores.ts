/**
 * Opens a fresh, empty store on each backend a test should run against: SQLite always, PostgreSQL when
 * AUTORISK_TEST_PG_URL is set (each call gets its own schema, so parallel runs never collide).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/store.js";

export interface TestBackend {
  name: "sqlite" | "postgres";
  open(opts?: { demo?: boolean }): Promise<Store & { dispose(): Promise<void> }>;
}

let counter = 0;

export function sqliteBackend(): TestBackend {
  return {
    name: "sqlite",
    async open(opts = {}) {
      const dir = mkdtempSync(join(tmpdir(), "autorisk-test-"));
      const store = await openStore({ db: join(dir, "test.db"), demo: opts.demo ?? false });
      return Object.assign(store, {
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      });
    },
  };
}

export function postgresBackend(url: string): TestBackend {
  return {
    name: "postgres",
    async open(opts = {}) {
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      const store = await openStore({ url, schema, demo: opts.demo ?? false });
      return Object.assign(store, {
        async dispose() {
          await store.close();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
        },
      });
    },
  };
}

/** SQLite, plus PostgreSQL when AUTORISK_TEST_PG_URL is set. */
export function backends(): TestBackend[] {
  const url = process.env.AUTORISK_TEST_PG_URL;
  return url ? [sqliteBackend(), postgresBackend(url)] : [sqliteBackend()];
}

/** The shared folder beside the checkout, or undefined (tests that need it skip with a message). */
export const SHARED = join(import.meta.dirname, "..", "..", "..", "shared");
