/**
 * yente's protocol over our matcher (the OpenSanctions API: opensanctions/yente, yente/routers/match.py and
 * yente/data/common.py). An example entity posted to POST /match/{dataset} becomes our screening query; a hit
 * becomes yente's scored FtM entity, with our own explanation in an extra `autorisk` field that yente clients
 * ignore. Our dataset names, yente's algorithm names and its error shapes are mapped here too.
 */
import type { z } from "zod";
import { MATCH_ALGORITHM } from "../match/version.js";
import { entityToFtm, IDENTIFIER_PROPS, schemaOfType } from "../model/ftm.js";
import { LIST_SOURCES } from "../model/lists.js";
import type { Hit, YenteMatchParams, YenteQuery, YenteResult, ScreenQuery } from "../model/match.js";
import type { Store } from "../store/store.js";
import type { EntityDossier } from "../model/schema.js";
import { today } from "../model/dates.js";
import { YenteHttpError, type FieldIssue } from "./server.js";

// ---- schemata and properties ------------------------------------------------------------------------------

/** FtM entity schemata an example may name; anything else is refused, as yente refuses it (400). */
export const FTM_SCHEMATA = new Set([
  "Thing", "LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel", "Airplane", "Vehicle", "Asset",
  "Address", "BankAccount", "CryptoWallet", "Security", "RealEstate", "Position", "Project",
]);
const SCHEMA_TO_TYPE: Record<string, string> = { Airplane: "Aircraft", Thing: "LegalEntity" };

const NAME_PROPS = ["name", "alias", "weakAlias", "previousName"];
/** FtM's name parts, joined into one more name as FtM's combine_names does */
const NAME_PARTS = ["firstName", "secondName", "middleName", "fatherName", "lastName"];
const COUNTRY_PROPS = ["country", "nationality", "citizenship", "jurisdiction", "mainCountry", "flag"];
/** FtM identifier properties whose kind our lists do not record: matched by value, never a contradiction */
const OTHER_IDENTIFIER_PROPS = ["uscCode", "bikCode", "cikCode", "permId", "isinCode", "callSign", "serialNumber", "npiCode", "ricCode", "irsCode", "caemCode", "ipoCode"];

/** A yente example as our screening query (names may be empty: the caller decides what that means). */
export function queryFromExample(q: YenteQuery): ScreenQuery & { type: string } {
  const p = q.properties;
  const names = NAME_PROPS.flatMap((k) => p[k] ?? []);
  const parts = NAME_PARTS.flatMap((k) => p[k] ?? []);
  if (parts.length) names.push(parts.join(" "));
  const identifiers: string[] = [];
  for (const [prop, kind] of Object.entries(IDENTIFIER_PROPS)) for (const v of p[prop] ?? []) identifiers.push(`${kind}:${v}`);
  for (const prop of OTHER_IDENTIFIER_PROPS) identifiers.push(...(p[prop] ?? []));
  return {
    names: [...new Set(names.map((n) => n.trim()).filter(Boolean))],
    type: SCHEMA_TO_TYPE[q.schema] ?? q.schema,
    countries: COUNTRY_PROPS.flatMap((k) => p[k] ?? []),
    birthDates: (p.birthDate ?? []).map((d) => d.slice(0, 10)),
    identifiers,
  };
}

// ---- datasets ---------------------------------------------------------------------------------------------

/** Our collections: everything, parties with a listing, the knowledge base; then one dataset per list source. */
export const COLLECTIONS = ["default", "sanctions", "kb"] as const;
export const DATASETS: readonly string[] = [...COLLECTIONS, ...LIST_SOURCES];

/** OpenSanctions' names for the lists we read, so a client's include_dataset=us_ofac_sdn (or /match/eu_fsf) works. */
const OPENSANCTIONS_NAMES: Record<string, string> = {
  us_ofac_sdn: "ofac-sdn", us_ofac_cons: "ofac-cons", eu_fsf: "eu", gb_hmt_sanctions: "uk", gb_fcdo_sanctions: "uk", un_sc_sanctions: "un",
};

/** Our dataset name for a name a client gave (ours or OpenSanctions'), or undefined. */
export function resolveDataset(name: string): string | undefined {
  const n = OPENSANCTIONS_NAMES[name] ?? name;
  return DATASETS.includes(n) ? n : undefined;
}

const LIST_VERSION_ID = /^list:([a-z-]+):\d+$/;

