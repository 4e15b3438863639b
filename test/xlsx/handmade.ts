import { writeFileSync } from "node:fs";
import path from "node:path";
import { ZipPackage } from "../../src/xlsx/zip";

/**
 * A minimal .xlsx writer for tests: exactly the XML given, so a test can build what other
 * writers do (no `r` addresses, inline strings, shared formulas, prefixes, odd part names).
 */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface HandmadeSheet {
  name: string;
  /** The worksheet's XML; omit for a chartsheet. */
  xml?: string;
  kind?: "worksheet" | "chartsheet";
}

export interface HandmadeOptions {
  /** Part name of the workbook (default xl/workbook.xml). */
  workbookPart?: string;
  sharedStrings?: string[] | string;
  /** Relationship targets as absolute part names (/xl/...), as openpyxl writes them. */
  absoluteTargets?: boolean;
  /** Put the workbook part last in the zip, as openpyxl does. */
  workbookLast?: boolean;
  /** Part names as stored in the zip, e.g. upper-cased. */
  storedName?: (name: string) => string;
  /** A UTF-8 byte order mark before every XML part. */
  bom?: boolean;
}

export function worksheetXml(sheetData: string, after = "", before = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function sharedStringsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${items.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("")}</sst>`;
}

export function handmadeXlsx(sheets: HandmadeSheet[], options: HandmadeOptions = {}): Buffer {
  const workbookPart = options.workbookPart ?? "xl/workbook.xml";
  const wbDir = path.posix.dirname(workbookPart);
  const target = (part: string) => (options.absoluteTargets ? `/${part}` : path.posix.relative(wbDir, part));
  const parts: [string, string][] = [];
  const rels: string[] = [];
  const overrides: string[] = [];
  sheets.forEach((sheet, i) => {
    const kind = sheet.kind ?? "worksheet";
    const part = kind === "worksheet" ? `xl/worksheets/sheet${i + 1}.xml` : `xl/chartsheets/sheet${i + 1}.xml`;
    const xml = sheet.xml ?? `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    parts.push([part, xml]);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/${kind}" Target="${target(part)}"/>`);
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`);
  });
  if (options.sharedStrings !== undefined) {
    const xml = typeof options.sharedStrings === "string" ? options.sharedStrings : sharedStringsXml(options.sharedStrings);
    parts.push(["xl/sharedStrings.xml", xml]);
    rels.push(`<Relationship Id="rIdS" Type="${REL_TYPE}/sharedStrings" Target="${target("xl/sharedStrings.xml")}"/>`);
  }
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const relsOfWorkbook = path.posix.join(wbDir, "_rels", `${path.posix.basename(workbookPart)}.rels`);
  const head: [string, string][] = [
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${workbookPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="${options.absoluteTargets ? "/" : ""}${workbookPart}"/></Relationships>`],
  ];
  const workbookParts: [string, string][] = [
    [relsOfWorkbook, `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`],
    [workbookPart, workbook],
  ];
  const ordered = options.workbookLast ? [...head, ...parts, ...workbookParts] : [...head, ...workbookParts, ...parts];
  const pkg = ZipPackage.create();
  const bom = options.bom ? "\ufeff" : "";
  for (const [name, xml] of ordered) pkg.set(options.storedName ? options.storedName(name) : name, bom + xml);
  return pkg.toBuffer();
}

export function writeHandmade(dir: string, name: string, sheets: HandmadeSheet[], options?: HandmadeOptions): string {
  const file = path.join(dir, name);
  writeFileSync(file, handmadeXlsx(sheets, options));
  return file;
}

/**
 * Text as OOXML stores it: `_xHHHH_` for characters XML cannot hold (and for a carriage
 * return, which XML would turn into a line feed), `_x005F_` before text that looks like an escape.
 */
export function ooxmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what OOXML escapes
  return escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

export type HandmadeValue = null | number | string | boolean | Date | { error: string };

export interface HandmadeGrid {
  values: HandmadeValue[][];
  hiddenRows?: number[];
  /** "D12:E12" style ranges. */
  merges?: string[];
  /** Leave out every r address: each row and cell then follows the one before (empty ones written as <row/> and <c/>). */
  withoutAddresses?: boolean;
  /** Strings as inline strings instead of shared ones. */
  inlineStrings?: boolean;
  /** Formula texts by "row,col" (0-based), written before the cell's value. */
  formulas?: Record<string, string>;
  /** Write the last two rows in reverse order, as no well-behaved writer does. */
  lastRowsSwapped?: boolean;
}

function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A worksheet's XML for `grid`; strings that are not inline are added to `shared`. */
export function gridXml(grid: HandmadeGrid, shared: string[]): string {
  const hidden = new Set(grid.hiddenRows ?? []);
  const rows: string[] = [];
  const lastRow = Math.max(grid.values.length - 1, ...hidden);
  for (let r = 0; r <= lastRow; r++) {
    const values = grid.values[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      const ref = grid.withoutAddresses ? "" : ` r="${columnName(c)}${r + 1}"`;
      const formula = grid.formulas?.[`${r},${c}`];
      const f = formula === undefined ? "" : `<f>${escapeXml(formula)}</f>`;
      if (v === null || v === undefined) {
        if (f) cells.push(`<c${ref}>${f}</c>`);
        else if (grid.withoutAddresses) cells.push("<c/>");
      } else if (typeof v === "number") cells.push(`<c${ref}>${f}<v>${v}</v></c>`);
      else if (typeof v === "boolean") cells.push(`<c${ref} t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (v instanceof Date) cells.push(`<c${ref} t="d"><v>${v.toISOString()}</v></c>`);
      else if (typeof v === "object") cells.push(`<c${ref} t="e"><v>${escapeXml(v.error)}</v></c>`);
      else if (grid.inlineStrings) cells.push(`<c${ref} t="inlineStr"><is><t xml:space="preserve">${ooxmlText(v)}</t></is></c>`);
      else cells.push(`<c${ref} t="s"><v>${shared.push(v) - 1}</v></c>`);
    }
    if (cells.length === 0 && !hidden.has(r) && !grid.withoutAddresses) continue;
    const rowRef = grid.withoutAddresses ? "" : ` r="${r + 1}"`;
    rows.push(`<row${rowRef}${hidden.has(r) ? ' hidden="1"' : ""}>${cells.join("")}</row>`);
  }
  if (grid.lastRowsSwapped && rows.length >= 2) rows.push(...rows.splice(-2).reverse());
  const merges = grid.merges?.length ? `<mergeCells count="${grid.merges.length}">${grid.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  return worksheetXml(rows.join(""), merges);
}

/** A whole workbook of grids, written the way the options say. */
export function handmadeGridWorkbook(sheets: { name: string; grid: HandmadeGrid }[], options: HandmadeOptions = {}): Buffer {
  const shared: string[] = [];
  const xmlSheets = sheets.map((s) => ({ name: s.name, xml: gridXml(s.grid, shared) }));
  return handmadeXlsx(xmlSheets, { ...options, sharedStrings: `<sst xmlns="${MAIN_NS}">${shared.map((s) => `<si><t xml:space="preserve">${ooxmlText(s)}</t></si>`).join("")}</sst>` });
}
