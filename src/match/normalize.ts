/**
 * Name analysis: one name string in any script → the tokens the scorer aligns. Pure functions, no store.
 *
 * Steps: Unicode NFKC; script detection; OFAC-style "SURNAME, Given" put back in reading order for persons;
 * Cyrillic and Chinese transliterated the way lists print them, a Chinese or Korean person's name written
 * as one word split into family and given name (习近平 → Xi Jinping, 김정은 → Kim Jong Un), an Arabic- or
 * Hebrew-script name read with the vowels the script writes (transliterate.ts; AnalyseOptions.abjad), every
 * other script folded to ASCII (any-ascii via asciiFold in
 * src/model/names.ts); case folding. Then, for organisations, letters written with dots joined (G.m.b.H.,
 * U.S.A.) and number words, ordinals and series numerals read as numbers; for persons, the Abd al- prefix
 * family read as one word (Abdul). Then leading titles of a person and the Muslim honorifics read as stop
 * words, legal forms, generic words and stop words recognised as weak tokens (legal-forms.ts), single letters
 * of person names as initials, numbers kept as numbers, and cross-script name symbols attached
 * (known-names.ts). Words read from Chinese characters or Hangul are marked strict (no typo tolerance), and
 * words read from Chinese characters keep them (two names of one pinyin are told apart by their characters).
 * Particles (bin, ben, al…) are particles between names only: not as the first or last word of a person's
 * name, and never in a name read from Chinese or Korean.
 */
import { editDistance } from "./jaro-winkler.js";
import { asciiFold } from "../model/names.js";
import { arabicToLatin, chineseToLatin, cyrillicToLatin, hangulPersonToLatin, hanOfWords, hebrewToLatin, koreanVowelKey } from "./transliterate.js";
import { GENERIC_SYNONYMS, GENERIC_WORDS, HONORIFICS_ANYWHERE, LEGAL_FORMS, PERSON_TITLES, STOP_WORDS } from "./legal-forms.js";
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

const HONORIFIC = new Set(HONORIFICS_ANYWHERE);

// Person titles by first word, longest first (see PERSON_TITLES).
let titleIndex: Map<string, string[][]> | undefined;
function titles(): Map<string, string[][]> {
  if (titleIndex) return titleIndex;
  const index = new Map<string, string[][]>();
  for (const title of PERSON_TITLES) {
    const words = foldText(title).split(" ").filter(Boolean);
    index.set(words[0], [...(index.get(words[0]) ?? []), words].sort((a, b) => b.length - a.length));
  }
  return (titleIndex = index);
}

/** Length of the title phrase at words[i], or 0. */
function titleAt(words: string[], i: number): number {
  for (const t of titles().get(words[i]) ?? []) if (t.every((w, k) => words[i + k] === w)) return t.length;
  return 0;
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
/** The Arabic article as romanisations write it, sun-letter assimilations included (Abd ar-Rahman, Abd as-Salam). */
const ARABIC_ARTICLE = /^(?:a|e|u|o)(?:l|r|s|sh|t|th|d|dh|z|n)$/;
const ABD_WORD = /^abd(?:u|e|a|ou|o|i)?l?$/;
const ABD_PREFIX = /^abd(?:u|e|a|ou|o)l+(?=[a-z]{3,}$)/;
const ALLAH = /^(?:allah|ullah|illah|alla)$/;

/**
 * "Abd al-" (servant of) names are romanised as Abd al-Aziz, Abdul Aziz, Abdel Aziz, Abd-ul-Aziz, Abdelaziz,
 * Abdoulaziz: in a person's name the prefix and its article become one word, "abdul" (Abdallah, Abd Allah
 * → abdullah), so the name word after it pairs with itself whichever spelling each side used.
 */
function arabicAbdForms(words: string[]): string[] {
  if (!words.some((w) => w.startsWith("abd"))) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (ABD_WORD.test(w) && next !== undefined) {
      if (ALLAH.test(next)) {
        out.push("abdullah");
        i++;
      } else if (ARABIC_ARTICLE.test(next) && words[i + 2] !== undefined) {
        out.push("abdul");
        i++;
      } else out.push("abdul");
      continue;
    }
    if (ABD_PREFIX.test(w)) {
      const rest = w.replace(ABD_PREFIX, "");
      out.push(ALLAH.test(`al${rest}`) || ALLAH.test(rest) ? "abdullah" : `abdul${rest}`);
      continue;
    }
    out.push(w);
  }
  return out;
}
/** The words that join a name to a father's or an ancestor's name (Salman bin Muhammad). */
const CONNECTORS = new Set(["bin", "ibn", "ben", "bint", "ould"]);

