/** Official list routes: GET /lists/status, GET /lists/:source/versions, GET /lists/:source/diff (src/lists). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HttpError, type ApiDeps } from "../server.js";
import { ListSourceId } from "../../model/lists.js";
import { allStatus, listVersions } from "../../lists/versions.js";
import { diffVersions } from "../../lists/diff.js";

const SourceParams = z.object({ source: ListSourceId });
const DiffQuery = z.object({ from: z.string().regex(/^(\d+|list:[a-z-]+:\d+)$/).optional(), to: z.string().regex(/^(\d+|list:[a-z-]+:\d+)$/).optional() });

export async function listsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get("/lists/status", async () => allStatus(deps.store.sql));

  app.get("/lists/:source/versions", async (req) => {
    const { source } = SourceParams.parse(req.params);
    return listVersions(deps.store.sql, source);
  });

  app.get("/lists/:source/diff", async (req) => {
    const { source } = SourceParams.parse(req.params);
    const q = DiffQuery.parse(req.query);
    try {
      return await diffVersions(deps.store.sql, source, q);
    } catch (err) {
      throw new HttpError(404, (err as Error).message);
    }
  });
}
