/**
 * What every list parser shares: the error that names the place, country and date normalisation, and the
 * small record builder that dedupes names, countries and identifiers as a parser adds them.
 */
import type { ListIdentifier, ListName, ListRecord, ListRecordType } from "../model/lists.js";

/** A list file we refuse: names the file, the place (line, record) and what is wrong. */
export class ListFileError extends Error {
  constructor(readonly file: string, readonly where: string | undefined, readonly reason: string) {
    super(`${file}${where ? `, ${where}` : ""}: ${reason}`);
    this.name = "ListFileError";
  }
}

/** What a parser learns about the file as a whole (filled in while it streams). */
export interface ParseMeta {
  /** publication date stated inside the file (YYYY-MM-DD) */
  published?: string;
  /** the record count the file states about itself (OFAC Record_Count) */
  declaredCount?: number;
  /** set when the file is knowingly incomplete (an extract without OFAC's end-of-file byte) */
  partial?: string;
  /** non-fatal remarks worth telling the user (ignored rows, unknown columns) */
  notes: string[];
  /** the files read (for OFAC CSV: sdn.csv plus the alt/add files beside it) */
  files: string[];
}

export interface ParseOptions {
  /** called with the bytes read so far (of all files), for the progress bar */
  onBytes?: (bytes: number) => void;
}

/** A streaming parser: yields records in file order and fills `meta` while doing so. */
export type ListParser = (file: string, meta: ParseMeta, opts: ParseOptions) => AsyncIterable<ListRecord>;

export const newMeta = (file: string): ParseMeta => ({ notes: [], files: [file] });

// ---- countries ----

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region" });
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);
/** Names the lists use that ICU's English names do not cover. */
const EXTRA_NAMES: Record<string, string> = {
  "russian federation": "RU", "russia": "RU", "burma": "MM", "myanmar": "MM", "iran (islamic republic of)": "IR",
  "korea, north": "KP", "korea, south": "KR", "democratic people's republic of korea": "KP", "north korea": "KP",
  "republic of korea": "KR", "syrian arab republic": "SY", "congo, democratic republic of the": "CD",
  "democratic republic of the congo": "CD", "congo": "CG", "republic of the congo": "CG", "congo, republic of the": "CG",
  "turkey": "TR", "türkiye": "TR", "czech republic": "CZ", "the former yugoslav republic of macedonia": "MK",
  "macedonia": "MK", "venezuela (bolivarian republic of)": "VE", "bolivia (plurinational state of)": "BO",
  "united republic of tanzania": "TZ", "lao people's democratic republic": "LA", "laos": "LA", "viet nam": "VN",
  "cote d'ivoire": "CI", "côte d'ivoire": "CI", "ivory coast": "CI", "palestinian": "PS", "palestine": "PS",
  "west bank": "PS", "gaza": "PS", "holy see": "VA", "united states of america": "US", "usa": "US",
  "united kingdom of great britain and northern ireland": "GB", "uk": "GB", "great britain": "GB",
  "moldova, republic of": "MD", "republic of moldova": "MD", "crimea": "UA", "region: crimea": "UA",
  "hong kong": "HK", "macau": "MO", "macao": "MO", "taiwan": "TW", "kosovo": "XK", "bosnia-herzegovina": "BA",
  "the bahamas": "BS", "the gambia": "GM", "gambia": "GM", "cabo verde": "CV", "cape verde": "CV", "eswatini": "SZ",
  "swaziland": "SZ", "timor-leste": "TL", "east timor": "TL", "united arab emirates": "AE", "uae": "AE",
  "netherlands antilles": "CW", "serbia and montenegro": "RS", "yugoslavia": "RS", "sudan, south": "SS",
  "micronesia, federated states of": "FM", "st. kitts and nevis": "KN", "st. lucia": "LC", "st. vincent and the grenadines": "VC",
  "brunei darussalam": "BN", "libyan arab jamahiriya": "LY", "tanzania, united republic of": "TZ",
};
let byName: Map<string, string> | undefined;
function countryTable(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = REGION_NAMES.of(code);
      if (!name || name === code) continue;
      byName.set(name.toLowerCase(), code);
      // "Congo - Kinshasa", "Myanmar (Burma)": also the part before the qualifier when it is unambiguous
      const short = name.replace(/\s*[(-].*$/, "").toLowerCase();
      if (short !== name.toLowerCase() && !byName.has(short)) byName.set(short, code);
    }
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) byName.set(name, code);
  return byName;
}

