/**
 * Word tokens of a sentence with their offsets, case shape and folded form (src/model/names.ts asciiFold, so
 * that КАМАЗ, Kamaz and KAMAZ, or 江淮 and Jianghuai, look the same to the gazetteer). Chinese characters are
 * one token each; a possessive "'s" is its own token.
 */
import { asciiFold, hanToPinyin } from "../model/names.js";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** folded sub-words: "Mercedes-Benz" → ["mercedes", "benz"], "江" → ["jiang"] */
  fold: string[];
  /** starts with a capital letter, a digit, or is in a script without case */
  cap: boolean;
  allCaps: boolean;
  hasDigit: boolean;
}

const TOKEN = /\p{Script=Han}|['’]s\b|\p{N}+(?:[.,]\p{N}+)*(?:-?[\p{L}]+)?|[\p{L}\p{N}]+(?:[-&.][\p{L}\p{N}]+|['’](?!s\b)[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const foldCache = new Map<string, string[]>();

function fold(text: string): string[] {
  let f = foldCache.get(text);
  if (!f) {
    f = asciiFold(text).split(" ").filter(Boolean);
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(text, f);
  }
  return f;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const first = t[0];
    const isHan = /\p{Script=Han}/u.test(first);
    out.push({
      text: t,
      start: m.index!,
      end: m.index! + t.length,
      fold: isHan ? [] : fold(t),
      cap: isHan || /[\p{Lu}\p{N}]/u.test(first) || (/\p{L}/u.test(first) && first.toLowerCase() === first.toUpperCase()),
      allCaps: /\p{L}/u.test(t) && t === t.toUpperCase() && t.toLowerCase() !== t,
      hasDigit: /\p{N}/u.test(t),
    });
  }
  // Chinese runs are folded together so polyphones read in context (重庆 → chong qing), then split per character
  for (let i = 0; i < out.length; i++) {
    if (out[i].fold.length || !/\p{Script=Han}/u.test(out[i].text)) continue;
    let j = i;
    while (j < out.length && /\p{Script=Han}/u.test(out[j].text) && out[j].start === (j === i ? out[i].start : out[j - 1].end)) j++;
    const run = out.slice(i, j).map((t) => t.text).join("");
    const syllables = asciiFold(hanToPinyin(run)).split(" ").filter(Boolean);
    for (let k = i; k < j; k++) out[k].fold = syllables.length === j - i ? [syllables[k - i]] : fold(out[k].text);
    i = j - 1;
  }
  return out;
}
