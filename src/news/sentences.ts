/**
 * Sentence splitting with offsets into the article body. Rules, not a model: split after . ! ? when the next
 * word starts a sentence, except after abbreviations (U.S., Mr., St., Inc., Jan.), initials and inside numbers.
 */

export interface Sentence {
  index: number;
  paragraph: number;
  /** offsets into the article body */
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  [
    "mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd", "co", "corp", "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e",
    "u.s", "u.k", "u.n", "e.u", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "dept", "fig", "vol", "p.m", "a.m", "pjsc", "ojsc", "jsc", "llc",
  ].map((s) => s.toLowerCase()),
);

/** A candidate boundary: terminal punctuation, optional closing quote/bracket, whitespace, then a sentence start. */
const BOUNDARY = /([.!?…]+)(["”’)\]]*)(\s+)(?=["“‘(\[]?[\p{Lu}\p{N}\p{Script=Han}•])/gu;

export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  // paragraphs are separated by blank lines; inside one, a single newline is just whitespace
  const paraRe = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const pm of body.matchAll(paraRe)) {
    const pStart = pm.index!;
    const ptext = pm[0];
    if (!ptext.trim()) continue;
    let last = 0;
    const push = (from: number, to: number) => {
      const raw = ptext.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (!text) return;
      out.push({ index: out.length, paragraph, start: pStart + from + lead, end: pStart + from + lead + text.length, text });
    };
    for (const m of ptext.matchAll(BOUNDARY)) {
      const cut = m.index! + m[1].length + m[2].length;
      if (m[1] === "." && isAbbreviationBefore(ptext, m.index!)) continue;
      push(last, cut);
      last = cut + m[3].length;
    }
    push(last, ptext.length);
    paragraph++;
  }
  return out;
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 12), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}
