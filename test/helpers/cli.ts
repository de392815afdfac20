/**
 * Runs the real `autorisk` CLI (TypeScript sources through tsx) on its own temporary SQLite file, with the
 * environment cleared of store settings so a developer's DATABASE_URL or AUTORISK_DB cannot leak in.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const CLI_MAIN = join(ROOT, "src/cli/main.ts");
export const CLI_ENV = { ...process.env, DATABASE_URL: "", AUTORISK_DB: "", AUTORISK_NO_DEMO: "" };

export function cliSandbox(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, "cli.db");
  const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", CLI_MAIN, "--db", db, ...args], { cwd: ROOT, encoding: "utf8", env: CLI_ENV });
  return { dir, db, cli, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
