/**
 * The EU FSF consolidated list as CSV (format 1.1): semicolon-separated, a header row of 118 columns
 * (fileGenerationDate, Entity_*, then NameAlias_*, Address_*, BirthDate_*, Identification_* and Citizenship_*,
 * each group with its own _Regulation_* columns), and one row per name alias, address, birth date,
 * identification or citizenship of an entity, each row repeating the Entity_* columns. fileGenerationDate is
 * dd/mm/yyyy; Entity_SubjectType is "P"/"E" with "person"/"enterprise" in Entity_SubjectType_ClassificationCode;
 * there is no alias-strength column, only NameAlias_Remark ("Low quality"). Rows of one entity are consecutive, so entities are assembled while streaming; an
 * entity whose rows come back after another entity started is refused (it would be silently split).
 * Columns are found by header name, so an added column does not break the reader.
 */
import { basename } from "node:path";
import type { ListRecord } from "../../model/lists.js";
import { ListFileError, RecordBuilder, listDate, type ParseMeta, type ParseOptions } from "../common.js";
import { euBirthDate, euCountry, euIdentifierKey, euWeakAlias, known } from "./shared.js";
import { csvRows } from "../stream.js";

type Row = (col: string) => string;

export async function* parseEuCsv(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  let header: Map<string, number> | undefined;
  let current: { id: string; rows: Row[]; line: number } | undefined;
  const finished = new Set<string>();
  let count = 0;
  for await (const row of csvRows(file, { delimiter: ";", onBytes: opts.onBytes, relaxQuotes: true })) {
    if (!header) {
      header = new Map(row.fields.map((h, i) => [h.trim().toLowerCase(), i]));
      if (!header.has("entity_logicalid")) throw new ListFileError(name, `line ${row.line}`, "no Entity_LogicalId column: not an EU FSF CSV");
      continue;
    }
    const h = header;
    const get: Row = (col) => (row.fields[h.get(col.toLowerCase()) ?? -1] ?? "").trim();
    const id = get("Entity_LogicalId");
    if (!id) throw new ListFileError(name, `line ${row.line}`, "row without an Entity_LogicalId");
    if (!meta.published && get("fileGenerationDate")) meta.published = listDate(get("fileGenerationDate"));
    if (current && current.id !== id) {
      count++;
      yield euCsvEntity(current.id, current.rows, name, current.line);
      finished.add(current.id);
      current = undefined;
    }
    if (finished.has(id)) throw new ListFileError(name, `line ${row.line}`, `rows of Entity_LogicalId ${id} are not consecutive`);
    current ??= { id, rows: [], line: row.line };
    current.rows.push(get);
  }
  if (!header) throw new ListFileError(name, undefined, "empty file");
  if (current) {
    count++;
    yield euCsvEntity(current.id, current.rows, name, current.line);
  }
  if (count === 0) throw new ListFileError(name, undefined, "no entities");
}

function euCsvEntity(id: string, rows: Row[], file: string, line: number): ListRecord {
  const first = rows[0];
  const code = (first("Entity_SubjectType") || first("Entity_SubjectType_ClassificationCode")).toLowerCase();
  const type = code === "person" || code === "p" ? "person" : code === "enterprise" || code === "e" ? "entity" : undefined;
  if (!type) throw new ListFileError(file, `line ${line} (Entity_LogicalId ${id})`, `unknown Entity_SubjectType ${JSON.stringify(code)}`);
  const nameOf = (r: Row) => r("NameAlias_WholeName") || [r("NameAlias_FirstName"), r("NameAlias_MiddleName"), r("NameAlias_LastName")].filter(Boolean).join(" ");
  const named = rows.filter((r) => nameOf(r));
  if (named.length === 0) throw new ListFileError(file, `line ${line} (Entity_LogicalId ${id})`, "entity without a name alias");
  const headline = named.find((r) => !euWeakAlias(undefined, r("NameAlias_Remark")) && (!r("NameAlias_NameLanguage") || r("NameAlias_NameLanguage") === "EN")) ?? named[0];
  const b = new RecordBuilder(id, type, nameOf(headline));
  b.identifier("eu_reference", first("Entity_EU_ReferenceNumber"), "EU reference number");
  b.identifier("un_reference", first("Entity_UnitedNationId"), "UN reference number");
  b.prop("designationDetails", first("Entity_DesignationDetails"));
  if (first("Entity_Remark")) b.record.remarks = first("Entity_Remark");
  const dates: string[] = [];
  for (const r of rows) {
    if (r("Entity_DesignationDate")) dates.push(r("Entity_DesignationDate"));
    if (r("Entity_Regulation_PublicationDate")) dates.push(r("Entity_Regulation_PublicationDate"));
    b.program(r("Entity_Regulation_Programme"));
    if (r("Entity_Regulation_NumberTitle")) b.prop("regulation", [r("Entity_Regulation_NumberTitle"), r("Entity_Regulation_PublicationDate") && `published ${r("Entity_Regulation_PublicationDate")}`].filter(Boolean).join(", "));
    if (nameOf(r)) {
      b.name(nameOf(r), euWeakAlias(undefined, r("NameAlias_Remark")) ? "weak" : "strong", { lang: r("NameAlias_NameLanguage") || null });
      b.prop("function", r("NameAlias_Function"));
      b.prop("gender", r("NameAlias_Gender"));
      b.prop("title", r("NameAlias_Title"));
    }
    if (r("Address_LogicalId") || r("Address_Street") || r("Address_City")) {
      const country = euCountry(r("Address_CountryIso2Code"), r("Address_CountryDescription"));
      b.address(known(["Address_Street", "Address_PoBox", "Address_City", "Address_ZipCode", "Address_Region", "Address_Place", "Address_CountryDescription"].map(r)), country);
      b.prop("contactInfo", r("Address_ContactInfo"));
    }
    if (r("BirthDate_BirthDate") || r("BirthDate_Year")) {
      b.birthDate(euBirthDate(r("BirthDate_BirthDate"), r("BirthDate_Year"), r("BirthDate_Month"), r("BirthDate_Day")));
      b.prop("birthPlace", known(["BirthDate_City", "BirthDate_Place", "BirthDate_Region", "BirthDate_CountryDescription"].map(r)).filter(Boolean).join(", "));
    }
    const number = r("Identification_Number") || r("Identification_LatinNumber");
    if (number) {
      const label = r("Identification_TypeDescription") || r("Identification_TypeCode") || "identification";
      const country = euCountry(r("Identification_CountryIso2Code"), r("Identification_CountryDescription"));
      b.identifier(euIdentifierKey(r("Identification_TypeCode"), label, number, country), number, label, country);
    }
    if (r("Citizenship_CountryIso2Code") || r("Citizenship_CountryDescription")) {
      b.prop("citizenship", known([r("Citizenship_CountryDescription")])[0]);
      b.country(euCountry(r("Citizenship_CountryIso2Code"), r("Citizenship_CountryDescription")));
    }
  }
  b.record.listed = dates.map((d) => listDate(d)).filter((d): d is string => !!d).sort()[0] ?? null;
  return b.done();
}
