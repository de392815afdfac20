import type { Migration } from "./index.js";

/**
 * A revision number bumped by every write, so in-memory indexes (the matcher's, the exposure graph) can tell
 * cheaply and exactly whether the store changed since they were built, across processes too.
 */
export const core102: Migration = {
  id: 102,
  name: "store revision",
  up: [
    `CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
    `INSERT INTO store_meta (key, value) VALUES ('revision', 0)`,
  ],
};
