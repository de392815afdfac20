/**
 * OFAC's "advanced" XML (`sdn_advanced.xml`, `cons_advanced.xml`): root <Sanctions> in the Sanctions List
 * Service namespace (…/exports/ADVANCED_XML, older files http://www.un.org/sanctions/1.0; matched by local
 * name). OFAC's explanatory notes give eight top-level sections, in this order:
 *   DateOfIssue, ReferenceValueSets (every lookup value: alias types, scripts, countries, feature types…),
 *   Locations, IDRegDocuments, DistinctParties, ProfileRelationships, SanctionsEntries, SanctionsEntryLinks.
 * A party's programs and listing date (SanctionsEntries) and its links (ProfileRelationships) come after the
 * parties, and its documents (IDRegDocuments) before them, so the file is read twice, streaming both times:
 *   1. everything except DistinctParties, kept as small lookup tables (ids → text, one compact entry per
 *      location, document, relationship and sanctions entry, and the primary name of each party for link
 *      texts); a truncated or malformed file fails here, before any record is handed on;
 *   2. DistinctParties, one <DistinctParty> at a time, each turned into a record with those tables.
 * Memory holds the tables, never the parties' element trees.
 *
 * A party: <DistinctParty FixedRef> / <Profile ID PartySubTypeID> / <Identity ID> with <Alias AliasTypeID
 * Primary LowQuality> / <DocumentedName> (one per script) / <DocumentedNamePart> / <NamePartValue
 * NamePartGroupID ScriptID>, <NamePartGroups> giving each group's NamePartType (Last Name, First Name, Entity
 * Name…), and <Feature FeatureTypeID> / <FeatureVersion> with a <VersionDetail>, <DatePeriod> or
 * <VersionLocation LocationID> (birth date, nationality, address, gender, secondary-sanctions risk…).
 * The Profile ID is the uid of sdn.xml and the ent_num of sdn.csv, so versions of either compare.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import type { ListRecord, ListRecordType } from "../../model/lists.js";
import { ListFileError, RecordBuilder, countryCode, identifierKey, type ParseMeta, type ParseOptions } from "../common.js";
import { child, children, path, textOf, xmlRecords, type XmlNode } from "../stream.js";
import { applyRemarkItem } from "./remarks.js";

const TYPES: Record<string, ListRecordType> = { individual: "person", entity: "entity", vessel: "vessel", aircraft: "aircraft" };
const SIDE_SECTIONS = new Set(["Locations", "IDRegDocuments", "ProfileRelationships", "SanctionsEntries"]);

interface RefValue { text: string; attrs: Record<string, string> }
interface Place { full: string; country?: string; countryName?: string }
interface IdDoc { type: string; number: string; country?: string; details: string[] }
interface Entry { programs: string[]; lists: string[]; legalBasis: string[]; events: string[] }

/** The lookup tables of pass 1. */
class Tables {
  published?: string;
  readonly refs = new Map<string, Map<string, RefValue>>();
  readonly places = new Map<string, Place>();
  readonly docs = new Map<string, IdDoc[]>();
  readonly relations = new Map<string, Array<{ to: string; type: string }>>();
  readonly entries = new Map<string, Entry>();
  readonly primaryNames = new Map<string, string>();
  constructor(readonly file: string) {}

  /** The reference value `kind` (AliasType, Script, Country…) with this id; a missing one is a broken file. */
  ref(kind: string, id: string | undefined, node: XmlNode): RefValue {
    const v = id === undefined ? undefined : this.refs.get(kind)?.get(id);
    if (!v) throw new ListFileError(this.file, `line ${node.line}`, `${kind}ID ${JSON.stringify(id ?? "")} is not in ReferenceValueSets`);
    return v;
  }
  refText(kind: string, id: string | undefined, node: XmlNode): string {
    return this.ref(kind, id, node).text;
  }
}

/** <Year>/<Month>/<Day> children as YYYY[-MM[-DD]]. */
function ymd(n: XmlNode | undefined): string | undefined {
  const y = textOf(n, "Year");
  if (!/^\d{4}$/.test(y)) return undefined;
  const m = textOf(n, "Month");
  const d = textOf(n, "Day");
  return [y, m && m.padStart(2, "0"), m && d && d.padStart(2, "0")].filter(Boolean).join("-");
}

/**
 * The dates a <DatePeriod> stands for. OFAC writes an exact date as a period whose start and end are the same
 * day, and an imprecise one as a span ("1957-01-01" to "1957-12-31" for "1957", or several whole years).
 */