/** ISO 3166-1 alpha-2 for a country name or code as lists write it, or undefined. */
export function countryCode(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/\.$/, "");
  if (!t) return undefined;
  if (/^[A-Za-z]{2}$/.test(t)) {
    const up = t.toUpperCase();
    return up === "UK" ? "GB" : countryTable().has(REGION_NAMES.of(up)?.toLowerCase() ?? "") ? up : undefined;
  }
  return countryTable().get(t.toLowerCase().replace(/\s+/g, " "));
}

// ---- dates ----

const MONTHS: Record<string, string> = {
  jan: "01", feb: "02", mar: "03", apr: "04", may: "05", jun: "06", jul: "07", aug: "08", sep: "09", oct: "10", nov: "11", dec: "12",
};

/**
 * A date as lists write it, to YYYY[-MM[-DD]]: "16 Nov 1957", "Nov 1957", "1957", "1957-11-16",
 * "16/11/1957" and "16-11-1957" (UK/EU day first), "03/28/2025" (OFAC month first, with `monthFirst`).
 */
export function listDate(text: string | null | undefined, opts: { monthFirst?: boolean } = {}): string | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/^circa\s+/i, "");
  let m = t.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join("-");
  m = t.match(/^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/);
  if (m && MONTHS[m[2].toLowerCase()]) return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, "0")}`;
  m = t.match(/^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[2]}-${MONTHS[m[1].toLowerCase()]}`;
  m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) {
    const [day, month] = opts.monthFirst ? [m[2], m[1]] : [m[1], m[2]];
    if (Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31) return `${m[3]}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  }
  return undefined;
}

// ---- record builder ----

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** Collects one record's values, dropping blanks and duplicates, and checks it against the schema's shape. */
export class RecordBuilder {
  readonly record: ListRecord;
  constructor(listId: string, type: ListRecordType, name: string) {
    this.record = {
      listId, type, name: clean(name), names: [], programs: [], listed: null, addresses: [], countries: [], identifiers: [],
      birthDates: [], links: [], secondarySanctions: false, remarks: null, properties: {},
    };
    if (this.record.name) this.name(name, "primary");
  }
  name(name: string | null | undefined, quality: ListName["quality"], extra: { lang?: string | null; script?: string | null } = {}) {
    const n = clean(name);
    if (!n) return this;
    if (!this.record.name) this.record.name = n;
    const same = this.record.names.find((x) => x.name === n);
    if (same) {
      // the headline name is added before the list says its language or script; keep what it says later
      if (extra.lang && !same.lang) same.lang = extra.lang;
      if (extra.script && !same.script) same.script = extra.script;
      return this;
    }
    this.record.names.push({ name: n, quality, ...(extra.lang ? { lang: extra.lang } : {}), ...(extra.script ? { script: extra.script } : {}) });
    return this;
  }
  program(p: string | null | undefined) {
    const v = clean(p);
    if (v && !this.record.programs.includes(v)) this.record.programs.push(v);
    return this;
  }
  country(text: string | null | undefined) {
    const c = countryCode(text);
    if (c && !this.record.countries.includes(c)) this.record.countries.push(c);
    return c;
  }
  address(parts: Array<string | null | undefined>, country?: string | null) {
    const full = parts.map(clean).filter((p) => p && p !== "-0-").join(", ");
    const code = this.country(country);
    if (full && !this.record.addresses.some((a) => a.full === full)) this.record.addresses.push({ full, ...(code ? { country: code } : {}) });
    return this;
  }
  identifier(key: string, value: string | null | undefined, label?: string | null, country?: string | null) {
    const v = clean(value);
    if (!v) return this;
    const code = countryCode(country);
    if (!this.record.identifiers.some((i) => i.key === key && i.value === v)) {
      this.record.identifiers.push({ key, value: v, ...(label ? { label } : {}), ...(code ? { country: code } : {}) });
    }
    return this;
  }
  birthDate(text: string | null | undefined, opts: { monthFirst?: boolean } = {}) {
    const d = listDate(text, opts);
    if (d && !this.record.birthDates.includes(d)) this.record.birthDates.push(d);
    else if (!d && clean(text)) this.prop("birthDateText", text);
    return this;
  }
  link(text: string | null | undefined, targetId?: string | null, kind = "linked_to") {
    const t = clean(text);
    if (t && !this.record.links.some((l) => l.text === t)) this.record.links.push({ text: t, kind, ...(targetId ? { targetId } : {}) });
    return this;
  }
  prop(key: string, value: string | null | undefined) {
    const v = clean(value);
    if (!v) return this;
    const vs = (this.record.properties[key] ??= []);
    if (!vs.includes(v)) vs.push(v);
    return this;
  }
  done(): ListRecord {
    // a Russian tax or registration number stated without its country (common in OFAC's XML) is still an
    // INN or OGRN when the entry is Russian and the number has the right length
    if (this.record.countries.includes("RU")) {
      for (const i of this.record.identifiers) {
        if ((i.key === "tax" || i.key === "registration") && !i.country) i.key = identifierKey(i.label ?? i.key, i.value, "RU");
      }
    }
    return this.record;
  }
}

/** Identifier keys for the labels lists use (OFAC idType / remarks labels, EU identificationTypeCode, UK columns). */
export function identifierKey(label: string, value: string, country?: string): string {
  const l = label.toLowerCase();
  const ru = countryCode(country) === "RU";
  const digits = value.replace(/\D/g, "");
  if (/\binn\b/.test(l)) return "inn";
  if (/\bogrn\b/.test(l)) return "ogrn";
  if (/\bkpp\b/.test(l)) return "kpp";
  if (/\bokpo\b/.test(l)) return "okpo";
  if (/tax id|taxpayer|\btin\b|tax number|tax identification|^tax$/.test(l)) return ru && (digits.length === 10 || digits.length === 12) ? "inn" : "tax";
  if (/registration (number|id)|^registration|regnumber|business registration|company number|public registration/.test(l) && !/vessel|aircraft/.test(l)) {
    return ru && (digits.length === 13 || digits.length === 15) ? "ogrn" : "registration";
  }
  if (/\bimo\b/.test(l) || /^imo\s*\d{7}$/i.test(value)) return "imo";
  if (/swift|\bbic\b/.test(l)) return "swift";
  if (/legal entity number|\blei\b/.test(l)) return "lei";
  if (/passport/.test(l)) return "passport";
  if (/national id|national identification|identity card|cedula|d\.n\.i|^id$|personal id|citizen's card|\bnid\b/.test(l)) return "national_id";
  if (/unified social credit|uscc/.test(l)) return "uscc";
  if (/website/.test(l)) return "website";
  if (/email/.test(l)) return "email";
  if (/phone|telephone|fax/.test(l)) return "phone";
  if (/mmsi/.test(l)) return "mmsi";
  if (/government gazette/.test(l)) return "gov_gazette";
  if (/isin/.test(l)) return "isin";
  if (/vat/.test(l)) return "vat";
  if (/d-u-n-s|duns/.test(l)) return "duns";
  if (/digital currency address/.test(l)) return "crypto";
  if (/ssn|social security/.test(l)) return "ssn";
  if (/driver/.test(l)) return "drivers_license";
  return "other";
}

/** Strong identifiers: a shared one means the same legal person (used to find knowledge-base twins). */
export const STRONG_IDENTIFIERS = ["inn", "ogrn", "imo", "lei"] as const;
