import { SaxesParser } from "saxes";
import type { Readable } from "node:stream";

/** A part of the package is not well-formed XML; `part` names it. */
export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`the part ${part} is not well-formed XML (${detail})`);
  }
}

/**
 * What a part's parse reports. Names are local names: a writer may bind SpreadsheetML to a prefix
 * (`<x:c>`), and only the local name matters here.
 */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function parserFor(part: string, handlers: XmlHandlers): SaxesParser {
  // Positions are not tracked: they cost time on every character and the message names the part anyway.
  const parser = new SaxesParser({ position: false });
  parser.on("error", (error) => {
    throw new XmlPartError(part, error.message);
  });
  parser.on("opentag", (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  const { close, text } = handlers;
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  return parser;
}

/** Parses a small part held as one string. */
export function parseXmlText(part: string, xml: string, handlers: XmlHandlers): void {
  const parser = parserFor(part, handlers);
  parser.write(xml);
  parser.close();
}

/**
 * Parses a part chunk by chunk as it is inflated, so a large sheet is never one string in memory.
 * When `enough` says so after a chunk, the rest is neither inflated nor parsed, and it resolves false.
 */
export async function parseXmlStream(part: string, stream: Readable, handlers: XmlHandlers, enough: () => boolean = () => false): Promise<boolean> {
  const parser = parserFor(part, handlers);
  // The decoder keeps a multi-byte UTF-8 character that straddles two chunks whole.
  stream.setEncoding("utf8");
  for await (const chunk of stream) {
    parser.write(chunk as string);
    if (enough()) return false;
  }
  parser.close();
  return true;
}

/**
 * A string cut from a parsed chunk may be a V8 slice that keeps the whole chunk alive; a string
 * the grid keeps gets its own copy, so the sheet's XML is not held in memory through it.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/**
 * OOXML writes characters XML cannot hold (control characters, and `_` where it would be
 * ambiguous) as `_xHHHH_`; `_x005F_` is a literal underscore, so one pass decodes it right.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "D12" -> { row: 11, col: 3 }; `$` signs are allowed; undefined when it is not a cell address. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  if (ref.charCodeAt(i) === 36) i++;
  const colStart = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart || i - colStart > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || row < 1 || col > 16384) return undefined;
  return { row: row - 1, col: col - 1 };
}
