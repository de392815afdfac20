/**
 * News routes: POST /news/ingest (text, html or url), GET /news/documents, GET /news/documents/:id,
 * GET /review, POST /review/accept, POST /review/reject, GET/POST/DELETE /watch, GET /alerts.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HttpError, type ApiDeps } from "../server.js";
import { articlesFromContent, readInputs } from "../../news/inputs.js";
import { forgetGazetteer, getDocumentResult, ingestArticle, listDocuments } from "../../news/ingest.js";
import { acceptItems, listReview, rejectItems, ReviewError } from "../../news/review.js";
import { addWatch, listWatch, removeWatch } from "../../news/watch.js";
import { listAlerts } from "../../news/alerts.js";
import { normaliseDate } from "../../news/article.js";

const IngestBody = z
  .object({
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    url: z.string().url().optional(),
    title: z.string().optional(),
    date: z.string().optional(),
    sentences: z.number().int().min(1).max(50).optional(),
    autoAccept: z.number().min(0).max(1).optional(),
  })
  .refine((b) => b.text || b.html || b.url, "give text, html or url");
const Ids = z.object({ ids: z.array(z.string().min(1)).min(1) });

async function reviewErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ReviewError) throw new HttpError(404, err.message);
    throw err;
  }
}

export async function newsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post("/news/ingest", async (req) => {
    const body = IngestBody.parse(req.body ?? {});
    const date = body.date ? normaliseDate(body.date) : null;
    if (body.date && !date) throw new HttpError(400, `date must be YYYY-MM-DD, not "${body.date}"`);
    const inputs = body.text || body.html
      ? articlesFromContent((body.html ?? body.text)!, body.url ?? "request", { url: body.url })
      : await readInputs(body.url!).catch((err: Error) => {
          throw new HttpError(502, err.message);
        });
    const results = [];
    for (const { origin, article } of inputs) {
      if (!article.body.trim()) continue;
      if (body.title && !article.title) article.title = body.title;
      results.push(await ingestArticle(deps.store, article, { sentences: body.sentences, autoAccept: body.autoAccept, date, origin }));
    }
    if (!results.length) throw new HttpError(400, "no article text found");
    return results.length === 1 ? results[0] : { articles: results };
  });

  app.get("/news/documents", async (req) => {
    const q = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }).parse(req.query);
    return { documents: await listDocuments(deps.store, q.limit ?? 100) };
  });

  app.get("/news/documents/:id", async (req) => {
    const { id } = z.object({ id: z.string().min(1) }).parse(req.params);
    const result = await getDocumentResult(deps.store, id);
    if (!result) throw new HttpError(404, `no document ${id}`);
    return result;
  });

  app.get("/review", async (req) => {
    const q = z.object({ status: z.enum(["pending", "accepted", "rejected", "all"]).optional(), document: z.string().optional(), kind: z.enum(["entity", "relation", "fact"]).optional() }).parse(req.query);
    return { items: await listReview(deps.store, { status: q.status ?? "pending", documentId: q.document, kind: q.kind }) };
  });

  app.post("/review/accept", async (req) => {
    const { ids } = Ids.parse(req.body ?? {});
    const d = await reviewErrors(() => acceptItems(deps.store, ids));
    forgetGazetteer(deps.store);
    return d;
  });

  app.post("/review/reject", async (req) => {
    const { ids } = Ids.parse(req.body ?? {});
    return reviewErrors(() => rejectItems(deps.store, ids));
  });

  app.get("/watch", async () => ({ watchlist: await listWatch(deps.store) }));
  app.post("/watch", async (req) => {
    const { entity } = z.object({ entity: z.string().min(1) }).parse(req.body ?? {});
    return addWatch(deps.store, entity);
  });
  app.delete("/watch/:ref", async (req) => {
    const { ref } = z.object({ ref: z.string().min(1) }).parse(req.params);
    const n = await removeWatch(deps.store, ref);
    if (!n) throw new HttpError(404, `${ref} is not on the watchlist`);
    return { removed: n };
  });

  app.get("/alerts", async (req) => {
    const q = z.object({ kind: z.enum(["watched_mention", "designation", "certification_cancelled"]).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }).parse(req.query);
    return { alerts: await listAlerts(deps.store, { kind: q.kind, limit: q.limit }) };
  });
}
