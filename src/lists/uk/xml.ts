/**
 * The FCDO UK Sanctions List as XML: one <Designation> per Unique ID under the root, with <Names>/<Name>
 * (Name1…Name6, NameType, AliasStrength), <NonLatinNames>, <Addresses>/<Address>, <IndividualDetails>,
 * <EntityDetails>, <ShipDetails>. Each designation is flattened into rows (one per name) carrying every
 * other value by element name, so the same column mapping as the CSV applies.
 */
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, type ParseMeta, type ParseOptions } from "../common.js";
import { children, xmlRecords, type XmlNode } from "../stream.js";
import { normCol, ukRecord, type UkRow } from "./designations.js";
import { preambleDate } from "./csv.js";

function leaves(n: XmlNode, into: Map<string, string[]>, skip: Set<string>) {
  for (const c of n.children) {
    if (skip.has(c.name)) continue;
    if (c.children.length === 0) {
      const v = c.text.trim();
      if (!v) continue;
      const k = normCol(c.name);
      into.set(k, [...(into.get(k) ?? []), v]);
    } else leaves(c, into, skip);
  }
}

/** Address lines of one <Address> joined, so several addresses do not mix their lines. */
function addresses(n: XmlNode): string[] {
  const out: string[] = [];
  const walk = (x: XmlNode) => {
    for (const c of x.children) {
      if (c.name === "Address") out.push(c.children.map((l) => l.text.trim()).filter(Boolean).join(", "));
      else walk(c);
    }
  };
  walk(n);
  return out.filter(Boolean);
}

export async function* parseUkXml(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let count = 0;
  const records = xmlRecords(file, {
    isRecord: (p) => p.length === 2,
    onBytes: opts.onBytes,
  });
  for await (const node of records) {
    if (node.name !== "Designation") {
      if (/date/i.test(node.name)) meta.published ??= preambleDate([node.text]);
      continue;
    }
    count++;
    const base = new Map<string, string[]>();
    leaves(node, base, new Set(["Names", "Addresses"]));
    const addressLines = addresses(node);
    const names = children(node, "Names").flatMap((x) => children(x, "Name"));
    const rows: UkRow[] = (names.length ? names : [undefined]).map((nm) => {
      const values = new Map(base);
      if (nm) for (const c of nm.children) if (c.text.trim()) values.set(normCol(c.name), [c.text.trim()]);
      if (addressLines.length) values.set(normCol("Address Line 1"), addressLines);
      const all = (col: string) => values.get(normCol(col)) ?? [];
      return { get: (col: string) => all(col)[0] ?? "", all, line: node.line };
    });
    yield ukRecord("uniqueid", rows, name);
  }
  if (count === 0) throw new ListFileError(name, undefined, "no <Designation> elements: not an FCDO UK Sanctions List XML");
}
