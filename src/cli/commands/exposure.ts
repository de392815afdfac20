/** Exposure commands: `exposure`, `whatif` and `deal check` (src/graph). */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { printJson, UserError, type CliContext } from "../context.js";
import { exposure, UnknownEntityError } from "../../graph/exposure.js";
import { whatIf } from "../../graph/whatif.js";
import { dealCheck } from "../../graph/deal.js";
import { isIsoDay } from "../../model/dates.js";
import { RULE_SETS, type DealCheckResult, type ExposureResult, type Verdict, type WhatIfResult, type WhatIfScenarioInput } from "../../model/graph.js";

function checkDate(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDay(asOf)) throw new UserError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
}

/** Turns the errors of the graph layer that a user can fix into UserError. */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UnknownEntityError || err instanceof RangeError) throw new UserError(err.message);
    throw err;
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerExposure(program: Command, ctx: CliContext): void {
  program
    .command("exposure")
    .argument("<id-or-name>", "an entity id or name")
    .option("--as-of <date>", "verdicts from the relations and listings valid on this date (YYYY-MM-DD)")
    .option("--depth <n>", "how many hops of partnerships to follow", "2")
    .option("--json", "print the JSON output contract")
    .description("verdicts under OFAC, EU and UK ownership/control rules, with paths, and partner exposure")
    .action(async (ref: string, opts: { asOf?: string; depth: string; json?: boolean }) => {
      checkDate(opts.asOf);
      const depth = Number(opts.depth);
      if (!Number.isInteger(depth) || depth < 0 || depth > 6) throw new UserError(`--depth must be a whole number from 0 to 6, not "${opts.depth}"`);
      const store = await ctx.store();
      const result = await userErrors(() => exposure(store, ref, { asOf: opts.asOf, depth }));
      if (opts.json) printJson(result);
      else process.stdout.write(renderExposure(result));
    });

  program
    .command("whatif")
    .option("--designate <id>", "add a listing for this entity (repeatable)", collect)
    .option("--authority <authority>", "with --designate/--delist: only this rule set (OFAC, EU or UK); default all three")
    .option("--delist <id>", "remove the entity's listings (repeatable)", collect)
    .option("--delist-program <name>", "remove a sanctions program, e.g. RUSSIA-EO14024 (repeatable)", collect)
    .option("--set-stake <owner asset pct...>", "set OWNER's stake in ASSET to PCT percent (0 removes it); give three values, repeatable")
    .option("--portfolio <file>", "only report these entities: one id or name per line (or a JSON array; CSV: first column)")
    .option("--as-of <date>", "run on the graph as of this date (YYYY-MM-DD)")
    .option("--json", "print JSON")
    .description("which verdicts change if listings or stakes change, and why")
    .action(async (opts: { designate?: string[]; authority?: string; delist?: string[]; delistProgram?: string[]; setStake?: string[]; portfolio?: string; asOf?: string; json?: boolean }) => {
      checkDate(opts.asOf);
      if (opts.authority && !(RULE_SETS as readonly string[]).includes(opts.authority.toUpperCase())) {
        throw new UserError(`--authority must be one of ${RULE_SETS.join(", ")}, not "${opts.authority}"`);
      }
      const scenario: WhatIfScenarioInput = {
        designate: (opts.designate ?? []).map((id) => ({ id, authority: opts.authority })),
        delist: (opts.delist ?? []).map((id) => ({ id, authority: opts.authority })),
        delistProgram: opts.delistProgram ?? [],
        setStake: parseStakes(opts.setStake ?? []),
      };
      if (!scenario.designate!.length && !scenario.delist!.length && !scenario.delistProgram!.length && !scenario.setStake!.length) {
        throw new UserError("give at least one change: --designate, --delist, --delist-program or --set-stake");
      }
      const portfolio = opts.portfolio ? readPortfolio(opts.portfolio) : undefined;
      const store = await ctx.store();
      const result = await userErrors(() => whatIf(store, scenario, { asOf: opts.asOf, portfolio }));
      if (opts.json) printJson(result);
      else process.stdout.write(renderWhatIf(result));
    });

  const deal = program.command("deal").description("deal checks");
  deal
    .command("check")
    .argument("<file>", "DEAL.json: parties with roles, currency, banks, goods (see data/demo/deal-example.json)")
    .option("--as-of <date>", "check as of this date (default: the deal's date, or today)")
    .option("--json", "print JSON")
    .description("verdicts of a deal's parties plus US/EU/UK nexus and secondary-sanctions flags (informational)")
    .action(async (file: string, opts: { asOf?: string; json?: boolean }) => {
      checkDate(opts.asOf);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === "ENOENT") throw new UserError(`deal file not found: ${file}`);
        throw new UserError(`${file}: not valid JSON (${e.message})`);
      }
      const store = await ctx.store();
      const { Deal } = await import("../../model/graph.js");
      const parsed = Deal.safeParse(json);
      if (!parsed.success) {
        throw new UserError(`${file}: ${parsed.error.issues.map((i) => `field "${i.path.join(".") || "(root)"}": ${i.message}`).join("; ")}`);
      }
      const result = await userErrors(() => dealCheck(store, parsed.data, { asOf: opts.asOf }));
      if (opts.json) printJson(result);
      else process.stdout.write(renderDeal(result));
    });
}

