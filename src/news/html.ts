/**
 * HTML pages to articles: metadata from the page (og:/article: tags, <time>, canonical link), the story
 * from @mozilla/readability over linkedom (no browser), and its block elements as paragraphs. Paragraphs
 * then go through the same cleaning as plain text (./article.ts), so a page and its text give one result.
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { articleFromParagraphs, type Article, type ArticleMeta } from "./article.js";

const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, dt, dd";
const NOISE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, template";

type Doc = ReturnType<typeof parseHTML>["document"];

function meta(doc: Doc, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute("content") ?? el?.getAttribute("datetime") ?? el?.getAttribute("href") ?? (sel.startsWith("meta") || sel.startsWith("link") ? null : el?.textContent);
    if (v && v.trim()) return v.trim();
  }
  return null;
}

/** Text of the leaf block elements under `root`, in document order. */
function blockTexts(root: { querySelectorAll(sel: string): ArrayLike<unknown> }): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS)) as Array<{ querySelector(s: string): unknown; textContent: string | null }>) {
    if (el.querySelector(BLOCKS)) continue; // a container: its children are listed themselves
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t) out.push(t);
  }
  return out;
}

export function parseHtmlArticle(html: string, given: ArticleMeta = {}): Article {
  const { document } = parseHTML(html);
  const m: ArticleMeta = {
    title: given.title ?? meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]', "h1", "title"),
    date: given.date ?? meta(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[itemprop="datePublished"]', "time[datetime]"),
    url: given.url ?? meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]'),
    publisher: given.publisher ?? meta(document, 'meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="application-name"]'),
  };
  let paragraphs: string[] = [];
  try {
    const copy = parseHTML(html).document;
    const parsed = new Readability(copy as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
    if (parsed?.content) paragraphs = blockTexts(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document);
    if (!m.publisher && parsed?.siteName) m.publisher = parsed.siteName;
  } catch {
    paragraphs = [];
  }
  if (paragraphs.length < 2) {
    // readability found no article: take the page's blocks, less navigation and page chrome
    for (const el of Array.from(document.querySelectorAll(NOISE))) (el as { remove(): void }).remove();
    paragraphs = blockTexts(document.body ?? document);
  }
  return articleFromParagraphs(paragraphs, m);
}
