/**
 * The UK lists as tables of rows, whichever file they come in: the FCDO UK Sanctions List (CSV, ODS/XLSX,
 * and the reduced 8-column spreadsheet) has one row per name of a designation, keyed by "Unique ID"
 * (RUS1422); OFSI's ConList.csv has one row per name of a target, keyed by "Group ID". Columns are found by
 * their header text with spaces and punctuation ignored, so the full and the reduced layouts read alike.
 */
import type { ListRecord, ListRecordType } from "../../model/lists.js";
import { ListFileError, RecordBuilder, identifierKey, listDate } from "../common.js";

/** One row: all values of a (normalised) column name; XML rows can have several values per column. */
export type UkRow = { get(col: string): string; all(col: string): string[]; line: number };

export const normCol = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

export function rowFrom(header: string[], fields: string[], line: number): UkRow {
  const cols = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normCol(h);
    if (!cols.has(k)) cols.set(k, i);
  });
  const get = (col: string) => (fields[cols.get(normCol(col)) ?? -1] ?? "").toString().trim();
  return { get, all: (col) => (get(col) ? [get(col)] : []), line };
}

/** The first column of `names` that the row has a value in. */
const pick = (r: UkRow, ...names: string[]) => names.map((n) => r.get(n)).find(Boolean) ?? "";
const pickAll = (r: UkRow, ...names: string[]) => names.flatMap((n) => r.all(n));

const TYPES: Record<string, ListRecordType> = { individual: "person", entity: "entity", ship: "vessel", vessel: "vessel" };

/** Which column identifies a record in this header: the FCDO Unique ID, else OFSI's Group ID. */
export function idColumnOf(header: string[]): "uniqueid" | "groupid" | undefined {
  const cols = new Set(header.map(normCol));
  return cols.has("uniqueid") ? "uniqueid" : cols.has("groupid") ? "groupid" : undefined;
}

const fullName = (r: UkRow) => {
  const whole = pick(r, "Name");
  if (whole) return whole;
  // Name 6 is the surname or the entity's name; Name 1-5 the given names, in order
  return ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"].map((c) => r.get(c)).filter(Boolean).join(" ");
};

/**
 * A UK date: "16/11/1957", "29-06-2012", and the partial ones both lists write for birth dates,
 * "dd/mm/1957", "00/00/1957", "dd/11/1957", "00/11/1957".
 */
export function ukDate(text: string): string | undefined {
  const m = text.trim().match(/^(\d{1,2}|dd)[/-](\d{1,2}|mm)[/-](\d{4})$/i);
  if (m) {
    const known = (part: string) => /^\d+$/.test(part) && Number(part) > 0;
    if (!known(m[2])) return m[3];
    if (!known(m[1])) return `${m[3]}-${m[2].padStart(2, "0")}`;
  }
  return listDate(text);
}

/**
 * Labelled numbers inside the FCDO "Business registration number (s)" text, which is free text such as
 * "INN: 7713226814 OGRN: 1027700285612" or "Russia OGRN - 1027739582089 Russia INN - 7730059592".
 */
const REG_NUMBER_LABELS: Array<[RegExp, string, string]> = [
  [/\bINN\b\s*[:\-–]?\s*(\d{10}|\d{12})\b/gi, "inn", "INN"],
  [/\b(?:BIN\/)?OGRN\b\s*[:\-–]?\s*(\d{13}|\d{15})\b/gi, "ogrn", "OGRN"],
  [/\bKPP\b\s*[:\-–]?\s*(\d{9})\b/gi, "kpp", "KPP"],
  [/\b(?:TIN|Tax(?:payer)? ID(?: No\.)?|Tax Identification Number)\b\s*[:\-–]?\s*(?:INN\s*[:\-–]?\s*)?(\d{6,18})\b/gi, "tax", "Tax identification number"],
  [/\b(?:Unified Social Credit Code|USCC)\b\s*[:\-–]?\s*([0-9A-Z]{18})\b/gi, "uscc", "Unified Social Credit Code"],
];

export function applyRegistrationText(b: RecordBuilder, text: string, country: string | undefined): void {
  let found = false;
  for (const [re, key, label] of REG_NUMBER_LABELS) {
    for (const m of text.matchAll(re)) {
      found = true;
      b.identifier(key === "tax" ? identifierKey("tax id", m[1], country) : key, m[1], label, key === "inn" || key === "ogrn" || key === "kpp" ? "RU" : country);
    }
  }
  // a bare number (the usual case) is read by its length and the entry's country
  if (!found) b.identifier(identifierKey("business registration number", text, country), text.replace(/^\s*(?:Registration (?:number|No\.?)|Company number|CR)\s*[:\-–]?\s*/i, ""), "Business registration number", country);
}