function parseStakes(values: string[]): Array<{ owner: string; asset: string; percentage: number }> {
  if (values.length % 3 !== 0) throw new UserError(`--set-stake takes three values (OWNER ASSET PCT), got ${values.length}: ${values.join(" ")}`);
  const out = [];
  for (let i = 0; i < values.length; i += 3) {
    const pct = Number(values[i + 2]);
    if (!Number.isFinite(pct) || pct < 0 || pct > 100) throw new UserError(`--set-stake ${values.slice(i, i + 3).join(" ")}: PCT must be a number from 0 to 100`);
    out.push({ owner: values[i], asset: values[i + 1], percentage: pct });
  }
  return out;
}

function readPortfolio(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UserError(`portfolio file not found: ${file}`);
  }
  if (text.trim().startsWith("[")) {
    let arr: unknown;
    try {
      arr = JSON.parse(text);
    } catch (err) {
      throw new UserError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(arr)) throw new UserError(`${file}: expected a JSON array of ids or {"id": …} objects`);
    return arr.map((x, i) => {
      const id = typeof x === "string" ? x : (x as { id?: unknown })?.id;
      if (typeof id !== "string" || !id) throw new UserError(`${file}: item ${i + 1} has no id`);
      return id;
    });
  }
  const ids = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(",")[0].replace(/^"|"$/g, "").trim())
    .filter((id) => id && id.toLowerCase() !== "id");
  if (!ids.length) throw new UserError(`${file}: no entity ids found`);
  return ids;
}

const pct = (x: number) => `${Number(x.toFixed(2))}%`;

function renderVerdict(rule: string, v: Verdict): string {
  const head = `  ${rule.padEnd(5)} ${v.status.toUpperCase().padEnd(8)}${v.basis ? ` by ${v.basis}` : ""}  (stake counted: ${pct(v.ownership)})`;
  const paths = v.paths.map((p) => `        ${p.map((s, i) => `${i === 0 ? s.from : ""} -${s.type}${s.percentage !== null ? ` ${pct(s.percentage)}` : ""}-> ${s.to}`).join("")}`);
  return [head, ...paths].join("\n");
}

export function renderExposure(r: ExposureResult): string {
  const lines = [`${r.entity.name} (${r.entity.id}) as of ${r.asOf}`, ""];
  for (const rule of RULE_SETS) lines.push(renderVerdict(rule, r.verdicts[rule]));
  lines.push("", r.partners.length ? `Partner exposure (${r.partners.length}; secondary-sanctions and reputational risk, not a block):` : "No partner exposure found.");
  for (const p of r.partners) {
    const listedUnder = RULE_SETS.filter((x) => p.sanctions[x] !== "clear").map((x) => `${x} ${p.sanctions[x]}`).join(", ") || "clear";
    lines.push(`  [${p.depth}] ${p.name} (${p.id}, ${p.type}): ${listedUnder}`);
    if (p.via.length > 1) lines.push(`      via ${p.via.join(" > ")}`);
    for (const rel of p.relations) {
      const dates = rel.start || rel.end ? ` ${rel.start ?? "?"}..${rel.end ?? ""}` : "";
      lines.push(`      ${rel.from} -${rel.type}${rel.percentage != null ? ` ${pct(rel.percentage)}` : ""}-> ${rel.to} [${rel.status}${dates}]${rel.what ? ` ${rel.what}` : ""}${rel.note ? ` (${rel.note})` : ""}`);
      if (rel.evidence) lines.push(`        "${rel.evidence}"`);
      if (rel.sources.length) lines.push(`        sources: ${rel.sources.join(", ")}`);
    }
    lines.push(`      ${p.exposure}`);
  }
  return lines.join("\n") + "\n";
}

export function renderWhatIf(r: WhatIfResult): string {
  const lines = [`What if: ${r.scenario.join("; ")} (as of ${r.asOf}, ${r.scope})`, ""];
  if (!r.changes.length) lines.push("No verdict changes.");
  for (const c of r.changes) {
    lines.push(`  ${c.entity.name} (${c.entity.id}) ${c.authority}: ${c.before.status}${c.before.basis ? `/${c.before.basis}` : ""} -> ${c.after.status}${c.after.basis ? `/${c.after.basis}` : ""}`);
    lines.push(`      ${c.why}`);
  }
  return lines.join("\n") + "\n";
}

export function renderDeal(r: DealCheckResult): string {
  const lines = [`Deal ${r.deal} as of ${r.asOf}`, r.notice, "", "Parties:"];
  for (const p of r.parties) {
    const v = p.verdicts ? RULE_SETS.map((x) => `${x} ${p.verdicts![x].status}`).join(", ") : "not in the knowledge base";
    lines.push(`  ${p.role}: ${p.entity ? `${p.entity.name} (${p.entity.id})` : p.ref}: ${v}`);
  }
  lines.push("", r.flags.length ? "Flags:" : "No flags.");
  for (const f of r.flags) {
    lines.push(`  [${f.severity}] ${f.code}: ${f.title}`, `      ${f.explanation}`);
    if (f.sources.length) lines.push(`      sources: ${f.sources.join(", ")}`);
  }
  return lines.join("\n") + "\n";
}
