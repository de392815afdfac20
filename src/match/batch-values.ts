/**
 * Cell values of customer files as the matcher wants them: a type or FtM schema ("Individual", "ship",
 * "LegalEntity"), birth dates in the spellings spreadsheets use (31/01/1970, 31.01.1970, 1970) and lists
 * of values in one cell ("RU; BY"). Unrecognised values give undefined, never a guess.
 */

/** Type words customers use, keyed by their letters only (lower case), to the autorisk type / FtM schema. */
const TYPE_WORDS: Record<string, string> = {
  person: "Person", individual: "Person", naturalperson: "Person", natural: "Person", p: "Person", i: "Person",
  ind: "Person", indiv: "Person", human: "Person", privateperson: "Person", privateindividual: "Person",
  entity: "Company", company: "Company", corporate: "Company", corporation: "Company", business: "Company",
  firm: "Company", legalperson: "Company", c: "Company", e: "Company", co: "Company", enterprise: "Company",
  organisation: "Organization", organization: "Organization", org: "Organization", o: "Organization",
  legalentity: "LegalEntity", publicbody: "PublicBody", government: "PublicBody", governmentbody: "PublicBody",
  stateagency: "PublicBody", vessel: "Vessel", ship: "Vessel", boat: "Vessel", v: "Vessel",
  aircraft: "Aircraft", airplane: "Aircraft", aeroplane: "Aircraft", plane: "Aircraft", a: "Aircraft",
};

/** The autorisk type (FtM schema) a type cell means, or undefined when the word is not one we know. */
export function normaliseType(value: string | undefined): string | undefined {
  const key = (value ?? "").normalize("NFKD").toLowerCase().replace(/[^a-z]/g, "");
  return key ? TYPE_WORDS[key] : undefined;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** 1–12 for an English month name or its abbreviation (Jan, Sept), else undefined. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((name) => w.length >= 3 && name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function fourDigitYear(y: string): number {
  if (y.length === 4) return Number(y);
  // two-digit years in birth dates: the most recent year that is not in the future
  const n = Number(y);
  const thisYear = new Date().getUTCFullYear() % 100;
  return n <= thisYear ? 2000 + n : 1900 + n;
}

function ymd(y: number, m: number, d?: number): string | undefined {
  if (y < 1000 || y > 2999 || m < 1 || m > 12) return undefined;
  if (d === undefined) return `${y}-${pad(m)}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A birth date as YYYY, YYYY-MM or YYYY-MM-DD. Accepts ISO dates (with or without a time), YYYY/MM/DD,
 * DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY, two-digit years, "31 Jan 1970", "Jan 31, 1970" and a bare year.
 * When day and month could be swapped (01/02/1970) the day comes first, as in most of the world; month
 * first only when the first number cannot be a month (01/31/1970 is January 31st).
 */
export function normaliseDate(value: string | undefined): string | undefined {
  const v = (value ?? "").trim();
  if (!v) return undefined;
  let m = /^(\d{4})$/.exec(v);
  if (m) return Number(m[1]) >= 1000 && Number(m[1]) <= 2999 ? m[1] : undefined;
  m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return ymd(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ][\d:.]+)?$/.exec(v);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), fourDigitYear(m[3])];
    return ymd(y, b, a) ?? (a <= 12 ? ymd(y, a, b) : undefined);
  }
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return ymd(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})$/.exec(v);
  if (m && monthOf(m[2])) return ymd(Number(m[3]), monthOf(m[2])!, Number(m[1]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(v);
  if (m && monthOf(m[1])) return ymd(Number(m[3]), monthOf(m[1])!, Number(m[2]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(v);
  if (m && monthOf(m[1])) return ymd(Number(m[2]), monthOf(m[1])!);
  return undefined;
}

/** The values of a cell that may hold several ("RU; BY", "1970 | 1971", one per line). */
export function cellValues(value: string | undefined): string[] {
  return (value ?? "").split(/[;|\n]/).map((s) => s.trim()).filter(Boolean);
}
