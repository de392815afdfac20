/**
 * Screening over HTTP.
 *
 *   POST /match/:dataset   yente's protocol (the OpenSanctions API), so its clients work unchanged:
 *                          { queries: { key: { schema, properties: { name: [...], birthDate, nationality,
 *                          innCode, ... } } } } → { responses: { key: { status, query, total, results } } }.
 *                          Mapping of properties, datasets and algorithm names: ../yente.ts.
 *   GET  /algorithms       our algorithm, in yente's shape
 *   GET  /catalog          our datasets (collections and list sources with their active versions), in yente's shape
 *   GET  /screen?name=…    a simple screening: &type= &country= &dob= &id= (repeatable) &limit= &threshold=
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { YenteHttpError, type ApiDeps } from "../server.js";
import { sharedIndex } from "../../match/index.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "../../match/version.js";
import {
  YENTE_MAX_BATCH, YENTE_SCORE_CUTOFF, YENTE_MAX_MATCHES, YenteMatchParams, YenteMatchRequest, type YenteResponse, type YenteResult,
} from "../../model/match.js";
import { LIST_SOURCES } from "../../model/lists.js";
import { activeVersion } from "../../lists/versions.js";
import { LIST_SOURCE_INFO, listUrl } from "../../lists/sources.js";
import {
  COLLECTIONS, DATASETS, FEATURE_DOCS, FTM_SCHEMATA, YENTE_ALGORITHMS, inDataset, parseOr422, passesFilters, queryFromExample,
  resolveAlgorithm, resolveDataset, toYenteResult, topicsOf,
} from "../yente.js";

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

export async function matchRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post<{ Params: { dataset: string } }>("/match/:dataset", async (req, reply) => {
    const dataset = resolveDataset(req.params.dataset);
    if (!dataset) throw new YenteHttpError(404, `No such dataset: ${req.params.dataset} (known: ${DATASETS.join(", ")})`);
    const params = parseOr422(YenteMatchParams, req.query ?? {}, "query");
    const body = parseOr422(YenteMatchRequest, req.body, "body");
    const algorithm = resolveAlgorithm(params.algorithm);
    const entries = Object.entries(body.queries);
    if (entries.length === 0) throw new YenteHttpError(400, "No queries provided.");
    if (entries.length > YENTE_MAX_BATCH) throw new YenteHttpError(400, `Too many queries in one batch (limit: ${YENTE_MAX_BATCH})`);
    for (const [key, q] of entries) {
      if (!FTM_SCHEMATA.has(q.schema)) {
        throw new YenteHttpError(400, `Cannot parse example entity: query "${key}" has schema "${q.schema}", which is not an FtM schema this server screens (${[...FTM_SCHEMATA].join(", ")})`);
      }
    }
    const threshold = params.threshold ?? DEFAULT_THRESHOLD;
    // as in yente: cutoff (deprecated) never above the threshold, and a result must score above it
    const cutoff = Math.min(params.cutoff ?? YENTE_SCORE_CUTOFF, threshold);
    const index = await sharedIndex(deps.store);
    const responses: Record<string, YenteResponse> = {};
    for (const [key, q] of entries) {
      const query = queryFromExample(q);
      const echo = { id: q.id ?? null, schema: q.schema, properties: q.properties };
      if (query.names.length === 0 && query.identifiers.length === 0) {
        // one query we cannot screen must not sink the batch: it is answered with its own status, as older yente did
        responses[key] = { status: 400, detail: `query "${key}" has no name (name, alias, firstName/lastName…) and no identifier: it cannot be screened`, query: echo, total: { value: 0, relation: "eq" }, results: [] };
        continue;
      }
      // a query with identifiers only still screens: the identifier finds the party, its name is then scored
      const hits = index
        .screen({ ...query, names: query.names.length ? query.names : ["?"] }, { threshold, cutoff, limit: YENTE_MAX_MATCHES })
        .filter((h) => h.score > cutoff && inDataset(h, dataset) && passesFilters(h, params));
      let kept: YenteResult[];
      let matches: number;
      if (params.topics.length) {
        // topics live on the entity: build every candidate, then filter
        const all = await Promise.all(hits.map((h) => toYenteResult(deps.store, h)));
        const withTopic = all.filter((r) => topicsOf(r).some((t) => params.topics.includes(t)));
        matches = withTopic.filter((r) => r.match).length;
        kept = withTopic.slice(0, params.limit);
      } else {
        matches = hits.filter((h) => h.match).length;
        kept = await Promise.all(hits.slice(0, params.limit).map((h) => toYenteResult(deps.store, h)));
      }
      // yente's total counts matches (score at or above the threshold), not the results returned
      responses[key] = { status: 200, query: echo, total: { value: matches, relation: "eq" }, results: kept };
    }
    reply.header("x-batch-size", String(entries.length));
    return { responses, limit: params.limit, algorithm, threshold, cutoff };
  });

  app.get("/algorithms", async () => {
    const description = "autorisk's screening matcher: names aligned word by word across scripts (transliteration, legal forms, word order, token rarity), then qualified by identifiers, type, countries and birth dates.";
    return {
      algorithms: [{ name: MATCH_ALGORITHM, description, features: FEATURE_DOCS, docs: { name: MATCH_ALGORITHM, description, features: FEATURE_DOCS, config: {} }, accepts: YENTE_ALGORITHMS }],
      default: MATCH_ALGORITHM,
      best: MATCH_ALGORITHM,
    };
  });

  app.get("/catalog", async () => {
    const sources = [];
    for (const source of LIST_SOURCES) {
      const active = await activeVersion(deps.store.sql, source);
      sources.push({
        name: source, title: LIST_SOURCE_INFO[source].title, summary: `published by ${LIST_SOURCE_INFO[source].publisher}`, url: listUrl(source) ?? null,
        load: !!active, entities_url: null, version: active?.id ?? "none", index_version: active?.id ?? null, index_current: !!active,
        children: [], updated_at: active?.published ?? active?.retrievedAt ?? null, entity_count: active?.recordCount ?? null,
      });
    }
    const loaded = sources.filter((s) => s.load).map((s) => s.name);
    // the collections change whenever the store does (the index is rebuilt on its revision)
    const revision = `revision-${await deps.store.revision()}`;
    const collection = (name: (typeof COLLECTIONS)[number], title: string, children: string[]) => ({
      name, title, summary: null, url: null, load: true, entities_url: null, version: revision, index_version: revision, index_current: true, children, updated_at: null, entity_count: null,
    });
    return {
      datasets: [
        collection("default", "All screened parties: list entries in force and the knowledge base's parties", ["sanctions", "kb"]),
        collection("sanctions", "Parties with a listing in force", loaded),
        collection("kb", "The knowledge base's parties (companies, people, brands)", []),
        ...sources,
      ],
      current: [...COLLECTIONS, ...loaded],
      outdated: [],
      index_stale: false,
    };
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
