/**
 * `autorisk import FILE`: the JSON Lines interchange format (ONTOLOGY.md) or a FollowTheMoney entity file,
 * detected from the first record. The whole file is one transaction: any invalid line (bad JSON, a field
 * that fails its schema, a reference to an entity that neither the file nor the store has) imports nothing,
 * and the error names the file, the line and the reason.
 */
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { ZodError } from "zod";
import { InputError } from "../model/errors.js";
import { BundleBuilder, InterchangeLine } from "../model/interchange.js";
import { fromFtm, type FtmEntity } from "../model/ftm.js";
import type { Bundle } from "../model/schema.js";
import type { Sql, Store } from "./store.js";

export type ImportFormat = "jsonl" | "ftm";

export interface ImportResult {
  file: string;
  format: ImportFormat;
  counts: { sources: number; entities: number; relations: number; listings: number; facts: number; records: number };
}

interface Located {
  bundle: Bundle;
  /** line number of each record, to name the line when a reference fails */
  lineOf: Map<object, number>;
}

async function* lines(file: string): AsyncGenerator<[number, string]> {
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim()) yield [n, line.replace(/^\uFEFF/, "")];
  }
}

function zodMessage(err: ZodError): string {
  return err.issues.map((i) => `${i.path.length ? `field "${i.path.join(".")}"` : "line"}: ${i.message}`).join("; ");
}

async function readFile(file: string, format: ImportFormat | undefined): Promise<{ format: ImportFormat } & Located> {
  const builder = new BundleBuilder();
  const lineOf = new Map<object, number>();
  const hash = createHash("sha256");
  let detected = format;
  const records: Bundle["records"] = [];
  let fileSource: string | undefined;
  for await (const [n, text] of lines(file)) {
    hash.update(text);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new InputError(`${file}:${n}: not valid JSON (${(err as Error).message})`, { file, line: n });
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new InputError(`${file}:${n}: expected a JSON object`, { file, line: n });
    const obj = value as Record<string, unknown>;
    detected ??= "kind" in obj ? "jsonl" : "schema" in obj && "properties" in obj ? "ftm" : undefined;
    if (!detected) throw new InputError(`${file}:${n}: neither an interchange line (no "kind") nor a FollowTheMoney entity (no "schema"/"properties")`, { file, line: n });
    const before = snapshot(builder.bundle);
    if (detected === "jsonl") {
      if (!("kind" in obj)) throw new InputError(`${file}:${n}: missing "kind" (expected one of source, entity, relation, sanction, fact)`, { file, line: n });
      const parsed = InterchangeLine.safeParse(obj);
      if (!parsed.success) {
        const kindIssue = parsed.error.issues.find((i) => i.path[0] === "kind" && i.path.length === 1);
        const msg = kindIssue ? `unknown kind "${String(obj.kind)}" (expected one of source, entity, relation, sanction, fact)` : zodMessage(parsed.error);
        throw new InputError(`${file}:${n}: ${msg}`, { file, line: n });
      }
      builder.add(parsed.data);
    } else {
      fileSource ??= `file:${basename(file)}`;
      try {
        const rec = fromFtm(obj as FtmEntity, [fileSource]);
        if (rec.kind === "entity") builder.bundle.entities.push(rec.entity);
        else if (rec.kind === "relation") builder.bundle.relations.push(rec.relation);
        else if (rec.kind === "listing") builder.bundle.listings.push(rec.listing);
        else records.push(rec.record);
      } catch (err) {
        throw new InputError(`${file}:${n}: ${(err as Error).message}`, { file, line: n });
      }
    }
    for (const added of newRecords(before, builder.bundle)) lineOf.set(added, n);
  }
  const bundle = builder.bundle;
  if (fileSource) {
    bundle.sources.push({ id: fileSource, kind: "dataset", title: basename(file), url: null, publisher: null, published: null, retrievedAt: new Date().toISOString(), contentHash: hash.digest("hex") });
  }
  bundle.records = records;
  return { format: detected ?? "jsonl", bundle, lineOf };
}

type Snap = Record<"entities" | "relations" | "listings" | "facts", number>;
const snapshot = (b: Bundle): Snap => ({ entities: b.entities.length, relations: b.relations.length, listings: b.listings.length, facts: b.facts.length });
function newRecords(before: Snap, b: Bundle): object[] {
  return [...b.entities.slice(before.entities), ...b.relations.slice(before.relations), ...b.listings.slice(before.listings), ...b.facts.slice(before.facts)];
}

/** Checks that every reference resolves to an entity or source in the file or already in the store. */
async function checkReferences(file: string, { bundle, lineOf }: Located, db: Sql): Promise<void> {
  const entities = new Set(bundle.entities.map((e) => e.id));
  const sources = new Set(bundle.sources.map((s) => s.id));
  const known = async (table: string, id: string, cache: Set<string>) => {
    if (cache.has(id)) return true;
    const row = await db.get(`SELECT 1 AS x FROM ${table} WHERE id = ?`, [id]);
    if (row) cache.add(id);
    return !!row;
  };
  const fail = (rec: object, what: string): never => {
    const n = lineOf.get(rec);
    throw new InputError(`${file}:${n ?? "?"}: ${what}`, { file, line: n });
  };
  for (const r of bundle.relations) {
    if (!(await known("entities", r.subject, entities))) fail(r, `relation subject "${r.subject}" is not an entity in this file or the store`);
    if (!(await known("entities", r.object, entities))) fail(r, `relation object "${r.object}" is not an entity in this file or the store`);
  }
  for (const l of bundle.listings) if (!(await known("entities", l.entity, entities))) fail(l, `sanction entity "${l.entity}" is not an entity in this file or the store`);
  for (const f of bundle.facts) if (!(await known("entities", f.subject, entities))) fail(f, `fact subject "${f.subject}" is not an entity in this file or the store`);
  for (const rec of [...bundle.entities, ...bundle.relations, ...bundle.listings, ...bundle.facts]) {
    for (const s of rec.sources) if (!(await known("sources", s, sources))) fail(rec, `source "${s}" is neither declared by a source line nor in the store`);
  }
}

export async function importFile(store: Store, file: string, opts: { tx?: Sql; format?: ImportFormat } = {}): Promise<ImportResult> {
  const located = await readFile(file, opts.format);
  const run = async (tx: Sql) => {
    await checkReferences(file, located, tx);
    await store.write(located.bundle, tx);
  };
  if (opts.tx) await run(opts.tx);
  else await store.sql.transaction(run);
  const b = located.bundle;
  return { file, format: located.format, counts: { sources: b.sources.length, entities: b.entities.length, relations: b.relations.length, listings: b.listings.length, facts: b.facts.length, records: b.records?.length ?? 0 } };
}
