/** Exposure routes: GET /exposure/:id, POST /whatif, POST /deal/check (src/graph). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HttpError, type ApiDeps } from "../server.js";
import { exposure, UnknownEntityError } from "../../graph/exposure.js";
import { whatIf } from "../../graph/whatif.js";
import { dealCheck } from "../../graph/deal.js";
import { Deal, WhatIfScenario } from "../../model/graph.js";

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const ExposureQuery = z.object({ asOf: IsoDay.optional(), depth: z.coerce.number().int().min(0).max(6).optional() });
const WhatIfBody = WhatIfScenario.extend({ asOf: IsoDay.optional(), portfolio: z.array(z.string().min(1)).optional() });
const DealQuery = z.object({ asOf: IsoDay.optional() });

async function notFoundAs404<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UnknownEntityError) throw new HttpError(404, err.message);
    if (err instanceof RangeError) throw new HttpError(400, err.message);
    throw err;
  }
}

export async function exposureRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get("/exposure/:id", async (req) => {
    const { id } = z.object({ id: z.string().min(1) }).parse(req.params);
    const q = ExposureQuery.parse(req.query);
    return notFoundAs404(() => exposure(deps.store, id, q));
  });

  app.post("/whatif", async (req) => {
    const body = WhatIfBody.parse(req.body ?? {});
    const { asOf, portfolio, ...scenario } = body;
    if (!scenario.designate.length && !scenario.delist.length && !scenario.delistProgram.length && !scenario.setStake.length) {
      throw new HttpError(400, "give at least one change: designate, delist, delistProgram or setStake");
    }
    return notFoundAs404(() => whatIf(deps.store, scenario, { asOf, portfolio }));
  });

  app.post("/deal/check", async (req) => {
    const deal = Deal.parse(req.body);
    const q = DealQuery.parse(req.query);
    return notFoundAs404(() => dealCheck(deps.store, deal, q));
  });
}
