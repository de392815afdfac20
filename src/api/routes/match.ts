/**
 * Screening over HTTP.
 *
 *   POST /match/:dataset   yente's request and response shape (OpenSanctions clients work unchanged):
 *                          { queries: { key: { schema, properties: { name: [...], birthDate, country,
 *                          innCode, ... } } } } → { responses: { key: { status, query, total, results } } }.
 *                          Datasets: default (everything), sanctions (parties with a listing), kb, or a list
 *                          source id (ofac-sdn, ofac-cons, eu, uk, un, ftm). Query params threshold, cutoff,
 *                          limit, algorithm (only ours exists; any value is answered with it).
 *   GET  /screen?name=…    a simple screening: &type= &country= &dob= &id= (repeatable) &limit= &threshold=
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HttpError, type ApiDeps } from "../server.js";
import { sharedIndex } from "../../match/index.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "../../match/version.js";
import { YenteMatchParams, YenteMatchRequest, type Hit, type YenteQuery, type YenteResponse, type YenteResult } from "../../model/match.js";
import { entityToFtm, IDENTIFIER_PROPS } from "../../model/ftm.js";
import { LIST_SOURCES } from "../../model/lists.js";
import type { Store } from "../../store/store.js";

const NAME_PROPS = ["name", "alias", "weakAlias", "previousName", "firstName", "lastName"];
const COUNTRY_PROPS = ["country", "nationality", "citizenship", "jurisdiction", "registrationCountry", "mainCountry", "birthCountry"];
const SCHEMA_TO_TYPE: Record<string, string> = { Airplane: "Aircraft", Thing: "LegalEntity" };
const DATASETS = new Set<string>(["default", "sanctions", "kb", ...LIST_SOURCES]);

const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])).optional();
const ScreenParams = z.object({
  name: z.string().trim().min(1, "name is required"),
  type: z.string().optional(),
  country: many,
  dob: many,
  id: many,
  limit: z.coerce.number().int().min(1).max(100).default(10),
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
});

/** A yente query as our screening query. */
function fromYente(q: YenteQuery) {
  const p = q.properties;
  const names = NAME_PROPS.filter((k) => k !== "firstName" && k !== "lastName").flatMap((k) => p[k] ?? []);
  if (names.length === 0 && (p.firstName || p.lastName)) names.push([...(p.firstName ?? []), ...(p.lastName ?? [])].join(" "));
  const identifiers: string[] = [];
  for (const [prop, kind] of Object.entries(IDENTIFIER_PROPS)) for (const v of p[prop] ?? []) identifiers.push(`${kind}:${v}`);
  return {
    names: names.filter((n) => n.trim()),
    type: SCHEMA_TO_TYPE[q.schema] ?? q.schema,
    countries: COUNTRY_PROPS.flatMap((k) => p[k] ?? []),
    birthDates: (p.birthDate ?? []).map((d) => d.slice(0, 10)),
    identifiers,
  };
}

function inDataset(hit: Hit, dataset: string): boolean {
  if (dataset === "default") return true;
  if (dataset === "sanctions") return hit.listings.length > 0;
  if (dataset === "kb") return hit.origin === "kb";
  return hit.id.startsWith(`${dataset}:`);
}

async function toYenteResult(store: Store, hit: Hit): Promise<YenteResult> {
  const entity = await store.getEntity(hit.id);
  const ftm = entity ? entityToFtm(entity) : { schema: hit.type, properties: { name: [hit.caption] } };
  const e = hit.explanation;
  const detail = e.aligned.map((a) => `${a.query || "∅"}~${a.candidate || "∅"} ${a.method} ${a.score}`).join("; ");
  const explanations: YenteResult["explanations"] = {
    name_match: { score: e.nameScore, detail: `${e.queryName} ↔ ${e.matchedName} (${e.nameKind}): ${detail}${e.rules.length ? ` [${e.rules.join(", ")}]` : ""}`, query: e.queryName, candidate: e.matchedName },
  };
  const features: Record<string, number> = { name_match: e.nameScore };
  for (const f of e.fields) {
    const key = `${f.field}_${f.effect === "agrees" ? "match" : "mismatch"}`;
    features[key] = f.delta;
    explanations[key] = { score: f.delta, detail: `${f.field} ${f.effect}: ${f.query} vs ${f.candidate}`, query: f.query, candidate: f.candidate };
  }
  const datasets = [...new Set([...(hit.origin === "kb" ? ["autorisk-kb"] : [hit.id.split(":")[0]]), ...hit.listings.map((l) => l.authority.toLowerCase())])];
  return {
    id: hit.id,
    caption: hit.caption,
    schema: ftm.schema,
    properties: ftm.properties,
    datasets,
    referents: [],
    target: hit.listings.length > 0,
    first_seen: null,
    last_seen: hit.listings.map((l) => l.listPublished ?? null).find(Boolean) ?? null,
    last_change: null,
    score: hit.score,
    match: hit.match,
    features,
    explanations,
  };
}

export async function matchRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post<{ Params: { dataset: string } }>("/match/:dataset", async (req) => {
    const dataset = req.params.dataset;
    if (!DATASETS.has(dataset)) throw new HttpError(404, `unknown dataset "${dataset}" (known: ${[...DATASETS].join(", ")})`);
    const params = YenteMatchParams.parse(req.query ?? {});
    const body = YenteMatchRequest.parse(req.body);
    const threshold = params.threshold ?? DEFAULT_THRESHOLD;
    const index = await sharedIndex(deps.store);
    const responses: Record<string, YenteResponse> = {};
    for (const [key, q] of Object.entries(body.queries)) {
      const query = fromYente(q);
      if (query.names.length === 0 && query.identifiers.length === 0) {
        throw new HttpError(400, `query "${key}" has no name (properties.name) and no identifier`);
      }
      // a query with identifiers only still screens: the identifier finds the party, its name is then scored
      const hits = index
        .screen({ ...query, names: query.names.length ? query.names : ["?"] }, { threshold, cutoff: params.cutoff ?? 0, limit: 500 })
        .filter((h) => inDataset(h, dataset))
        .slice(0, params.limit);
      responses[key] = {
        status: 200,
        query: q,
        total: { value: hits.length, relation: "eq" },
        results: await Promise.all(hits.map((h) => toYenteResult(deps.store, h))),
      };
    }
    return { responses, limit: params.limit, algorithm: MATCH_ALGORITHM, threshold };
  });

  app.get("/screen", async (req) => {
    const q = ScreenParams.parse(req.query ?? {});
    const index = await sharedIndex(deps.store);
    const hits = index.screen(
      { names: [q.name], type: q.type, countries: q.country ?? [], birthDates: q.dob ?? [], identifiers: q.id ?? [] },
      { limit: q.limit, threshold: q.threshold },
    );
    return { query: { name: q.name, type: q.type ?? null, countries: q.country ?? [], birthDates: q.dob ?? [], identifiers: q.id ?? [] }, algorithm: MATCH_ALGORITHM, threshold: q.threshold, indexed: index.size, hits };
  });
}