/**
 * OFSI's ConList puts what has no column into "Other Information" as "(Label):value" segments:
 * "(UK Sanctions List Ref):RUS1422 (UK Statement of Reasons):… (Phone number):(1) … (Gender):Male".
 */
function applyConListOther(b: RecordBuilder, text: string): void {
  for (const m of text.matchAll(/\(([A-Za-z][A-Za-z .'/-]*)\):\s*([\s\S]*?)(?=\s*\([A-Za-z][A-Za-z .'/-]*\):|$)/g)) {
    const label = m[1].trim().toLowerCase();
    const value = m[2].trim().replace(/\.$/, "");
    if (!value) continue;
    if (label === "uk sanctions list ref") b.identifier("uk_sanctions_list_ref", value, "UK Sanctions List Ref");
    else if (label === "uk statement of reasons") b.prop("statementOfReasons", value);
    else if (label === "gender") b.prop("gender", value);
    else if (/^(phone|email|website)/.test(label)) {
      const key = label.startsWith("phone") ? "phone" : label.startsWith("email") ? "email" : "website";
      for (const v of value.split(/\s*\(\d+\)\s*/).filter(Boolean)) b.identifier(key, v, m[1].trim());
    } else if (/business reg/.test(label)) applyRegistrationText(b, value, b.record.countries[0]);
    else if (label === "parent company") b.link(value, null, "parent");
    else if (label === "subsidiaries") b.link(value, null, "subsidiary");
    else b.prop(normCol(m[1]), value);
  }
}

