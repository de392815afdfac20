/**
 * The in-memory graph the ownership rules run over, as it stood on one date.
 *
 * Two layers:
 *  - `GraphInput` is the plain records (entities, relations, listings) read from the store; what-if scenarios
 *    edit this layer and rebuild.
 *  - `Graph` is the compact form the rules traverse: nodes are numbered, counted ownership and control edges are
 *    kept in compressed adjacency arrays (CSR) so a fixed point over a million entities stays in typed arrays.
 *    Everything else that links two parties (licences, supply, non-confirmed or superseded stakes) is kept as
 *    `links` for partner exposure and for showing what was not counted.
 *
 * What counts for ownership and control (the contract): status `confirmed` and valid on the date
 * (`validOn`). Per holder and asset only one stake counts (the most recent; two registries reporting the same
 * stake must not add up); the others are shown as links with a note.
 */
import type { Listing, Relation } from "../model/schema.js";
import { listedOn, validOn } from "../model/dates.js";
import type { Store } from "../store/store.js";

export interface GraphEntity {
  id: string;
  name: string;
  type: string;
}

export interface GraphInput {
  /** YYYY-MM-DD */
  asOf: string;
  entities: GraphEntity[];
  relations: Relation[];
  listings: Listing[];
}

export interface ListingRef {
  id: string;
  authority: string;
  program: string | null;
  listed: string | null;
  delisted: string | null;
  sources: string[];
}

/** A relation shown in partner exposure, with the reason it did not count for ownership or control, if any. */
export interface Link {
  rel: Relation;
  from: number;
  to: number;
  note: string | null;
}

/** Partnership kinds of the issue (item 2); OWNS is added when the stake did not make the asset derived. */
export const PARTNER_TYPES = ["PARTNER_OF", "LICENSES_TO", "SUPPLIES", "ASSEMBLES", "PRODUCES"] as const;

/** Directed edges with compressed adjacency both ways. */
export class EdgeSet {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly pct: Float64Array;
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;

  constructor(
    n: number,
    from: ArrayLike<number>,
    to: ArrayLike<number>,
    pct: ArrayLike<number>,
    /** the relation behind each edge (absent in synthetic graphs) */
    readonly rel: ReadonlyArray<Relation | undefined> = [],
    /** UK joint arrangements: edge index -> arrangement label */
    readonly joint: ReadonlyMap<number, string> = new Map(),
  ) {
    const m = from.length;
    this.from = Int32Array.from(from);
    this.to = Int32Array.from(to);
    this.pct = Float64Array.from(pct);
    [this.outStart, this.outEdges] = csr(n, this.from);
    [this.inStart, this.inEdges] = csr(n, this.to);
    if (this.to.length !== m || this.pct.length !== m) throw new Error("edge arrays differ in length");
  }

  get size(): number {
    return this.from.length;
  }
}

/** Counting sort of edge indices by one endpoint: start[i]..start[i+1] are the edges of node i. */
function csr(n: number, key: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e++) start[key[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const edges = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) edges[fill[key[e]]++] = e;
  return [start, edges];
}

export class Graph {
  constructor(
    readonly asOf: string,
    readonly ids: string[],
    readonly names: string[],
    readonly types: string[],
    readonly index: Map<string, number>,
    /** counted ownership: holder -> asset, percentage */
    readonly own: EdgeSet,
    /** counted control: controller -> controlled (CONTROLS, and SUBSIDIARY_OF read parent -> child) */
    readonly ctl: EdgeSet,
    /** authority -> node -> listings in force on asOf */
    readonly listings: Map<string, Map<number, ListingRef[]>>,
    readonly links: Link[] = [],
  ) {}

  get size(): number {
    return this.ids.length;
  }

  private linkAdj?: Map<number, number[]>;
  /** Link indices touching a node (either direction). */
  linksOf(node: number): number[] {
    if (!this.linkAdj) {
      const adj = new Map<number, number[]>();
      this.links.forEach((l, i) => {
        for (const end of l.from === l.to ? [l.from] : [l.from, l.to]) {
          const list = adj.get(end);
          if (list) list.push(i);
          else adj.set(end, [i]);
        }
      });
      this.linkAdj = adj;
    }
    return this.linkAdj.get(node) ?? [];
  }