/** The list sources a hit is listed on (from its listings' list versions and its own id), and "kb" for knowledge-base parties. */
export function datasetsOf(hit: Hit): string[] {
  const out = new Set<string>();
  if (hit.origin === "kb") out.add("kb");
  const prefix = hit.id.split(":")[0];
  if ((LIST_SOURCES as readonly string[]).includes(prefix)) out.add(prefix);
  for (const l of hit.listings) {
    const m = LIST_VERSION_ID.exec(l.listVersion ?? "");
    if (m) out.add(m[1]);
  }
  return [...out];
}

/** Whether a hit belongs to one of our datasets (a collection or a list source). */
export function inDataset(hit: Hit, dataset: string): boolean {
  if (dataset === "default") return true;
  if (dataset === "sanctions") return hit.listings.length > 0;
  if (dataset === "kb") return hit.origin === "kb";
  return datasetsOf(hit).includes(dataset);
}

// ---- algorithms -------------------------------------------------------------------------------------------

/** yente's algorithm names (and "best"): we have one algorithm, and answer every one of these with it. */
export const YENTE_ALGORITHMS = ["best", "logic-v1", "logic-v2", "name-based", "name-qualified", "regression-v1", "regression-v2"];

/** Our algorithm for a requested name; an unknown name is a 400, as in yente. */
export function resolveAlgorithm(name: string | undefined): string {
  const n = (name ?? "").trim().toLowerCase();
  if (n === "" || n === MATCH_ALGORITHM || YENTE_ALGORITHMS.includes(n)) return MATCH_ALGORITHM;
  throw new YenteHttpError(400, `Invalid algorithm: ${name} (this server scores with ${MATCH_ALGORITHM}; it also accepts ${YENTE_ALGORITHMS.join(", ")} and answers them with it)`);
}

/** The features our explanations report, documented in yente's FeatureDocs shape (coefficient: the usual effect on the score). */
export const FEATURE_DOCS: Record<string, { description: string; coefficient: number; url: string }> = {
  name_match: { description: "Best alignment of a query name with a candidate name, alias or weak alias, word by word (transliteration, legal forms and word order handled).", coefficient: 1, url: "" },
  identifier_match: { description: "A query identifier equals one of the candidate's; for identifiers one party alone holds (INN, OGRN, IMO, LEI…) the score rises to at least 0.97, otherwise to at least 0.85.", coefficient: 0.97, url: "" },
  identifier_mismatch: { description: "The candidate holds a different identifier of the same unique kind.", coefficient: -0.3, url: "" },
  type_mismatch: { description: "The query and candidate are different kinds of party (person, organisation, vessel, aircraft).", coefficient: -0.4, url: "" },
  country_match: { description: "The query and candidate share a country.", coefficient: 0.03, url: "" },
  country_mismatch: { description: "The query and candidate countries share nothing.", coefficient: -0.15, url: "" },
  birthDate_match: { description: "Birth dates agree (+0.05 on the day, +0.03 on the year).", coefficient: 0.05, url: "" },
  birthDate_mismatch: { description: "Birth dates more than a year apart.", coefficient: -0.25, url: "" },
};

// ---- results ----------------------------------------------------------------------------------------------

/** An FtM timestamp as yente writes them (a day from our lists becomes its midnight). */
const timestamp = (day: string | null | undefined): string | null => (day ? (day.length === 10 ? `${day}T00:00:00` : day) : null);

