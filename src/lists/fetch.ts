/**
 * Downloads a list from its publisher's URL (src/lists/sources.ts) into a temporary file with Node's fetch,
 * so the import reads a complete local file; a failed or short download never reaches the store.
 */
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ListSourceId } from "../model/lists.js";
import { listUrl } from "./sources.js";

export class FetchError extends Error {}

export async function fetchList(source: ListSourceId, onBytes?: (bytes: number, total: number) => void): Promise<{ file: string; url: string }> {
  const url = listUrl(source);
  if (!url) throw new FetchError(`${source} has no download URL; import a file with --file (or set AUTORISK_LIST_URL_${source.toUpperCase().replace(/-/g, "_")})`);
  let response: Response;
  try {
    response = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(10 * 60_000) });
  } catch (err) {
    throw new FetchError(`download of ${source} from ${url} failed: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
  }
  if (!response.ok || !response.body) throw new FetchError(`download of ${source} from ${url} failed: HTTP ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get("content-length") ?? 0);
  const name = new URL(url).pathname.split("/").filter(Boolean).pop() ?? source;
  const file = join(mkdtempSync(join(tmpdir(), "autorisk-list-")), /\.(xml|csv|json|ods|xlsx)$/i.test(name) ? name : `${source}.download`);
  let bytes = 0;
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  body.on("data", (c: Buffer) => onBytes?.((bytes += c.length), total));
  try {
    await pipeline(body, createWriteStream(file));
  } catch (err) {
    throw new FetchError(`download of ${source} from ${url} broke off after ${bytes} bytes: ${(err as Error).message}`);
  }
  if (total && bytes !== total) throw new FetchError(`download of ${source} from ${url} is incomplete: ${bytes} of ${total} bytes`);
  return { file, url };
}
