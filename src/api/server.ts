/**
 * The HTTP API: thin fastify routers over the same core the CLI uses. Each capability contributes one
 * route module (./routes/*.ts); this file only builds the app and maps errors to JSON responses.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { InputError } from "../model/errors.js";
import type { Store } from "../store/store.js";
import { coreRoutes } from "./routes/core.js";
import { listsRoutes } from "./routes/lists.js";
import { matchRoutes } from "./routes/match.js";
import { exposureRoutes } from "./routes/exposure.js";
import { newsRoutes } from "./routes/news.js";

export interface ApiDeps {
  store: Store;
}

/** An error a client can fix; answered with its status and message. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

/** One invalid field, as FastAPI reports it (yente answers invalid bodies and parameters with a list of these). */
export interface FieldIssue {
  type: string;
  /** where: "body" or "query", then the path to the field */
  loc: Array<string | number>;
  msg: string;
}

/** An error on an OpenSanctions-compatible (yente) route, answered in yente's shape: {"detail": …}. */
export class YenteHttpError extends Error {
  constructor(readonly statusCode: number, readonly detail: string | FieldIssue[]) {
    super(typeof detail === "string" ? detail : detail.map((d) => `${d.loc.join(".")}: ${d.msg}`).join("; "));
  }
}

/** Routes that speak yente's protocol, so their framework errors (a body that is not JSON) are answered as yente would. */
const YENTE_ROUTES = new Set(["/match/:dataset", "/algorithms", "/catalog", "/readyz"]);

export async function buildServer(deps: ApiDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false });
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof YenteHttpError) return reply.status(err.statusCode).send({ detail: err.detail });
    if (YENTE_ROUTES.has(req.routeOptions.url ?? "")) {
      const code = (err as { code?: string }).code ?? "";
      // fastify's content-type parser rejected the body (not JSON, empty): FastAPI calls that a 422
      if (code.startsWith("FST_ERR_CTP")) return reply.status(422).send({ detail: [{ type: "json_invalid", loc: ["body"], msg: (err as Error).message }] });
    }
    if (err instanceof ZodError) {
      return reply.status(400).send({ error: "invalid request", issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
    }
    if (err instanceof InputError) return reply.status(400).send({ error: err.message });
    const status = err instanceof HttpError ? err.statusCode : (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) app.log.error(err);
    return reply.status(status).send({ error: status >= 500 ? "internal error" : (err as Error).message });
  });
  await app.register(async (scope) => coreRoutes(scope, deps));
  await app.register(async (scope) => listsRoutes(scope, deps));
  await app.register(async (scope) => matchRoutes(scope, deps));
  await app.register(async (scope) => exposureRoutes(scope, deps));
  await app.register(async (scope) => newsRoutes(scope, deps));
  return app;
}
