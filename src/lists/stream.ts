/**
 * Streaming readers the list parsers are built on, so a 150 MB file is read in constant memory:
 * - `xmlRecords` runs saxes over a file and hands over one small element tree per record element;
 * - `csvRows` runs csv-parse over a file and hands over rows with their line numbers.
 * Both report bytes read for the progress bar and turn syntax errors into a ListFileError with the line.
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { SaxesParser } from "saxes";
import { parse as csvParse, type Options as CsvOptions } from "csv-parse";
import { ListFileError } from "./common.js";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** line of the opening tag, for error messages */
  line: number;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** First child called `name` (local name), or undefined. */
export const child = (n: XmlNode | undefined, name: string) => n?.children.find((c) => c.name === name);
/** All children called `name`. */
export const children = (n: XmlNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);
/** Trimmed text of the child called `name` ("" when absent). */
export const textOf = (n: XmlNode | undefined, name: string) => child(n, name)?.text.trim() ?? "";
/** Children reached through a path of names ("akaList", "aka"). */
export function path(n: XmlNode | undefined, ...names: string[]): XmlNode[] {
  let level = n ? [n] : [];
  for (const name of names) level = level.flatMap((x) => children(x, name));
  return level;
}

export interface XmlRecordOptions {
  /** Collect an element as one record when this says so (path = local names from the root down). */
  isRecord: (path: string[]) => boolean;
  /** Called with the root element's local name and attributes when it opens. */
  onRoot?: (name: string, attrs: Record<string, string>) => void;
  onBytes?: (bytes: number) => void;
  /** bytes already read from earlier files, so the progress count is cumulative */
  baseBytes?: number;
}

/** Streams the record elements of an XML file as small trees; throws ListFileError on malformed or cut XML. */
export async function* xmlRecords(file: string, opts: XmlRecordOptions): AsyncGenerator<XmlNode> {
  const name = basename(file);
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const building: XmlNode[] = [];
  const ready: XmlNode[] = [];
  let failure: Error | undefined;
  let sawRoot = false;
  parser.on("error", (err) => {
    failure ??= new ListFileError(name, `line ${parser.line}, column ${parser.column}`, `malformed XML: ${err.message.replace(/^.*?:\d+:\d+: /, "")}`);
  });
  // attributes are copied only for elements that are kept (most of a file is skipped in some passes)
  const attrsOf = (tag: { attributes: Record<string, unknown> }) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = String(v);
    return attrs;
  };
  parser.on("opentag", (tag) => {
    const tagName = local(tag.name);
    if (stack.length === 0) {
      sawRoot = true;
      opts.onRoot?.(tagName, attrsOf(tag));
    }
    stack.push(tagName);
    if (building.length > 0 || opts.isRecord(stack)) {
      const node: XmlNode = { name: tagName, attrs: attrsOf(tag), text: "", children: [], line: parser.line };
      building.at(-1)?.children.push(node);
      building.push(node);
    }
  });
  const onText = (t: string) => {
    const top = building.at(-1);
    if (top) top.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    stack.pop();
    const node = building.pop();
    if (node && building.length === 0) ready.push(node);
  });

  let bytes = opts.baseBytes ?? 0;
  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    parser.write(chunk);
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
    opts.onBytes?.(bytes);
  }
  if (!sawRoot) throw new ListFileError(name, undefined, "not an XML document (no root element)");
  if (stack.length > 0) {
    throw new ListFileError(name, `line ${parser.line}`, `file ends inside <${stack.at(-1)}> (truncated: ${stack.length} element(s) left open)`);
  }
  parser.close();
  if (failure) throw failure;
  while (ready.length) yield ready.shift()!;
}

export interface CsvRow {
  fields: string[];
  /** 1-based line where the row starts */
  line: number;
}

/**
 * Streams the rows of a CSV file. `onRaw` sees each raw chunk first (OFAC files end with a 0x1A byte
 * that the caller checks for). Quoting errors become a ListFileError naming the line.
 */
export async function* csvRows(
  file: string,
  opts: { delimiter?: string; onBytes?: (bytes: number) => void; baseBytes?: number; onRaw?: (chunk: Buffer) => Buffer; relaxQuotes?: boolean } = {},
): AsyncGenerator<CsvRow> {
  const name = basename(file);
  const options: CsvOptions = {
    delimiter: opts.delimiter ?? ",",
    bom: true,
    relax_column_count: true,
    relax_quotes: opts.relaxQuotes ?? false,
    skip_empty_lines: true,
    info: true,
  };
  const parser = csvParse(options);
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = opts.baseBytes ?? 0;
  let inputError: Error | undefined;
  (async () => {
    try {
      for await (const raw of input as AsyncIterable<Buffer>) {
        bytes += raw.length;
        const chunk = opts.onRaw ? opts.onRaw(raw) : raw;
        if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
        opts.onBytes?.(bytes);
      }
      parser.end();
    } catch (err) {
      inputError = err as Error;
      parser.destroy(err as Error);
    }
  })();
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { fields: item.record, line: item.info.lines };
    }
  } catch (err) {
    if (inputError) throw inputError;
    const e = err as Error & { lines?: number; code?: string };
    throw new ListFileError(name, e.lines ? `line ${e.lines}` : undefined, `malformed CSV: ${e.message.replace(/^Invalid (Record Length|Opening Quote|Closing Quote)?:?\s*/, "")}`);
  }
}
