/**
 * Quantities in a sentence, normalised: "1.158 million vehicles" → 1158000 vehicles, "300 thousand vehicles
 * annually" → 300000 vehicles per year, "about 20%" → 20 percent, "1.6-liter" → 1.6 l, "$3.6 billion" →
 * 3600000000 USD. Years standing alone ("in 2023") are dates, not quantities.
 */

export type QuantityUnit = "percent" | "km" | "hp" | "l" | "vehicles" | "people" | `currency:${string}` | null;

export interface Quantity {
  value: number;
  unit: QuantityUnit;
  /** "annually", "per year", "a year" follow the unit */
  perYear: boolean;
  approximate: boolean;
  /** offsets into the text searched */
  start: number;
  end: number;
  raw: string;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₽": "RUB" };
const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/^(?:rubles?|roubles?|rub)$/i, "RUB"],
  [/^(?:yuan|rmb|cny)$/i, "CNY"],
  [/^(?:dollars?|usd)$/i, "USD"],
  [/^(?:euros?|eur)$/i, "EUR"],
  [/^(?:pounds?|gbp)$/i, "GBP"],
  [/^(?:tenge|kzt)$/i, "KZT"],
];

const VEHICLE_NOUNS =
  "vehicles?|cars?|units?|trucks?|lorries|buses|bus|vans?|automobiles?|crossovers?|SUVs?|sedans?|pickups?|tractors?|motorcycles?|machines|copies|pieces";

const NUMBER = String.raw`(?<cur>[$€£¥₽])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:${Object.keys(WORD_NUMBERS).join("|")}))`;
const SCALE = String.raw`(?:\s?(?<scale>thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)\b\.?)?`;
const UNIT = String.raw`(?:[\s-]?(?<unit>%|percent\b|per\s?cent\b|pct\b|km\b|kilomet(?:er|re)s?\b|miles?\b|horsepower\b|hp\b|bhp\b|PS\b|lit(?:er|re)s?\b|l\b|L\b|employees\b|workers\b|staff\b|people\b|jobs\b|rubles?\b|roubles?\b|yuan\b|RMB\b|dollars?\b|euros?\b|tenge\b|USD\b|EUR\b|RUB\b|CNY\b|(?:(?:[\p{L}-]+\s){0,2}?)(?:${VEHICLE_NOUNS})\b))?`;
const RATE = String.raw`(?<rate>\s(?:annually|per year|a year|per annum|each year|every year|a yr))?`;
const APPROX = String.raw`(?<approx>\b(?:about|around|roughly|nearly|almost|some|approximately|approx\.|over|more than|less than|up to|as (?:high|many|much) as)\s)?`;

const QUANTITY = new RegExp(String.raw`${APPROX}${NUMBER}${SCALE}${UNIT}${RATE}`, "giu");

export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  if (!/\d/.test(text)) return out; // figures are written in digits; "two brands" is no fact
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups!;
    const start = m.index! + m[0].indexOf(g.cur ?? g.num, g.approx?.length ?? 0);
    // the number must start a word ("X70" is a model name, not 70; "often" holds no "ten")
    const before = text[start - 1];
    const afterNum = text[m.index! + m[0].indexOf(g.num, start - m.index!) + g.num.length];
    if (/^[a-z]/i.test(g.num) && afterNum && /[\p{L}]/u.test(afterNum)) continue;
    if (before && /[\p{L}\p{N}_]/u.test(before)) continue;
    const numText = g.num.toLowerCase();
    let value = numText in WORD_NUMBERS ? WORD_NUMBERS[numText] : Number(numText.replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    let scale: string | undefined = g.scale?.toLowerCase();
    // "m"/"b"/"k" only scale a figure written right after its digits ("$3.6bn", "5m"), never "5 m long"
    if (scale && scale.length === 1 && !m[0].includes(g.num + g.scale)) scale = undefined;
    if (scale) value *= SCALES[scale];
    value = Math.round(value * 1e6) / 1e6;
    const unitRaw = g.unit?.trim();
    let unit: QuantityUnit = null;
    if (g.cur) unit = `currency:${CURRENCY_SYMBOLS[g.cur]}`;
    if (unitRaw) {
      const u = unitRaw.toLowerCase();
      const last = u.split(/\s+/).pop()!;
      if (u === "%" || /^(?:percent|per\s?cent|pct)$/.test(u)) unit = "percent";
      else if (/^(?:km|kilomet)/.test(u)) unit = "km";
      else if (/^miles?$/.test(u)) {
        unit = "km";
        value = Math.round(value * 1.609344);
      } else if (/^(?:horsepower|hp|bhp|ps)$/.test(u)) unit = "hp";
      else if (/^(?:lit|l$)/.test(u)) unit = "l";
      else if (/^(?:employees|workers|staff|people|jobs)$/.test(u)) unit = "people";
      else if (new RegExp(`^(?:${VEHICLE_NOUNS})$`, "i").test(last)) unit = "vehicles";
      else {
        const cur = CURRENCY_WORDS.find(([re]) => re.test(u));
        if (cur) unit = `currency:${cur[1]}`;
      }
    }
    // a bare four-digit number between 1900 and 2100 is a year
    if (!unit && !scale && /^(?:19|20)\d\d$/.test(numText)) continue;
    // a bare word number ("one of the", "two brands") is not a figure worth a fact
    if (!unit && !scale && numText in WORD_NUMBERS) continue;
    const end = m.index! + m[0].length;
    out.push({
      value,
      unit,
      perYear: Boolean(g.rate),
      approximate: Boolean(g.approx),
      start,
      end: unit === "vehicles" || g.rate ? end : m.index! + m[0].length,
      raw: text.slice(start, end).trim(),
    });
  }
  return out;
}
