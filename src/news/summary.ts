/**
 * Extractive summary: TextRank over the article's sentences (similarity = shared content words, normalised
 * by sentence length, as in Mihalcea & Tarau 2004), nudged towards sentences that carry named parties,
 * figures, the headline's words and the lead, then the top N returned in the article's order. Furniture never gets here:
 * it was removed from the body before sentences were split.
 */
import type { SentenceAnalysis } from "./entities.js";
import { findQuantities } from "./numbers.js";

const STOP = new Set(
  ("a an the and or but if of in on at to for from by with as is are was were be been being has have had do does did this that these " +
    "those it its they them their he she his her we our you your i not no so than then there here which who whom whose what when where " +
    "why how all any both each few more most other some such only own same too very can will just also into over under about after " +
    "before between through during while would could should may might must shall said says one two new").split(" "),
);

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.length > 5 ? w.slice(0, 6) : w); // a crude stem: "exports"/"exported" meet
  }
  return out;
}

/**
 * `news`: sentence index → how much news it states (relations, figures, designations), from the extraction;
 * see newsWeights in ./pipeline.ts.
 */
export function summarise(sentences: SentenceAnalysis[], n = 3, news: Map<number, number> = new Map(), title: string | null = null): string[] {
  const candidates = sentences.filter((s) => {
    const words = s.sentence.text.split(/\s+/).length;
    return words >= 6 && !/\?$/.test(s.sentence.text);
  });
  if (candidates.length <= n) return candidates.map((s) => s.sentence.text);
  const bags = candidates.map((s) => contentWords(s.sentence.text));
  const N = candidates.length;
  const weights: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      let shared = 0;
      for (const w of bags[i]) if (bags[j].has(w)) shared++;
      if (!shared) continue;
      const w = shared / (Math.log(bags[i].size + 1) + Math.log(bags[j].size + 1));
      weights[i][j] = weights[j][i] = w;
    }
  }
  const out = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let score = new Array<number>(N).fill(1 / N);
  for (let iter = 0; iter < 30; iter++) {
    const next = new Array<number>(N).fill((1 - 0.85) / N);
    for (let j = 0; j < N; j++) {
      if (!out[j]) continue;
      for (let i = 0; i < N; i++) if (weights[j][i]) next[i] += (0.85 * weights[j][i] * score[j]) / out[j];
    }
    const delta = next.reduce((d, v, i) => d + Math.abs(v - score[i]), 0);
    score = next;
    if (delta < 1e-6) break;
  }
  const max = Math.max(...score);
  // the headline says what the story is about (Edmundson's title cue): sentences sharing its words gain
  const titleWords = title ? stems(title) : new Set<string>();
  // greedy by marginal value: centrality and the lead, plus what the sentence adds that the summary lacks
  // (parties not yet named, figures, stated relations); a sentence mostly repeating a chosen one is skipped
  const info = candidates.map((s, i) => ({
    s,
    i,
    base: (0.6 * score[i]) / max + 0.25 / (1 + s.sentence.index * 0.15),
    parties: new Set(s.mentions.filter((m) => !m.anaphor && m.entity.type !== "Person" && m.entity.type !== "Country").map((m) => m.entity.index)),
    figures: Math.min(2, findQuantities(s.sentence.text).filter((q) => q.unit || q.value >= 1000).length),
    news: news.get(s.sentence.index) ?? 0,
    title: titleOverlap(titleWords, s.sentence.text),
  }));
  const chosen: typeof info = [];
  const named = new Set<number>();
  while (chosen.length < n) {
    let best: { x: (typeof info)[number]; v: number } | undefined;
    for (const x of info) {
      if (chosen.includes(x)) continue;
      const repeats = chosen.some((c) => {
        let shared = 0;
        for (const w of bags[x.i]) if (bags[c.i].has(w)) shared++;
        return shared / Math.max(1, Math.min(bags[x.i].size, bags[c.i].size)) > 0.5;
      });
      if (repeats) continue;
      const fresh = [...x.parties].filter((p) => !named.has(p)).length;
      const v = x.base + 0.2 * Math.min(fresh, 3) + 0.2 * x.figures + x.news + 0.1 * x.title;
      if (!best || v > best.v) best = { x, v };
    }
    if (!best) break;
    chosen.push(best.x);
    for (const p of best.x.parties) named.add(p);
  }
  return chosen.sort((a, b) => a.s.sentence.index - b.s.sentence.index).map((x) => x.s.sentence.text);
}

/** content words cut to five letters, so "Local" meets "localisation" and "locally" */
function stems(text: string): Set<string> {
  return new Set([...contentWords(text)].map((w) => w.slice(0, 5)));
}

/** how many of the headline's content words the sentence repeats (at most 3) */
function titleOverlap(titleWords: Set<string>, sentence: string): number {
  if (!titleWords.size) return 0;
  let shared = 0;
  for (const w of stems(sentence)) if (titleWords.has(w)) shared++;
  return Math.min(3, shared);
}
