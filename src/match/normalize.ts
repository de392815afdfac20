/**
 * Name analysis: one name string in any script → the tokens the scorer aligns. Pure functions, no store.
 *
 * Steps: Unicode NFKC; script detection; OFAC-style "SURNAME, Given" put back in reading order for persons;
 * Cyrillic and Chinese transliterated the way lists print them (transliterate.ts), every other script folded
 * to ASCII (any-ascii via asciiFold in src/model/names.ts); case folding; then legal forms, generic words and
 * stop words recognised as weak tokens (legal-forms.ts), single letters of person names as initials, numbers
 * kept as numbers, and cross-script name symbols attached (known-names.ts).
 */
import { editDistance } from "./jaro-winkler.js";
import { asciiFold } from "../model/names.js";
import { chineseToLatin, cyrillicToLatin } from "./transliterate.js";
import { GENERIC_SYNONYMS, GENERIC_WORDS, LEGAL_FORMS, STOP_WORDS } from "./legal-forms.js";
import { knownNameSymbol } from "./known-names.js";
import { letterMask, skeleton, uniformToken, type NameToken } from "./tokens.js";

export type Script = "Latin" | "Cyrillic" | "Han" | "Arabic" | "Hangul" | "Greek" | "Hebrew" | "Kana" | "Other";

