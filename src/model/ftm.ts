/**
 * FollowTheMoney (OpenSanctions `entities.ftm.json`, one entity JSON per line) to and from our records.
 * Parties (Company, Organization, PublicBody, Person, LegalEntity, Vessel, Airplane) become entities;
 * Ownership, Directorship and other interval schemas become relations; Sanction becomes a listing; any other
 * schema is kept as a generic record. The FtM properties are kept verbatim beside what we derive from them
 * (name, aliases, countries, identifiers), so an FtM export gives back what was imported.
 */
import type { Entity, EntityType, GenericRecord, Listing, Relation, RelationType } from "./schema.js";

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  [extra: string]: unknown;
}

const PARTY_TYPES: Record<string, EntityType> = {
  Company: "Company", Organization: "Organization", PublicBody: "PublicBody", Person: "Person",
  LegalEntity: "LegalEntity", Vessel: "Vessel", Airplane: "Aircraft",
};
const TYPE_TO_SCHEMA: Record<string, string> = {
  Company: "Company", Organization: "Organization", PublicBody: "PublicBody", Person: "Person", LegalEntity: "LegalEntity",
  Vessel: "Vessel", Aircraft: "Airplane", Brand: "Organization", VehicleModel: "LegalEntity", Plant: "LegalEntity", Country: "LegalEntity",
};

/** The FtM schema our entity type is exported as. */
export const schemaOfType = (type: string): string => TYPE_TO_SCHEMA[type] ?? "LegalEntity";

/** FtM link schemas: which properties are the two ends, and the relation type we keep. */
const LINKS: Record<string, { type: RelationType; subject: string; object: string }> = {
  Ownership: { type: "OWNS", subject: "owner", object: "asset" },
  Directorship: { type: "DIRECTOR_OF", subject: "director", object: "organization" },
  UnknownLink: { type: "LINKED_TO", subject: "subject", object: "object" },
  Associate: { type: "LINKED_TO", subject: "person", object: "associate" },
  Family: { type: "LINKED_TO", subject: "person", object: "relative" },
  Membership: { type: "LINKED_TO", subject: "member", object: "organization" },
  Employment: { type: "LINKED_TO", subject: "employee", object: "employer" },
  Representation: { type: "LINKED_TO", subject: "agent", object: "client" },
  Succession: { type: "LINKED_TO", subject: "predecessor", object: "successor" },
};
/** Our relation types that FtM has no schema for are exported as UnknownLink with the type as role. */
const RELATION_TO_SCHEMA: Partial<Record<RelationType, string>> = { OWNS: "Ownership", DIRECTOR_OF: "Directorship" };

export const IDENTIFIER_PROPS: Record<string, string> = {
  innCode: "inn", ogrnCode: "ogrn", kppCode: "kpp", okpoCode: "okpo", leiCode: "lei", imoNumber: "imo",
  swiftBic: "swift", registrationNumber: "registration", taxNumber: "tax", idNumber: "national_id",
  passportNumber: "passport", vatCode: "vat", dunsCode: "duns", mmsi: "mmsi", icaoCode: "icao",
};
const COUNTRY_PROPS = ["country", "jurisdiction", "nationality", "citizenship", "mainCountry", "registrationCountry"];

export function authorityOf(text: string): string {
  const t = text.toLowerCase();
  if (/ofac|foreign assets control|u\.?s\.? treasury|united states/.test(t)) return "OFAC";
  if (/european union|\beu\b|council of the eu/.test(t)) return "EU";
  if (/ofsi|hm treasury|united kingdom|fcdo|\buk\b/.test(t)) return "UK";
  if (/united nations|security council|\bun\b/.test(t)) return "UN";
  return text;
}

const day = (v: string | undefined) => (v && /^\d{4}(-\d{2}(-\d{2})?)?/.test(v) ? v.match(/^\d{4}(-\d{2}(-\d{2})?)?/)![0] : null);
const uniq = <T>(xs: T[]) => [...new Set(xs)];
const FTM_SCHEMA = "ftm:schema";

export type FtmRecord =
  | { kind: "entity"; entity: Entity }
  | { kind: "relation"; relation: Relation }
  | { kind: "listing"; listing: Listing }
  | { kind: "record"; record: GenericRecord };

