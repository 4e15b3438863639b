import type { Document, Element } from "@xmldom/xmldom";
import { uniqueSheetName, uniqueTableName } from "../../core/layout/names";
import type { SheetPlan } from "../../core/layout/plan";
import { isReportSheet } from "../../core/layout/report-sheet";
import { ZipError, ZipPackage } from "../zip";
import { peekCells, readSharedStrings } from "./peek";
import type { PlacedTable } from "./sheet-xml";
import { tableXml, worksheetXml } from "./sheet-xml";
import { MINIMAL_STYLES, StylesEditor } from "./styles";
import { child, children, CONTENT_TYPE, createLike, insertInOrder, NS, PackageError, parseXml, REL, relativeTarget, relsPartOf, resolveTarget, serializeXml, STRICT_NS_PREFIX } from "./xml";

/** CT_Workbook's sequence, to put a missing calcPr where the schema wants it. */
const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"] as const;

/** Workbook (main part) content types this writer may add sheets to: .xlsx, .xlsm, .xltx, .xltm. */
const WORKBOOK_TYPES = new Set([
  CONTENT_TYPE.workbook,
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
]);

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The worksheet's part, or undefined for a chart sheet or a sheet whose part is missing. */
  part: string | undefined;
}

interface XmlPart {
  name: string;
  doc: Document;
  root: Element;
}

function describeContentType(type: string): string {
  if (type.includes("wordprocessingml")) return "a Word document";
  if (type.includes("presentationml")) return "a PowerPoint presentation";
  return `a package whose main part is ${type}`;
}

/**
 * An .xlsx package opened for adding sheets by package surgery: new parts are added and only
 * the workbook, its relationships, the content types and the styles are edited (keeping every
 * element they had); every other part is written back byte for byte.
 */
export class WorkbookPackage {
  private readonly contentTypes: XmlPart;
  private readonly workbook: XmlPart;
  private readonly workbookRels: XmlPart;
  private styles?: StylesEditor;
  private stylesPart?: string;
  private readonly sheets: SheetEntry[];
  private readonly takenTableNames: string[];
  private nextTableId: number;

  private constructor(private readonly zip: ZipPackage) {
    this.contentTypes = this.xmlPart("[Content_Types].xml", "it has no [Content_Types].xml, so it is not an Office document");
    const rootRels = this.xmlPart("_rels/.rels", "it has no _rels/.rels, so it is not an Office document");
    const main = children(rootRels.root, "Relationship").find((r) => /\/officeDocument$/.test(r.getAttribute("Type") ?? ""));
    if (!main) throw new PackageError("it names no main document part in _rels/.rels, so it is not an Office document");
    if ((main.getAttribute("Type") ?? "").startsWith(STRICT_NS_PREFIX)) throw strictError();
    const workbookPart = resolveTarget("", main.getAttribute("Target") ?? "");
    const type = this.contentTypeOf(workbookPart);
    if (!type || !WORKBOOK_TYPES.has(type)) throw new PackageError(`it is ${describeContentType(type ?? "missing")}, not an Excel workbook`);
    this.workbook = this.xmlPart(workbookPart, `its workbook part ${workbookPart} is missing`);
    if ((this.workbook.root.namespaceURI ?? "").startsWith(STRICT_NS_PREFIX)) throw strictError();
    if (this.workbook.root.namespaceURI !== NS.main || this.workbook.root.localName !== "workbook") throw new PackageError(`its workbook part ${workbookPart} is not a SpreadsheetML workbook`);
    const relsPart = relsPartOf(workbookPart);
    this.workbookRels = zip.has(relsPart) ? this.xmlPart(relsPart, "") : this.newXmlPart(relsPart, `<Relationships xmlns="${NS.rels}"/>`);
    this.sheets = this.readSheets();
    const tables = this.readTables();
    this.takenTableNames = [...tables.names, ...this.definedNames()];
    this.nextTableId = tables.maxId + 1;
  }

