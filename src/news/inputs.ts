/**
 * What `news ingest` accepts: a file, a folder (every article file in it), a URL or a feed (RSS/Atom, as a
 * file or a URL). Formats are told by content, not by extension alone: a feed has <rss>/<feed>, a page has
 * HTML tags, anything else is plain text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { parseTextArticle, type Article } from "./article.js";
import { parseHtmlArticle } from "./html.js";
import { isFeed, parseFeed } from "./feed.js";

export interface InputArticle {
  /** where it came from: a path, a URL, or a URL#item for feed items */
  origin: string;
  article: Article;
}

const ARTICLE_EXTENSIONS = new Set([".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom"]);

export function looksLikeHtml(content: string): boolean {
  return /<(?:!doctype html|html|body|article|p|div|h1)[\s>]/i.test(content.slice(0, 5000));
}

/** Articles in one document's content (a feed yields several). */
export function articlesFromContent(content: string, origin: string, meta: { url?: string | null } = {}): InputArticle[] {
  if (isFeed(content)) return parseFeed(content).map((article, i) => ({ origin: article.url ?? `${origin}#${i + 1}`, article }));
  const article = looksLikeHtml(content) ? parseHtmlArticle(content, { url: meta.url ?? null }) : parseTextArticle(content, { url: meta.url ?? null });
  return [{ origin, article }];
}

export async function readInputs(target: string): Promise<InputArticle[]> {
  if (/^https?:\/\//i.test(target)) {
    const res = await fetch(target, { headers: { "user-agent": "autorisk news ingest" } }).catch((err: Error) => {
      throw Object.assign(new Error(`cannot fetch ${target}: ${err.message}`), { code: "FETCH_FAILED" });
    });
    if (!res.ok) throw Object.assign(new Error(`cannot fetch ${target}: HTTP ${res.status}`), { code: "FETCH_FAILED" });
    return articlesFromContent(await res.text(), target, { url: target });
  }
  const stat = statSync(target);
  if (stat.isDirectory()) {
    const files = listFiles(target);
    return files.flatMap((f) => articlesFromContent(readFileSync(f, "utf8"), f));
  }
  return articlesFromContent(readFileSync(target, "utf8"), target);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) out.push(path);
  }
  return out;
}
