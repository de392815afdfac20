/**
 * FollowTheMoney entity files (OpenSanctions `entities.ftm.json`: one entity JSON per line), for every list
 * we have no own parser for. Parties are mapped with the model's `fromFtm` (src/model/ftm.ts) so FtM is
 * read one way across the project; Sanction entities become the parties' programs and listing dates, and
 * link schemas (Ownership, UnknownLink…) their links. Sanctions and links can come before or after their
 * party, so the file is read twice: first to collect those (small), then to stream the parties.
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { fromFtm, type FtmEntity } from "../model/ftm.js";
import type { ListRecord, ListRecordType } from "../model/lists.js";
import { ListFileError, RecordBuilder, identifierKey, type ParseMeta, type ParseOptions } from "./common.js";

const TYPES: Record<string, ListRecordType> = { Person: "person", Vessel: "vessel", Aircraft: "aircraft" };

async function* lines(file: string, onBytes?: (n: number) => void): AsyncGenerator<{ entity: FtmEntity; line: number }> {
  const name = basename(file);
  const input = createReadStream(file, { encoding: "utf8" });
  let bytes = 0;
  input.on("data", (c) => onBytes?.((bytes += Buffer.byteLength(c))));
  let n = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!text.trim()) continue;
    let entity: FtmEntity;
    try {
      entity = JSON.parse(text) as FtmEntity;
    } catch (err) {
      throw new ListFileError(name, `line ${n}`, `not a JSON object (${(err as Error).message})${n > 1 ? "; the file may be cut short" : ""}`);
    }
    if (!entity || typeof entity.id !== "string" || typeof entity.schema !== "string") throw new ListFileError(name, `line ${n}`, "FtM entity without id or schema");
    yield { entity, line: n };
  }
}

export async function* parseFtm(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  const sanctions = new Map<string, Array<{ program?: string; listed?: string; authorityId?: string; authority?: string }>>();
  const links = new Map<string, Array<{ text: string; target: string; kind: string }>>();
  for await (const { entity, line } of lines(file)) {
    let mapped;
    try {
      mapped = fromFtm(entity, []);
    } catch (err) {
      throw new ListFileError(name, `line ${line}`, (err as Error).message);
    }
    if (mapped.kind === "listing") {
      const l = mapped.listing;
      sanctions.set(l.entity, [...(sanctions.get(l.entity) ?? []), { program: l.program ?? undefined, listed: l.listed ?? undefined, authorityId: l.listEntryId ?? undefined, authority: l.authority }]);
    } else if (mapped.kind === "relation") {
      const r = mapped.relation;
      links.set(r.subject, [...(links.get(r.subject) ?? []), { text: `${r.type}${r.what ? ` (${r.what})` : ""}: ${r.object}`, target: r.object, kind: r.type.toLowerCase() }]);
    }
  }
  let count = 0;
  for await (const { entity, line } of lines(file, opts.onBytes)) {
    const mapped = fromFtm(entity, []);
    if (mapped.kind !== "entity") continue;
    const e = mapped.entity;
    const b = new RecordBuilder(e.id, TYPES[e.type] ?? "entity", e.name);
    for (const a of e.aliases) b.name(a, "strong");
    for (const a of e.weakAliases) b.name(a, "weak");
    for (const a of entity.properties?.previousName ?? []) b.name(a, "previous");
    for (const c of e.countries) if (!b.record.countries.includes(c)) b.record.countries.push(c);
    for (const [key, value] of Object.entries(e.identifiers)) b.identifier(key, value, key);
    for (const v of entity.properties?.registrationNumber ?? []) b.identifier(identifierKey("registration number", v, e.countries[0]), v, "registrationNumber");
    for (const d of e.birthDate) b.birthDate(d);
    for (const a of entity.properties?.address ?? []) b.address([a], entity.properties?.country?.[0]);
    for (const s of sanctions.get(e.id) ?? []) {
      b.program(s.program);
      b.prop("authority", s.authority);
      if (s.listed && (!b.record.listed || s.listed < b.record.listed)) b.record.listed = s.listed;
      if (s.authorityId) b.identifier("list_entry", s.authorityId, "authorityId");
    }
    for (const l of links.get(e.id) ?? []) b.link(l.text, l.target, l.kind);
    for (const [k, vs] of Object.entries(e.properties)) for (const v of vs) b.prop(k, v);
    if (entity.properties?.notes?.[0]) b.record.remarks = entity.properties.notes.join("\n");
    count++;
    void line;
    yield b.done();
  }
  if (count === 0) throw new ListFileError(name, undefined, "no parties (Person, Company, Organization, LegalEntity, Vessel…) in the file");
  meta.notes.push(`${sanctions.size} sanctioned parties, ${links.size} parties with links`);
}