  /** Opens an existing package; throws PackageError (or ZipError) saying why it cannot be edited. */
  static open(bytes: Buffer): WorkbookPackage {
    return new WorkbookPackage(ZipPackage.read(bytes));
  }

  /** A new, empty workbook package (add at least one sheet before writing it). */
  static create(): WorkbookPackage {
    const zip = ZipPackage.create();
    zip.set(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
    );
    zip.set("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`);
    zip.set(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
    );
    zip.set("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`);
    zip.set("xl/styles.xml", MINIMAL_STYLES);
    return new WorkbookPackage(zip);
  }

  private xmlPart(name: string, missing: string): XmlPart {
    if (!this.zip.has(name)) throw new PackageError(missing);
    const doc = parseXml(this.zip.text(name), name);
    return { name, doc, root: doc.documentElement as Element };
  }

  private newXmlPart(name: string, xml: string): XmlPart {
    const doc = parseXml(xml, name);
    return { name, doc, root: doc.documentElement as Element };
  }

  private contentTypeOf(part: string): string | undefined {
    const wanted = `/${part}`.toLowerCase();
    const override = children(this.contentTypes.root, "Override").find((o) => (o.getAttribute("PartName") ?? "").toLowerCase() === wanted);
    if (override) return override.getAttribute("ContentType") ?? undefined;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    return children(this.contentTypes.root, "Default").find((d) => (d.getAttribute("Extension") ?? "").toLowerCase() === ext)?.getAttribute("ContentType") ?? undefined;
  }

  private relationships(rels: XmlPart): Element[] {
    return children(rels.root, "Relationship");
  }

  private readSheets(): SheetEntry[] {
    const sheetsEl = child(this.workbook.root, "sheets");
    if (!sheetsEl) throw new PackageError(`its workbook part ${this.workbook.name} has no sheet list`);
    const rels = this.relationships(this.workbookRels);
    return children(sheetsEl, "sheet").map((el) => {
      const relId = el.getAttributeNS(NS.r, "id") ?? "";
      const rel = rels.find((r) => r.getAttribute("Id") === relId);
      const isWorksheet = rel && rel.getAttribute("Type") === REL.worksheet && rel.getAttribute("TargetMode") !== "External";
      return { name: el.getAttribute("name") ?? "", sheetId: Number(el.getAttribute("sheetId")), relId, part: isWorksheet ? resolveTarget(this.workbook.name, rel.getAttribute("Target") ?? "") : undefined };
    });
  }

  private readTables(): { names: string[]; maxId: number } {
    const names: string[] = [];
    let maxId = 0;
    for (const part of this.zip.names()) {
      const isTable = this.contentTypeOf(part) === CONTENT_TYPE.table;
      if (!isTable) continue;
      const root = parseXml(this.zip.text(part), part).documentElement as Element;
      maxId = Math.max(maxId, Number(root.getAttribute("id")) || 0);
      for (const attr of ["name", "displayName"]) {
        const value = root.getAttribute(attr);
        if (value) names.push(value);
      }
    }
    return { names, maxId };
  }

  private definedNames(): string[] {
    const list = child(this.workbook.root, "definedNames");
    return list ? children(list, "definedName").map((d) => d.getAttribute("name") ?? "") : [];
  }

  /** The sheets' names in workbook order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private stylesEditor(): StylesEditor {
    if (this.styles) return this.styles;
    const rel = this.relationships(this.workbookRels).find((r) => r.getAttribute("Type") === REL.styles);
    let part = rel ? resolveTarget(this.workbook.name, rel.getAttribute("Target") ?? "") : undefined;
    if (!part || !this.zip.has(part)) {
      // A workbook without styles (some writers leave it out): give it the minimal one.
      part = this.freePartName(`${this.dir()}styles`, ".xml", false);
      if (!rel) this.addRelationship(this.workbookRels, REL.styles, relativeTarget(this.workbook.name, part));
      else rel.setAttribute("Target", relativeTarget(this.workbook.name, part));
      this.addOverride(part, CONTENT_TYPE.styles);
      this.zip.set(part, MINIMAL_STYLES);
    }
    this.stylesPart = part;
    this.styles = new StylesEditor(this.zip.text(part), part);
    return this.styles;
  }

  private dir(): string {
    return this.workbook.name.slice(0, this.workbook.name.lastIndexOf("/") + 1);
  }

  private freePartName(stem: string, ext: string, numbered = true): string {
    if (!numbered && !this.zip.has(`${stem}${ext}`)) return `${stem}${ext}`;
    for (let n = 1; ; n++) if (!this.zip.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  private addRelationship(rels: XmlPart, type: string, target: string): string {
    const ids = new Set(this.relationships(rels).map((r) => r.getAttribute("Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    rels.root.appendChild(createLike(rels.root, "Relationship", { Id: id, Type: type, Target: target }));
    return id;
  }

  private addOverride(part: string, type: string) {
    // An override left behind for a part that is gone would otherwise be doubled.
    this.removeOverride(part);
    this.contentTypes.root.appendChild(createLike(this.contentTypes.root, "Override", { PartName: `/${part}`, ContentType: type }));
  }

  private removeOverride(part: string) {
    const wanted = `/${part}`.toLowerCase();
    for (const o of children(this.contentTypes.root, "Override")) if ((o.getAttribute("PartName") ?? "").toLowerCase() === wanted) this.contentTypes.root.removeChild(o);
  }

  /** Writes the plan's worksheet (and its tables) into `part`, replacing what the part held. */
  private writeSheetParts(part: string, plan: SheetPlan) {
    const styles = this.stylesEditor();
    const sheetRels = this.newXmlPart(relsPartOf(part), `<Relationships xmlns="${NS.rels}"/>`);
    const tables: PlacedTable[] = plan.tables.map((t) => {
      const name = uniqueTableName(t.name, this.takenTableNames);
      this.takenTableNames.push(name);
      const tablePart = this.freePartName(`${this.dir()}tables/table`, ".xml");
      const placed = { id: this.nextTableId++, name, relId: this.addRelationship(sheetRels, REL.table, relativeTarget(part, tablePart)), range: t.range, style: t.style };
      this.zip.set(tablePart, tableXml(plan, placed));
      this.addOverride(tablePart, CONTENT_TYPE.table);
      return placed;
    });
    this.zip.set(part, worksheetXml(plan, styles, tables));
    if (tables.length > 0) this.zip.set(sheetRels.name, serializeXml(sheetRels.doc));
    else this.zip.delete(sheetRels.name);
  }

  /** Adds a sheet laid out as the plan says; returns its name (made unique in the workbook). */
  addSheet(plan: SheetPlan): string {
    const name = uniqueSheetName(plan.name, this.sheetNames());
    const part = this.freePartName(`${this.dir()}worksheets/sheet`, ".xml");
    this.writeSheetParts(part, plan);
    this.addOverride(part, CONTENT_TYPE.worksheet);
    const relId = this.addRelationship(this.workbookRels, REL.worksheet, relativeTarget(this.workbook.name, part));
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId || 0)) + 1;
    const sheetsEl = child(this.workbook.root, "sheets") as Element;
    const sheet = createLike(sheetsEl, "sheet", { name, sheetId });
    sheet.setAttributeNS(NS.r, `${this.relPrefix()}:id`, relId);
    sheetsEl.appendChild(sheet);
    this.sheets.push({ name, sheetId, relId, part });
    return name;
  }

