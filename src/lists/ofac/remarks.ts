/**
 * OFAC's Remarks field. In the legacy CSV it is where OFAC puts everything that has no column: dates of
 * birth, identifiers, weak a.k.a.s, "Linked To" links, established dates and the secondary-sanctions
 * warnings, as "; "-separated items, an item starting "alt." being an alternative of the one before
 * ("DOB 1960; alt. DOB 1961"). The classic XML has most of these as elements and keeps the rest (links,
 * weak a.k.a.s) in <remarks>, so both parsers run their remarks through here.
 */
import { identifierKey, listDate, type RecordBuilder } from "../common.js";

/**
 * Labels OFAC writes before an identifier value, longest first so "Registration Number" wins over
 * "Registration". Anything not listed here but shaped like "<Label> No./Number/ID <value>" is still read.
 */
const ID_LABELS = [
  "Vessel Registration Identification", "Unified Social Credit Code (USCC)", "Business Registration Document #",
  "Business Registration Number", "Public Registration Number", "Commercial Registry Number", "Government Gazette Number",
  "Legal Entity Number", "Registration Number", "Registration ID", "Identification Number", "National ID No.",
  "National Foreign ID Number", "Tax ID No.", "Passport", "Diplomatic Passport", "Cedula No.", "NIT #", "RUC #", "RIF #",
  "D.N.I.", "C.U.R.P. #", "R.F.C. #", "SSN", "Driver's License No.", "Company Number", "Folio Mercantil No.",
  "Matricula Mercantil No", "Trade License No.", "C.R. No.", "SWIFT/BIC", "Website", "Email Address", "Phone Number",
  "Telephone", "Fax", "MMSI", "D-U-N-S Number", "V.A.T. Number", "BIK (RU)", "Chinese Commercial Code", "Citizen's Card Number",
  "Kenyan ID No.", "Personal ID Card", "Birth Certificate Number", "Refugee ID Card", "UAE Identification",
  "Stateless Person ID Card", "Residency Number", "Economic Register Number (CBLS)", "Registration Certificate Number (Dubai)",
  "Digital Currency Address - XBT", "Digital Currency Address - ETH", "Digital Currency Address - USDT", "Digital Currency Address - XMR",
  "Digital Currency Address - LTC", "Digital Currency Address - ZEC", "Digital Currency Address - DASH", "Digital Currency Address - BTG",
  "Digital Currency Address - ETC", "Digital Currency Address - BSV", "Digital Currency Address - BCH", "Digital Currency Address - XVG",
  "Digital Currency Address - TRX", "Digital Currency Address - USDC", "Digital Currency Address - ARB", "Digital Currency Address - BSC",
  "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "Aircraft Construction Number (also called L/N or S/N or F/N)",
  "Equity Ticker", "ISIN",
].sort((a, b) => b.length - a.length);

/** Items that are facts about the entry, kept as properties under our key. */
const PROPERTY_LABELS: Array<[RegExp, string]> = [
  [/^POB\s+/, "birthPlace"],
  [/^nationality\s+/i, "nationality"],
  [/^citizen\s+/i, "citizenship"],
  [/^Gender\s+/, "gender"],
  [/^Title\s+/, "title"],
  [/^Organization Type:?\s+/, "organizationType"],
  [/^Target Type\s+/, "targetType"],
  [/^Aircraft Model\s+/, "aircraftModel"],
  [/^Aircraft Operator\s+/, "aircraftOperator"],
  [/^Aircraft Manufacture Date\s+/, "aircraftManufactureDate"],
  [/^Former Vessel Flag\s+/, "formerVesselFlag"],
  [/^Vessel Year of Build\s+/, "vesselYearOfBuild"],
  [/^Nationality of Registration\s+/, "registrationCountry"],
  [/^Listing Date \(([^)]+)\):?\s+/, "listingDate"],
  [/^Effective Date \(([^)]+)\):?\s+/, "effectiveDate"],
];

/** Splits remarks into items; "alt." items keep their marker stripped. */
export function remarkItems(remarks: string): string[] {
  return remarks
    .replace(/\.\s*$/, "")
    .split(/;\s+/)
    .map((s) => s.trim().replace(/^alt\.\s+/, ""))
    .filter(Boolean);
}

