import { createHash } from "node:crypto";
import { nameKey } from "../model/names.js";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const shortHash = (s: string, n = 12) => sha256(s).slice(0, n);

/** A stable, readable id part from a name: "SaryarkaAvtoProm" → "saryarkaavtoprom", 江淮 → "jiang-huai". */
export function slug(name: string): string {
  return nameKey(name).replace(/\s+/g, "-").slice(0, 60) || shortHash(name, 8);
}

/**
 * The identity of a story: its body with case, punctuation and spacing folded away, so the same article
 * fetched as HTML, saved as text or re-sent with different quotes hashes the same.
 */
export function storyHash(body: string): string {
  return sha256(body.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim());
}