function periodDates(p: XmlNode): string[] {
  const start = ymd(path(p, "Start", "From")[0]) ?? ymd(path(p, "Start", "To")[0]);
  const end = ymd(path(p, "End", "To")[0]) ?? ymd(path(p, "End", "From")[0]) ?? start;
  if (!start || !end) return [];
  if (start === end) return [start];
  if (start.endsWith("-01-01") && end.endsWith("-12-31")) {
    const [from, to] = [Number(start.slice(0, 4)), Number(end.slice(0, 4))];
    if (to - from < 20) return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  if (start.slice(0, 7) === end.slice(0, 7) && start.endsWith("-01")) return [start.slice(0, 7)];
  return [start];
}

/**
 * A copy of a string that does not share memory with the chunk it was parsed from. V8 keeps substrings as
 * views into their parent, so a short name kept in a table from every 1 MB chunk would keep every chunk alive
 * (the whole file); the tables of pass 1 store copies.
 */
const own = (s: string) => Buffer.from(s, "utf8").toString("utf8");

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

export async function* parseOfacAdvanced(file: string, meta: ParseMeta, opts: ParseOptions): AsyncGenerator<ListRecord> {
  const name = basename(file);
  const size = statSync(file).size;
  const t = new Tables(name);
  let root = "";

  // ---- pass 1: everything but the parties ----
  const side = xmlRecords(file, {
    isRecord: (p) =>
      (p.length === 2 && p[1] === "DateOfIssue") ||
      (p.length === 4 && p[1] === "ReferenceValueSets") ||
      (p.length === 3 && SIDE_SECTIONS.has(p[1])) ||
      // the primary alias of each party, for the text of links to it
      (p.length === 6 && p[1] === "DistinctParties" && p[5] === "Alias"),
    onRoot: (r) => (root = r),
    onBytes: (b) => opts.onBytes?.(Math.round(b / 2)),
  });
  for await (const n of side) {
    if (root !== "Sanctions") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <Sanctions>`);
    if (n.name === "DateOfIssue") t.published = ymd(n);
    else if (n.name === "Location") readLocation(t, n);
    else if (n.name === "IDRegDocument") readDocument(t, n);
    else if (n.name === "ProfileRelationship") readRelationship(t, n);
    else if (n.name === "SanctionsEntry") readEntry(t, n);
    else if (n.name === "Alias") {
      if (n.attrs.Primary === "true" && n.attrs.FixedRef) {
        const parts = path(n, "DocumentedName")[0];
        const text = path(parts, "DocumentedNamePart", "NamePartValue").map((v) => v.text.trim()).join(" ");
        if (text) t.primaryNames.set(own(n.attrs.FixedRef), own(text));
      }
    } else if (n.attrs.ID !== undefined) {
      // a reference value: <AliasType ID="1403">Name</AliasType>, <Country ID="…" ISO2="RU">Russia</Country>
      const kind = t.refs.get(n.name) ?? new Map<string, RefValue>();
      kind.set(own(n.attrs.ID), { text: own(n.text.trim()), attrs: Object.fromEntries(Object.entries(n.attrs).map(([k, v]) => [own(k), own(v)])) });
      t.refs.set(n.name, kind);
    }
  }
  if (root !== "Sanctions") throw new ListFileError(name, "line 1", `root element is <${root}>, expected <Sanctions>`);
  if (t.refs.size === 0) throw new ListFileError(name, undefined, "no ReferenceValueSets: not an OFAC advanced XML");
  meta.published = t.published;

  // ---- pass 2: the parties ----
  let count = 0;
  const parties = xmlRecords(file, {
    isRecord: (p) => p.length === 3 && p[1] === "DistinctParties",
    onBytes: (b) => opts.onBytes?.(Math.round(size / 2 + b / 2)),
  });
  for await (const n of parties) {
    count++;
    yield party(t, n, name);
  }
  if (count === 0) throw new ListFileError(name, undefined, "no <DistinctParty> elements");
}

function readLocation(t: Tables, n: XmlNode) {
  const parts: string[] = [];
  for (const p of children(n, "LocationPart")) {
    const value = path(p, "LocationPartValue", "Value").map((v) => v.text.trim()).find(Boolean);
    if (value) parts.push(value);
  }
  let country: string | undefined;
  let countryName: string | undefined;
  for (const c of children(n, "LocationCountry")) {
    const ref = t.ref("Country", c.attrs.CountryID, c);
    countryName = ref.text;
    country = countryCode(ref.attrs.ISO2) ?? countryCode(ref.text);
  }
  for (const a of children(n, "LocationAreaCode")) {
    const ref = t.ref("AreaCode", a.attrs.AreaCodeID, a);
    countryName ??= ref.attrs.Description;
    country ??= countryCode(ref.attrs.Description);
  }
  if (countryName && !parts.includes(countryName)) parts.push(countryName);
  t.places.set(own(n.attrs.ID), { full: own(parts.join(", ")), country, countryName: countryName && own(countryName) });
}

function readDocument(t: Tables, n: XmlNode) {
  const type = t.refText("IDRegDocType", n.attrs.IDRegDocTypeID, n);
  const countryId = n.attrs["IssuedBy-CountryID"];
  const country = countryId ? t.refText("Country", countryId, n) : undefined;
  const details: string[] = [];
  for (const d of children(n, "DocumentDate")) {
    const kind = t.refText("IDRegDocDateType", d.attrs.IDRegDocDateTypeID, d);
    const period = child(d, "DatePeriod");
    const dates = period ? periodDates(period) : [];
    if (dates.length) details.push(`${kind.toLowerCase()} ${dates.join("/")}`);
  }
  if (textOf(n, "IssuingAuthority")) details.push(`issued by ${textOf(n, "IssuingAuthority")}`);
  if (textOf(n, "Comment")) details.push(textOf(n, "Comment"));
  const doc: IdDoc = { type, number: own(textOf(n, "IDRegistrationNo")), country, details: details.map(own) };
  const list = t.docs.get(n.attrs.IdentityID) ?? [];
  list.push(doc);
  t.docs.set(own(n.attrs.IdentityID), list);
}

function readRelationship(t: Tables, n: XmlNode) {
  const from = n.attrs["From-ProfileID"];
  const to = n.attrs["To-ProfileID"];
  if (!from || !to) throw new ListFileError(t.file, `line ${n.line}`, "ProfileRelationship without From-ProfileID and To-ProfileID");
  const list = t.relations.get(from) ?? [];
  list.push({ to: own(to), type: t.refText("RelationType", n.attrs.RelationTypeID, n) });
  t.relations.set(own(from), list);
}

function readEntry(t: Tables, n: XmlNode) {
  const e = t.entries.get(n.attrs.ProfileID) ?? { programs: [], lists: [], legalBasis: [], events: [] };
  if (n.attrs.ListID) e.lists.push(t.refText("List", n.attrs.ListID, n));
  for (const m of children(n, "SanctionsMeasure")) {
    // a measure of type "Program" names the program (RUSSIA-EO14024) in its comment
    if (t.refText("SanctionsType", m.attrs.SanctionsTypeID, m) === "Program" && textOf(m, "Comment")) e.programs.push(own(textOf(m, "Comment")));
  }
  for (const ev of children(n, "EntryEvent")) {
    const day = ymd(child(ev, "Date"));
    if (day) e.events.push(own(day));
    if (ev.attrs.LegalBasisID) e.legalBasis.push(t.refText("LegalBasis", ev.attrs.LegalBasisID, ev));
  }
  t.entries.set(own(n.attrs.ProfileID), e);
}

/** One documented name: "LAST, First Middle" in Latin script as OFAC's other files write it, else the parts in order. */
function documentedName(t: Tables, dn: XmlNode, groups: Map<string, string>, latin: boolean): string {
  const values = path(dn, "DocumentedNamePart", "NamePartValue").map((v) => ({ type: groups.get(v.attrs.NamePartGroupID) ?? "", text: v.text.trim() }));
  const last = values.filter((v) => v.type === "Last Name").map((v) => v.text).join(" ");
  const rest = values.filter((v) => v.type !== "Last Name").map((v) => v.text).join(" ");
  if (latin && last && rest) return `${last}, ${rest}`;
  return values.map((v) => v.text).join(" ");
}

function party(t: Tables, n: XmlNode, file: string): ListRecord {
  const profile = child(n, "Profile");
  const where = `line ${n.line} (DistinctParty ${n.attrs.FixedRef ?? "?"})`;
  if (!profile?.attrs.ID) throw new ListFileError(file, where, "DistinctParty without a <Profile ID>");
  const id = profile.attrs.ID;
  const subType = t.ref("PartySubType", profile.attrs.PartySubTypeID, profile);
  const typeText = subType.text === "Unknown" ? t.refText("PartyType", subType.attrs.PartyTypeID, profile) : subType.text;
  const type = TYPES[typeText.toLowerCase()];
  if (!type) throw new ListFileError(file, where, `unknown party type ${JSON.stringify(typeText)}`);

  const identities = children(profile, "Identity");
  const b = new RecordBuilder(id, type, "");
  for (const identity of identities) {
    const groups = new Map<string, string>();
    for (const g of path(identity, "NamePartGroups", "MasterNamePartGroup", "NamePartGroup")) {
      groups.set(g.attrs.ID, t.refText("NamePartType", g.attrs.NamePartTypeID, g));
    }
    // the primary alias first, so the record's headline name is OFAC's own
    const aliases = children(identity, "Alias").sort((a, c) => Number(c.attrs.Primary === "true") - Number(a.attrs.Primary === "true"));
    for (const alias of aliases) {
      const aliasType = t.refText("AliasType", alias.attrs.AliasTypeID, alias);
      for (const dn of children(alias, "DocumentedName")) {
        const scriptId = path(dn, "DocumentedNamePart", "NamePartValue")[0]?.attrs.ScriptID;
        const script = scriptId ? t.refText("Script", scriptId, dn) : "Latin";
        const latin = script === "Latin";
        const text = documentedName(t, dn, groups, latin);
        const quality = alias.attrs.Primary === "true" && latin && !b.record.name ? "primary"
          : aliasType === "F.K.A." ? "previous" : alias.attrs.LowQuality === "true" ? "weak" : "strong";
        if (quality === "primary") b.record.name = text;
        b.name(text, quality, latin ? {} : { script });
      }
    }
    for (const doc of t.docs.get(identity.attrs.ID) ?? []) {
      const key = identifierKey(doc.type, doc.number, doc.country);
      b.identifier(key, key === "imo" ? doc.number.replace(/^IMO\s*/i, "") : doc.number, doc.type, doc.country);
      if (doc.country) b.country(doc.country);
      if (doc.details.length) b.prop("identifierDetails", `${doc.type} ${doc.number}: ${doc.details.join("; ")}`);
    }
  }
  if (!b.record.name) throw new ListFileError(file, where, "party without a name");
  b.prop("comment", textOf(n, "Comment"));

  for (const f of children(profile, "Feature")) feature(t, b, f);

  const entry = t.entries.get(id);
  if (entry) {
    for (const p of entry.programs) b.program(p);
    for (const l of entry.lists) b.prop("list", l);
    for (const l of entry.legalBasis) b.prop("legalBasis", l);
    b.record.listed = entry.events.sort()[0] ?? null;
  }
  for (const rel of t.relations.get(id) ?? []) {
    b.link(t.primaryNames.get(rel.to) ?? `${rel.type} ${rel.to}`, rel.to, slug(rel.type));
  }
  return b.done();
}

/** One <Feature>: a date, a place or a value, read as the same item OFAC's remarks and sdn.xml <id>s carry. */
function feature(t: Tables, b: RecordBuilder, f: XmlNode) {
  const label = t.refText("FeatureType", f.attrs.FeatureTypeID, f).trim();
  for (const v of children(f, "FeatureVersion")) {
    const values: string[] = [];
    const period = path(v, "DatePeriod")[0];
    if (period) values.push(...periodDates(period));
    const detail = child(v, "VersionDetail");
    if (detail) values.push(detail.attrs.DetailReferenceID ? t.refText("DetailReference", detail.attrs.DetailReferenceID, detail) : detail.text.trim());
    for (const loc of children(v, "VersionLocation")) {
      const place = t.places.get(loc.attrs.LocationID);
      if (!place) throw new ListFileError(t.file, `line ${loc.line}`, `LocationID ${loc.attrs.LocationID} is not in Locations`);
      if (label === "Location") b.address([place.full], place.country ?? place.countryName);
      else {
        values.push(place.countryName ?? place.full);
        if (/country|flag/i.test(label)) b.country(place.country ?? place.countryName);
      }
    }
    for (const value of values.filter(Boolean)) {
      if (label === "Birthdate") b.birthDate(value);
      else if (label === "Place of Birth") b.prop("birthPlace", value);
      else if (label === "Nationality Country") b.prop("nationality", value);
      else if (label === "Citizenship Country") b.prop("citizenship", value);
      else if (label === "Vessel Flag") b.prop("vesselFlag", value);
      // the rest reads like sdn.xml's <id> items: "Gender Male", "Secondary sanctions risk: …", "Website …"
      else if (!applyRemarkItem(b, `${label} ${value}`)) b.prop(slug(label) || "feature", value);
    }
  }
}
