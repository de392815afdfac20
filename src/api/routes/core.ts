import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HttpError, YenteHttpError, type ApiDeps } from "../server.js";
import { sharedIndex } from "../../match/index.js";
import { yenteEntityFields } from "../yente.js";
import { VERSION } from "../../version.js";

export async function coreRoutes(app: FastifyInstance, { store }: ApiDeps): Promise<void> {
  app.get("/healthz", async () => ({ status: "ok", version: VERSION, store: store.description.split(" ")[0], counts: await store.counts() }));

  // yente's readiness check: ready once the screening index is built (the first call builds it)
  app.get("/readyz", async () => {
    try {
      await sharedIndex(store);
    } catch (err) {
      app.log.error(err);
      throw new YenteHttpError(503, "Index not ready.");
    }
    return { status: "ok" };
  });

  app.get("/entities/:id", async (req) => {
    const { id } = z.object({ id: z.string().min(1) }).parse(req.params);
    const { asOf } = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).parse(req.query);
    const dossier = await store.dossier(id, { asOf });
    if (!dossier) throw new HttpError(404, `no entity with id ${id}`);
    // yente's entity fields first (OpenSanctions clients expand a match through this page), then our dossier
    return { ...yenteEntityFields(dossier), ...dossier };
  });

  app.get("/search", async (req) => {
    const { q, limit } = z.object({ q: z.string().min(1, "q is required"), limit: z.coerce.number().int().min(1).max(100).default(20) }).parse(req.query);
    return { query: q, results: await store.findByName(q, limit) };
  });
}