  listedBy(authority: string): Map<number, ListingRef[]> {
    return this.listings.get(authority) ?? new Map();
  }
}

/** Builds a Graph edge by edge; used by buildGraph (store records) and by the benchmark (synthetic graphs). */
export class GraphBuilder {
  private ids: string[] = [];
  private names: string[] = [];
  private types: string[] = [];
  private index = new Map<string, number>();
  private ownFrom: number[] = [];
  private ownTo: number[] = [];
  private ownPct: number[] = [];
  private ownRel: (Relation | undefined)[] = [];
  private ownJoint = new Map<number, string>();
  private ctlFrom: number[] = [];
  private ctlTo: number[] = [];
  private ctlRel: (Relation | undefined)[] = [];
  private links: Link[] = [];
  private listings = new Map<string, Map<number, ListingRef[]>>();

  constructor(readonly asOf: string) {}

  node(id: string, name = id, type = "Company"): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const i = this.ids.length;
    this.ids.push(id);
    this.names.push(name);
    this.types.push(type);
    this.index.set(id, i);
    return i;
  }

  ownership(holder: number, asset: number, pct: number, rel?: Relation, joint?: string): void {
    if (joint) this.ownJoint.set(this.ownFrom.length, joint);
    this.ownFrom.push(holder);
    this.ownTo.push(asset);
    this.ownPct.push(pct);
    this.ownRel.push(rel);
  }

  control(controller: number, controlled: number, rel?: Relation): void {
    this.ctlFrom.push(controller);
    this.ctlTo.push(controlled);
    this.ctlRel.push(rel);
  }

  link(rel: Relation, from: number, to: number, note: string | null = null): void {
    this.links.push({ rel, from, to, note });
  }

  listing(node: number, l: ListingRef): void {
    const authority = l.authority.toUpperCase();
    let byNode = this.listings.get(authority);
    if (!byNode) this.listings.set(authority, (byNode = new Map()));
    const list = byNode.get(node);
    if (list) list.push(l);
    else byNode.set(node, [l]);
  }

  build(): Graph {
    const n = this.ids.length;
    const own = new EdgeSet(n, this.ownFrom, this.ownTo, this.ownPct, this.ownRel, this.ownJoint);
    const ctl = new EdgeSet(n, this.ctlFrom, this.ctlTo, new Float64Array(this.ctlFrom.length), this.ctlRel);
    return new Graph(this.asOf, this.ids, this.names, this.types, this.index, own, ctl, this.listings, this.links);
  }
}

/** Reads everything the rules need from the store. Relations and listings are filtered by date in buildGraph. */
export async function readGraphInput(store: Store, asOf: string): Promise<GraphInput> {
  const entities: GraphEntity[] = [];
  for await (const e of store.allEntities()) entities.push({ id: e.id, name: e.name, type: e.type });
  const [relations, listings] = await Promise.all([store.allRelations({ asOf }), store.allListings({ asOf })]);
  return { asOf, entities, relations, listings };
}

/**
 * OFAC's non-SDN lists (sectoral SSI, NS-MBS, CAPTA…) do not block, so a listing from them does not seed the
 * 50% rule. The lists import marks the list a listing came from in `properties.list` (or in its ids).
 */
export function isBlockingListing(l: Listing): boolean {
  if (l.properties?.blocking === false) return false;
  if (l.authority.toUpperCase() !== "OFAC") return true;
  const list = String(l.properties?.list ?? "").toLowerCase();
  const ids = `${l.id} ${l.listEntryId ?? ""}`.toLowerCase();
  if (/\b(ssi|non-?sdn|cons(olidated)?|ns-mbs|capta|fse|plc)\b/.test(list)) return false;
  return !/\b(ofac-cons|ofac-ssi|ofac-nonsdn)\b/.test(ids);
}

const startKey = (r: Relation) => r.start ?? "";

