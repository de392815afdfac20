/**
 * Which parser reads a file: decided from the file's first bytes (root element, zip magic, JSON, CSV
 * shape) and, for OFAC's headerless CSVs, its name. A file in the wrong format for the chosen source
 * is refused before anything is read.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import type { ListSourceId } from "../model/lists.js";
import { ListFileError, type ListParser } from "./common.js";
import { isOfacSiblingFile, parseOfacCsv } from "./ofac/csv.js";
import { parseOfacXml } from "./ofac/xml.js";
import { parseOfacAdvanced } from "./ofac/advanced.js";
import { parseEuXml } from "./eu/xml.js";
import { parseEuCsv } from "./eu/csv.js";
import { parseUkCsv } from "./uk/csv.js";
import { parseUkSheet } from "./uk/sheet.js";
import { parseUkXml } from "./uk/xml.js";
import { parseUnXml } from "./un/xml.js";
import { parseFtm } from "./ftm.js";
import { LIST_SOURCE_INFO } from "./sources.js";

export const PARSERS: Record<string, ListParser> = {
  "ofac-xml": parseOfacXml,
  "ofac-csv": parseOfacCsv,
  "ofac-advanced": parseOfacAdvanced,
  "eu-xml": parseEuXml,
  "eu-csv": parseEuCsv,
  "uk-csv": parseUkCsv,
  "uk-sheet": parseUkSheet,
  "uk-xml": parseUkXml,
  "un-xml": parseUnXml,
  ftm: parseFtm,
};

const FORMAT_TITLES: Record<string, string> = {
  "ofac-xml": "an OFAC sdnList XML", "ofac-csv": "an OFAC legacy CSV", "ofac-advanced": "an OFAC advanced XML", "eu-xml": "an EU FSF XML", "eu-csv": "an EU FSF CSV",
  "uk-csv": "a UK sanctions list CSV", "uk-sheet": "a UK sanctions list spreadsheet", "uk-xml": "an FCDO UK Sanctions List XML",
  "un-xml": "a UN consolidated list XML", ftm: "a FollowTheMoney entity file",
};

function head(file: string, n = 4096): Buffer {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The format of a list file, from its content. */
export function detectFormat(file: string): string {
  const name = basename(file);
  const buf = head(file);
  if (buf.length === 0) throw new ListFileError(name, undefined, "the file is empty");
  if (buf[0] === 0x50 && buf[1] === 0x4b) return "uk-sheet"; // zip: ODS or XLSX
  const text = buf.toString("utf8").replace(/^\uFEFF/, "");
  const trimmed = text.trimStart();
  if (trimmed.startsWith("<")) {
    const root = trimmed.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "").match(/<([A-Za-z_][\w.:-]*)/)?.[1]?.replace(/^.*:/, "");
    if (root === "sdnList") return "ofac-xml";
    if (root === "CONSOLIDATED_LIST") return "un-xml";
    if (root === "export") return "eu-xml";
    if (root === "Sanctions") return "ofac-advanced";
    if (root && /designation/i.test(root)) return "uk-xml";
    throw new ListFileError(name, "line 1", `unknown XML list (root element <${root ?? "?"}>)`);
  }
  if (trimmed.startsWith("{")) return "ftm";
  const firstLine = text.split(/\r?\n/, 1)[0];
  if (/^\d+,/.test(firstLine) || isOfacSiblingFile(file)) return "ofac-csv";
  if (/entity_logicalid/i.test(firstLine)) return "eu-csv";
  if (/unique id|group id|report date|last updated|name 6/i.test(text.slice(0, 2000))) return "uk-csv";
  throw new ListFileError(name, "line 1", "cannot tell which list this is (not OFAC, EU, UK, UN or FtM as published)");
}

/** Checks that a detected format belongs to the chosen source. */
export function checkFormat(source: ListSourceId, format: string, file: string): void {
  if (!LIST_SOURCE_INFO[source].formats.includes(format)) {
    throw new ListFileError(basename(file), undefined, `this is ${FORMAT_TITLES[format] ?? format}, not a file of the ${source} list`);
  }
}

/** The source a file most likely belongs to (for `lists update --file` without --source). */
export function guessSource(format: string, file: string): ListSourceId {
  if (format.startsWith("ofac")) return /cons/i.test(basename(file)) ? "ofac-cons" : "ofac-sdn";
  if (format.startsWith("eu")) return "eu";
  if (format.startsWith("uk")) return "uk";
  if (format === "un-xml") return "un";
  return "ftm";
}
