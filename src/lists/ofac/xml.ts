/**
 * OFAC's classic XML: `sdn.xml` and `consolidated.xml`, root <sdnList> in either the old
 * `http://tempuri.org/sdnList.xsd` namespace or the Sanctions List Service one (elements are matched by
 * local name, so both read the same). <publshInformation> (OFAC's spelling) gives the publication date and
 * the record count the file claims, which we check against what we read.
 */
import { basename } from "node:path";
import type { ListRecord, ListRecordType } from "../../model/lists.js";
import { ListFileError, RecordBuilder, listDate, type ParseMeta, type ParseOptions } from "../common.js";
import { path, textOf, xmlRecords, type XmlNode } from "../stream.js";
import { applyRemarkItem, applyRemarks } from "./remarks.js";

const TYPES: Record<string, ListRecordType> = { individual: "person", entity: "entity", vessel: "vessel", aircraft: "aircraft" };

/** "LAST, First" as OFAC's CSV and search tool write a person's name; entities have a lastName only. */
const fullName = (n: XmlNode) => [textOf(n, "lastName"), textOf(n, "firstName")].filter(Boolean).join(", ");

export async function* parseOfacXml(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let root = "";
  let count = 0;
  const records = xmlRecords(file, {
    isRecord: (p) => p.length === 2 && (p[1] === "sdnEntry" || p[1] === "publshInformation"),
    onRoot: (r) => (root = r),
    onBytes: opts.onBytes,
  });
  for await (const node of records) {
    if (root !== "sdnList") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <sdnList>`);
    if (node.name === "publshInformation") {
      meta.published = listDate(textOf(node, "Publish_Date"), { monthFirst: true });
      const declared = Number(textOf(node, "Record_Count"));
      if (Number.isInteger(declared) && declared > 0) meta.declaredCount = declared;
      continue;
    }
    count++;
    yield entry(node, name);
  }
  if (root !== "sdnList") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <sdnList>`);
  if (meta.declaredCount !== undefined && meta.declaredCount !== count) {
    throw new ListFileError(name, undefined, `the file states Record_Count ${meta.declaredCount} but holds ${count} <sdnEntry> elements`);
  }
}

function entry(n: XmlNode, file: string): ListRecord {
  const uid = textOf(n, "uid");
  const where = `line ${n.line} (sdnEntry${uid ? ` uid ${uid}` : ""})`;
  if (!/^\d+$/.test(uid)) throw new ListFileError(file, where, "entry without a numeric <uid>");
  const type = TYPES[textOf(n, "sdnType").toLowerCase()];
  if (!type) throw new ListFileError(file, where, `unknown <sdnType> ${JSON.stringify(textOf(n, "sdnType"))}`);
  const primary = fullName(n);
  if (!primary) throw new ListFileError(file, where, "entry without a <lastName>");

  const b = new RecordBuilder(uid, type, primary);
  b.prop("title", textOf(n, "title"));
  for (const p of path(n, "programList", "program")) b.program(p.text.trim());
  for (const aka of path(n, "akaList", "aka")) {
    const kind = textOf(aka, "type").toLowerCase();
    const weak = textOf(aka, "category").toLowerCase() === "weak";
    b.name(fullName(aka), kind.startsWith("f.k.a") ? "previous" : weak ? "weak" : "strong");
  }
  for (const id of path(n, "idList", "id")) {
    const idType = textOf(id, "idType").trim();
    const idNumber = textOf(id, "idNumber");
    const country = textOf(id, "idCountry");
    const item = `${idType} ${idNumber}${country ? ` (${country})` : ""}`.trim();
    if (!applyRemarkItem(b, item)) b.prop("otherInformation", item);
    for (const [tag, label] of [["issueDate", "issued"], ["expirationDate", "expires"]] as const) {
      if (textOf(id, tag)) b.prop("identifierDetails", `${idType} ${idNumber}: ${label} ${textOf(id, tag)}`);
    }
  }
  for (const a of path(n, "addressList", "address")) {
    const country = textOf(a, "country");
    b.address(["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"].map((k) => textOf(a, k)), country);
  }
  for (const x of path(n, "nationalityList", "nationality")) {
    b.prop("nationality", textOf(x, "country"));
    b.country(textOf(x, "country"));
  }
  for (const x of path(n, "citizenshipList", "citizenship")) {
    b.prop("citizenship", textOf(x, "country"));
    b.country(textOf(x, "country"));
  }
  for (const d of path(n, "dateOfBirthList", "dateOfBirthItem")) applyRemarkItem(b, `DOB ${textOf(d, "dateOfBirth")}`);
  for (const p of path(n, "placeOfBirthList", "placeOfBirthItem")) b.prop("birthPlace", textOf(p, "placeOfBirth"));
  for (const v of path(n, "vesselInfo")) {
    b.prop("callSign", textOf(v, "callSign"));
    b.prop("vesselType", textOf(v, "vesselType"));
    b.prop("vesselOwner", textOf(v, "vesselOwner"));
    b.prop("tonnage", textOf(v, "tonnage"));
    b.prop("grossRegisteredTonnage", textOf(v, "grossRegisteredTonnage"));
    if (textOf(v, "vesselFlag")) {
      b.prop("vesselFlag", textOf(v, "vesselFlag"));
      b.country(textOf(v, "vesselFlag"));
    }
  }
  applyRemarks(b, textOf(n, "remarks"));
  return b.done();
}
