/**
 * bench:lists — for each real list file in ../shared/data/lists: the time of a bare streaming parse (the
 * baseline, same process, same run) and of the full import (parse + store the version's records + project
 * onto the graph + switch, in one transaction) into a fresh SQLite store; records/s and the ratio.
 * The alt/add-only files are listed as refused (they cannot be imported without their sdn.csv).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { openStore } from "../src/store/open.js";
import { importListFile } from "../src/lists/import.js";
import { PARSERS, detectFormat, guessSource } from "../src/lists/formats.js";
import { newMeta } from "../src/lists/common.js";
import { isOfacSiblingFile } from "../src/lists/ofac/csv.js";

const ROOT = join(import.meta.dirname, "..", "..", "shared", "data", "lists");
if (!existsSync(ROOT)) {
  console.log(`bench:lists: ${ROOT} is absent; nothing to measure`);
  process.exit(0);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(csv|xml|ods|xlsx|json)$/i.test(n) ? [p] : [];
  });
}

const rows: string[][] = [];
const work = mkdtempSync(join(tmpdir(), "autorisk-bench-lists-"));
for (const file of files(ROOT).sort()) {
  const name = relative(ROOT, file);
  if (isOfacSiblingFile(file)) {
    rows.push([name, "-", "-", "-", "-", "-", "refused: alias/address file, imported with its sdn.csv"]);
    continue;
  }
  const format = detectFormat(file);
  const source = guessSource(format, file);
  // baseline: the bare streaming parse
  let t = performance.now();
  let parsed = 0;
  for await (const _ of PARSERS[format](file, newMeta(file), {})) parsed++;
  const parseMs = performance.now() - t;
  // full import into a fresh store
  const db = join(work, `${rows.length}.db`);
  const store = await openStore({ db, demo: false });
  t = performance.now();
  const result = await importListFile(store, { source, file });
  const importMs = performance.now() - t;
  await store.close();
  const n = result.version.recordCount;
  rows.push([
    name, String(n), parseMs.toFixed(0), importMs.toFixed(0), Math.round(n / (importMs / 1000)).toLocaleString("en"),
    (importMs / parseMs).toFixed(1) + "x", result.version.partial ? "partial" : parsed === n ? "" : `parse saw ${parsed}`,
  ]);
}
rmSync(work, { recursive: true, force: true });

const head = ["file", "records", "parse ms", "import ms", "import rec/s", "import/parse", "note"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
