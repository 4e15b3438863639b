import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";

/** Namespaces and types of the transitional SpreadsheetML packages this writer edits. */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const STRICT_NS_PREFIX = "http://purl.oclc.org/ooxml/";

export const REL = {
  officeDocument: `${NS.r}/officeDocument`,
  worksheet: `${NS.r}/worksheet`,
  styles: `${NS.r}/styles`,
  table: `${NS.r}/table`,
} as const;

export const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

/** A package part that cannot be edited safely; the message names the part and why. */
export class PackageError extends Error {}

/** Characters XML 1.0 cannot carry at all, even escaped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Element text: markup characters escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * An attribute value: quotes escaped, and line breaks and tabs as character references, since a
 * raw newline in an attribute is read back as a space (XML attribute-value normalisation).
 */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/**
 * Cell text as SpreadsheetML stores it (ST_Xstring): characters XML cannot carry become _xHHHH_,
 * and a literal "_xHHHH_" in the text is itself escaped, so Excel shows exactly the text written.
 */
export function encodeXstring(text: string): string {
  return text
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(XML_ILLEGAL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function parseXml(xml: string, part: string): Document {
  const errors: string[] = [];
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  if (errors.length > 0 || !doc?.documentElement) throw new PackageError(`its part ${part} is not well-formed XML (${errors[0] ?? "no root element"})`);
  return doc;
}

export function serializeXml(doc: Document): string {
  const xml = new XMLSerializer().serializeToString(doc);
  return xml.startsWith("<?xml") ? xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`;
}

/** Child elements of `parent` with this local name, in the parent's namespace. */
export function children(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === localName) out.push(node as Element);
  }
  return out;
}

export function child(parent: Element, localName: string): Element | undefined {
  return children(parent, localName)[0];
}

/**
 * Inserts `element` under `parent` where the schema's sequence wants it: before the first
 * existing child whose local name comes later in `order`.
 */
export function insertInOrder(parent: Element, element: Element, order: readonly string[]): void {
  const at = order.indexOf(element.localName ?? "");
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && order.indexOf((node as Element).localName ?? "") > at) {
      parent.insertBefore(element, node);
      return;
    }
  }
  parent.appendChild(element);
}

/** Creates an element in the parent document's default (or given) namespace, with the parent's prefix. */
export function createLike(parent: Element, localName: string, attrs: Record<string, string | number> = {}): Element {
  const doc = parent.ownerDocument as Document;
  const qualified = parent.prefix ? `${parent.prefix}:${localName}` : localName;
  const el = doc.createElementNS(parent.namespaceURI, qualified);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = sourcePart.includes("/") ? sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1) : "";
  const parts: string[] = [];
  for (const seg of (base + target).split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target for a relationship from `sourcePart` to `targetPart`, relative, as Excel writes them. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common].toLowerCase() === to[common].toLowerCase()) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}