/** Maps one FtM entity; throws with the reason when a required property is missing. */
export function fromFtm(raw: FtmEntity, sources: string[]): FtmRecord {
  if (typeof raw.id !== "string" || !raw.id) throw new Error("FtM entity without an id");
  if (typeof raw.schema !== "string") throw new Error(`FtM entity ${raw.id} without a schema`);
  const p = raw.properties ?? {};
  const first = (k: string) => p[k]?.[0];
  const kept = { ...p, [FTM_SCHEMA]: [raw.schema] };

  const type = PARTY_TYPES[raw.schema];
  if (type) {
    const names = p.name ?? [];
    if (names.length === 0) throw new Error(`FtM ${raw.schema} ${raw.id} has no name`);
    const identifiers: Record<string, string> = {};
    for (const [prop, key] of Object.entries(IDENTIFIER_PROPS)) if (p[prop]?.[0]) identifiers[key] = p[prop][0];
    return {
      kind: "entity",
      entity: {
        id: raw.id, type, name: names[0],
        aliases: uniq([...names.slice(1), ...(p.alias ?? [])]).filter((a) => a !== names[0]),
        weakAliases: p.weakAlias ?? [],
        countries: uniq(COUNTRY_PROPS.flatMap((k) => p[k] ?? []).map((c) => c.toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c))),
        identifiers,
        birthDate: (p.birthDate ?? []).map(day).filter((d): d is string => !!d),
        properties: kept,
        sources,
      },
    };
  }
  const link = LINKS[raw.schema];
  if (link) {
    const subject = first(link.subject);
    const object = first(link.object);
    if (!subject || !object) throw new Error(`FtM ${raw.schema} ${raw.id} lacks ${!subject ? link.subject : link.object}`);
    const pct = first("percentage") ? Number.parseFloat(first("percentage")!.replace("%", "")) : Number.NaN;
    return {
      kind: "relation",
      relation: {
        id: raw.id, type: link.type, subject, object,
        status: first("endDate") ? "ended" : "confirmed",
        start: day(first("startDate")), end: day(first("endDate")),
        percentage: Number.isFinite(pct) && pct >= 0 && pct <= 100 ? pct : null,
        what: first("role") ?? first("ownershipType") ?? null,
        evidence: null,
        properties: { ftm: kept },
        sources,
      },
    };
  }
  if (raw.schema === "Sanction") {
    const entity = first("entity");
    if (!entity) throw new Error(`FtM Sanction ${raw.id} lacks entity`);
    return {
      kind: "listing",
      listing: {
        id: raw.id, entity, authority: authorityOf(first("authority") ?? first("publisher") ?? "unknown"),
        program: first("program") ?? first("programId") ?? null,
        listEntryId: first("authorityId") ?? first("unscId") ?? null,
        listed: day(first("listingDate") ?? first("startDate")), delisted: day(first("endDate")),
        properties: { ftm: kept },
        sources,
      },
    };
  }
  return { kind: "record", record: { id: raw.id, schema: raw.schema, properties: p, sources } };
}

/** FtM JSON of an entity: its verbatim FtM properties where it came from FtM, else derived from the model. */
export function entityToFtm(e: Entity): FtmEntity {
  const { [FTM_SCHEMA]: schema, ...props } = e.properties;
  if (schema) return { id: e.id, schema: schema[0], properties: props };
  const properties: Record<string, string[]> = { ...props, name: [e.name] };
  if (e.aliases.length) properties.alias = e.aliases;
  if (e.weakAliases.length) properties.weakAlias = e.weakAliases;
  if (e.countries.length) properties.country = e.countries.map((c) => c.toLowerCase());
  if (e.birthDate.length) properties.birthDate = e.birthDate;
  const byKey = Object.fromEntries(Object.entries(IDENTIFIER_PROPS).map(([prop, key]) => [key, prop]));
  for (const [key, value] of Object.entries(e.identifiers)) properties[byKey[key] ?? "registrationNumber"] = [...(properties[byKey[key] ?? "registrationNumber"] ?? []), value];
  properties.topics = [...(properties.topics ?? []), `autorisk:${e.type}`];
  return { id: e.id, schema: schemaOfType(e.type), properties };
}

export function relationToFtm(r: Relation): FtmEntity {
  const ftm = r.properties.ftm as Record<string, string[]> | undefined;
  if (ftm) {
    const { [FTM_SCHEMA]: schema, ...props } = ftm;
    return { id: r.id, schema: schema[0], properties: props };
  }
  const schema = RELATION_TO_SCHEMA[r.type] ?? "UnknownLink";
  const ends = LINKS[schema];
  const properties: Record<string, string[]> = { [ends.subject]: [r.subject], [ends.object]: [r.object] };
  if (schema === "UnknownLink") properties.role = [r.type + (r.what ? `: ${r.what}` : "")];
  else if (r.what) properties.role = [r.what];
  if (r.percentage != null) properties.percentage = [String(r.percentage)];
  if (r.start) properties.startDate = [r.start];
  if (r.end) properties.endDate = [r.end];
  if (r.evidence) properties.summary = [r.evidence];
  return { id: r.id, schema, properties };
}

export function listingToFtm(l: Listing): FtmEntity {
  const ftm = l.properties.ftm as Record<string, string[]> | undefined;
  if (ftm) {
    const { [FTM_SCHEMA]: schema, ...props } = ftm;
    return { id: l.id, schema: schema[0], properties: props };
  }
  const properties: Record<string, string[]> = { entity: [l.entity], authority: [l.authority] };
  if (l.program) properties.program = [l.program];
  if (l.listEntryId) properties.authorityId = [l.listEntryId];
  if (l.listed) properties.listingDate = [l.listed];
  if (l.delisted) properties.endDate = [l.delisted];
  return { id: l.id, schema: "Sanction", properties };
}