/** A hit as yente's scored entity. Its FtM topics say "sanction" when a listing is in force. */
export async function toYenteResult(store: Store, hit: Hit): Promise<YenteResult> {
  const entity = await store.getEntity(hit.id);
  const ftm = entity ? entityToFtm(entity) : { schema: hit.type, properties: { name: [hit.caption] } as Record<string, string[]> };
  // our own type markers (autorisk:Company) are not FtM topics: clients that validate topics would drop or refuse them
  const topics = (ftm.properties.topics ?? []).filter((t) => !t.startsWith("autorisk:"));
  if (hit.listings.length > 0 && !topics.includes("sanction")) topics.push("sanction");
  const properties: Record<string, string[]> = { ...ftm.properties, topics };
  if (!topics.length) delete properties.topics;

  const e = hit.explanation;
  const aligned = e.aligned.map((a) => `${a.query || "∅"}~${a.candidate || "∅"} ${a.method} ${a.score}`).join("; ");
  const explanations: YenteResult["explanations"] = {
    name_match: { score: e.nameScore, detail: `${e.queryName} ↔ ${e.matchedName} (${e.nameKind}): ${aligned}${e.rules.length ? ` [${e.rules.join(", ")}]` : ""}`, query: e.queryName, candidate: e.matchedName },
  };
  const features: Record<string, number> = { name_match: e.nameScore };
  for (const f of e.fields) {
    const key = `${f.field}_${f.effect === "agrees" ? "match" : "mismatch"}`;
    features[key] = f.delta;
    explanations[key] = { score: f.delta, detail: `${f.field} ${f.effect}: ${f.query} vs ${f.candidate}`, query: f.query, candidate: f.candidate };
  }
  const published = hit.listings.map((l) => l.listPublished).filter((d): d is string => !!d).sort();
  return {
    id: hit.id,
    caption: hit.caption,
    schema: ftm.schema,
    properties,
    datasets: datasetsOf(hit),
    referents: [],
    target: hit.listings.length > 0,
    first_seen: null,
    last_seen: timestamp(published.at(-1)),
    last_change: null,
    score: hit.score,
    match: hit.match,
    features,
    explanations,
    autorisk: { origin: hit.origin, listings: hit.listings, explanation: hit.explanation, algorithm: hit.algorithm },
  };
}

/**
 * yente's entity fields for GET /entities/:id (its clients read these when they expand a match), beside our
 * dossier: FtM schema and properties, the list sources whose listings are in force, target, last_seen.
 */
export function yenteEntityFields(d: EntityDossier): Omit<YenteResult, "score" | "match" | "features" | "explanations" | "autorisk"> {
  const ftm = entityToFtm(d.entity);
  const inForce = d.listings.filter((l) => !l.delisted || l.delisted > today());
  const topics = (ftm.properties.topics ?? []).filter((t) => !t.startsWith("autorisk:"));
  if (inForce.length > 0 && !topics.includes("sanction")) topics.push("sanction");
  const properties: Record<string, string[]> = { ...ftm.properties, topics };
  if (!topics.length) delete properties.topics;
  const datasets = new Set<string>();
  const prefix = d.entity.id.split(":")[0];
  if ((LIST_SOURCES as readonly string[]).includes(prefix)) datasets.add(prefix);
  else datasets.add("kb");
  for (const l of inForce) for (const s of l.sources) {
    const m = LIST_VERSION_ID.exec(s);
    if (m) datasets.add(m[1]);
  }
  const published = d.sources.filter((s) => s.kind === "list_version" && s.published).map((s) => s.published!).sort();
  return {
    id: d.entity.id,
    caption: d.entity.name,
    schema: ftm.schema,
    properties,
    datasets: [...datasets],
    referents: [],
    target: inForce.length > 0,
    first_seen: null,
    last_seen: timestamp(published.at(-1)),
    last_change: null,
  };
}

/** The FtM topics of a result, for yente's `topics` filter. */
export const topicsOf = (r: YenteResult): string[] => r.properties.topics ?? [];

/** Whether a hit passes yente's result filters (datasets, schemata, ids; topics are checked on the result). */
export function passesFilters(hit: Hit, params: YenteMatchParams): boolean {
  const include = params.include_dataset.map((d) => resolveDataset(d) ?? d);
  const exclude = params.exclude_dataset.map((d) => resolveDataset(d) ?? d);
  if (include.length && !include.some((d) => inDataset(hit, d))) return false;
  if (exclude.some((d) => inDataset(hit, d))) return false;
  if (params.exclude_schema.includes(schemaOfType(hit.type))) return false;
  if (params.exclude_entity_ids.includes(hit.id)) return false;
  return true;
}

// ---- validation -------------------------------------------------------------------------------------------

/** Parses a request part, answering a failure as FastAPI does: 422 with one {type, loc, msg} per invalid field. */
export function parseOr422<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query"): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues: FieldIssue[] = r.error.issues.map((i) => {
    const missing = i.code === "invalid_type" && /received undefined/.test(i.message);
    return {
      type: missing ? "missing" : i.code,
      loc: [where, ...i.path.map((k) => (typeof k === "symbol" ? String(k) : k))],
      msg: missing ? "Field required" : i.message,
    };
  });
  throw new YenteHttpError(422, issues);
}
