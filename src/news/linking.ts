/**
 * Links a name found by the rules to an existing entity through the matcher (src/match compareNames):
 * candidates are the gazetteer's names that share a word with it; the best one of a compatible type that
 * the matcher calls a match (at a strict threshold: a news mention is short context) wins.
 */
import { compareNames } from "../match/score-names.js";
import { nameKey } from "../model/names.js";
import type { EntityType } from "../model/schema.js";
import type { DocEntity } from "./entities.js";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.js";
import { COMPANY_WORDS } from "./lexicon.js";

const LINK_THRESHOLD = 0.9;
const COMPATIBLE: Record<string, EntityType[]> = {
  Company: ["Company", "Organization", "LegalEntity", "Brand"],
  Organization: ["Organization", "Company", "PublicBody", "LegalEntity"],
  PublicBody: ["PublicBody", "Organization"],
  Person: ["Person"],
  Brand: ["Brand", "Company"],
  VehicleModel: ["VehicleModel"],
  Plant: ["Plant"],
  Country: ["Country"],
};

export function linkEntity(e: DocEntity, gaz: Gazetteer): void {
  const names = [e.name, ...new Set(e.mentions.filter((m) => !m.anaphor).map((m) => m.text))];
  const candidates = new Set<string>();
  // candidates share a distinctive word (a word in thousands of names, like "group", retrieves nothing useful)
  for (const n of names) {
    for (const w of nameKey(n).split(" ")) {
      const keys = gaz.byWord.get(w);
      if (!keys || keys.size > 500 || COMPANY_WORDS.has(w)) continue;
      for (const k of keys) if (candidates.size < 60) candidates.add(k);
    }
  }
  let best: { entry: GazetteerEntry; score: number } | undefined;
  const allowed = COMPATIBLE[e.type] ?? [e.type];
  for (const key of candidates) {
    const entry = gaz.best(gaz.byKey.get(key) ?? []);
    if (!entry?.id || !allowed.includes(entry.type)) continue;
    for (const n of names) {
      const r = compareNames(n, key, { schema: e.type === "Person" ? "Person" : undefined, threshold: LINK_THRESHOLD });
      if (r.match && (!best || r.score > best.score)) best = { entry, score: r.score };
    }
  }
  if (best) {
    e.id = best.entry.id;
    e.name = best.entry.name;
    e.type = best.entry.type === "LegalEntity" ? e.type : best.entry.type;
    e.country ??= best.entry.country;
  }
}