export function ukRecord(idColumn: "uniqueid" | "groupid", rows: UkRow[], file: string): ListRecord {
  const first = rows[0];
  const id = first.get(idColumn);
  const where = `line ${first.line} (${idColumn === "uniqueid" ? "Unique ID" : "Group ID"} ${id})`;
  const typeText = pick(first, "Designation Type", "Type", "Individual, Entity, Ship", "IndividualEntityShip", "Group Type").toLowerCase();
  const type = TYPES[typeText];
  if (!type) throw new ListFileError(file, where, `unknown type ${JSON.stringify(typeText || "(empty)")}: expected Individual, Entity or Ship`);
  const isPrimary = (r: UkRow) => /primary/i.test(pick(r, "Name type", "Alias Type")) || !pick(r, "Name type", "Alias Type");
  const primaryRow = rows.find((r) => isPrimary(r) && fullName(r)) ?? rows.find((r) => fullName(r));
  // the published FCDO sheet has a few designations with an empty name; they are real entries, so they are
  // kept under their id (and flagged) rather than dropped or refused
  const b = new RecordBuilder(id, type, primaryRow ? fullName(primaryRow) : id);
  if (!primaryRow) b.prop("nameMissing", `the list gives no name for ${where.replace(/^line \d+ /, "")}`);
  for (const r of rows) {
    // FCDO: "Primary Name", "Primary Name Variation", "Alias" with "Good quality a.k.a"/"Low quality a.k.a";
    // OFSI: "Primary name", "Primary name variation", "AKA", "FKA" with "Good quality"/"Low quality"
    const nameType = pick(r, "Name type", "Alias Type").toLowerCase();
    const strength = pick(r, "Alias strength", "Alias Quality").toLowerCase();
    b.name(fullName(r), /primary/.test(nameType) && !/variation/.test(nameType) ? "primary" : /fka|former|previous/.test(nameType) ? "previous" : /low|weak/.test(strength) ? "weak" : "strong");
    for (const nl of pickAll(r, "Name non-latin script", "NameNonLatinScript")) {
      b.name(nl, "strong", { script: pick(r, "Non-latin script type", "NonLatinScriptType") || "non-latin", lang: pick(r, "Non-latin script language", "NonLatinScriptLanguage") || null });
    }
    b.program(pick(r, "Regime Name", "Regime", "RegimeName"));
    for (const t of pickAll(r, "Title")) b.prop("title", t);
    b.prop("designationSource", pick(r, "Designation source", "DesignationSource"));
    // FCDO separates the measures with "|" ("Asset freeze|Travel Ban"); the reduced sheet and OFSI with ", "
    for (const s of pick(r, "Sanctions Imposed", "SanctionsImposed").split(/\s*\|\s*/)) b.prop("sanctionsImposed", s);
    b.prop("lastUpdated", pick(r, "Last Updated", "LastUpdated"));
    b.prop("statementOfReasons", pick(r, "UK Statement of Reasons", "UKStatementofReasons"));
    b.identifier("ofsi_group", pick(r, "OFSI Group ID", "OFSIGroupID", "Group ID"), "OFSI Group ID");
    b.identifier("un_reference", pick(r, "UN Reference Number", "UNReferenceNumber"), "UN reference number");
    // FCDO: Date Designated; OFSI: Listed On (the first UK listing) and UK Sanctions List Date Designated
    for (const listed of [pick(r, "Date Designated", "DateDesignated"), pick(r, "Listed On"), pick(r, "UK Sanctions List Date Designated")]) {
      const day = listed ? ukDate(listed) : undefined;
      if (day && (!b.record.listed || day < b.record.listed)) b.record.listed = day;
    }
    const country = pick(r, "Address Country", "AddressCountry", "Country");
    const lines = ["Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Address Postal Code", "Post/Zip Code"].map((c) => r.get(c));
    if (lines.some(Boolean) || country) b.address([...lines, country], country);
    for (const v of pickAll(r, "D.O.B", "DOB")) {
      const d = ukDate(v);
      if (d) b.birthDate(d);
      else b.prop("birthDateText", v);
    }
    for (const v of pickAll(r, "Nationality(/ies)", "Nationality", "Nationalities")) {
      b.prop("nationality", v);
      for (const part of v.split(/[,;]|\(\d+\)/)) b.country(part.trim());
    }
    for (const v of pickAll(r, "Passport number", "Passport Number")) b.identifier("passport", v, "Passport number");
    b.prop("passportDetails", pick(r, "Passport additional information", "Passport Details"));
    for (const v of pickAll(r, "National Identifier number", "National Identification Number")) b.identifier("national_id", v, "National identifier");
    b.prop("nationalIdDetails", pick(r, "National Identifier additional information", "National Identification Details"));
    for (const v of pickAll(r, "Business registration number (s)", "Business Registration Number")) applyRegistrationText(b, v, country);
    for (const v of pickAll(r, "IMO number", "IMO Number")) b.identifier("imo", v.replace(/^IMO\s*/i, ""), "IMO number");
    for (const v of pickAll(r, "Website")) b.identifier("website", v, "Website");
    for (const v of pickAll(r, "Email address", "Email Address")) b.identifier("email", v, "Email address");
    for (const v of pickAll(r, "Phone number", "Phone Number")) b.identifier("phone", v, "Phone number");
    for (const v of pickAll(r, "Position")) b.prop("position", v);
    b.prop("gender", pick(r, "Gender"));
    for (const v of [...pickAll(r, "Town of birth"), ...pickAll(r, "Country of birth")]) b.prop("birthPlace", v);
    b.prop("entityType", pick(r, "Type of entity"));
    for (const v of pickAll(r, "Parent company")) b.link(v, null, "parent");
    for (const v of pickAll(r, "Subsidiaries", "Subsidiary")) b.link(v, null, "subsidiary");
    b.prop("vesselFlag", pick(r, "Current believed flag of ship"));
    b.prop("vesselPreviousFlags", pick(r, "Previous flags", "PreviousFlag"));
    b.prop("vesselType", pick(r, "Type of ship"));
    b.prop("tonnage", pick(r, "Tonnage of ship"));
    b.prop("vesselLength", pick(r, "Length of ship"));
    b.prop("vesselYearBuilt", pick(r, "Year Built"));
    b.prop("vesselHin", pick(r, "Hull identification number (HIN)"));
    for (const v of pickAll(r, "Current owner/operator (s)", "CurrentOwnerOperator")) b.prop("vesselOwner", v);
    for (const v of pickAll(r, "Previous owner/operator (s)", "PreviousOwnerOperator")) b.prop("vesselPreviousOwner", v);
    const other = pick(r, "Other Information", "OtherInformation");
    if (other && !b.record.remarks) {
      b.record.remarks = other;
      if (idColumn === "groupid") applyConListOther(b, other);
    }
  }
  return b.done();
}
