import path from "node:path/posix";
import type { ZipPackage } from "./zip";
import { decodeOoxmlEscapes, ownCopy, parseXmlStream, parseXmlText } from "./xml-stream";

/** The package is a zip but not a usable workbook (a part is missing, or is not what it should be). */
export class PackageError extends Error {}

export interface Relationship {
  id: string;
  /** The relationship type's last segment ("officeDocument", "worksheet"...), the same in transitional and strict OOXML. */
  kind: string;
  /** The target part's name, resolved against the source part; undefined for an external target. */
  part?: string;
}

/** The relationships part of `source` ("" for the package itself): `dir/_rels/name.rels`. */
function relationshipsPartOf(source: string): string {
  const dir = path.dirname(source);
  return path.join(dir === "." ? "" : dir, "_rels", `${path.basename(source)}.rels`);
}

/**
 * Resolves a relationship target to a part name: absolute targets (`/xl/worksheets/sheet1.xml`,
 * as openpyxl writes) from the package root, relative ones from the source part's folder.
 */
export function resolveTarget(source: string, target: string): string {
  let decoded = target.replace(/\\/g, "/");
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A target that is not valid percent-encoding is used as written.
  }
  if (decoded.startsWith("/")) return path.normalize(decoded).replace(/^\/+/, "");
  return path.normalize(path.join(path.dirname(source), decoded)).replace(/^(\.\.\/)+/, "");
}

export function readRelationships(pkg: ZipPackage, source: string): Relationship[] {
  const relsPart = relationshipsPartOf(source);
  if (!pkg.has(relsPart)) return [];
  const relationships: Relationship[] = [];
  parseXmlText(relsPart, pkg.text(relsPart), {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Type || a.Target === undefined) return;
      const external = a.TargetMode?.toLowerCase() === "external";
      relationships.push({ id: a.Id, kind: a.Type.slice(a.Type.lastIndexOf("/") + 1), part: external ? undefined : resolveTarget(source, a.Target) });
    },
  });
  return relationships;
}

export interface WorkbookSheet {
  name: string;
  /** The worksheet part; undefined for chartsheets, dialog and macro sheets, which hold no cells to check. */
  part?: string;
}

export interface WorkbookParts {
  workbookPart: string;
  /** Every sheet in the workbook's own order. */
  sheets: WorkbookSheet[];
  sharedStringsPart?: string;
}

const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";

/**
 * Finds the workbook through the package relationships (_rels/.rels -> officeDocument ->
 * its relationships), so names and order come from the workbook part whatever the zip order.
 */
export function readWorkbookParts(pkg: ZipPackage): WorkbookParts {
  const main = readRelationships(pkg, "").find((r) => r.kind === "officeDocument" && r.part && pkg.has(r.part));
  const workbookPart = main?.part ?? DEFAULT_WORKBOOK_PART;
  if (!pkg.has(workbookPart)) throw new PackageError(`it has no workbook part (${DEFAULT_WORKBOOK_PART}), so it is a zip archive but not an Excel workbook`);
  const byId = new Map(readRelationships(pkg, workbookPart).map((r) => [r.id, r]));
  const sheets: WorkbookSheet[] = [];
  let root: string | undefined;
  parseXmlText(workbookPart, pkg.text(workbookPart), {
    open(name, a) {
      root ??= name;
      if (name !== "sheet") return;
      // The relationship id is r:id, whatever prefix the writer bound to the relationships namespace.
      const idKey = Object.keys(a).find((k) => k === "id" || k.endsWith(":id"));
      const relationship = idKey ? byId.get(a[idKey]) : undefined;
      const sheetName = a.name ?? "";
      if (!relationship || !relationship.part) throw new PackageError(`its workbook part lists the sheet "${sheetName}" without a part that holds it`);
      if (relationship.kind !== "worksheet") {
        sheets.push({ name: sheetName });
        return;
      }
      if (!pkg.has(relationship.part)) throw new PackageError(`the part ${relationship.part} that holds the sheet "${sheetName}" is missing`);
      sheets.push({ name: sheetName, part: relationship.part });
    },
  });
  if (root !== "workbook") throw new PackageError(`its main part ${workbookPart} is not a workbook (its root element is <${root ?? "none"}>), so it is not an Excel workbook`);
  const sharedStringsPart = [...byId.values()].find((r) => r.kind === "sharedStrings" && r.part && pkg.has(r.part))?.part;
  return { workbookPart, sheets, sharedStringsPart };
}

/**
 * The shared string table: a rich text item's runs joined, its phonetic guide (`rPh`, furigana)
 * left out, as Excel shows the cell.
 */
export async function readSharedStrings(pkg: ZipPackage, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phoneticDepth = 0;
  await parseXmlStream(part, pkg.stream(part), {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phoneticDepth++;
      else if (name === "t") inText = phoneticDepth === 0;
    },
    close(name) {
      if (name === "si") strings.push(ownCopy(decodeOoxmlEscapes(current)));
      else if (name === "rPh") phoneticDepth--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}