/**
 * Reads one entry's remarks into the record. Returns the items it did not understand (they stay in
 * `remarks` anyway, which keeps the full text).
 */
export function applyRemarks(b: RecordBuilder, remarks: string): string[] {
  const text = remarks.trim();
  if (!text || text === "-0-") return [];
  b.record.remarks = text;
  return remarkItems(text).filter((item) => !applyRemarkItem(b, item));
}

/** Reads one remarks item (or one XML <id> written as "<idType> <idNumber> (<idCountry>)"); false if not understood. */
export function applyRemarkItem(b: RecordBuilder, raw: string): boolean {
  // "(Linked To: X)" is how the XML remarks carry it
  const item = raw.replace(/^\((.*)\)$/, "$1").trim();
  let m: RegExpMatchArray | null;
  if ((m = item.match(/^Linked To:\s*(.+)$/i))) {
    b.link(m[1].replace(/\.$/, ""));
    return true;
  }
  if (/^(Secondary sanctions risk|Additional Sanctions Information - Subject to Secondary Sanctions)/i.test(item)) {
    b.record.secondarySanctions = true;
    b.prop("secondarySanctions", item.replace(/^Secondary sanctions risk:\s*/i, ""));
    return true;
  }
  if ((m = item.match(/^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+(.+)$/i))) {
    // in remarks a.k.a.s are OFAC's weak ones ('QUOTED'); several can share one item
    const previous = /^f\.k\.a\./i.test(item);
    for (const q of m[1].matchAll(/'([^']+)'|"([^"]+)"/g)) b.name(q[1] ?? q[2], previous ? "previous" : "weak");
    return true;
  }
  if ((m = item.match(/^DOB\s+(.+)$/))) {
    const v = m[1].replace(/^circa\s+/i, "");
    const range = v.match(/^(\d{4})\s+to\s+(\d{4})$/);
    if (range) for (let y = Number(range[1]); y <= Number(range[2]) && y - Number(range[1]) < 20; y++) b.birthDate(String(y));
    else b.birthDate(v);
    return true;
  }
  if ((m = item.match(/^Organization Established Date\s+(.+)$/))) {
    b.prop("established", listDate(m[1]) ?? m[1]);
    return true;
  }
  const prop = PROPERTY_LABELS.find(([re]) => re.test(item));
  if (prop) {
    const [re, key] = prop;
    const value = item.replace(re, "");
    const qualifier = item.match(re)?.[1];
    b.prop(key, qualifier ? `${value} (${qualifier})` : value);
    if (key === "nationality" || key === "citizenship" || key === "registrationCountry") b.country(value);
    if (key === "listingDate" && !b.record.listed) b.record.listed = listDate(value.replace(/\s*\(.*$/, "")) ?? null;
    return true;
  }
  return readIdentifier(b, item);
}

/** "Tax ID No. 1650032058 (Russia)", "Passport A123 (Iran) issued 01 Jan 2001 expires …", "Vessel Registration Identification IMO 9187629". */
function readIdentifier(b: RecordBuilder, item: string): boolean {
  const label = ID_LABELS.find((l) => item.startsWith(l + " "));
  let rest: string;
  let labelText: string;
  if (label) {
    labelText = label;
    rest = item.slice(label.length + 1);
  } else {
    const m = item.match(/^([A-Z][A-Za-z.'/ ]*?(?:No\.|Number|ID|#))\s+(\S.*)$/);
    if (!m) return false;
    labelText = m[1];
    rest = m[2];
  }
  const m = rest.match(/^(.*?)(?:\s+\(([^)]+)\))?((?:\s+(?:issued|expires)\s+.+)*)$/);
  if (!m || !m[1]) return false;
  const value = m[1].trim();
  const country = m[2];
  const key = identifierKey(labelText, value, country);
  b.identifier(key, key === "imo" ? value.replace(/^IMO\s*/i, "") : value, labelText, country);
  if (m[3]?.trim()) b.prop("identifierDetails", `${labelText} ${value}: ${m[3].trim()}`);
  return true;
}
