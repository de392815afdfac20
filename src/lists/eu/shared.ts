/**
 * What the EU FSF XML and CSV share: the identification type codes (regnumber, fiscalcode, passport, id,
 * swiftbic, imo, and the document kinds such as tradelic, ssn, birthcert, drivinglicence…), the "UNKNOWN"
 * country (code "00") the list writes where it knows none, birth dates given whole or as year/month/day,
 * and alias quality, which is the `strong` attribute in the XML and only a remark ("Low quality") in the CSV.
 */
import { identifierKey } from "../common.js";

const DOCUMENT_KEYS: Record<string, string> = {
  passport: "passport", id: "national_id", nationcert: "national_id", ssn: "ssn", swiftbic: "swift", imo: "imo",
  drivinglicence: "drivers_license", tradelic: "trade_license", birthcert: "birth_certificate", residentperm: "residence_permit",
};

/** Our identifier key for an EU identification. */
export function euIdentifierKey(typeCode: string, label: string, number: string, country: string | undefined): string {
  const code = typeCode.toLowerCase();
  if (code === "regnumber") return identifierKey("registration number", number, country);
  if (code === "fiscalcode") return identifierKey("tax id", number, country);
  return DOCUMENT_KEYS[code] ?? identifierKey(label, number, country);
}

/** The country of an element, or undefined where the list writes "UNKNOWN"/"00". */
export function euCountry(iso2: string | undefined, description: string | undefined): string | undefined {
  if (iso2 && iso2 !== "00") return iso2;
  if (description && description.toUpperCase() !== "UNKNOWN") return description;
  return undefined;
}

/** A place's parts without the list's "UNKNOWN" placeholder. */
export const known = (parts: Array<string | undefined>) => parts.map((p) => (p && p.toUpperCase() !== "UNKNOWN" ? p : ""));

/** The birth date as YYYY[-MM[-DD]]: the whole date where given, else the parts the list knows. */
export function euBirthDate(whole: string | undefined, year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  if (whole) return whole;
  if (!year) return undefined;
  if (!month) return year;
  return [year, month.padStart(2, "0"), day ? day.padStart(2, "0") : ""].filter(Boolean).join("-");
}

/** A weak alias: `strong="false"` in the XML, or a remark that says the alias is of low quality. */
export function euWeakAlias(strong: string | undefined, remark: string | undefined): boolean {
  return strong === "false" || /\blow? quality\b/i.test(remark ?? "");
}
