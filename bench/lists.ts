/**
 * bench:lists — for each real list file in ../shared/data/lists: the time of a bare streaming parse (the
 * baseline, same process, same run) and of the full import (parse + store the version's records + project
 * onto the graph + switch, in one transaction) into a fresh SQLite store; records/s and the ratio.
 * The alt/add-only files are listed as refused (they cannot be imported without their sdn.csv).
 * No real sdn_advanced.xml is at hand, so a second table streams synthetic ones of growing size (the
 * fixture's parties repeated under new ids) and shows that parse time grows with the file while the heap
 * does not.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import v8 from "node:v8";
import vm from "node:vm";
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

// ---- sdn_advanced.xml at scale (synthetic: the fixture's parties under new ids) ----
async function syntheticAdvanced(file: string, copies: number): Promise<void> {
  const xml = readFileSync(join(import.meta.dirname, "..", "test", "fixtures", "lists", "ofac-advanced", "sdn_advanced.xml"), "utf8");
  const open = xml.indexOf("<DistinctParty ");
  const close = xml.lastIndexOf("</DistinctParty>") + "</DistinctParty>".length;
  const parties = xml.slice(open, close);
  const out = createWriteStream(file);
  out.write(xml.slice(0, open));
  for (let i = 1; i <= copies; i++) {
    // new FixedRef/Profile/Identity ids; documents and entries still point at the originals, which is fine here
    const copy = parties.replace(/(FixedRef|Profile ID|Identity ID)="(\d+)"/g, (_, k: string, id: string) => `${k}="${i}${id}"`);
    if (!out.write(copy + "\n")) await once(out, "drain");
  }
  out.end(xml.slice(close));
  await once(out, "finish");
}

// measured first, on a fresh heap (before the real imports load SheetJS and the store)
// a full collection before each heap reading, so the table shows what is retained, not garbage not yet collected
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const scale: string[][] = [];
const synthWork = mkdtempSync(join(tmpdir(), "autorisk-bench-advanced-"));
for (const copies of [1_000, 10_000]) {
  const file = join(synthWork, `sdn_advanced-${copies}.xml`);
  await syntheticAdvanced(file, copies);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let retained = 0;
  const t = performance.now();
  let n = 0;
  for await (const _ of PARSERS["ofac-advanced"](file, newMeta(file), {})) {
    if (++n % 2500 === 0) {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
    }
  }
  const ms = performance.now() - t;
  scale.push([`${(statSync(file).size / 1e6).toFixed(0)} MB`, n.toLocaleString("en"), ms.toFixed(0), Math.round(n / (ms / 1000)).toLocaleString("en"), `${(retained / 1e6).toFixed(1)} MB`]);
  rmSync(file);
}
rmSync(synthWork, { recursive: true, force: true });

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


const scaleHead = ["synthetic sdn_advanced.xml", "parties", "parse ms (2 passes)", "parties/s", "heap retained while parsing"];
const scaleWidths = scaleHead.map((h, i) => Math.max(h.length, ...scale.map((r) => r[i].length)));
console.log("");
console.log(scaleHead.map((h, i) => h.padStart(scaleWidths[i])).join("  "));
console.log(scaleWidths.map((w) => "-".repeat(w)).join("  "));
for (const r of scale) console.log(r.map((c, i) => c.padStart(scaleWidths[i])).join("  "));
