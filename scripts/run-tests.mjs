#!/usr/bin/env node
// Runs the whole suite with node's test runner (its "# tests / # pass / # fail" summary is what CI reads).
// Node 20's `--test` does not expand globs, so we list the files ourselves. Extra arguments filter by path.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = find("test").filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(" ")}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=tap", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
