/**
 * screen-file and compare-file on files as customers export them: headers in any wording, encodings and
 * delimiters of Excel and other tools, workbooks, bad lines, and the values in type, date and country columns.
 * The portfolios here are made up; real-data checks read ../shared at test time.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import * as XLSX from "xlsx";
import { Entity, Listing, Source } from "../../src/model/schema.js";
import { RESULT_COLUMNS, rowQuery, screenFile } from "../../src/match/batch.js";
import { compareFile } from "../../src/match/batch-compare.js";
import { detectColumns, detectPairColumns } from "../../src/match/batch-columns.js";
import { openTable } from "../../src/match/batch-input.js";
import { normaliseDate, normaliseType } from "../../src/match/batch-values.js";
import { countryCode } from "../../src/match/countries.js";

const raw = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "match", "parties.json"), "utf8"));
const records = {
  entities: (raw.entities as unknown[]).map((e) => Entity.parse(e)),
  listings: (raw.listings as unknown[]).map((l) => Listing.parse(l)),
  sources: (raw.sources as unknown[]).map((s) => Source.parse(s)),
};

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), "autorisk-batch-"))));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const rowsOf = async (path: string) => {
  const t = await openTable(path);
  const out: string[][] = [];
  for await (const r of t.rows()) out.push(r.cells);
  return { columns: t.columns, rows: out, count: t.rowCount };
};

describe("column detection", () => {
  test("headers are recognised in any case and wording", () => {
    const header = ["Customer Ref", "COUNTERPARTY", "Entity Type", "Country of Incorporation", "Date of Birth", "INN", "LEI", "Registration Number"];
    const plan = detectColumns(header, {}, "p.csv");
    assert.equal(header[plan.name!], "COUNTERPARTY");
    assert.equal(header[plan.type!], "Entity Type");
    assert.deepEqual(plan.countries.map((i) => header[i]), ["Country of Incorporation"]);
    assert.equal(header[plan.dob!], "Date of Birth");
    assert.deepEqual(plan.ids.map((i) => `${header[i.index]}:${i.kind ?? ""}`), ["INN:inn", "LEI:lei", "Registration Number:"]);
    for (const h of ["Name", "NAME", "Full Name", "full_name", "Company Name", "Party Name", "Entity Name", "Customer", "Beneficiary"]) {
      assert.equal(detectColumns(["ref", h, "notes"], {}, "p.csv").name, 1, h);
    }
  });

  test("first/middle/last columns make the name where the full name is empty, and mark the row a person", () => {
    const header = ["full_name", "first_name", "middle_name", "last_name", "nationality"];
    const plan = detectColumns(header, {}, "p.csv");
    assert.deepEqual(rowQuery(["", "Ivan", "Ivanovich", "Petrov", "RUS"], plan)?.names, ["Ivan Ivanovich Petrov"]);
    assert.equal(rowQuery(["", "Ivan", "", "Petrov", "RUS"], plan)?.type, "Person");
    assert.deepEqual(rowQuery(["", "Ivan", "", "Petrov", "RUS"], plan)?.countries, ["RU"]);
    assert.deepEqual(rowQuery(["SALEK, ABDULHAI", "", "", "", "af"], plan)?.names, ["SALEK, ABDULHAI"]);
    assert.equal(rowQuery(["", "", "", "", "RU"], plan), undefined, "no name at all: not a query");
  });

  test("no name column: an error that lists the columns seen and points to --name-column", () => {
    assert.throws(() => detectColumns(["ref", "amount", "currency"], {}, "payments.csv"), (err: Error) => {
      assert.match(err.message, /^payments\.csv: cannot tell which column holds the name \(columns: "ref", "amount", "currency"\); name it with --name-column$/);
      return true;
    });
    assert.throws(() => detectColumns(["ref", "amount"], { name: "Beneficiary" }, "payments.csv"), /no column "Beneficiary" for the name \(columns: ref, amount\)/);
  });

  test("pairs: Name 1 / Name 2 and a missing schema column", () => {
    const plan = detectPairColumns(["id", "Name 1", "Name 2", "label"], {}, "pairs.csv");
    assert.deepEqual([plan.name1, plan.name2, plan.schema], [1, 2, undefined]);
    assert.throws(() => detectPairColumns(["a", "b"], {}, "pairs.csv"), /cannot tell which columns hold the two names \(columns: "a", "b"\)/);
  });
});

describe("cell values", () => {
  test("type words and FtM schemas, any case", () => {
    const cases: Record<string, string> = {
      Person: "Person", individual: "Person", "Natural person": "Person", P: "Person", ENTITY: "Company", company: "Company",
      Organisation: "Organization", organization: "Organization", vessel: "Vessel", Ship: "Vessel", aircraft: "Aircraft",
      LegalEntity: "LegalEntity", "Legal Entity": "LegalEntity", PublicBody: "PublicBody",
    };
    for (const [value, want] of Object.entries(cases)) assert.equal(normaliseType(value), want, value);
    assert.equal(normaliseType("Partnership"), undefined);
  });

  test("dates: ISO, day-first, month-first only when the day cannot be a month, year only", () => {
    assert.equal(normaliseDate("1970-01-31"), "1970-01-31");
    assert.equal(normaliseDate("31/01/1970"), "1970-01-31");
    assert.equal(normaliseDate("31.01.1970"), "1970-01-31");
    assert.equal(normaliseDate("01/02/1970"), "1970-02-01", "ambiguous: day first");
    assert.equal(normaliseDate("01/31/1970"), "1970-01-31", "31 cannot be a month: month first");
    assert.equal(normaliseDate("1970"), "1970");
    assert.equal(normaliseDate("1970-01"), "1970-01");
    assert.equal(normaliseDate("31 Jan 1970"), "1970-01-31");
    assert.equal(normaliseDate("1970-01-31T00:00:00Z"), "1970-01-31");
    assert.equal(normaliseDate("31/02/1970"), undefined, "no 31st of February either way");
    assert.equal(normaliseDate("unknown"), undefined);
  });

  test("countries as ISO-2, ISO-3 or English names", () => {
    for (const [value, want] of [["RU", "RU"], ["rus", "RU"], ["GBR", "GB"], ["UK", "GB"], ["Russian Federation", "RU"], ["Korea, Republic of", "KR"], ["Bosnia and Herzegovina", "BA"], ["Hong Kong", "HK"], ["Myanmar", "MM"]]) {
      assert.equal(countryCode(value), want, value);
    }
  });
});

describe("input formats", () => {
  const expected = { columns: ["Name", "Country"], rows: [["Иван Петров", "RU"], ["Acme; Sons, Ltd", "GB"], ["Line\nBreak Ltd", ""]] };

  test("UTF-16LE with BOM, CRLF and tabs (Excel's Unicode text)", async () => {
    const text = "Name\tCountry\r\nИван Петров\tRU\r\n\r\nAcme; Sons, Ltd\tGB\r\n\"Line\nBreak Ltd\"\t\r\n";
    const path = file("unicode.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const t = await rowsOf(path);
    assert.deepEqual({ columns: t.columns, rows: t.rows }, expected);
  });

  test("UTF-8 with BOM, semicolons, quoted delimiters and newlines, blank lines, trailing empty columns", async () => {
    const text = '\uFEFFName;Country;;\n\nИван Петров;RU;;\n"Acme; Sons, Ltd";GB;;\n;;;\n"Line\nBreak Ltd";;;\n';
    const t = await rowsOf(file("semi.csv", text));
    assert.deepEqual({ columns: t.columns, rows: t.rows }, expected);
    assert.equal(t.count, 3);
  });

  test("Windows-1252 without BOM (Excel's plain CSV)", async () => {
    const t = await rowsOf(file("latin.csv", Buffer.from("Name,Country\nJos\xe9 M\xfcller,DE\n", "latin1")));
    assert.deepEqual(t.rows, [["José Müller", "DE"]]);
  });

  test("XLSX and ODS: the first sheet that has cells, dates as YYYY-MM-DD, long numbers in full", async () => {
    for (const ext of ["xlsx", "ods"]) {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), "Cover");
      const sheet = XLSX.utils.aoa_to_sheet([["Full Name", "Date of Birth", "INN"], ["Ivan Petrov", new Date(Date.UTC(1970, 0, 31)), 772345678901], [], ["Acme Ltd", "", ""]], { cellDates: true });
      XLSX.utils.book_append_sheet(book, sheet, "Portfolio");
      const path = file(`book.${ext}`, XLSX.write(book, { type: "buffer", bookType: ext as XLSX.BookType }));
      const t = await rowsOf(path);
      assert.deepEqual(t.columns, ["Full Name", "Date of Birth", "INN"], ext);
      assert.deepEqual(t.rows, [["Ivan Petrov", "1970-01-31", "772345678901"], ["Acme Ltd", "", ""]], ext);
    }
  });

  test("a malformed line is reported with file and line, and no output is written", async () => {
    const unclosed = file("unclosed.csv", 'name,country\nAcme,GB\n"Broken Ltd,RU\nOther,DE\n');
    const output = join(dir, "unclosed-out.csv");
    await assert.rejects(screenFile({ input: unclosed, output, records, workers: 1 }), /unclosed\.csv:3: a quoted field starts here and is never closed/);
    assert.ok(!existsSync(output) && !existsSync(`${output}.partial`) && !existsSync(`${output}.checkpoint.json`));
    const shifted = file("shifted.csv", "name,country\nAcme,GB\nAcme, Inc,US\n");
    await assert.rejects(openTable(shifted), /shifted\.csv:3: 3 fields but the header has 2/);
  });
});

test("screen-file output: every input column first (clashing ones renamed), a stable header, rows without a name marked", async () => {
  const input = file("portfolio.csv", "Ref,Party Name,Type,Country,match\n1,ПАО КАМАЗ,entity,RUS,yes\n2,,Company,DE,\n3,Acme Widgets Ltd,Company,GB,\n4,AvtoVAZ,Company,RU,\n");
  const output = join(dir, "portfolio-out.csv");
  const result = await screenFile({ input, output, records, workers: 1 });
  assert.equal(result.noName, 1);
  const text = readFileSync(output, "utf8");
  assert.equal(text.split("\n")[0], ["Ref", "Party Name", "Type", "Country", "input_match", ...RESULT_COLUMNS].join(","));
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(rows.map((r) => [r.Ref, r.input_match, r.screen_status, r.match, r.listed]), [
    ["1", "yes", "screened", "true", "true"],
    ["2", "", "no_name", "false", "false"],
    ["3", "", "screened", "false", "false"],
    // a knowledge-base company without a listing: the name matches, it is not listed
    ["4", "", "screened", "true", "false"],
  ]);
  assert.match(rows[0].best_sources, /#\d+/, "the list entry of the hit");
  assert.match(rows[0].reason, /country agrees \(RU\)/, "RUS read as Russia");
});

test("compare-file keeps every column, adds score and match, and defaults the schema", async () => {
  const input = file("pairs.csv", "case_group,Name 1,Name 2,is_match\ng1,ПАО КАМАЗ,KAMAZ PJSC,true\ng1,Volkswagen AG,Toyota Motor Corporation,false\ng2,,Nobody,false\n");
  const output = join(dir, "pairs-out.csv");
  const r = await compareFile({ input, output });
  assert.equal(r.total, 3);
  assert.equal(r.skipped, 1);
  const rows = parse(readFileSync(output, "utf8"), { columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(Object.keys(rows[0]), ["case_group", "Name 1", "Name 2", "is_match", "score", "match"]);
  assert.deepEqual(rows.map((x) => x.match), ["true", "false", "false"]);
  assert.equal(rows[2].score, "");
});

test("compare-file on name_bench's cases.csv (read from ../shared when present)", { skip: !existsSync(join(import.meta.dirname, "..", "..", "..", "shared", "benchmarks", "name_bench", "cases.csv")) && "../shared/benchmarks/name_bench/cases.csv is not here" }, async () => {
  const input = join(import.meta.dirname, "..", "..", "..", "shared", "benchmarks", "name_bench", "cases.csv");
  const output = join(dir, "cases-out.csv");
  const r = await compareFile({ input, output });
  const rows = parse(readFileSync(output, "utf8"), { columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, r.total);
  assert.ok(rows.every((x) => x.case_group && x.is_match && /^(0|1)\.\d{3}$/.test(x.score)));
});
