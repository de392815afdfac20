/**
 * The UN Security Council Consolidated List XML (root <CONSOLIDATED_LIST dateGenerated="…">, schema
 * https://www.un.org/sc/resources/sc-sanctions.xsd): <INDIVIDUALS>/<INDIVIDUAL> and <ENTITIES>/<ENTITY>.
 * DATAID is the stable id; the committee's REFERENCE_NUMBER ("TAi.005") is kept as an identifier.
 * Alias QUALITY "Good"/"a.k.a." is a strong alias, "Low"/"f.k.a." a weak one (as the UN defines them).
 */
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, RecordBuilder, identifierKey, listDate, type ParseMeta, type ParseOptions } from "../common.js";
import { children, path, textOf, xmlRecords, type XmlNode } from "../stream.js";

export async function* parseUnXml(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let root = "";
  let count = 0;
  const records = xmlRecords(file, {
    isRecord: (p) => p.length === 3 && ((p[1] === "INDIVIDUALS" && p[2] === "INDIVIDUAL") || (p[1] === "ENTITIES" && p[2] === "ENTITY")),
    onRoot: (r, attrs) => {
      root = r;
      meta.published = listDate(attrs.dateGenerated);
    },
    onBytes: opts.onBytes,
  });
  for await (const node of records) {
    count++;
    yield unEntry(node, name);
  }
  if (root !== "CONSOLIDATED_LIST") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <CONSOLIDATED_LIST>`);
  if (count === 0) throw new ListFileError(name, undefined, "no <INDIVIDUAL> or <ENTITY> entries");
}

const values = (n: XmlNode, tag: string) => children(n, tag).flatMap((c) => children(c, "VALUE").map((v) => v.text.trim())).filter(Boolean);

function unEntry(n: XmlNode, file: string): ListRecord {
  const person = n.name === "INDIVIDUAL";
  const id = textOf(n, "DATAID");
  const where = `line ${n.line} (${n.name}${id ? ` DATAID ${id}` : ""})`;
  if (!id) throw new ListFileError(file, where, "entry without a <DATAID>");
  const primary = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].map((t) => textOf(n, t)).filter(Boolean).join(" ");
  if (!primary) throw new ListFileError(file, where, "entry without a name");
  const b = new RecordBuilder(id, person ? "person" : "entity", primary);
  b.name(textOf(n, "NAME_ORIGINAL_SCRIPT"), "strong", { script: "original" });
  b.program(textOf(n, "UN_LIST_TYPE"));
  b.record.listed = listDate(textOf(n, "LISTED_ON")) ?? null;
  b.identifier("un_reference", textOf(n, "REFERENCE_NUMBER"), "Reference number");
  b.prop("versionNum", textOf(n, "VERSIONNUM"));
  b.prop("gender", textOf(n, "GENDER"));
  for (const v of values(n, "TITLE")) b.prop("title", v);
  for (const v of values(n, "DESIGNATION")) b.prop("position", v);
  for (const v of values(n, "NATIONALITY")) {
    b.prop("nationality", v);
    b.country(v);
  }
  for (const v of values(n, "LAST_DAY_UPDATED")) b.prop("lastUpdated", v);
  for (const v of values(n, "LIST_TYPE")) b.prop("listType", v);
  if (textOf(n, "COMMENTS1")) b.record.remarks = textOf(n, "COMMENTS1").replace(/\s+/g, " ");

  for (const a of children(n, person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
    const quality = textOf(a, "QUALITY").toLowerCase();
    b.name(textOf(a, "ALIAS_NAME"), quality === "low" || quality === "f.k.a." ? "weak" : "strong");
  }
  for (const a of children(n, person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
    b.address(["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"].map((t) => textOf(a, t)), textOf(a, "COUNTRY"));
    b.prop("addressNote", textOf(a, "NOTE"));
  }
  for (const d of children(n, "INDIVIDUAL_DATE_OF_BIRTH")) {
    const kind = textOf(d, "TYPE_OF_DATE").toUpperCase();
    if (kind === "BETWEEN") {
      const from = Number(textOf(d, "FROM_YEAR"));
      const to = Number(textOf(d, "TO_YEAR"));
      for (let y = from; y <= to && y - from < 20; y++) b.birthDate(String(y));
    } else {
      b.birthDate(textOf(d, "DATE") || textOf(d, "YEAR"));
    }
  }
  for (const p of children(n, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    b.prop("birthPlace", ["CITY", "STATE_PROVINCE", "COUNTRY"].map((t) => textOf(p, t)).filter(Boolean).join(", "));
  }
  for (const doc of path(n, "INDIVIDUAL_DOCUMENT")) {
    const label = textOf(doc, "TYPE_OF_DOCUMENT") || textOf(doc, "TYPE_OF_DOCUMENT2");
    const number = textOf(doc, "NUMBER");
    if (!number) continue;
    const country = textOf(doc, "ISSUING_COUNTRY") || textOf(doc, "COUNTRY_OF_ISSUE");
    b.identifier(identifierKey(label || "document", number, country), number, label || null, country);
    const details = ["DATE_OF_ISSUE", "CITY_OF_ISSUE", "NOTE"].map((t) => textOf(doc, t)).filter(Boolean).join("; ");
    if (details) b.prop("identifierDetails", `${label} ${number}: ${details}`);
  }
  return b.done();
}
