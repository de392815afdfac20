/**
 * The EU Financial Sanctions Files consolidated list, XML format 1.1: root
 * <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="…">, one <sanctionEntity logicalId="…">
 * per designated person, entity or body. Inside: <regulation programme="RUS" publicationDate="…">,
 * <subjectType code="person|enterprise" classificationCode="P|E">, <nameAlias wholeName firstName middleName
 * lastName nameLanguage strong function gender title> (with an optional <remark>), <citizenship countryIso2Code>,
 * <birthdate birthdate|year monthOfYear dayOfMonth city…>, <identification identificationTypeCode number
 * latinNumber…> and <address street city zipCode region countryIso2Code> with <contactInfo key="PHONE|FAX|EMAIL|WEB"
 * value> children. Values are attributes; <remark> elements hold free text.
 */
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, RecordBuilder, listDate, type ParseMeta, type ParseOptions } from "../common.js";
import { euBirthDate, euCountry, euIdentifierKey, euWeakAlias, known } from "./shared.js";
import { children, xmlRecords, type XmlNode } from "../stream.js";

export async function* parseEuXml(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let root = "";
  let count = 0;
  const records = xmlRecords(file, {
    isRecord: (p) => p.length === 2 && p[1] === "sanctionEntity",
    onRoot: (r, attrs) => {
      root = r;
      meta.published = listDate(attrs.generationDate);
    },
    onBytes: opts.onBytes,
  });
  for await (const node of records) {
    if (root !== "export") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <export>`);
    count++;
    yield euEntity(node, name);
  }
  if (root !== "export") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <export>`);
  if (count === 0) throw new ListFileError(name, undefined, "no <sanctionEntity> elements");
}

const SUBJECT_TYPES: Record<string, ListRecord["type"]> = { person: "person", enterprise: "entity", P: "person", E: "entity" };

function euEntity(n: XmlNode, file: string): ListRecord {
  const id = n.attrs.logicalId;
  const where = `line ${n.line} (sanctionEntity${id ? ` logicalId ${id}` : ""})`;
  if (!id) throw new ListFileError(file, where, "sanctionEntity without a logicalId");
  const subject = children(n, "subjectType")[0];
  const type = SUBJECT_TYPES[subject?.attrs.code ?? ""] ?? SUBJECT_TYPES[subject?.attrs.classificationCode ?? ""];
  if (!type) throw new ListFileError(file, where, `unknown subjectType ${JSON.stringify(subject?.attrs.code ?? "(none)")}`);
  const aliases = children(n, "nameAlias").filter((a) => (a.attrs.wholeName ?? "").trim() || (a.attrs.lastName ?? "").trim());
  if (aliases.length === 0) throw new ListFileError(file, where, "sanctionEntity without a nameAlias");
  const nameOf = (a: XmlNode) => (a.attrs.wholeName ?? "").trim() || [a.attrs.firstName, a.attrs.middleName, a.attrs.lastName].filter(Boolean).join(" ");
  // the headline name: the first strong English (or language-less) alias, else the first alias
  const headline = aliases.find((a) => a.attrs.strong !== "false" && (!a.attrs.nameLanguage || a.attrs.nameLanguage === "EN")) ?? aliases[0];
  const b = new RecordBuilder(id, type, nameOf(headline));
  for (const a of aliases) {
    const remark = children(a, "remark").map((r) => r.text.trim()).join(" ");
    b.name(nameOf(a), euWeakAlias(a.attrs.strong, remark) ? "weak" : "strong", { lang: a.attrs.nameLanguage || null });
    b.prop("function", a.attrs.function);
    b.prop("gender", a.attrs.gender);
    b.prop("title", a.attrs.title);
  }
  b.identifier("eu_reference", n.attrs.euReferenceNumber, "EU reference number");
  b.identifier("un_reference", n.attrs.unitedNationId, "UN reference number");
  b.prop("designationDetails", n.attrs.designationDetails);
  const remarks = children(n, "remark").map((r) => r.text.trim()).filter(Boolean);
  if (remarks.length) b.record.remarks = remarks.join("\n");
  const dates: string[] = [];
  if (n.attrs.designationDate) dates.push(n.attrs.designationDate);
  for (const r of children(n, "regulation")) {
    b.program(r.attrs.programme);
    if (r.attrs.publicationDate) dates.push(r.attrs.publicationDate);
    b.prop("regulation", [r.attrs.numberTitle, r.attrs.publicationDate && `published ${r.attrs.publicationDate}`].filter(Boolean).join(", "));
  }
  // listed: the designation date, else the first regulation that named the entry
  b.record.listed = dates.map((d) => listDate(d)).filter((d): d is string => !!d).sort()[0] ?? null;
  for (const c of children(n, "citizenship")) {
    b.prop("citizenship", known([c.attrs.countryDescription])[0]);
    b.country(euCountry(c.attrs.countryIso2Code, c.attrs.countryDescription));
  }
  for (const d of children(n, "birthdate")) {
    b.birthDate(euBirthDate(d.attrs.birthdate, d.attrs.year, d.attrs.monthOfYear ?? d.attrs.month, d.attrs.dayOfMonth ?? d.attrs.day));
    b.prop("birthPlace", known([d.attrs.city, d.attrs.place, d.attrs.region, d.attrs.countryDescription]).filter(Boolean).join(", "));
  }
  for (const i of children(n, "identification")) {
    const label = i.attrs.identificationTypeDescription || i.attrs.identificationTypeCode || "identification";
    const number = i.attrs.number || i.attrs.latinNumber || "";
    const country = euCountry(i.attrs.countryIso2Code, i.attrs.countryDescription);
    b.identifier(euIdentifierKey(i.attrs.identificationTypeCode ?? "", label, number, country), number, label, country);
    for (const r of children(i, "remark")) b.prop("identifierDetails", `${label} ${number}: ${r.text.trim()}`);
  }
  for (const a of children(n, "address")) {
    const country = euCountry(a.attrs.countryIso2Code, a.attrs.countryDescription);
    b.address(known([a.attrs.street, a.attrs.poBox, a.attrs.city, a.attrs.zipCode, a.attrs.region, a.attrs.place, a.attrs.countryDescription]), country);
    for (const c of children(a, "contactInfo")) {
      const key = { PHONE: "phone", FAX: "phone", EMAIL: "email", WEB: "website" }[c.attrs.key ?? ""];
      for (const v of (c.attrs.value ?? "").split(/[,;]\s*/)) {
        if (key) b.identifier(key, v, c.attrs.key);
        else b.prop("contactInfo", v);
      }
    }
    for (const r of children(a, "remark")) b.prop("addressRemark", r.text.trim());
  }
  return b.done();
}