  private relPrefix(): string {
    const root = this.workbook.root;
    const prefix = root.lookupPrefix(NS.r);
    if (prefix) return prefix;
    root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:r", NS.r);
    return "r";
  }

  /** The sheet this product's check wrote earlier (recognised by its first two cells), if any. */
  findReportSheet(): SheetEntry | undefined {
    let shared: string[] | undefined;
    const text = (value: unknown) => {
      if (typeof value === "object" && value !== null && "shared" in value) {
        shared ??= this.sharedStrings();
        return shared[(value as { shared: number }).shared];
      }
      return value;
    };
    return this.sheets.find((s) => {
      if (!s.part || !this.zip.has(s.part)) return false;
      let cells: ReturnType<typeof peekCells>;
      try {
        cells = peekCells(this.zip.text(s.part), ["A1", "A2"], 2);
      } catch (error) {
        if (error instanceof ZipError) throw error;
        throw new PackageError(`its part ${s.part} (sheet "${s.name}") is not well-formed XML (${(error as Error).message})`);
      }
      return isReportSheet(text(cells.get("A1")), text(cells.get("A2")));
    });
  }

  private sharedStrings(): string[] {
    const rel = this.relationships(this.workbookRels).find((r) => /\/sharedStrings$/.test(r.getAttribute("Type") ?? ""));
    const part = rel && resolveTarget(this.workbook.name, rel.getAttribute("Target") ?? "");
    return part && this.zip.has(part) ? readSharedStrings(this.zip.text(part)) : [];
  }

