/**
 * A screen-file worker thread: builds its own MatchIndex from the records it is given, then screens the
 * chunks of rows the main thread sends and answers with their result cells (see batch.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Entity, Listing, Source } from "../model/schema.js";
import type { ScreenQueryInput } from "../model/match.js";
import { MatchIndex } from "./index.js";
import { resultCells, unscreenedCells } from "./batch.js";

const data = workerData as { records: { entities: Entity[]; listings: Listing[]; sources: Source[] }; threshold: number; hitsPerRow: number };
const index = MatchIndex.fromRecords(data.records);

parentPort!.on("message", (msg: { start: number; queries: Array<ScreenQueryInput | null> }) => {
  const results = msg.queries.map((q) => {
    // a row without a name stays null: the main thread marks it
    if (!q) return null;
    try {
      return resultCells(index.screen(q, { threshold: data.threshold, limit: data.hitsPerRow }), data.threshold);
    } catch (err) {
      // a row the matcher refuses is marked in its row, not a dead worker
      return unscreenedCells("error", `not screened: ${(err as Error).message.split("\n")[0].slice(0, 200)}`);
    }
  });
  parentPort!.postMessage({ start: msg.start, results });
});
