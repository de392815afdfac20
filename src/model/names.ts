/**
 * The store's name key: the form under which names are indexed for lookup, so that КАМАЗ, Kamaz and KAMAZ
 * share one key and 江淮 finds Jianghuai. NFKC, Traditional→Simplified Chinese, Chinese to spaced pinyin,
 * every other script to ASCII (any-ascii), case-folded, punctuation to spaces. The matcher (src/match)
 * builds its richer normalisation on top of this.
 */
import anyAscii from "any-ascii";
import { pinyin } from "pinyin-pro";
import * as OpenCC from "opencc-js";

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
let toSimplified: ((s: string) => string) | undefined;

/** Chinese runs to space-separated pinyin syllables (context-aware for polyphones: 重庆 → chong qing). */
export function hanToPinyin(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toSimplified ??= OpenCC.Converter({ from: "hk", to: "cn" }));
  const simplified = convert(text);
  return simplified.replace(HAN_RUN, (run: string) => ` ${pinyin(run, { toneType: "none", type: "array" }).join(" ")} `);
}

/** Any script to lower-case ASCII words separated by single spaces. */
export function asciiFold(text: string): string {
  return anyAscii(hanToPinyin(text.normalize("NFKC")))
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export const nameKey = asciiFold;
