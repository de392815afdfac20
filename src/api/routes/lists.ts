import type { FastifyInstance } from "fastify";
import type { ApiDeps } from "../server.js";

// Routes of this capability are added here by its owner.
export async function listsRoutes(_app: FastifyInstance, _deps: ApiDeps): Promise<void> {}
