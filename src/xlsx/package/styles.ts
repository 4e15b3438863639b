import type { Document, Element } from "@xmldom/xmldom";
import type { CellStyle } from "../../core/layout/plan";
import { child, children, createLike, insertInOrder, NS, PackageError, parseXml, serializeXml } from "./xml";

/** CT_Stylesheet's sequence: new lists go where the schema wants them. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

/** Number formats Excel knows by id; anything else is added as a custom numFmt. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "mm-dd-yy": 14, "d-mmm-yy": 15, "h:mm": 20, "@": 49 };

/** A styles.xml for a new workbook: one font, the two fills Excel requires, one border, the Normal style. */
export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/**
 * Adds the fonts, fills, number formats, cell formats and differential formats a plan needs to
 * an existing styles part. Existing entries are never changed or reordered, so every existing
 * cell keeps its look; new entries are appended and their indices handed back.
 */
export class StylesEditor {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly xfCache = new Map<string, number>();
  private changed = false;

  constructor(xml: string, part: string) {
    this.doc = parseXml(xml, part);
    this.root = this.doc.documentElement as Element;
    if (this.root.localName !== "styleSheet" || this.root.namespaceURI !== NS.main) throw new PackageError(`its styles part ${part} is not a SpreadsheetML style sheet`);
  }

  /** The list element (fonts, fills...), created in schema order when the part has none. */
  private list(name: (typeof STYLESHEET_ORDER)[number]): Element {
    const existing = child(this.root, name);
    if (existing) return existing;
    const created = createLike(this.root, name, { count: 0 });
    insertInOrder(this.root, created, STYLESHEET_ORDER);
    return created;
  }

  private append(listName: (typeof STYLESHEET_ORDER)[number], itemName: string, item: Element): number {
    const list = this.list(listName);
    const index = children(list, itemName).length;
    list.appendChild(item);
    list.setAttribute("count", String(index + 1));
    this.changed = true;
    return index;
  }

  private el(localName: string, attrs: Record<string, string | number> = {}, kids: Element[] = []): Element {
    const el = createLike(this.root, localName, attrs);
    for (const k of kids) el.appendChild(k);
    return el;
  }

  private fontOf(style: CellStyle): Element {
    // Start from the workbook's default font, so new cells look like the rest of the workbook.
    const base = child(this.list("fonts"), "font");
    const font = base ? (base.cloneNode(true) as Element) : this.el("font", {}, [this.el("sz", { val: 11 }), this.el("name", { val: "Calibri" })]);
    const replace = (name: string, el: Element | undefined) => {
      for (const old of children(font, name)) font.removeChild(old);
      if (el) font.insertBefore(el, font.firstChild);
    };
    if (style.fontColor) replace("color", this.el("color", { rgb: rgb(style.fontColor) }));
    if (style.fontSize) replace("sz", this.el("sz", { val: style.fontSize }));
    if (style.italic) replace("i", this.el("i"));
    if (style.bold) replace("b", this.el("b"));
    return font;
  }

  private numFmtId(format: string): number {
    if (format in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[format];
    const list = this.list("numFmts");
    const existing = children(list, "numFmt");
    const same = existing.find((n) => n.getAttribute("formatCode") === format);
    if (same) return Number(same.getAttribute("numFmtId"));
    const id = Math.max(163, ...existing.map((n) => Number(n.getAttribute("numFmtId")) || 0)) + 1;
    this.append("numFmts", "numFmt", this.el("numFmt", { numFmtId: id, formatCode: format }));
    return id;
  }

  /** The cellXfs index for a plan style (0, the workbook's default, when the style is empty). */
  cellFormat(style: CellStyle): number {
    const key = JSON.stringify(Object.entries(style).sort());
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    if (Object.keys(style).length === 0) return 0;
    const attrs: Record<string, string | number> = { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 };
    if (style.bold || style.italic || style.fontSize || style.fontColor) {
      attrs.fontId = this.append("fonts", "font", this.fontOf(style));
      attrs.applyFont = 1;
    }
    if (style.fill) {
      const fill = this.el("fill", {}, [this.el("patternFill", { patternType: "solid" }, [this.el("fgColor", { rgb: rgb(style.fill) }), this.el("bgColor", { indexed: 64 })])]);
      attrs.fillId = this.append("fills", "fill", fill);
      attrs.applyFill = 1;
    }
    if (style.numberFormat) {
      attrs.numFmtId = this.numFmtId(style.numberFormat);
      attrs.applyNumberFormat = 1;
    }
    const kids: Element[] = [];
    if (style.wrap || style.vertical || style.horizontal) {
      const alignment: Record<string, string | number> = {};
      if (style.horizontal) alignment.horizontal = style.horizontal;
      if (style.vertical) alignment.vertical = style.vertical === "middle" ? "center" : style.vertical;
      if (style.wrap) alignment.wrapText = 1;
      kids.push(this.el("alignment", alignment));
      attrs.applyAlignment = 1;
    }
    const index = this.append("cellXfs", "xf", this.el("xf", attrs, kids));
    this.xfCache.set(key, index);
    return index;
  }

  /** A differential format (for a conditional format): font colour and background fill. */
  differentialFormat(fontColor: string, fill: string): number {
    const dxf = this.el("dxf", {}, [
      this.el("font", {}, [this.el("color", { rgb: rgb(fontColor) })]),
      this.el("fill", {}, [this.el("patternFill", { patternType: "solid" }, [this.el("bgColor", { rgb: rgb(fill) })])]),
    ]);
    return this.append("dxfs", "dxf", dxf);
  }

  /** The edited part, or undefined when nothing was added (so the original bytes stay). */
  result(): string | undefined {
    return this.changed ? serializeXml(this.doc) : undefined;
  }
}
