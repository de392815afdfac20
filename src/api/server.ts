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

export async function buildServer(deps: ApiDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false });
  app.setErrorHandler((err, _req, reply) => {
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
