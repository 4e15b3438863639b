import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import type { Element, Node } from "@xmldom/xmldom";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { parseAddress } from "../../src/core/layout/plan";
import { ZipPackage } from "../../src/xlsx/zip";

/**
 * Checks .xlsx packages against the ECMA-376 transitional schemas vendored in schemas/ooxml
 * (see its README): every XML part against the schema of its root element's namespace, after
 * the markup-compatibility step, plus two rules the schemas cannot say: no two data validations
 * of a sheet overlap, and no hyperlink has both a relationship and a location.
 */
const SCHEMA_DIR = path.resolve(__dirname, "../../schemas/ooxml");

/** The schema for a part, by the namespace of its root element (parts of other namespaces are not ECMA-376). */
const SCHEMA_BY_NAMESPACE: Record<string, string> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "opc-xsd/opc-contentTypes.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "opc-xsd/opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-xsd/opc-coreProperties.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "shared-customXmlDataProperties.xsd",
};
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const preloadCache = new Map<string, { fileName: string; contents: string }[]>();
function schemaFiles(schema: string) {
  const dir = path.join(SCHEMA_DIR, path.dirname(schema));
  let files = preloadCache.get(dir);
  if (!files) {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".xsd"))
      .map((f) => ({ fileName: f, contents: readFileSync(path.join(dir, f), "utf8") }));
    preloadCache.set(dir, files);
  }
  const entry = path.basename(schema);
  return { schema: files.filter((f) => f.fileName === entry), preload: files.filter((f) => f.fileName !== entry) };
}

function parse(xml: string, part: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part} is not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  return doc;
}

