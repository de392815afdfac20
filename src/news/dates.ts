/**
 * Dates in a sentence, as precise as stated (YYYY, YYYY-MM, YYYY-MM-DD). Relative expressions ("last year",
 * "on February 10" without a year, "yesterday", "on Monday") are resolved against the article's date.
 */

export interface DateMention {
  value: string;
  start: number;
  end: number;
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const pad = (n: number) => String(n).padStart(2, "0");
const monthIndex = (m: string) => MONTH_NAMES.findIndex((name) => name.startsWith(m.toLowerCase().slice(0, 3))) + 1;

const PATTERNS: Array<{ re: RegExp; resolve: (g: Record<string, string>, ref: RefDate) => string | null }> = [
  { re: /\b(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})\b/g, resolve: (g) => `${g.y}-${g.mo}-${g.d}` },
  {
    re: new RegExp(String.raw`\b${MONTH}\s(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s(?<y>\d{4}))?\b`, "g"),
    resolve: (g, ref) => dayDate(g.y, monthIndex(g.month), Number(g.d), ref),
  },
  {
    re: new RegExp(String.raw`\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?${MONTH}(?:,?\s(?<y>\d{4}))?\b`, "g"),
    resolve: (g, ref) => dayDate(g.y, monthIndex(g.month), Number(g.d), ref),
  },
  {
    re: new RegExp(String.raw`\b(?:in|since|by|from|until|of|at the (?:end|beginning|start) of|(?:early|mid|late)-?)\s?(?:the\s)?${MONTH}(?:\s(?<y>\d{4}))?\b`, "g"),
    resolve: (g, ref) => {
      const mo = monthIndex(g.month);
      if (g.y) return `${g.y}-${pad(mo)}`;
      if (!ref.year) return null;
      const year = ref.month && mo > ref.month ? ref.year - 1 : ref.year;
      return `${year}-${pad(mo)}`;
    },
  },
  { re: /\b(?<y>(?:19|20)\d{2})\b(?![-,.]\d)/g, resolve: (g) => g.y },
  { re: /\blast year\b/gi, resolve: (_g, ref) => (ref.year ? String(ref.year - 1) : null) },
  { re: /\bthis year\b/gi, resolve: (_g, ref) => (ref.year ? String(ref.year) : null) },
  { re: /\bnext year\b/gi, resolve: (_g, ref) => (ref.year ? String(ref.year + 1) : null) },
  { re: /\byesterday\b/gi, resolve: (_g, ref) => shiftDays(ref, -1) },
  { re: /\btoday\b/gi, resolve: (_g, ref) => shiftDays(ref, 0) },
  {
    re: /\b(?:on|last)\s(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    resolve: (g, ref) => {
      if (!ref.day) return null;
      const d = new Date(`${ref.day}T00:00:00Z`);
      let back = (d.getUTCDay() - WEEKDAYS.indexOf(g.wd.toLowerCase()) + 7) % 7;
      if (back === 0) back = 7;
      return shiftDays(ref, -back);
    },
  },
];

export interface RefDate {
  year: number | null;
  month: number | null;
  day: string | null;
}

export function refDate(date: string | null): RefDate {
  if (!date) return { year: null, month: null, day: null };
  const [y, m] = date.split("-");
  return { year: Number(y), month: m ? Number(m) : null, day: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null };
}

function dayDate(y: string | undefined, month: number, day: number, ref: RefDate): string | null {
  if (month < 1 || day < 1 || day > 31) return null;
  if (y) return `${y}-${pad(month)}-${pad(day)}`;
  if (!ref.year) return null;
  // a day without a year is the latest such day not after the article (news reports the past)
  let year = ref.year;
  if (ref.month && (month > ref.month || (month === ref.month && ref.day && day > Number(ref.day.slice(8))))) year--;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function shiftDays(ref: RefDate, days: number): string | null {
  if (!ref.day) return null;
  const d = new Date(`${ref.day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** All dates in a text, longest (most precise) first where they overlap. */
export function findDates(text: string, ref: RefDate): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, resolve } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const value = resolve((m.groups ?? {}) as Record<string, string>, ref);
      if (!value) continue;
      const start = m.index!;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ value, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const COMPLETED_YEAR = /\b(?:in|for)\s((?:19|20)\d{2}),?[^.]*?\b(?:reached|exported|imported|sold|produced|totall?ed|amounted|grew|fell|rose|increased|decreased|was|were)\b/i;

/**
 * The reference date when the article gives none: the latest year it mentions, or the year after when that
 * year is reported as complete ("In 2024, exports reached …" is written after 2024 ended).
 */
export function inferReferenceDate(body: string): string | null {
  let max = 0;
  for (const m of body.matchAll(/\b((?:19|20)\d{2})\b(?![-,.]\d)/g)) max = Math.max(max, Number(m[1]));
  if (!max) return null;
  for (const sentence of body.split(/(?<=[.!?])\s+/)) {
    const m = COMPLETED_YEAR.exec(sentence);
    if (m && Number(m[1]) === max) return String(max + 1);
  }
  return String(max);
}
