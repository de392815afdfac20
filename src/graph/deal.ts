/**
 * Deal check: the verdicts of every party to a transaction plus the nexus flags that decide whose sanctions
 * law reaches it (domain-and-peers.md section 2.5). Informational: it names the questions a compliance officer
 * must answer and where the rule comes from; it is not legal advice and says so in every result.
 */
import { Deal, RULE_SETS, type DealCheckResult, type DealFlag, type DealInput, type Verdict } from "../model/graph.js";
import type { Store } from "../store/store.js";
import { loadGraph, type Graph } from "./graph.js";
import { checkAsOf, runRules, verdictOf, type Outcomes } from "./exposure.js";
import { CLEAR, LISTED } from "./rules/common.js";

export const DEAL_NOTICE =
  "Informational only, not legal advice: the flags show which sanctions and export-control regimes may reach this deal and why, " +
  "from the data in this knowledge base on the date shown. Confirm each point with counsel and against the official lists.";

const EU_MEMBERS = new Set(["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]);
/** The EAR de minimis level for Russia: foreign-made items with more than 25% US-origin controlled content. */
export const EAR_DE_MINIMIS_RUSSIA = 25;
export const EO_14114_FROM = "2023-12-22";
export const FAQ_1181_FROM = "2024-06-12";

const SRC = {
  usNexus: "https://ofac.treasury.gov/faqs/topic/1521",
  steptoe14114: "https://www.steptoeinternationalcomplianceblog.com/2023/12/new-secondary-sanctions-target-non-us-banks-that-engage-in-transactions-with-russias-military-industrial-base/",
  faq1181: "https://ofac.treasury.gov/faqs/1181",
  bisDeMinimis: "https://www.bis.doc.gov/index.php/2011-09-12-20-18-59/export-and-reexport-faqs/faq/184-does-de-minimis-still-apply-for-reexports-to-russia-when-the-incorporated-items-proposed-for-reexport-or-export-from-abroad-are-subject-to-license-requirements-under-746-5-of-the-ear",
  akinRussia: "https://www.akingump.com/en/news-insights/us-government-imposes-expansive-novel-and-plurilateral-export-controls-against-russia-and-belarus.html",
  euOwnership: "https://dlapiper.com/en-us/insights/publications/2024/08/changes-to-the-eu-sanctions-best-practices",
  ukOwnership: "https://gov.uk/government/publications/ownership-and-control-public-officials-and-control-guidance/ownership-and-control-public-officials-and-control-guidance",
  faq1092: "https://complianceconcourse.willkie.com/articles/news-alerts-2022-10-october-20221017-ofac-issues-faq-on-the-sanctions-risks/",
};

interface ResolvedParty {
  ref: string;
  role: string;
  country?: string;
  usPerson?: boolean;
  node: number | null;
}

/** Whether a node's OFAC block goes back to an EO 14024 designation (listed under it, or derived from one). */
function blockedUnder14024(graph: Graph, outcomes: Outcomes, node: number): boolean {
  const o = outcomes.OFAC;
  if (o.status[node] === CLEAR) return false;
  const is14024 = (n: number) => (graph.listedBy("OFAC").get(n) ?? []).some((l) => /14024/.test(l.program ?? ""));
  if (o.status[node] === LISTED) return is14024(node);
  return o.explain(node).paths.some((p) => p.length > 0 && is14024(graph.index.get(p[0].from)!));
}

export function checkDeal(graph: Graph, outcomes: Outcomes, deal: Deal, parties: ResolvedParty[]): DealCheckResult {
  const flags: DealFlag[] = [];
  const nameOf = (p: ResolvedParty) => (p.node === null ? p.ref : graph.names[p.node]);
  const countryOf = (p: ResolvedParty) => p.country;
  const verdicts = parties.map((p) =>
    p.node === null ? null : (Object.fromEntries(RULE_SETS.map((r) => [r, verdictOf(outcomes[r], p.node!)])) as Record<(typeof RULE_SETS)[number], Verdict>),
  );
  const hit = (rule: (typeof RULE_SETS)[number]) => parties.filter((p, i) => verdicts[i] && verdicts[i]![rule].status !== "clear");

  for (const p of parties) {
    if (p.node === null) {
      flags.push({ code: "UNRESOLVED_PARTY", severity: "medium", title: `Party not found: ${p.ref}`, explanation: `"${p.ref}" (${p.role}) matches no entity in the knowledge base, so it has no verdict. Screen it (autorisk screen) or add it before relying on this check.`, involves: [p.ref], sources: [] });
    }
  }
  const ofacHits = hit("OFAC");
  const euHits = hit("EU");
  const ukHits = hit("UK");
  for (const [rule, hits] of [["OFAC", ofacHits], ["EU", euHits], ["UK", ukHits]] as const) {
    if (hits.length) {
      flags.push({
        code: `${rule}_PARTY`,
        severity: "high",
        title: `${rule}: ${hits.map(nameOf).join(", ")} listed or owned/controlled by listed parties`,
        explanation: `Under ${rule} rules ${hits.map((p) => `${nameOf(p)} (${p.role}) is ${verdicts[parties.indexOf(p)]![rule].status}`).join("; ")}. Persons bound by ${rule} sanctions may not make funds or economic resources available to them; the verdict paths show why.`,
        involves: hits.map(nameOf),
        sources: [...new Set(hits.flatMap((p) => verdicts[parties.indexOf(p)]![rule].sources))],
      });
    }
  }

  const usParties = parties.filter((p) => p.usPerson || countryOf(p) === "US");
  const usBanks = deal.banks.filter((b) => b.country === "US");
  if (deal.currency === "USD") {
    flags.push({
      code: "USD_SETTLEMENT",
      severity: ofacHits.length ? "high" : "medium",
      title: "USD settlement runs through US correspondent banks",
      explanation: `Payment in USD is normally cleared through US correspondent accounts, which brings US persons into the deal; causing them to deal with an OFAC-blocked party is itself a violation.${ofacHits.length ? ` OFAC-blocked parties are involved: ${ofacHits.map(nameOf).join(", ")}.` : ""}`,
      involves: deal.banks.map((b) => b.name),
      sources: [SRC.usNexus],
    });
  }
  if (usParties.length || usBanks.length) {
    flags.push({
      code: "US_PERSON",
      severity: ofacHits.length ? "high" : "info",
      title: "US persons are involved",
      explanation: `${[...usParties.map(nameOf), ...usBanks.map((b) => b.name)].join(", ")} ${usParties.length + usBanks.length > 1 ? "are" : "is a"} US person${usParties.length + usBanks.length > 1 ? "s" : ""} and bound by OFAC's prohibitions wherever the deal takes place.`,
      involves: [...usParties.map(nameOf), ...usBanks.map((b) => b.name)],
      sources: [SRC.usNexus],
    });
  }

  // goods go to Russia when a goods line says so, or else when any party is Russian
  const toRussia = parties.some((p) => countryOf(p) === "RU");
  for (const g of deal.goods) {
    const destRu = g.destination ? g.destination === "RU" : toRussia;
    if (g.origin === "US" && destRu) {
      flags.push({ code: "EAR_US_ORIGIN", severity: "high", title: `US-origin goods to Russia: ${g.description}`, explanation: `${g.description} is of US origin and subject to the EAR; exports and re-exports to Russia need a BIS licence for most items.`, involves: [g.description], sources: [SRC.akinRussia] });
    } else if (destRu && g.usContentPercent > EAR_DE_MINIMIS_RUSSIA) {
      flags.push({
        code: "EAR_DE_MINIMIS",
        severity: "high",
        title: `US content above the EAR de minimis for Russia: ${g.description}`,
        explanation: `${g.description} (made in ${g.origin}) has ${g.usContentPercent}% US-origin content, above the ${EAR_DE_MINIMIS_RUSSIA}% de minimis level for Russia, so the foreign-made item is subject to the EAR. The foreign direct product rules may apply even below it.`,
        involves: [g.description],
        sources: [SRC.bisDeMinimis, SRC.akinRussia],
      });
    }
  }

  const euPersons = [...parties.filter((p) => p.country && EU_MEMBERS.has(p.country)).map(nameOf), ...deal.banks.filter((b) => EU_MEMBERS.has(b.country)).map((b) => b.name)];
  if (euPersons.length) {
    flags.push({ code: "EU_PERSON", severity: euHits.length ? "high" : "info", title: "EU persons are involved", explanation: `${euPersons.join(", ")} ${euPersons.length > 1 ? "are" : "is"} bound by the EU asset freeze and sectoral measures${euHits.length ? `, and EU-listed or EU-owned/controlled parties are in the deal: ${euHits.map(nameOf).join(", ")}` : ""}.`, involves: euPersons, sources: [SRC.euOwnership] });
  }
  const ukPersons = [...parties.filter((p) => p.country === "GB").map(nameOf), ...deal.banks.filter((b) => b.country === "GB").map((b) => b.name)];
  if (ukPersons.length) {
    flags.push({ code: "UK_PERSON", severity: ukHits.length ? "high" : "info", title: "UK persons are involved", explanation: `${ukPersons.join(", ")} ${ukPersons.length > 1 ? "are" : "is"} bound by UK financial sanctions${ukHits.length ? `, and UK-designated or UK-owned/controlled parties are in the deal: ${ukHits.map(nameOf).join(", ")}` : ""}.`, involves: ukPersons, sources: [SRC.ukOwnership] });
  }

  const sdn14024 = parties.filter((p) => p.node !== null && blockedUnder14024(graph, outcomes, p.node));
  const foreignBanks = deal.banks.filter((b) => b.country !== "US");
  // EO 14114 dates from 22 Dec 2023; FAQ 1181 (12 June 2024) extended it to every person blocked under EO 14024
  if (sdn14024.length && foreignBanks.length && graph.asOf >= EO_14114_FROM) {
    flags.push({
      code: "FFI_SECONDARY_SANCTIONS",
      severity: graph.asOf >= FAQ_1181_FROM ? "high" : "medium",
      title: "Foreign banks risk secondary sanctions (EO 14114)",
      explanation: `${sdn14024.map(nameOf).join(", ")} ${sdn14024.length > 1 ? "are" : "is"} blocked under EO 14024. Since EO 14114 (22 Dec 2023) and the June 2024 expansion (FAQ 1181), a non-US bank that conducts or facilitates a significant transaction involving any person blocked under EO 14024 risks blocking or loss of US correspondent accounts${graph.asOf < FAQ_1181_FROM ? " (before 12 June 2024 only where the blocked person operates in the sectors EO 14114 names, such as manufacturing)" : ""}: ${foreignBanks.map((b) => `${b.name} (${b.country})`).join(", ")}.`,
      involves: [...sdn14024.map(nameOf), ...foreignBanks.map((b) => b.name)],
      sources: [SRC.steptoe14114, SRC.faq1181],
    });
  }
  if (sdn14024.length) {
    const others = parties.filter((p) => !sdn14024.includes(p) && (p.country ? p.country !== "US" : true));
    if (others.length) {
      flags.push({ code: "DESIGNATION_RISK", severity: "medium", title: "Counterparties risk designation for supplying an EO 14024 SDN", explanation: `EO 14024 allows OFAC to designate non-US persons that materially assist or supply goods or services to blocked persons (FAQ 1092): ${others.map(nameOf).join(", ")}.`, involves: others.map(nameOf), sources: [SRC.faq1092] });
    }
  }

  const severityRank = { high: 0, medium: 1, info: 2 } as const;
  flags.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return {
    deal: deal.id,
    asOf: graph.asOf,
    informational: true,
    notice: DEAL_NOTICE,
    parties: parties.map((p, i) => ({ ref: p.ref, role: p.role, entity: p.node === null ? null : { id: graph.ids[p.node], name: graph.names[p.node] }, verdicts: verdicts[i] })),
    flags,
  };
}

export async function dealCheck(store: Store, dealInput: DealInput, opts: { asOf?: string } = {}): Promise<DealCheckResult> {
  const deal = Deal.parse(dealInput);
  const graph = await loadGraph(store, checkAsOf(opts.asOf ?? deal.date));
  const parties: ResolvedParty[] = [];
  for (const p of deal.parties) {
    const e = (await store.getEntity(p.ref)) ?? (await store.resolve(p.ref));
    const node = e ? graph.index.get(e.id) ?? null : null;
    const country = p.country ?? (e?.countries.length === 1 ? e.countries[0] : undefined);
    parties.push({ ref: p.ref, role: p.role, country, usPerson: p.usPerson, node });
  }
  return checkDeal(graph, runRules(graph), deal, parties);
}