function elementsOf(node: Node): Element[] {
  const out: Element[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/**
 * The markup-compatibility step (ECMA-376 Part 3) a consumer that knows only ECMA-376 performs:
 * drop the attributes and elements of namespaces listed in mc:Ignorable, take the Fallback of
 * mc:AlternateContent, and drop xml:space on SpreadsheetML <t> (sml.xsd types <t> as simple).
 */
export function markupCompatible(xml: string, part = "part"): string {
  const doc = parse(xml, part);
  const root = doc.documentElement as Element;
  const ignorable = new Set<string>();
  const visit = (el: Element) => {
    const declared = el.getAttributeNS(MC, "Ignorable");
    if (declared) for (const prefix of declared.split(/\s+/).filter(Boolean)) ignorable.add(el.lookupNamespaceURI(prefix) ?? "");
    if (el.hasAttributeNS(MC, "Ignorable")) el.removeAttributeNS(MC, "Ignorable");
    for (const attr of Array.from(el.attributes)) {
      if (attr.namespaceURI && ignorable.has(attr.namespaceURI)) el.removeAttributeNode(attr);
    }
    if (el.localName === "t" && el.namespaceURI === MAIN) el.removeAttribute("xml:space");
    for (const kid of elementsOf(el)) {
      if (kid.namespaceURI === MC && kid.localName === "AlternateContent") {
        const fallback = elementsOf(kid).find((k) => k.localName === "Fallback");
        for (const f of fallback ? elementsOf(fallback) : []) el.insertBefore(f, kid);
        el.removeChild(kid);
      } else if (kid.namespaceURI && ignorable.has(kid.namespaceURI)) el.removeChild(kid);
    }
    for (const kid of elementsOf(el)) visit(kid);
  };
  visit(root);
  return new XMLSerializer().serializeToString(doc);
}

export interface PackageReport {
  /** "part: message" for every schema error and rule broken. */
  problems: string[];
  validated: string[];
  /** Parts that are not ECMA-376 XML (images, binaries, extension namespaces), with why. */
  skipped: string[];
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
function rangeOf(ref: string): Rect {
  const [a, b = a] = ref.split(":");
  const s = parseAddress(a);
  const e = parseAddress(b);
  return { r1: s.row, c1: s.col, r2: e.row, c2: e.col };
}
const meet = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

/** Rules ECMA-376's schemas cannot express, on one worksheet part. */
export function worksheetRuleProblems(xml: string, part: string): string[] {
  const root = parse(xml, part).documentElement as Element;
  const problems: string[] = [];
  const ranges: { ref: string; rect: Rect }[] = [];
  for (const dv of Array.from(root.getElementsByTagNameNS(MAIN, "dataValidation"))) {
    for (const ref of (dv.getAttribute("sqref") ?? "").split(/\s+/).filter(Boolean)) {
      const rect = rangeOf(ref);
      const other = ranges.find((r) => meet(r.rect, rect));
      if (other) problems.push(`${part}: data validations ${other.ref} and ${ref} overlap`);
      ranges.push({ ref, rect });
    }
  }
  for (const link of Array.from(root.getElementsByTagNameNS(MAIN, "hyperlink"))) {
    if (link.hasAttributeNS(R, "id") && link.hasAttribute("location")) problems.push(`${part}: hyperlink ${link.getAttribute("ref")} has both a relationship and a location`);
  }
  return problems;
}

/** Validates an .xlsx package's XML parts; `only` limits it to some parts (those a writer changed, say). */
export async function validatePackage(bytes: Buffer, only?: (part: string) => boolean): Promise<PackageReport> {
  const zip = ZipPackage.read(bytes);
  const report: PackageReport = { problems: [], validated: [], skipped: [] };
  const bySchema = new Map<string, { part: string; fileName: string; contents: string }[]>();
  for (const part of zip.names()) {
    if (only && !only(part)) continue;
    if (!/\.(xml|rels)$/i.test(part)) {
      report.skipped.push(`${part}: not XML`);
      continue;
    }
    const text = zip.text(part);
    const root = parse(text, part).documentElement as Element;
    const schema = SCHEMA_BY_NAMESPACE[root.namespaceURI ?? ""];
    if (!schema) {
      report.skipped.push(`${part}: namespace ${root.namespaceURI} is not ECMA-376`);
      continue;
    }
    if (schema === "sml.xsd" && root.localName === "worksheet") report.problems.push(...worksheetRuleProblems(text, part));
    const list = bySchema.get(schema) ?? [];
    list.push({ part, fileName: `part${report.validated.length}.xml`, contents: markupCompatible(text, part) });
    bySchema.set(schema, list);
    report.validated.push(part);
  }
  for (const [schema, parts] of bySchema) {
    const result = await validateXML({ xml: parts.map(({ fileName, contents }) => ({ fileName, contents })), ...schemaFiles(schema), maxMemoryPages: 16384 });
    for (const error of result.errors) {
      const part = parts.find((p) => p.fileName === error.loc?.fileName)?.part ?? "?";
      report.problems.push(`${part} (${schema}): ${error.message.trim()}`);
    }
  }
  return report;
}

/** Throws, listing every problem, unless the package is valid; returns the parts validated. */
export async function expectValidXlsx(file: string | Buffer, only?: (part: string) => boolean): Promise<PackageReport> {
  const report = await validatePackage(typeof file === "string" ? readFileSync(file) : file, only);
  if (report.problems.length > 0) throw new Error(`${typeof file === "string" ? file : "package"} is not valid ECMA-376:\n${report.problems.join("\n")}`);
  if (report.validated.length === 0) throw new Error("no part was validated");
  return report;
}

/** The worksheet part's XML of a sheet, found by name through the workbook's relationships. */
export function sheetXml(file: string | Buffer, sheetName: string): string {
  const zip = ZipPackage.read(typeof file === "string" ? readFileSync(file) : file);
  const workbook = parse(zip.text("xl/workbook.xml"), "xl/workbook.xml");
  const sheet = Array.from(workbook.getElementsByTagNameNS(MAIN, "sheet")).find((s) => s.getAttribute("name") === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rels = parse(zip.text("xl/_rels/workbook.xml.rels"), "rels");
  const rel = Array.from(rels.getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === sheet.getAttributeNS(R, "id"));
  const target = rel?.getAttribute("Target") ?? "";
  return zip.text(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

/** The hyperlinks of a worksheet part as "cell -> location" (and "r:id" when a relationship is used). */
export function hyperlinks(xml: string): string[] {
  const root = parse(xml, "sheet").documentElement as Element;
  return Array.from(root.getElementsByTagNameNS(MAIN, "hyperlink")).map((h) => `${h.getAttribute("ref")} -> ${h.getAttribute("location") ?? ""}${h.hasAttributeNS(R, "id") ? " +r:id" : ""}`);
}
