/**
 * One test per family of extraction rules, on sentences written for the test (not the seeds' text): what an
 * analyst would read off the sentence is what the pipeline must report.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTextArticle } from "../../src/news/article.js";
import { analyseArticle } from "../../src/news/pipeline.js";
import { gazetteerFromEntities, lexiconGazetteer } from "../../src/news/gazetteer.js";
import { statusOf } from "../../src/news/hedges.js";
import type { NewsResult } from "../../src/model/news.js";

const gaz = lexiconGazetteer();
const analyse = (body: string, date = "2024-06-15"): NewsResult =>
  analyseArticle(parseTextArticle(`Test Story\n\n${body}\n`, { date }), gaz);
const rel = (r: NewsResult, type: string, subject: string, object: string) =>
  r.relations.find((x) => x.type === type && x.subject === subject && x.object === object);
const fact = (r: NewsResult, metric: string, subject: string) => r.facts.find((x) => x.metric === metric && x.subject === subject);
const show = (r: NewsResult) => JSON.stringify({ relations: r.relations.map((x) => [x.type, x.subject, x.object, x.status, x.percentage]), facts: r.facts.map((f) => [f.metric, f.subject, f.value, f.period]) });

test("coordination: every object joined by commas and 'and' takes the relation", () => {
  const r = analyse("Volga Motors LLC exports trucks to Kazakhstan, Uzbekistan and Belarus.");
  for (const country of ["Kazakhstan", "Uzbekistan", "Belarus"]) assert.ok(rel(r, "EXPORTS_TO", "Volga Motors LLC", country), `${country}: ${show(r)}`);
});

test("coordination stops at a word that is not a conjunction", () => {
  const r = analyse("Volga Motors LLC exports trucks to Kazakhstan, unlike Kama Trucks LLC, which sells in Belarus.");
  assert.ok(rel(r, "EXPORTS_TO", "Volga Motors LLC", "Kazakhstan"), show(r));
  assert.ok(!rel(r, "EXPORTS_TO", "Volga Motors LLC", "Belarus"), show(r));
});

test("designations by country name stand for the country's sanctions authority", () => {
  const added = analyse("The United Kingdom has added Kama Axle LLC to its sanctions list.");
  assert.ok(rel(added, "SANCTIONED_BY", "Kama Axle LLC", "OFSI"), show(added));
  const under = analyse("Ningbo Gearbox Trading Co has been under US sanctions since 2023.");
  const r = rel(under, "SANCTIONED_BY", "Ningbo Gearbox Trading Co", "OFAC");
  assert.ok(r, show(under));
  assert.equal(r.date?.slice(0, 4), "2023");
  // a country that is only a place is no authority
  const place = analyse("Kama Axle LLC opened a sales office in the United Kingdom.");
  assert.equal(place.relations.filter((x) => x.type === "SANCTIONED_BY").length, 0, show(place));
});

test("stakes: 'holds N% of', and stake lists that name the asset once", () => {
  const r = analyse("Ural Holding LLC holds 60% of Kostroma Auto LLC, Volga Capital LLC owns 25% and Neva Invest LLC the remaining 15%.");
  assert.equal(rel(r, "OWNS", "Ural Holding LLC", "Kostroma Auto LLC")?.percentage, 60, show(r));
  assert.equal(rel(r, "OWNS", "Volga Capital LLC", "Kostroma Auto LLC")?.percentage, 25, show(r));
  assert.equal(rel(r, "OWNS", "Neva Invest LLC", "Kostroma Auto LLC")?.percentage, 15, show(r));
  assert.equal(r.facts.filter((f) => f.metric === "market_share").length, 0, "a stake is no market share");
});

test("a held stake is no market share, and the relation it belongs to ends with the cooperation", () => {
  const r = analyse("Rhein Trucks AG, which held 20% of Kama Axle LLC, suspended all cooperation with the company in 2022.");
  const owns = rel(r, "OWNS", "Rhein Trucks AG", "Kama Axle LLC");
  assert.equal(owns?.percentage, 20, show(r));
  assert.equal(owns?.status, "ended");
  assert.equal(r.facts.filter((f) => f.metric === "market_share").length, 0, show(r));
});

test("a relation ended in a later sentence is ended; a hedged stop is not", () => {
  const ended = analyse("Volga Motors LLC assembled trucks under a contract with Kama Trucks LLC at its Samara works. Kama Trucks LLC ended that contract in 2023.");
  assert.equal(rel(ended, "PARTNER_OF", "Volga Motors LLC", "Kama Trucks LLC")?.status ?? rel(ended, "PARTNER_OF", "Kama Trucks LLC", "Volga Motors LLC")?.status, "ended", show(ended));
  const hedged = analyse("Volga Motors LLC assembled trucks under a contract with Kama Trucks LLC at its Samara works. Kama Trucks LLC could end that contract next year.");
  assert.equal(rel(hedged, "PARTNER_OF", "Volga Motors LLC", "Kama Trucks LLC")?.status ?? rel(hedged, "PARTNER_OF", "Kama Trucks LLC", "Volga Motors LLC")?.status, "confirmed", show(hedged));
});

test("'the former X factory' describes a place and ends nothing; 'formerly known as' is a name", () => {
  const r = analyse("Volga Motors LLC has started serial production of Chery crossovers at the former Ford factory in Vsevolozhsk.");
  const a = r.relations.find((x) => x.subject === "Volga Motors LLC" && (x.type === "ASSEMBLES" || x.type === "PRODUCES"));
  assert.ok(a, show(r));
  assert.equal(a.status, "confirmed");
  assert.equal(statusOf("Volga Motors, formerly known as Itil Auto, also builds buses in Samara"), "confirmed");
  assert.equal(statusOf("Volga Motors, formerly a partner of Itil Auto, builds buses"), "ended");
});

test("a sale ends the seller's hold and gives the buyer the asset", () => {
  const r = analyse("Rhein Trucks AG sold its subsidiary Kama Axle LLC to Volga Capital LLC in March.");
  assert.ok(rel(r, "ACQUIRED", "Volga Capital LLC", "Kama Axle LLC"), show(r));
  assert.equal(rel(r, "OWNS", "Rhein Trucks AG", "Kama Axle LLC")?.status, "ended", show(r));
});

test("certification cancellations name the regulator and the product", () => {
  const r = analyse("Rosstandart has revoked the type approval of the Kama Axle LLC tractor unit.");
  assert.ok(r.relations.some((x) => x.type === "CERTIFICATION_CANCELLED" && x.object === "Rosstandart"), show(r));
});

test("exports with quantities and relative periods", () => {
  const r = analyse("Kazakhstan exported around 12,500 cars to Russia last year.");
  assert.ok(rel(r, "EXPORTS_TO", "Kazakhstan", "Russia"), show(r));
  const f = fact(r, "exports_units", "Kazakhstan");
  assert.equal(f?.value, 12500, show(r));
  assert.equal(f?.period, "2023");
});

test("capacity per year and approximate percentages", () => {
  const r = analyse("The Volga Motors LLC plant can build 80 thousand vehicles a year. Chinese brands hold nearly 55% of the Russian car market.");
  const cap = fact(r, "production_capacity", "Volga Motors LLC");
  assert.equal(cap?.value, 80000, show(r));
  assert.equal(cap?.unit, "vehicles/year");
  assert.equal(fact(r, "market_share", "China")?.value, 55, show(r));
});

test("a fee belongs to the country named with it, even a sentence earlier", () => {
  const r = analyse("Kazakhstan's registration fee for imported cars was raised in March. The fee now stands at about 500,000 tenge.");
  const f = fact(r, "fee_amount", "Kazakhstan");
  assert.equal(f?.value, 500000, show(r));
  assert.equal(f?.unit, "KZT");
});

test("licences in the passive and partnerships of two named parties", () => {
  const passive = analyse("The cab design was licensed by Jiangling Motors Co to Volga Motors LLC in 2022.");
  assert.ok(rel(passive, "LICENSES_TO", "Jiangling Motors Co", "Volga Motors LLC"), show(passive));
  const pair = analyse("Volga Motors LLC and Jiangling Motors Co signed an agreement on joint assembly in March.");
  const p = pair.relations.find((x) => x.type === "PARTNER_OF");
  assert.deepEqual([p?.subject, p?.object].sort(), ["Jiangling Motors Co", "Volga Motors LLC"], show(pair));
  assert.equal(p?.date, "2024-03");
});

// --- round 4: entity boundaries, relative clauses, options, plant figures, titles ---

const kbEntity = (id: string, name: string, aliases: string[] = []) =>
  ({ id, type: "Company" as const, name, aliases, weakAliases: [], countries: [], identifiers: {}, birthDate: [], properties: {}, sources: [] });
const kbGaz = gazetteerFromEntities([kbEntity("volvo", "Volvo Group", ["Volvo"]), kbEntity("avtotor", "Avtotor")]);

test("a longer capitalised name containing a known one is its own party, not the known one cut short", () => {
  const r = analyseArticle(parseTextArticle("Volvo Trucks Components sold its stake in Avtotor, and Volvo will keep its dealers.", { date: "2024-06-15" }), kbGaz);
  const names = r.entities.map((e) => e.name);
  assert.ok(names.includes("Volvo Trucks Components"), names.join(", "));
  assert.ok(!names.includes("Trucks Components"), names.join(", "));
  assert.ok(rel(r, "OWNS", "Volvo Trucks Components", "Avtotor"), show(r));
  // words before the known name belong to the longer name too
  const r2 = analyseArticle(parseTextArticle("Kestrel Avtotor Manufacturing Rus assembles buses in Kaliningrad.", { date: "2024-06-15" }), kbGaz);
  assert.ok(r2.entities.some((e) => e.name === "Kestrel Avtotor Manufacturing Rus"), r2.entities.map((e) => e.name).join(", "));
  assert.ok(!r2.entities.some((e) => e.name === "Avtotor"), r2.entities.map((e) => e.name).join(", "));
});

test("a generic company word after a known name is the same party", () => {
  const r = analyseArticle(parseTextArticle("Volvo Group Holding signed a supply agreement with Avtotor in March.", { date: "2024-06-15" }), kbGaz);
  const volvo = r.entities.find((e) => e.id === "volvo");
  assert.deepEqual(volvo?.mentions, ["Volvo Group Holding"]);
  assert.equal(r.entities.filter((e) => e.type === "Company").length, 2);
});

test("relative clauses: the antecedent is the subject, the party it works with receives what it supplies", () => {
  const r = analyse("Sevmash Auto builds vans together with Foshan Motors, which supplies vehicle kits under a license agreement.");
  assert.ok(rel(r, "SUPPLIES", "Foshan Motors", "Sevmash Auto"), show(r));
  assert.ok(rel(r, "LICENSES_TO", "Foshan Motors", "Sevmash Auto"), show(r));
  assert.ok(rel(r, "PARTNER_OF", "Sevmash Auto", "Foshan Motors") ?? rel(r, "PARTNER_OF", "Foshan Motors", "Sevmash Auto"), show(r));
  // an explicit receiver inside the clause wins, and the sentence's first party is not the supplier
  const r2 = analyse("Sevmash Auto buys parts from Foshan Motors, which supplies engines to Volga Trucks.");
  assert.ok(rel(r2, "SUPPLIES", "Foshan Motors", "Volga Trucks"), show(r2));
  assert.ok(!rel(r2, "SUPPLIES", "Sevmash Auto", "Volga Trucks"), show(r2));
});

test("an option to buy back a stake is about the stake's asset, never the buyer", () => {
  const r = analyse("Nordwerk Motors sold its 40% stake in Kama Axle to Uralmash Holding. Nordwerk Motors kept an option to buy back the stake within five years.");
  assert.equal(rel(r, "OWNS", "Nordwerk Motors", "Kama Axle")?.status, "ended", show(r));
  assert.equal(rel(r, "OWNS", "Uralmash Holding", "Kama Axle")?.status, "confirmed", show(r));
  assert.ok(!rel(r, "OWNS", "Nordwerk Motors", "Uralmash Holding"), show(r));
});

test("the capacity and staff of a company's plant are the company's figures", () => {
  const r = analyse("Nordwerk Motors operates its plant in Kaluga. The plant can build 80,000 cars a year and employs 1,500 people.");
  assert.equal(fact(r, "production_capacity", "Nordwerk Motors")?.value, 80000, show(r));
  assert.equal(fact(r, "employees", "Nordwerk Motors")?.value, 1500, show(r));
});

test("a short title line is the title and yields no entity", () => {
  const r = analyseArticle(parseTextArticle("Weekly Roundup\n\nNordwerk Motors signed a partnership agreement with Kama Axle on Monday.\n", { date: "2024-06-15" }), gaz);
  assert.equal(r.title, "Weekly Roundup");
  assert.ok(!r.entities.some((e) => /Weekly|Roundup/.test(e.name)), r.entities.map((e) => e.name).join(", "));
  assert.ok(r.entities.some((e) => e.name === "Nordwerk Motors"));
});

test("the summary prefers sentences that repeat the headline's words", () => {
  const body = [
    "Nordwerk Motors opened a dealership in the northern district on Monday.",
    "Kama Axle said its chief engineer would retire after thirty years.",
    "The transport duty on imported trucks will double from March.",
    "Local football clubs announced a schedule for the coming season.",
    "Volga Buses repainted its showroom and hired two new receptionists.",
  ].join(" ");
  const summaryUnder = (title: string) => analyseArticle(parseTextArticle(`${title}\n\n${body}\n`, { date: "2024-06-15" }), gaz).summary;
  const about = summaryUnder("Transport Duty on Imported Trucks to Double");
  assert.equal(about.length, 3);
  assert.ok(about.some((s) => s.includes("transport duty")), about.join(" | "));
  const unrelated = summaryUnder("Weekly Business Roundup");
  assert.ok(!unrelated.some((s) => s.includes("transport duty")), unrelated.join(" | "));
});

test("a plant that assembles stands for the company running it", () => {
  const r = analyse("Nordwerk Motors took over a site in 2019. The Kaluga plant assembled the Kestrel X5 crossover for local buyers.");
  const assembled = r.relations.filter((x) => x.type === "ASSEMBLES" && x.object.endsWith("X5"));
  assert.deepEqual(assembled.map((x) => x.subject), ["Nordwerk Motors"], show(r));
});

test("ownership stated by a participle or a descriptor: owned by, belongs to, part of the state corporation", () => {
  const owned = analyse("Kama Axle LLC, the parts plant in Elabuga owned by Volga Holding Group, made 9,000 axles last year.");
  assert.ok(rel(owned, "OWNS", "Volga Holding Group", "Kama Axle LLC"), show(owned));
  const part = analyse("Kama Motors LLC, part of the state corporation Volga Holding Group, has been under UK sanctions since 2022.");
  assert.ok(rel(part, "SUBSIDIARY_OF", "Kama Motors LLC", "Volga Holding Group"), show(part));
  const belongs = analyse("Kama Axle LLC, which belongs to Volga Holding Group, supplies axles to several bus makers.");
  assert.ok(rel(belongs, "SUBSIDIARY_OF", "Kama Axle LLC", "Volga Holding Group"), show(belongs));
});

test("a comma list of parties needs a conjunction: a comma alone starts a new clause", () => {
  const r = analyse("Volga Holding Group holds 50% of Kama Motors LLC, Ningbo Gearbox Trading Co owns 30% and Oka Invest LLC the rest.");
  assert.ok(rel(r, "OWNS", "Volga Holding Group", "Kama Motors LLC"), show(r));
  assert.ok(!rel(r, "OWNS", "Volga Holding Group", "Ningbo Gearbox Trading Co"), show(r));
});

test("kit assembly: the supplier of the kits delivers to the assembler, not to the brand assembled", () => {
  const r = analyse("Kama Motors LLC builds trucks in Elabuga, and it also assembles Volga Holding Group crossovers from kits supplied by Ningbo Gearbox Trading Co.");
  assert.ok(rel(r, "SUPPLIES", "Ningbo Gearbox Trading Co", "Kama Motors LLC"), show(r));
  assert.ok(!rel(r, "SUPPLIES", "Ningbo Gearbox Trading Co", "Volga Holding Group"), show(r));
});

test("goods bought from two suppliers: both supply, and buying goods is no acquisition", () => {
  const r = analyse("Kama Motors LLC now buys gearboxes from Ningbo Gearbox Trading Co and axles from Oka Axle LLC.");
  assert.ok(rel(r, "SUPPLIES", "Ningbo Gearbox Trading Co", "Kama Motors LLC"), show(r));
  assert.ok(rel(r, "SUPPLIES", "Oka Axle LLC", "Kama Motors LLC"), show(r));
  assert.ok(!r.relations.some((x) => x.type === "ACQUIRED"), show(r));
});

test("a plant that assembles cars assembles someone's vehicles, not its owner's own brand", () => {
  const r = analyse("Kama Motors LLC, the car plant in Elabuga, assembled 20,000 vehicles last year, the company reported.");
  assert.ok(!rel(r, "ASSEMBLES", "Kama Motors LLC", "Kama Motors LLC"), show(r));
  const builds = analyse("Kama Motors LLC bought the plant in 2023. The plant builds Oka Brand LLC crossovers under licence.");
  assert.ok(!builds.relations.some((x) => x.type === "PRODUCES" && x.subject === "Kama Motors LLC"), show(builds));
});

test("two parties doing one thing together are partners; so are two that set up a venture", () => {
  const jointly = analyse("Kama Motors LLC and Ningbo Gearbox Trading Co will jointly produce gearboxes in Tatarstan.");
  assert.ok(rel(jointly, "PARTNER_OF", "Kama Motors LLC", "Ningbo Gearbox Trading Co") ?? rel(jointly, "PARTNER_OF", "Ningbo Gearbox Trading Co", "Kama Motors LLC"), show(jointly));
  const venture = analyse("Kama Motors LLC and Ningbo Gearbox Trading Co set up the venture in 2019.");
  assert.ok(rel(venture, "PARTNER_OF", "Kama Motors LLC", "Ningbo Gearbox Trading Co") ?? rel(venture, "PARTNER_OF", "Ningbo Gearbox Trading Co", "Kama Motors LLC"), show(venture));
});

test("a subject 'it' is the party the sentence or the text is about", () => {
  const r = analyse("Kama Motors LLC builds trucks in Elabuga. It also assembles Oka Brand LLC vans for the domestic market.");
  assert.ok(rel(r, "ASSEMBLES", "Kama Motors LLC", "Oka Brand LLC"), show(r));
  const expletive = analyse("Kama Motors LLC builds trucks in Elabuga. It is worth noting that Oka Brand LLC vans are popular.");
  assert.ok(!rel(expletive, "ASSEMBLES", "Kama Motors LLC", "Oka Brand LLC"), show(expletive));
});

test("a nationality in 'the Russian company' picks the party of that country", () => {
  const r = analyse("Kama Motors LLC, a Russian truck maker, built 30,000 trucks. Rhein Lastwagen GmbH, a German supplier, ended its cooperation with the Russian company in 2022.");
  assert.ok(rel(r, "PARTNER_OF", "Rhein Lastwagen GmbH", "Kama Motors LLC") ?? rel(r, "PARTNER_OF", "Kama Motors LLC", "Rhein Lastwagen GmbH"), show(r));
});

test("supply with the customer as direct object; goods shipped to a country are exports", () => {
  const w = analyse("Ningbo Gearbox Trading Co supplies Kama Motors LLC with automatic gearboxes.");
  assert.ok(rel(w, "SUPPLIES", "Ningbo Gearbox Trading Co", "Kama Motors LLC"), show(w));
  const ships = analyse("Kama Motors LLC ships most of its trucks to Kazakhstan.");
  assert.ok(rel(ships, "EXPORTS_TO", "Kama Motors LLC", "Kazakhstan"), show(ships));
  const passive = analyse("Oka Brand LLC vehicles were delivered to Kazakhstan via Kama Motors LLC.");
  assert.ok(!rel(passive, "EXPORTS_TO", "Oka Brand LLC", "Kazakhstan"), show(passive));
});

test("a sanctions package that includes a party; an owner named after 'its largest shareholder was'", () => {
  const pkg = analyse("The EU's latest sanctions package includes Kama Motors LLC.");
  assert.ok(pkg.relations.some((x) => x.type === "SANCTIONED_BY" && x.subject === "Kama Motors LLC"), show(pkg));
  const holder = analyse("Kama Motors LLC makes trucks in Elabuga. Its largest shareholder until 2022 was Rhein Lastwagen GmbH.");
  assert.ok(rel(holder, "OWNS", "Rhein Lastwagen GmbH", "Kama Motors LLC"), show(holder));
});

test("a maker named by what it makes; a new owner resuming output of a model assembles it", () => {
  const maker = analyse("The UK has sanctioned Kama Engines LLC, the Yaroslavl maker of Oka Brand LLC diesel engines.");
  assert.ok(rel(maker, "PRODUCES", "Kama Engines LLC", "Oka Brand LLC"), show(maker));
  const resume = analyse("Kama Motors LLC intends to resume output of the Vega S5 sedan next year.");
  assert.ok(rel(resume, "ASSEMBLES", "Kama Motors LLC", "Vega S5"), show(resume));
});