/** The two-character Chinese family names (欧阳 Ouyang, 司马 Sima…); every other family name is one character. */
const COMPOUND_SURNAMES = new Set(["欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "令狐", "司徒", "夏侯", "长孙", "長孫", "宇文", "轩辕", "軒轅", "端木", "西门", "西門", "独孤", "獨孤", "南宫", "南宮", "万俟", "闻人", "聞人", "申屠"]);
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

/** Whether words[from..] is nothing but one legal form (the end of "Fund V L.P."). */
function isLegalTail(words: string[], from: number): boolean {
  const tail = words.slice(from).join(" ");
  return (phrases().get(words[from]) ?? []).some((e) => e.token.kind === "legal" && e.words.join(" ") === tail);
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
    // roman numerals of series and funds ("Partners IV", "Trust XV"); a lone I, V or X only as the last
    // word after a name word, or before the closing legal form (Grace I, Fund V L.P.): elsewhere it is too
    // often a word or an initial
    const lastNumeral = (w === "i" || w === "v" || w === "x") && i > 0 && words[i - 1].length > 1 && (i === words.length - 1 || isLegalTail(words, i + 1));
    if ((w.length >= 2 && ROMAN.test(w)) || lastNumeral) {
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

export interface AnalyseOptions {
  /** FtM/autorisk type (Person, Company, …) when known */
  schema?: string;
  /**
   * Read an Arabic-script name the way Latin names write it (transliterate.ts arabicToLatin) and mark its
   * words for comparison by consonants with Latin spellings (abjad). compareNames and screening both set
   * it (the index reads the lists' own Arabic-script names the same way, so they still meet exactly).
   * Screening alone, it added about 30 false positives per 100,000 negatives (namesakes of listed persons,
   * and names whose consonants merely agree: محمد is Mohammed and, for the script, Mahmad), so a screening
   * hit that rests on consonants is held below the threshold until other evidence agrees (score-entity.ts).
   */
  abjad?: boolean;
}

/** Analyses one name. */
export function analyseName(name: string, opts: AnalyseOptions = {}): NameAnalysis {
  const person = isPersonSchema(opts.schema);
  const nfkc = name.normalize("NFKC").trim();
  let ordered = person || opts.schema === undefined ? personReadingOrder(nfkc) : nfkc;
  // a Chinese person's name written as one word (习近平) is a family name and a given name, which lists write
  // apart (Xi Jinping); read whole it would be cut into pairs of syllables (xijin ping) that meet neither part
  if (person && /^\p{Script=Han}{2,4}$/u.test(ordered)) {
    const surname = COMPOUND_SURNAMES.has(ordered.slice(0, 2)) && ordered.length > 2 ? 2 : 1;
    ordered = `${ordered.slice(0, surname)} ${ordered.slice(surname)}`;
  }
  const scripts = detectScripts(nfkc);
  const arabic = opts.abjad === true && scripts.length === 1 && (scripts[0] === "Arabic" || scripts[0] === "Hebrew");
  const korean = person && scripts.includes("Hangul");
  const read = korean ? hangulPersonToLatin(ordered) : arabic ? (scripts[0] === "Hebrew" ? hebrewToLatin(ordered) : arabicToLatin(ordered)) : ordered;
  const latin = foldText(read.replace(/&/g, " and ").replace(/\+/g, " and "));
  let words = latin ? latin.split(" ") : [];
  if (!person) words = numberWordsToDigits(joinSpelledLetters(words));
  else words = arabicAbdForms(words);
  const tokens: NameToken[] = [];
  const table = phrases();
  // names read from Chinese characters or Hangul have no particles: 斌 is the given name Bin, not "son of"
  const noParticles = scripts.length === 1 && (scripts[0] === "Han" || scripts[0] === "Hangul");
  // leading titles of a person, never the whole name ("Major" alone is a name)
  let leading = 0;
  if (person) {
    for (let n = titleAt(words, leading); n > 0 && leading + n < words.length; n = titleAt(words, leading)) {
      const text = words.slice(leading, leading + n).join(" ");
      const key = text.replace(/ /g, "");
      tokens.push({ text, key, kind: "stop", mask: letterMask(key) });
      leading += n;
    }
  }
  for (let i = leading; i < words.length; ) {
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
      if (person && i === leading && entry.token.kind === "stop" && !LEADING_PARTICLES.has(word)) continue;
      if (noParticles && entry.token.kind === "stop") continue;
      // a particle joins a name to the next one; as a person's last word it is a name (Wang Bin, Li Ben)
      if (person && i === words.length - 1 && i > leading && CONNECTORS.has(word)) continue;
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
    if (person && HONORIFIC.has(word) && words.length - leading > 1) {
      tokens.push({ text: word, key: word, kind: "stop", mask: letterMask(word) });
      i++;
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
  if (arabic) for (const t of tokens) if (t.kind === "word") t.abjad = true;
  // read from Chinese characters or Hangul syllables: the romanisation is exact, so no typo tolerance
  // (习近朋 ≠ 习近平, 이재형 ≠ 이재명: one letter off is another syllable)
  if (scripts.length === 1 && (scripts[0] === "Han" || scripts[0] === "Hangul")) {
    // each word keeps the characters it was read from, where words and tokens still correspond one to one
    const han = scripts[0] === "Han" ? hanOfWords(read) : [];
    if (han.length === words.length && tokens.length === words.length) {
      tokens.forEach((t, i) => (t.han = han[i]));
    }
    for (const t of tokens) {
      if (t.kind !== "word") continue;
      t.strict = true;
      // a Korean name read whole takes the list spelling's vowels in its key, so it meets Latin entries;
      // between two Hangul names the exact text decides (종 jong ≠ 정 jeong)
      if (korean && read !== ordered) {
        t.key = skeleton(koreanVowelKey(t.text));
        t.mask = letterMask(t.key);
      }
    }
  }
  return { original: name, scripts, latin: tokens.map((t) => t.text).join(" "), tokens: tokens.map(uniformToken) };
}

/**
 * Letters written with dots in an organisation's name are one word: "U.S.A.", "I.B.M." and "G.m.b.H." fold
 * to "u s a", "i b m", "g m b h"; joined before the legal-form look-up, so "G.m.b.H." is the legal form
 * GmbH and "P.T." is PT. A lone letter stays (Capital Trust I, Fund V).
 */
function joinSpelledLetters(words: string[]): string[] {
  const letter = (w: string | undefined) => w !== undefined && w.length === 1 && w >= "a" && w <= "z";
  if (!words.some((w, i) => letter(w) && letter(words[i + 1]))) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    if (!letter(words[i]) || !letter(words[i + 1])) {
      out.push(words[i++]);
      continue;
    }
    let text = "";
    while (letter(words[i])) text += words[i++];
    // a series numeral before a dotted legal form (Fund V L.P., Trust I S.A.) stays apart from it
    if (out.length > 0 && "ivx".includes(text[0]) && phrases().get(text.slice(1))?.some((e) => e.token.kind === "legal" && e.words.length === 1)) {
      out.push(text[0], text.slice(1));
    } else out.push(text);
  }
  return out;
}
