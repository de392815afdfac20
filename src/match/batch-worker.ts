/**
 * A screen-file worker thread: builds its own MatchIndex from the records it is given, then screens the
 * chunks of rows the main thread sends and answers with their result cells (see batch.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Entity, Listing, Source } from "../model/schema.js";
import type { ScreenQueryInput } from "../model/match.js";
import { MatchIndex } from "./index.js";
import { resultCells } from "./batch.js";

const data = workerData as { records: { entities: Entity[]; listings: Listing[]; sources: Source[] }; threshold: number; hitsPerRow: number };
const index = MatchIndex.fromRecords(data.records);

parentPort!.on("message", (msg: { start: number; queries: Array<ScreenQueryInput | null> }) => {
  const results = msg.queries.map((q) => {
    if (!q) return resultCells([], data.threshold);
    try {
      return resultCells(index.screen(q, { threshold: data.threshold, limit: data.hitsPerRow }), data.threshold);
    } catch {
      // a row the query schema refuses (e.g. a name of only spaces) gets an empty result, not a dead worker
      return resultCells([], data.threshold);
    }
  });
  parentPort!.postMessage({ start: msg.start, results });
});
