/**
 * Plain-text articles into the one shape every input format ends in: title, metadata and a body of
 * paragraphs separated by blank lines, furniture removed. HTML and feeds (./html.ts, ./feed.ts) produce the
 * paragraphs their own way and finish here too, so the same story gives the same body, and so the same
 * offsets and results, whatever format it came in.
 */
import { removeFurniture, stripBullet, isFurnitureLine } from "./furniture.js";

export interface Article {
  title: string | null;
  /** paragraphs joined by blank lines; all offsets (evidence spans) point into this */
  body: string;
  date: string | null;
  url: string | null;
  publisher: string | null;
  furniture: string[];
}

export interface ArticleMeta {
  title?: string | null;
  date?: string | null;
  url?: string | null;
  publisher?: string | null;
}

/** Normalises one paragraph: bullets off, whitespace collapsed, typographic spaces to plain ones. */
export function cleanParagraph(p: string): string {
  return stripBullet(p.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ")).replace(/\s+/g, " ").trim();
}

/** Builds an article from paragraphs (any furniture among them is removed here). */
export function articleFromParagraphs(paragraphs: string[], meta: ArticleMeta = {}, furniture: string[] = []): Article {
  const lines = paragraphs.map(cleanParagraph).filter(Boolean);
  const { text, removed } = removeFurniture(lines.join("\n"));
  const kept = text.split("\n").filter((l) => l.trim());
  let title = meta.title ? cleanParagraph(meta.title) : null;
  if (title && isFurnitureLine(title)) title = null;
  // a headline repeated as the first paragraph is the title, not body
  if (title && kept.length && kept[0] === title) kept.shift();
  return {
    title: title || null,
    body: kept.join("\n\n"),
    date: normaliseDate(meta.date),
    url: meta.url ?? null,
    publisher: meta.publisher ?? null,
    furniture: [...furniture, ...removed],
  };
}

const META_LINE = /^(title|headline|date|published|publication date|url|link|source|publisher|site)\s*:\s*(.+)$/i;
const JSON_TITLE = /^\s*\{\s*["“”]title["“”]\s*:\s*["“”](.+?)["“”]\s*\}\s*$/;

/**
 * A plain-text article. Recognises an optional header (a `{"title": …}` line, or `Title:`/`Date:`/`URL:`/
 * `Publisher:` lines) and a headline as the first line when it has no sentence-final punctuation and a blank
 * line or furniture follows. Hard-wrapped lines are joined back into paragraphs.
 */
export function parseTextArticle(raw: string, meta: ArticleMeta = {}): Article {
  const lines = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const m: ArticleMeta = { ...meta };
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && !lines[i].trim()) i++;
  };
  skipBlank();
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    const j = JSON_TITLE.exec(line);
    if (j) {
      m.title ??= j[1];
      continue;
    }
    const h = META_LINE.exec(line);
    if (!h) break;
    const key = h[1].toLowerCase();
    const value = h[2].trim();
    if (key === "title" || key === "headline") m.title ??= value;
    else if (key === "date" || key === "published" || key === "publication date") m.date ??= value;
    else if (key === "url" || key === "link") m.url ??= value;
    else m.publisher ??= value;
  }
  skipBlank();
  if (!m.title && i < lines.length) {
    const first = cleanParagraph(lines[i]);
    let k = i + 1;
    const nextBlankOrFurniture = k >= lines.length || !lines[k].trim() || isFurnitureLine(lines[k]);
    if (first.length <= 200 && first.split(" ").length >= 2 && !/[.!…]["”’)]?$/.test(first) && nextBlankOrFurniture && !isFurnitureLine(first)) {
      m.title = first;
      i = k;
    }
  }
  // paragraphs: blank lines separate; a line ending mid-sentence continues on the next (hard wrap)
  const paragraphs: string[] = [];
  let current = "";
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) {
      if (current) paragraphs.push(current);
      current = "";
      continue;
    }
    const isBullet = /^\s*[•·●▪◦‣*–-]\s/u.test(line);
    if (current && !isBullet && !/[.!?:…"”’)]\s*$/.test(current) && /^\s*[\p{Ll}\d]/u.test(line) && !isFurnitureLine(current)) {
      current += " " + line.trim();
    } else {
      if (current) paragraphs.push(current);
      current = line;
    }
  }
  if (current) paragraphs.push(current);
  return articleFromParagraphs(paragraphs, m);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Any common date format to YYYY-MM-DD (or YYYY-MM / YYYY), or null. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v);
  if (m) return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(v) ?? null;
  if (m && MONTHS.includes(m[2].toLowerCase())) return `${m[3]}-${String(MONTHS.indexOf(m[2].toLowerCase()) + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  m = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(v);
  if (m && MONTHS.includes(m[1].toLowerCase())) return `${m[3]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, "0")}-${m[2].padStart(2, "0")}`;
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  m = /^(\d{4})$/.exec(v);
  return m ? m[1] : null;
}