/** Builds the graph as of input.asOf. Pure: the same input always gives the same graph. */
export function buildGraph(input: GraphInput): Graph {
  const day = input.asOf;
  const b = new GraphBuilder(day);
  for (const e of input.entities) b.node(e.id, e.name, e.type);

  // one counted stake per holder and asset: the latest-starting, then the largest
  const stakes = new Map<string, Relation[]>();
  for (const r of input.relations) {
    if (!validOn(r.start, r.end, day)) continue;
    const from = b.node(r.subject);
    const to = b.node(r.object);
    const confirmed = r.status === "confirmed";
    switch (r.type) {
      case "OWNS":
      case "SUBSIDIARY_OF": {
        // SUBSIDIARY_OF reads child -> parent; as a holding it runs parent -> child
        const [holder, asset] = r.type === "OWNS" ? [r.subject, r.object] : [r.object, r.subject];
        if (r.type === "SUBSIDIARY_OF" && confirmed) b.control(b.node(holder), b.node(asset), r);
        if (holder === asset) {
          b.link(r, from, to, "own shares held by the company itself: not counted");
        } else if (!confirmed) {
          b.link(r, from, to, `status ${r.status}: shown, not counted`);
        } else if (r.percentage === null || r.percentage === undefined) {
          if (r.type === "OWNS") b.link(r, from, to, "stake of unknown size: not counted");
        } else {
          const key = `${holder}\u0000${asset}`;
          const list = stakes.get(key);
          if (list) list.push(r);
          else stakes.set(key, [r]);
        }
        break;
      }
      case "CONTROLS":
        if (confirmed) b.control(from, to, r);
        else b.link(r, from, to, `status ${r.status}: shown, not counted`);
        break;
      default:
        if ((PARTNER_TYPES as readonly string[]).includes(r.type)) b.link(r, from, to);
    }
  }
  for (const list of stakes.values()) {
    list.sort((x, y) => startKey(y).localeCompare(startKey(x)) || (y.percentage ?? 0) - (x.percentage ?? 0) || x.id.localeCompare(y.id));
    const [kept, ...rest] = list;
    const [holder, asset] = kept.type === "OWNS" ? [kept.subject, kept.object] : [kept.object, kept.subject];
    const h = b.node(holder);
    const a = b.node(asset);
    b.ownership(h, a, kept.percentage ?? 0, kept, jointLabel(kept));
    // a stake below the 50% line also shows in partner exposure
    if ((kept.percentage ?? 0) < 50) b.link(kept, b.node(kept.subject), b.node(kept.object), "below the 50% threshold on its own");
    for (const r of rest) b.link(r, b.node(r.subject), b.node(r.object), `superseded by ${kept.id} (same holder and asset): not counted twice`);
  }

  for (const l of input.listings) {
    if (!listedOn(l.listed, l.delisted, day) || !isBlockingListing(l)) continue;
    b.listing(b.node(l.entity), {
      id: l.id,
      authority: l.authority,
      program: l.program ?? null,
      listed: l.listed ?? null,
      delisted: l.delisted ?? null,
      sources: l.sources,
    });
  }
  return b.build();
}

/** A joint arrangement between holders (UK Schedule 1) is recorded as `properties.jointArrangement` on OWNS. */
function jointLabel(r: Relation): string | undefined {
  const v = r.properties?.jointArrangement ?? r.properties?.joint;
  return typeof v === "string" && v ? v : undefined;
}

/**
 * Loads the graph as of a date, reusing the one built for the same store revision and date: the API answers
 * many exposure queries between two writes, and rebuilding means reading every entity and relation.
 */
export async function loadGraph(store: Store, asOf: string): Promise<Graph> {
  const revision = await store.revision();
  let cached = graphCache.get(store);
  if (!cached || cached.revision !== revision) {
    cached = { revision, byDay: new Map() };
    graphCache.set(store, cached);
  }
  let graph = cached.byDay.get(asOf);
  if (!graph) {
    graph = readGraphInput(store, asOf).then(buildGraph);
    graph.catch(() => cached!.byDay.delete(asOf));
    if (cached.byDay.size >= GRAPH_CACHE_DAYS) cached.byDay.delete(cached.byDay.keys().next().value!);
    cached.byDay.set(asOf, graph);
  }
  return graph;
}

const GRAPH_CACHE_DAYS = 8;
const graphCache = new WeakMap<Store, { revision: number; byDay: Map<string, Promise<Graph>> }>();
