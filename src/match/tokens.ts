/**
 * Name tokens: what the scorer aligns. Each token keeps its folded text (for explanations), a skeleton key
 * that absorbs the spelling variation of transliteration (for comparison and the index), its kind (which
 * decides its weight and what it may pair with), and for legal forms their form and family.
 */

import type { MandarinReading } from "./wade-giles.js";

export type TokenKind =
  /** an ordinary name word: carries the match */
  | "word"
  /** a number: must agree ("Trust 2004-1" ≠ "Trust 2004-2") */
  | "number"
  /** a single letter in a person's name: agrees with any word it starts */
  | "initial"
  /** a legal form (PAO, GmbH, Co., Ltd.): weak */
  | "legal"
  /** a generic business word (group, trading, automobile): weak, never carries a match alone */
  | "generic"
  /** a joining word (of, and, al, bin): nearly weightless */
  | "stop";

export interface NameToken {
  /** folded Latin text, as shown in explanations */
  text: string;
  /** spelling skeleton: equal skeletons are transliteration variants of one word */
  key: string;
  kind: TokenKind;
  /** legal form id (kind "legal") or cross-script name symbol (e.g. "jac" for 江淮/Jianghuai/JAC) */
  symbol?: string;
  /** legal form family (kind "legal") */
  family?: string;
  /** read from Chinese characters: the pinyin is exact, so no typo tolerance */
  strict?: boolean;
  /** the Chinese characters this word was read from (two such words agree only if these do: 高石 ≠ 高市) */
  han?: string;
  /** read from Arabic script: the vowels are incomplete, Latin spellings are compared by consonants */
  abjad?: boolean;
  /** consonant classes of `key` (transliterate.ts consonantClass), cached when first compared with an abjad token */
  consonants?: string;
  /** bit set of the letters in `key` (a cheap lower bound on edit distance; see letterMask) */
  mask: number;
  /** rarity weight, cached by the index that scores this token (index.ts weightOf) */
  rarity?: number;
  /** how the word reads as Mandarin syllables, cached by wade-giles.ts */
  mandarin?: MandarinReading;
}

/**
 * The token with every field present, in one order. Tokens are made in several places with different
 * optional fields; V8 gives objects of different layouts different hidden classes, and the scorer's hot loop
 * then reads them through slow megamorphic look-ups. One layout keeps those reads monomorphic (about a
 * quarter of screening time).
 */
export function uniformToken(t: NameToken): NameToken {
  return {
    text: t.text,
    key: t.key,
    kind: t.kind,
    symbol: t.symbol,
    family: t.family,
    strict: t.strict,
    han: t.han,
    abjad: t.abjad,
    consonants: t.consonants,
    mask: t.mask,
    rarity: t.rarity,
    mandarin: t.mandarin,
  };
}

/** Bit set of the letters a–z (and digits, folded onto bits 26–31) in a string. */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 6));
  }
  return m;
}

/** Number of set bits. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Prior weight of a token by kind, before any rarity adjustment from the index. */
export const KIND_WEIGHT: Record<TokenKind, number> = {
  word: 1,
  number: 1,
  initial: 0.35,
  legal: 0.15,
  generic: 0.45,
  stop: 0.1,
};

/** Kinds that can carry a match (a name whose agreeing tokens are all weak must not match). */
export function isStrong(kind: TokenKind): boolean {
  return kind === "word" || kind === "number";
}

/**
 * The spelling skeleton of a folded Latin word. The rules merge the spellings that transliteration systems
 * and languages produce for one sound, so Moskvich/Moskvitch/Moskwitsch (the German tsch, sch and w),
 * Evgeniy/Yevgeny/Evgenii, Sollers/Solers, Mohammed/Muhamad, Khodorkovsky/Hodorkovskiy come out equal or
 * one edit apart.
 */
export function skeleton(word: string): string {
  if (word.length <= 2 || /^\d+$/.test(word)) return word;
  let k = skeletons.get(word);
  if (k === undefined) {
    k = skeletonOf(word);
    // screening analyses every query's words: common ones (John, Trading) come back thousands of times
    if (skeletons.size >= 100_000) skeletons.clear();
    skeletons.set(word, k);
  }
  return k;
}
const skeletons = new Map<string, string>();

function skeletonOf(word: string): string {
  let k = word
    .replace(/tsch/g, "ch")
    .replace(/tch/g, "ch")
    .replace(/shch/g, "sh")
    .replace(/sch/g, "sh")
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/ks/g, "x")
    .replace(/q/g, "k")
    .replace(/w/g, "v")
    .replace(/dzh/g, "j")
    .replace(/zh/g, "j")
    .replace(/dj/g, "j")
    .replace(/ou/g, "u")
    .replace(/oo/g, "u")
    .replace(/ee/g, "i")
    .replace(/(iy|yi|ij|ii|iei|yy)$/, "i")
    .replace(/^ye/, "e")
    .replace(/^yu/, "iu")
    .replace(/y/g, "i")
    .replace(/(.)\1+/g, "$1");
  if (k.length > 3 && k.endsWith("h") && !k.endsWith("sh") && !k.endsWith("ch")) k = k.slice(0, -1);
  return k;
}