const SCRIPT_TESTS: Array<[Script, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Han", /\p{Script=Han}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/** The scripts a text is written in (letters only; digits and punctuation belong to none). */
export function detectScripts(text: string): Script[] {
  const out: Script[] = [];
  for (const [script, re] of SCRIPT_TESTS) if (re.test(text)) out.push(script);
  if (out.length === 0 && /\p{L}/u.test(text)) out.push("Other");
  return out;
}

/** Schemas of natural persons: their names get initials and name-order handling, never legal forms. */
export function isPersonSchema(schema: string | undefined): boolean {
  return schema === "Person";
}

export interface NameAnalysis {
  /** the name as given */
  original: string;
  scripts: Script[];
  /** the folded, reordered Latin form (what the tokens were cut from) */
  latin: string;
  tokens: NameToken[];
}

/** Folds a phrase or word exactly as names are folded, so tables written in any script meet the names. */
export function foldText(text: string): string {
  return asciiFold(chineseToLatin(cyrillicToLatin(text.normalize("NFKC"))));
}

interface PhraseEntry {
  words: string[];
  token: Omit<NameToken, "text" | "key" | "mask">;
}

// Phrase tables by first word, longest phrase first, built once from the tables in legal-forms.ts.
let phraseIndex: Map<string, PhraseEntry[]> | undefined;
function phrases(): Map<string, PhraseEntry[]> {
  if (phraseIndex) return phraseIndex;
  const index = new Map<string, PhraseEntry[]>();
  const add = (phrase: string, token: PhraseEntry["token"]) => {
    const words = foldText(phrase).split(" ").filter(Boolean);
    if (words.length === 0) return;
    const list = index.get(words[0]) ?? [];
    // the first table that names a phrase wins (legal forms before generic words)
    if (list.some((e) => e.words.join(" ") === words.join(" "))) return;
    list.push({ words, token });
    index.set(words[0], list);
  };
  for (const form of LEGAL_FORMS) for (const p of form.phrases) add(p, { kind: "legal", symbol: form.form, family: form.family });
  for (const w of STOP_WORDS) add(w, { kind: "stop" });
  for (const group of GENERIC_SYNONYMS) for (const w of group) add(w, { kind: "generic", symbol: `=${foldText(group[0])}` });
  for (const w of GENERIC_WORDS) add(w, { kind: "generic" });
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  phraseIndex = index;
  return index;
}

/** Legal-form phrases, flat, for the loose look-up below. */
let legalEntries: PhraseEntry[] | undefined;

/**
 * A legal form written slightly wrong: one letter off in a long word (Aktiengeselschaft) or cut off at the
 * end of the name by a field-length limit (Joint Stock Compan). Tried only after the exact look-up fails,
 * and only for organisations.
 */
function looseLegalPhrase(words: string[], i: number): PhraseEntry | undefined {
  legalEntries ??= [...phrases().values()].flat().filter((e) => e.token.kind === "legal").sort((a, b) => b.words.length - a.words.length);
  const last = words.length - 1;
  for (const entry of legalEntries) {
    if (i + entry.words.length > words.length) continue;
    let loose = false;
    const fits = entry.words.every((w, k) => {
      const word = words[i + k];
      if (word === w) return true;
      loose = true;
      if (w.length >= 10 && Math.abs(w.length - word.length) <= 1 && editDistance(w, word) <= 1) return true;
      return i + k === last && k === entry.words.length - 1 && word.length >= 5 && w.startsWith(word);
    });
    if (fits && loose) return entry;
  }
  return undefined;
}

/**
 * Particles that may open a person's name and still be particles (Al-Zawahiri, Abu Bakr). The connectors
 * bin, ibn, ben, bint and ould join a name to a father's name, so as the first word they are a name of their
 * own (Ben Hak is Ben, not "son of" Hak).
 */
const LEADING_PARTICLES = new Set(["al", "el", "abu"]);
const PERSON_COMMA = /^\s*([^,]+?)\s*,\s*([^,]+?)\s*$/;

/** "SURNAME, Given" (OFAC, UN) → "Given SURNAME"; other names unchanged. */
export function personReadingOrder(name: string): string {
  const m = PERSON_COMMA.exec(name);
  if (!m || /\d/.test(name)) return name;
  return `${m[2]} ${m[1]}`;
}

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth"];
const NUMBER_WORD = new Map<string, number>();
UNITS.forEach((w, i) => NUMBER_WORD.set(w, i));
TENS.forEach((w, i) => w && NUMBER_WORD.set(w, i * 10));
ORDINALS.forEach((w, i) => w && NUMBER_WORD.set(w, i));
NUMBER_WORD.set("fourty", 40);

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
function romanValue(w: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    const v = values[w[i]];
    const next = values[w[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * English number words and ordinals to digits in organisation names ("Brigade Forty-Four" = "Brigade 44",
 * "First International Bank" = "1st International Bank"), so numbers compare as numbers.
 */
function numberWordsToDigits(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(w);
    if (ordinal) {
      out.push(ordinal[1]);
      continue;
    }
    // roman numerals of series and funds ("Partners IV", "Trust XV"); a lone I or V/X is too often a word
    if (w.length >= 2 && ROMAN.test(w)) {
      out.push(String(romanValue(w)));
      continue;
    }
    const value = NUMBER_WORD.get(w);
    if (value === undefined) {
      out.push(w);
      continue;
    }
    // "forty four" / "forty 4": a tens word followed by a unit
    const next = words[i + 1];
    const unit = next === undefined ? undefined : /^\d$/.test(next) ? Number(next) : NUMBER_WORD.get(next);
    if (value >= 20 && value % 10 === 0 && unit !== undefined && unit > 0 && unit < 10) {
      out.push(String(value + unit));
      i++;
    } else out.push(String(value));
  }
  return out;
}

/** Analyses one name. `schema` is an FtM/autorisk type (Person, Company, …) when known. */
export function analyseName(name: string, opts: { schema?: string } = {}): NameAnalysis {
  const person = isPersonSchema(opts.schema);
  const nfkc = name.normalize("NFKC").trim();
  const ordered = person || opts.schema === undefined ? personReadingOrder(nfkc) : nfkc;
  const latin = foldText(ordered.replace(/&/g, " and ").replace(/\+/g, " and "));
  let words = latin ? latin.split(" ") : [];
  if (!person) words = numberWordsToDigits(words);
  const tokens: NameToken[] = [];
  const table = phrases();
  const scripts = detectScripts(nfkc);
  const hanOnly = scripts.length === 1 && scripts[0] === "Han";
  for (let i = 0; i < words.length; ) {
    const word = words[i];
    if (/^\d+$/.test(word)) {
      const key = String(Number(word));
      tokens.push({ text: word, key, kind: "number", mask: letterMask(key) });
      i++;
      continue;
    }
    let matched: PhraseEntry | undefined;
    for (const entry of table.get(word) ?? []) {
      if (person && entry.token.kind === "legal") continue;
      // a person's name that starts with Van, De, Le… uses it as a given name, not as a particle
      if (person && i === 0 && entry.token.kind === "stop" && !LEADING_PARTICLES.has(word)) continue;
      // pinyin read from Chinese characters has no particles: 斌 is the given name Bin, not "son of"
      if (hanOnly && entry.token.kind === "stop") continue;
      if (entry.words.every((w, k) => words[i + k] === w)) {
        matched = entry;
        break;
      }
    }
    if (!matched && !person && (word.length >= 10 || i >= words.length - 3)) matched = looseLegalPhrase(words, i);
    // a name that is nothing but one generic or stop word is still a name: keep it as a word
    if (matched && !(words.length === matched.words.length && matched.token.kind !== "legal")) {
      const text = matched.words.join(" ");
      const key = matched.token.kind === "legal" ? matched.token.symbol! : text.replace(/ /g, "");
      tokens.push({ ...matched.token, text, key, mask: letterMask(key) });
      i += matched.words.length;
      continue;
    }
    if (word.length === 1 && person) {
      tokens.push({ text: word, key: word, kind: "initial", mask: letterMask(word) });
    } else {
      const key = skeleton(word);
      const symbol = knownNameSymbol(word);
      tokens.push(symbol ? { text: word, key, kind: "word", symbol, mask: letterMask(key) } : { text: word, key, kind: "word", mask: letterMask(key) });
    }
    i++;
  }
  if (hanOnly) for (const t of tokens) if (t.kind === "word") t.strict = true;
  return { original: name, scripts, latin: tokens.map((t) => t.text).join(" "), tokens: joinLetterRuns(tokens, person).map(uniformToken) };
}

/** "U S A", "I B M" in an organisation's name are one acronym written with dots: join them. */
function joinLetterRuns(tokens: NameToken[], person: boolean): NameToken[] {
  if (person || !tokens.some((t, i) => t.kind === "word" && t.text.length === 1 && tokens[i + 1]?.text.length === 1)) return tokens;
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (tokens[i].kind === "word" && tokens[i].text.length === 1) {
      let j = i;
      let text = "";
      while (j < tokens.length && tokens[j].kind === "word" && tokens[j].text.length === 1) text += tokens[j++].text;
      out.push({ text, key: text, kind: "word", mask: letterMask(text) });
      i = j;
    } else out.push(tokens[i++]);
  }
  return out;
}
