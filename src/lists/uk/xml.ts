/**
 * The FCDO UK Sanctions List as XML (`UK-Sanctions-List.xml`): root <Designations> with a <DateGenerated>
 * (dd/mm/yyyy) and one <Designation> per Unique ID. A designation has single values as direct children
 * (<UniqueID>, <OFSIGroupID>, <UNReferenceNumber>, <RegimeName>, <IndividualEntityShip>, <DateDesignated>,
 * <LastUpdated>, <DesignationSource>, <SanctionsImposed> with "|" between measures, <OtherInformation>,
 * <UKStatementofReasons>), names as <Names>/<Name> (<Name1>…<Name6>, <NameType>, <AliasStrength>), each
 * non-Latin name as its own <NonLatinNames> block (<NameNonLatinScript>, <NonLatinScriptType>,
 * <NonLatinScriptLanguage>), <Addresses>/<Address> (<AddressLine1>…<AddressLine6>, <AddressPostalCode>,
 * <AddressCountry>), and the details in plural wrappers: <IndividualDetails>/<Individual> (<DOBs>/<DOB>,
 * <Nationalities>/<Nationality>, <Positions>/<Position>, <BirthDetails>/<Location>/<TownOfBirth>…),
 * <ShipDetails>/<Ship> (<IMONumbers>/<IMONumber>, <CurrentOwnerOperators>/<CurrentOwnerOperator>…),
 * <PhoneNumbers>/<PhoneNumber>, <EmailAddresses>/<EmailAddress>.
 *
 * Each designation becomes rows like the CSV's: one row of its single values and details (leaf elements by
 * name, wherever they sit), then one row per name, per non-Latin name and per address, so the column
 * mapping in designations.ts reads the XML and the CSV alike.
 */
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, type ParseMeta, type ParseOptions } from "../common.js";
import { children, xmlRecords, type XmlNode } from "../stream.js";
import { normCol, ukRecord, type UkRow } from "./designations.js";
import { preambleDate } from "./csv.js";

/** Elements read as rows of their own rather than as details of the designation. */
const OWN_ROWS = new Set(["Names", "NonLatinNames", "Addresses"]);

function leaves(n: XmlNode, into: Map<string, string[]>) {
  for (const c of n.children) {
    if (OWN_ROWS.has(c.name)) continue;
    if (c.children.length === 0) {
      const v = c.text.trim();
      if (!v) continue;
      const k = normCol(c.name);
      into.set(k, [...(into.get(k) ?? []), v]);
    } else leaves(c, into);
  }
}

function rowOf(values: Map<string, string[]>, line: number): UkRow {
  const all = (col: string) => values.get(normCol(col)) ?? [];
  return { get: (col: string) => all(col)[0] ?? "", all, line };
}

/** A row of the direct children of one element (a <Name>, a <NonLatinNames> block, an <Address>). */
function flatRow(n: XmlNode): UkRow {
  const values = new Map<string, string[]>();
  for (const c of n.children) if (c.text.trim()) values.set(normCol(c.name), [c.text.trim()]);
  return rowOf(values, n.line);
}

export async function* parseUkXml(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let count = 0;
  const records = xmlRecords(file, { isRecord: (p) => p.length === 2, onBytes: opts.onBytes });
  for await (const node of records) {
    if (node.name !== "Designation") {
      if (node.name === "DateGenerated" || /date/i.test(node.name)) meta.published ??= preambleDate([node.text]);
      continue;
    }
    count++;
    const base = new Map<string, string[]>();
    leaves(node, base);
    const rows: UkRow[] = [rowOf(base, node.line)];
    for (const n of children(node, "Names").flatMap((x) => children(x, "Name"))) rows.push(flatRow(n));
    // some files wrap each non-Latin name in <NonLatinNames><NonLatinName>…; take the innermost block
    for (const block of children(node, "NonLatinNames")) {
      const inner = block.children.filter((c) => c.children.length > 0);
      for (const n of inner.length ? inner : [block]) rows.push(flatRow(n));
    }
    for (const a of children(node, "Addresses").flatMap((x) => children(x, "Address"))) rows.push(flatRow(a));
    // the type and ids are read from the first row; names, scripts and addresses from every row
    const first = rows[0];
    if (!first.get("UniqueID")) throw new ListFileError(name, `line ${node.line}`, "<Designation> without a <UniqueID>");
    yield ukRecord("uniqueid", rows, name);
  }
  if (count === 0) throw new ListFileError(name, undefined, "no <Designation> elements: not an FCDO UK Sanctions List XML");
}
