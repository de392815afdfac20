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

export function ukRecord(idColumn: "uniqueid" | "groupid", rows: UkRow[], file: string): ListRecord {
  const first = rows[0];
  const id = first.get(idColumn);
  const where = `line ${first.line} (${idColumn === "uniqueid" ? "Unique ID" : "Group ID"} ${id})`;
  const typeText = pick(first, "Type", "Individual, Entity, Ship", "IndividualEntityShip", "Group Type", "Designation Type").toLowerCase();
  const type = TYPES[typeText];
  if (!type) throw new ListFileError(file, where, `unknown type ${JSON.stringify(typeText || "(empty)")}: expected Individual, Entity or Ship`);
  const isPrimary = (r: UkRow) => /primary/i.test(pick(r, "Name type", "Alias Type")) || !pick(r, "Name type", "Alias Type");
  const primaryRow = rows.find((r) => isPrimary(r) && fullName(r)) ?? rows.find((r) => fullName(r));
  // the published FCDO sheet has a few designations with an empty name; they are real entries, so they are
  // kept under their id (and flagged) rather than dropped or refused
  const b = new RecordBuilder(id, type, primaryRow ? fullName(primaryRow) : id);
  if (!primaryRow) b.prop("nameMissing", `the list gives no name for ${where.replace(/^line \d+ /, "")}`);
  for (const r of rows) {
    const nameType = pick(r, "Name type", "Alias Type").toLowerCase();
    const strength = pick(r, "Alias strength", "Alias Quality").toLowerCase();
    b.name(fullName(r), /primary/.test(nameType) && !/variation/.test(nameType) ? "primary" : /fka|former|previous/.test(nameType) ? "previous" : /low|weak/.test(strength) ? "weak" : "strong");
    for (const nl of pickAll(r, "Name non-latin script", "Name Non-Latin Script", "NameNonLatinScript")) {
      b.name(nl, "strong", { script: pick(r, "Non-latin script type", "Non-Latin Script Type") || "non-latin", lang: pick(r, "Non-latin script language", "Non-Latin Script Language") || null });
    }
    b.program(pick(r, "Regime Name", "Regime", "RegimeName"));
    b.prop("title", pick(r, "Title"));
    b.prop("designationSource", pick(r, "Designation source", "DesignationSource"));
    b.prop("sanctionsImposed", pick(r, "Sanctions Imposed", "SanctionsImposed"));
    b.prop("lastUpdated", pick(r, "Last Updated", "LastUpdated"));
    b.prop("statementOfReasons", pick(r, "UK Statement of Reasons", "UKStatementofReasons"));
    b.identifier("ofsi_group", pick(r, "OFSI Group ID", "OFSIGroupID", "Group ID"), "OFSI Group ID");
    b.identifier("un_reference", pick(r, "UN Reference Number", "UNReferenceNumber"), "UN reference number");
    const listed = pick(r, "Date Designated", "DateDesignated", "UK Sanctions List Date Designated", "Listed On");
    const day = listDate(listed);
    if (day && (!b.record.listed || day < b.record.listed)) b.record.listed = day;
    const country = pick(r, "Address Country", "AddressCountry", "Country");
    const lines = ["Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6", "Address Postal Code", "Post/Zip Code"].map((c) => r.get(c));
    if (lines.some(Boolean) || country) b.address([...lines, country], country);
    for (const v of pickAll(r, "D.O.B", "DOB")) b.birthDate(v.replace(/^0?0\/0?0\//, "").replace(/^dd\/mm\//i, ""));
    for (const v of pickAll(r, "Nationality(/ies)", "Nationality", "Nationalities")) {
      b.prop("nationality", v);
      for (const part of v.split(/[,;]|\(\d+\)/)) b.country(part.trim());
    }
    for (const v of pickAll(r, "Passport number", "Passport Number")) b.identifier("passport", v, "Passport number");
    for (const v of pickAll(r, "National Identifier number", "National Identification Number")) b.identifier("national_id", v, "National identifier");
    for (const v of pickAll(r, "Business registration number (s)", "Business Registration Number(s)", "Business Registration Number")) {
      b.identifier(identifierKey("business registration number", v, country), v, "Business registration number", country);
    }
    for (const v of pickAll(r, "IMO number", "IMO Number")) b.identifier("imo", v.replace(/^IMO\s*/i, ""), "IMO number");
    for (const v of pickAll(r, "Website")) b.identifier("website", v, "Website");
    for (const v of pickAll(r, "Email address", "Email Address")) b.identifier("email", v, "Email address");
    for (const v of pickAll(r, "Phone number", "Phone Number")) b.identifier("phone", v, "Phone number");
    b.prop("position", pick(r, "Position"));
    b.prop("gender", pick(r, "Gender"));
    b.prop("birthPlace", [pick(r, "Town of birth", "Town of Birth"), pick(r, "Country of birth", "Country of Birth")].filter(Boolean).join(", "));
    b.prop("entityType", pick(r, "Type of entity", "Type of Entity"));
    for (const v of pickAll(r, "Parent company", "Parent Company")) b.link(v, null, "parent");
    for (const v of pickAll(r, "Subsidiaries")) b.link(v, null, "subsidiary");
    b.prop("vesselFlag", pick(r, "Current believed flag of ship", "Current Believed Flag of Ship"));
    b.prop("vesselType", pick(r, "Type of ship", "Type of Ship"));
    b.prop("vesselOwner", pick(r, "Current owner/operator (s)", "Current Owner/Operator(s)"));
    const other = pick(r, "Other Information", "OtherInformation");
    if (other && !b.record.remarks) b.record.remarks = other;
  }
  return b.done();
}
