/** RSS 2.0 and Atom feeds: one article per item, from its full content when the feed carries it. */
import { XMLParser } from "fast-xml-parser";
import { parseHtmlArticle } from "./html.js";
import { parseTextArticle, type Article } from "./article.js";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });

const text = (v: unknown): string | null => {
  if (v == null) return null;
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") return text((v as Record<string, unknown>)["#text"]);
  return null;
};
const list = <T>(v: T | T[] | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

export function isFeed(content: string): boolean {
  return /<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]/i.test(content.slice(0, 2000));
}

export function parseFeed(xml: string): Article[] {
  const doc = parser.parse(xml) as Record<string, any>;
  const publisherOf = (channel: any) => text(channel?.title);
  const out: Article[] = [];
  const add = (item: any, publisher: string | null, link: string | null) => {
    const body = text(item["content:encoded"]) ?? text(item.content) ?? text(item.description) ?? text(item.summary) ?? "";
    const meta = {
      title: text(item.title),
      date: text(item.pubDate) ?? text(item.published) ?? text(item.updated) ?? text(item["dc:date"]),
      url: link,
      publisher,
    };
    out.push(/<\w+[^>]*>/.test(body) ? parseHtmlArticle(`<html><body><article>${body}</article></body></html>`, meta) : parseTextArticle(body, meta));
  };
  if (doc.rss) {
    const channel = doc.rss.channel;
    for (const item of list(channel?.item)) add(item, publisherOf(channel), text(item.link) ?? text(item.guid));
  } else if (doc.feed) {
    for (const entry of list(doc.feed.entry)) {
      const links = list(entry.link) as any[];
      const link = links.find((l) => !l["@rel"] || l["@rel"] === "alternate")?.["@href"] ?? null;
      add(entry, publisherOf(doc.feed), link);
    }
  } else if (doc["rdf:RDF"]) {
    for (const item of list(doc["rdf:RDF"].item)) add(item, publisherOf(doc["rdf:RDF"].channel), text(item.link));
  }
  return out;
}
