/**
 * Validity of dated records on a day. Dates may be partial (YYYY, YYYY-MM): a start of "2019" counts from
 * the start of 2019, an end of "2022" until the end of 2022 (we read an end as inclusive at its precision).
 */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function startedBy(start: string | null | undefined, day: string): boolean {
  return !start || start <= day.slice(0, start.length);
}

export function notEndedBy(end: string | null | undefined, day: string): boolean {
  return !end || end >= day.slice(0, end.length);
}

export function validOn(start: string | null | undefined, end: string | null | undefined, day: string): boolean {
  return startedBy(start, day) && notEndedBy(end, day);
}

/** A listing is in force from its listing date until (not including) its delisting date. */
export function listedOn(listed: string | null | undefined, delisted: string | null | undefined, day: string): boolean {
  return startedBy(listed, day) && (!delisted || delisted > day.slice(0, delisted.length));
}

export function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}
