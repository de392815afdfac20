/**
 * Which column of a customer file holds what. Headers vary ("Full Name", FULL_NAME, "Counterparty",
 * "Country of Incorporation"), so headers are compared by their letters and digits only, in lower case, against
 * the words below, in order of preference. A column named on the command line always wins.
 */
import { InputError } from "../model/errors.js";

/** The columns of a portfolio that screening reads (names as in the file's header). */
export interface BatchColumns {
  /** the party's whole name */
  name?: string;
  /** a person's name in parts, joined into a name where `name` is missing or empty */
  firstName?: string;
  middleName?: string;
  lastName?: string;
  type?: string;
  countries?: string[];
  dob?: string;
  /** identifier columns, each with the identifier kind its header names (INN, LEI, IMO…) when it names one */
  ids?: Array<{ column: string; kind?: string }>;
}

/** The same choice as column positions, resolved against one header. */
export interface ColumnPlan {
  name?: number;
  firstName?: number;
  middleName?: number;
  lastName?: number;
  type?: number;
  countries: number[];
  dob?: number;
  ids: Array<{ index: number; kind?: string }>;
}

/** A header as compared: letters and digits only, lower case ("Full Name" → "fullname"). */
export function headerKey(header: string): string {
  return header.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

const NAME_HEADERS = [
  "name", "fullname", "names", "partyname", "entityname", "companyname", "legalname", "registeredname",
  "organisationname", "organizationname", "customername", "clientname", "counterpartyname", "counterparty",
  "beneficiaryname", "beneficiary", "suppliername", "vendorname", "subjectname", "personname", "individualname",
  "accountname", "accountholder", "accountholdername", "vesselname", "customer", "client", "company", "party",
  "entity", "supplier", "vendor", "subject", "organisation", "organization",
];
/** headers ending in "name" that are not the party's name */
const NOT_A_NAME = /(first|last|middle|given|family|sur|user|file|bank|country|city|father|mother|maiden|street|product|sheet|nick|short|brand|contact|agent|branch)/;
const FIRST_NAME_HEADERS = ["firstname", "givenname", "givennames", "forename", "forenames", "first"];
const MIDDLE_NAME_HEADERS = ["middlename", "middlenames", "middle", "middleinitial", "patronymic"];
const LAST_NAME_HEADERS = ["lastname", "surname", "familyname", "lastnames", "surnames", "last"];
const TYPE_HEADERS = ["type", "entitytype", "partytype", "schema", "customertype", "clienttype", "subjecttype", "legaltype", "kind", "personorentity"];
const COUNTRY_HEADERS = [
  "country", "countries", "countrycode", "nationality", "nationalities", "citizenship", "jurisdiction",
  "countryofincorporation", "incorporationcountry", "countryofregistration", "registrationcountry",
  "countryofresidence", "residencecountry", "countryofdomicile", "domicile", "countryiso",
];
const DOB_HEADERS = ["dob", "dateofbirth", "birthdate", "birthday", "born", "yearofbirth", "dobyyyymmdd"];
/** identifier headers whose name says the kind (the matcher treats these kinds as unique to one party) */
const KIND_HEADERS: Record<string, string> = {
  inn: "inn", innnumber: "inn", ogrn: "ogrn", lei: "lei", leicode: "lei", imo: "imo", imonumber: "imo",
  swift: "swift", bic: "swift", swiftbic: "swift", mmsi: "mmsi", duns: "duns", dunsnumber: "duns", okpo: "okpo", icao: "icao",
};
const ID_HEADERS = [
  "identifier", "identifiers", "id", "idnumber", "registrationnumber", "regnumber", "registrationno", "companynumber",
  "companyregistrationnumber", "taxid", "taxnumber", "vatnumber", "nationalid", "passportnumber",
];

function findAll(header: string[], keys: string[]): number[] {
  const out: number[] = [];
  for (const key of keys) header.forEach((h, i) => headerKey(h) === key && !out.includes(i) && out.push(i));
  return out;
}

function findOne(header: string[], keys: string[]): number | undefined {
  return findAll(header, keys)[0];
}

/** The column a user named (exact, else ignoring case and punctuation), or an error listing the columns. */
export function columnIndex(header: string[], given: string, what: string, file: string): number {
  const exact = header.indexOf(given);
  if (exact >= 0) return exact;
  const loose = header.findIndex((h) => headerKey(h) === headerKey(given));
  if (loose >= 0) return loose;
  throw new InputError(`${file}: no column "${given}" for the ${what} (columns: ${header.join(", ")})`, { file });
}

/** Finds the columns screening reads; `given` (from the command line) overrides the guesses. */
export function detectColumns(header: string[], given: BatchColumns, file: string): ColumnPlan {
  const pick = (name: string | undefined, keys: string[], what: string) => (name ? columnIndex(header, name, what, file) : findOne(header, keys));
  const plan: ColumnPlan = {
    name: pick(given.name, NAME_HEADERS, "name"),
    firstName: pick(given.firstName, FIRST_NAME_HEADERS, "first name"),
    middleName: pick(given.middleName, MIDDLE_NAME_HEADERS, "middle name"),
    lastName: pick(given.lastName, LAST_NAME_HEADERS, "last name"),
    type: pick(given.type, TYPE_HEADERS, "type"),
    dob: pick(given.dob, DOB_HEADERS, "birth date"),
    countries: given.countries?.length ? given.countries.map((c) => columnIndex(header, c, "country", file)) : findAll(header, COUNTRY_HEADERS),
    ids: given.ids?.length
      ? given.ids.map((g) => ({ index: columnIndex(header, g.column, "identifier", file), kind: g.kind ?? KIND_HEADERS[headerKey(g.column)] }))
      : [
          ...findAll(header, Object.keys(KIND_HEADERS)).map((index) => ({ index, kind: KIND_HEADERS[headerKey(header[index])] })),
          ...findAll(header, ID_HEADERS).map((index) => ({ index, kind: undefined })),
        ],
  };
  // no exact name header: the first other header that says "name" ("Name of customer", "Holder Name")
  if (plan.name === undefined && !given.name) {
    const loose = header.findIndex((h) => /name/.test(headerKey(h)) && !NOT_A_NAME.test(headerKey(h)));
    if (loose >= 0) plan.name = loose;
  }
  // the DOB column is sometimes "Date of birth (DD/MM/YYYY)" or "Birth Date (if individual)"
  if (plan.dob === undefined) {
    const loose = header.findIndex((h) => /birth/.test(headerKey(h)) && /(date|dob|year)/.test(headerKey(h)));
    if (loose >= 0) plan.dob = loose;
  }
  if (plan.name === undefined && plan.firstName === undefined && plan.lastName === undefined) {
    const seen = header.filter(Boolean).map((h) => `"${h}"`).join(", ") || "none";
    throw new InputError(`${file}: cannot tell which column holds the name (columns: ${seen}); name it with --name-column`, { file });
  }
  return plan;
}

/** The pair columns of a compare-file input: two names and, where there is one, the schema. */
export interface PairColumnPlan {
  name1: number;
  name2: number;
  schema?: number;
}

const NAME1_HEADERS = ["name1", "namea", "leftname", "queryname", "name", "query", "left"];
const NAME2_HEADERS = ["name2", "nameb", "rightname", "candidatename", "matchname", "matchedname", "candidate", "right"];

export function detectPairColumns(header: string[], given: { name1?: string; name2?: string; schema?: string }, file: string): PairColumnPlan {
  const pick = (name: string | undefined, keys: string[], what: string) => (name ? columnIndex(header, name, what, file) : findOne(header, keys));
  const name1 = pick(given.name1, NAME1_HEADERS, "first name of each pair");
  const name2 = pick(given.name2, NAME2_HEADERS, "second name of each pair");
  if (name1 === undefined || name2 === undefined || name1 === name2) {
    const seen = header.filter(Boolean).map((h) => `"${h}"`).join(", ") || "none";
    throw new InputError(`${file}: cannot tell which columns hold the two names (columns: ${seen}); expected name1 and name2, or name them with --name1-column and --name2-column`, { file });
  }
  return { name1, name2, schema: pick(given.schema, TYPE_HEADERS, "schema") };
}
