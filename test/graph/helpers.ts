/** Small builders for ownership graphs in tests: stakes and listings in a few characters each. */
import type { Listing, Relation } from "../../src/model/schema.js";
import type { GraphInput } from "../../src/graph/graph.js";

let seq = 0;

export function owns(holder: string, asset: string, percentage: number, extra: Partial<Relation> = {}): Relation {
  return { id: `r${++seq}`, type: "OWNS", subject: holder, object: asset, status: "confirmed", percentage, properties: {}, sources: [`src-${holder}-${asset}`], ...extra };
}

export function rel(type: Relation["type"], subject: string, object: string, extra: Partial<Relation> = {}): Relation {
  return { id: `r${++seq}`, type, subject, object, status: "confirmed", properties: {}, sources: [], ...extra };
}

export function listed(entity: string, authorities: string[] = ["OFAC", "EU", "UK"], extra: Partial<Listing> = {}): Listing[] {
  return authorities.map((authority) => ({ id: `l${++seq}`, entity, authority, properties: {}, sources: [`list-${authority}`], ...extra }));
}

export function input(asOf: string, relations: Relation[], listings: Listing[]): GraphInput {
  const ids = new Set<string>();
  for (const r of relations) ids.add(r.subject).add(r.object);
  for (const l of listings) ids.add(l.entity);
  return { asOf, entities: [...ids].map((id) => ({ id, name: id.toUpperCase(), type: "Company" })), relations, listings };
}