  /**
   * Rewrites the check's own report sheet in place (its old tables removed), or adds one when
   * the workbook has none; a user's sheet that merely has the same name gets a new name instead.
   */
  writeReportSheet(plan: SheetPlan): string {
    const existing = this.findReportSheet();
    if (!existing?.part) return this.addSheet(plan);
    const relsName = relsPartOf(existing.part);
    if (this.zip.has(relsName)) {
      const rels = this.xmlPart(relsName, "");
      for (const rel of this.relationships(rels)) {
        if (rel.getAttribute("Type") !== REL.table) continue;
        const tablePart = resolveTarget(existing.part, rel.getAttribute("Target") ?? "");
        if (this.zip.has(tablePart)) {
          const root = parseXml(this.zip.text(tablePart), tablePart).documentElement as Element;
          const freed = [root.getAttribute("name"), root.getAttribute("displayName")].map((n) => (n ?? "").toLowerCase());
          for (let i = this.takenTableNames.length - 1; i >= 0; i--) if (freed.includes(this.takenTableNames[i].toLowerCase())) this.takenTableNames.splice(i, 1);
          this.zip.delete(tablePart);
        }
        this.removeOverride(tablePart);
      }
    }
    this.writeSheetParts(existing.part, plan);
    return existing.name;
  }

  /** The package as bytes, with the edited parts serialised and Excel told to calculate on open. */
  toBuffer(): Buffer {
    if (this.sheets.length === 0) throw new PackageError("a workbook needs at least one sheet");
    const root = this.workbook.root;
    let calcPr = child(root, "calcPr");
    if (!calcPr) {
      calcPr = createLike(root, "calcPr", { calcId: 191029 });
      insertInOrder(root, calcPr, WORKBOOK_ORDER);
    }
    // The new formulas carry no cached results: Excel computes them when the file is opened.
    calcPr.setAttribute("fullCalcOnLoad", "1");
    this.zip.set(this.workbook.name, serializeXml(this.workbook.doc));
    this.zip.set(this.workbookRels.name, serializeXml(this.workbookRels.doc));
    this.zip.set(this.contentTypes.name, serializeXml(this.contentTypes.doc));
    const styles = this.styles?.result();
    if (styles !== undefined && this.stylesPart) this.zip.set(this.stylesPart, styles);
    return this.zip.toBuffer();
  }
}

function strictError(): PackageError {
  return new PackageError('it is saved as "Strict Open XML Spreadsheet", which this command cannot add to without risking its content. Save it from Excel as "Excel Workbook (.xlsx)" and run the command again');
}
