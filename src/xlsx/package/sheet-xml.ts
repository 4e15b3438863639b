import type { CellStyle, PlanCell, Rect, SheetPlan } from "../../core/layout/plan";
import { calculatedColumns, cellAddress, isFormulaCell, isLinkCell, rectAddress, sheetReference } from "../../core/layout/plan";
import type { StylesEditor } from "./styles";
import { encodeXstring, escapeAttr, escapeText, NS } from "./xml";

/** Functions newer than Excel 2007 are stored with the _xlfn. prefix in files, or Excel shows #NAME?. */
const FUTURE_FUNCTIONS = /\b(TEXTJOIN|CONCAT|IFS|MAXIFS|MINIFS|SWITCH|XLOOKUP|FILTER|UNIQUE|SORT)\(/g;
export const toFileFormula = (formula: string) => formula.replace(FUTURE_FUNCTIONS, "_xlfn.$1(");

/** Excel's limits on a data validation's messages (longer ones make it refuse the file). */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, error: 225 } as const;

const fit = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A table as it will be written: the plan's, with the workbook-unique id and name it was given. */
export interface PlacedTable {
  id: number;
  name: string;
  relId: string;
  range: Rect;
  style: string;
}

interface SheetCell {
  value: PlanCell;
  style: CellStyle;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Empty text is an empty cell, as Excel stores a cleared cell (and as the Office.js adapter writes it). */
function isWritten(value: PlanCell | undefined): value is Exclude<PlanCell, null> {
  return value !== undefined && value !== null && value !== "";
}

/** The value a plan puts in a cell: the last block's that is not empty, as the blocks are laid in order. */
function planValueAt(plan: SheetPlan, row: number, col: number): PlanCell {
  let value: PlanCell = null;
  for (const block of plan.blocks) {
    const cell = block.cells[row - block.row]?.[col - block.col];
    if (isWritten(cell)) value = cell;
  }
  return value;
}

/**
 * The plan's rows in order, each with its cells (a value, a style, or both) by column, laid one
 * row at a time: a team heatmap of 50,000 people has 3,300,000 cells, and laying them all at once,
 * with a style object each, took gigabytes.
 */
function* planRows(plan: SheetPlan): Generator<{ row: number; cells: [number, SheetCell][] }> {
  const rowSet = new Set<number>();
  for (const block of plan.blocks) for (let i = 0; i < block.cells.length; i++) rowSet.add(block.row + i);
  for (const { range } of plan.styles) for (let r = range.row; r < range.row + range.rows; r++) rowSet.add(r);
  const heightRows = new Set(plan.rowHeights.map(({ row }) => row));
  for (const row of heightRows) rowSet.add(row);
  // Styles merge property by property, later over earlier, as the Office.js adapter applies them;
  // the merged style of each set of layers is made once.
  const merged = new Map<string, CellStyle>();
  const styleOf = (layers: number[]): CellStyle => {
    const key = layers.join(",");
    let style = merged.get(key);
    if (!style) merged.set(key, (style = Object.assign({}, ...layers.map((i) => plan.styles[i].style)) as CellStyle));
    return style;
  };
  for (const row of [...rowSet].sort((a, b) => a - b)) {
    const cells = new Map<number, { value: PlanCell; layers: number[] }>();
    const at = (col: number) => {
      let cell = cells.get(col);
      if (!cell) cells.set(col, (cell = { value: null, layers: [] }));
      return cell;
    };
    for (const block of plan.blocks) {
      const values = block.cells[row - block.row];
      if (!values) continue;
      values.forEach((value, j) => {
        if (isWritten(value)) at(block.col + j).value = value;
      });
    }
    plan.styles.forEach(({ range }, i) => {
      if (row < range.row || row >= range.row + range.rows) return;
      for (let c = range.col; c < range.col + range.cols; c++) at(c).layers.push(i);
    });
    // A row with nothing in it is not written, unless it has a height of its own.
    if (cells.size === 0 && !heightRows.has(row)) continue;
    yield { row, cells: [...cells].sort((a, b) => a[0] - b[0]).map(([col, { value, layers }]) => [col, { value, style: styleOf(layers) }]) };
  }
}

function cellXml(ref: string, cell: SheetCell, styles: StylesEditor): string {
  const s = styles.cellFormat(cell.style);
  const sAttr = s ? ` s="${s}"` : "";
  const { value } = cell;
  if (value === null) return `<c r="${ref}"${sAttr}/>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cell ${ref}: ${value} is not a number a workbook can hold.`);
    return `<c r="${ref}"${sAttr}><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isFormulaCell(value)) {
    const f = escapeText(toFileFormula(value.formula));
    return value.array ? `<c r="${ref}"${sAttr}><f t="array" ref="${ref}">${f}</f></c>` : `<c r="${ref}"${sAttr}><f>${f}</f></c>`;
  }
  // Inline strings keep the shared-strings part untouched; text is never a formula, whatever it starts with.
  const text = isLinkCell(value) ? value.text : value;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${escapeText(encodeXstring(text))}</t></is></c>`;
}

function sheetViewXml(plan: SheetPlan): string {
  const freeze = plan.freeze;
  if (!freeze || (freeze.rows === 0 && freeze.cols === 0)) return `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const pane = freeze.rows && freeze.cols ? "bottomRight" : freeze.rows ? "bottomLeft" : "topRight";
  const split = `${freeze.cols ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""}`;
  const topLeft = cellAddress(freeze.rows, freeze.cols);
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

function colsXml(plan: SheetPlan): string {
  const widths = new Map<number, number>();
  for (const { col, width } of plan.columnWidths) widths.set(col, width);
  if (widths.size === 0) return "";
  const cols = [...widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`);
  return `<cols>${cols.join("")}</cols>`;
}

function validationsXml(plan: SheetPlan): string {
  plan.validations.forEach((v, i) =>
    plan.validations.slice(0, i).forEach((w) => {
      // Excel refuses a sheet whose validations overlap; a plan that asks for it is a bug to report, not to write.
      if (overlaps(v.range, w.range)) throw new Error(`Sheet plan "${plan.name}": data validations ${rectAddress(w.range)} and ${rectAddress(v.range)} overlap.`);
    }),
  );
  if (plan.validations.length === 0) return "";
  const items = plan.validations.map((v) => {
    const attrs = [
      `type="whole"`,
      `errorStyle="stop"`,
      `operator="between"`,
      `allowBlank="1"`,
      `showInputMessage="1"`,
      `showErrorMessage="1"`,
      `errorTitle="${escapeAttr(fit(v.errorTitle, VALIDATION_LIMITS.title))}"`,
      `error="${escapeAttr(fit(v.errorMessage, VALIDATION_LIMITS.error))}"`,
      `promptTitle="${escapeAttr(fit(v.inputTitle, VALIDATION_LIMITS.title))}"`,
      `prompt="${escapeAttr(fit(v.inputMessage, VALIDATION_LIMITS.prompt))}"`,
      `sqref="${rectAddress(v.range)}"`,
    ];
    return `<dataValidation ${attrs.join(" ")}><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function conditionalFormatsXml(plan: SheetPlan, styles: StylesEditor): string {
  const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
  return plan.conditionalFormats
    .map((cf, i) => {
      let rule: string;
      switch (cf.kind) {
        case "expression":
          rule = `<cfRule type="expression" dxfId="${styles.differentialFormat(cf.fontColor, cf.fill)}" priority="${i + 1}"><formula>${escapeText(toFileFormula(cf.formula))}</formula></cfRule>`;
          break;
        case "colorScale":
          rule = `<cfRule type="colorScale" priority="${i + 1}"><colorScale><cfvo type="num" val="${cf.min.value}"/><cfvo type="num" val="${cf.max.value}"/><color rgb="${argb(cf.min.color)}"/><color rgb="${argb(cf.max.color)}"/></colorScale></cfRule>`;
          break;
        case "dataBar":
          // The ECMA-376 data bar; Excel draws it with a gradient (the solid look needs a 2010 extension).
          rule = `<cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="${cf.min}"/><cfvo type="num" val="${cf.max}"/><color rgb="${argb(cf.color)}"/></dataBar></cfRule>`;
          break;
      }
      return `<conditionalFormatting sqref="${rectAddress(cf.range)}">${rule}</conditionalFormatting>`;
    })
    .join("");
}

function hyperlinkXml(row: number, col: number, value: PlanCell): string {
  if (value === null || !isLinkCell(value)) return "";
  // An internal link is a location alone (no relationship, no "#"), as ECMA-376 defines it.
  return `<hyperlink ref="${cellAddress(row, col)}" location="${escapeAttr(`${sheetReference(value.sheet)}!${value.cell}`)}" display="${escapeAttr(value.text)}"/>`;
}

/** The range from A1 to the last row and column the plan puts a value or a style in (a row with a height counts too). */
function dimensionOf(plan: SheetPlan): string {
  let maxRow = -1;
  let maxCol = 0;
  for (const block of plan.blocks) {
    block.cells.forEach((cells, i) =>
      cells.forEach((value, j) => {
        if (!isWritten(value)) return;
        maxRow = Math.max(maxRow, block.row + i);
        maxCol = Math.max(maxCol, block.col + j);
      }),
    );
  }
  for (const { range } of plan.styles) {
    if (range.rows <= 0 || range.cols <= 0) continue;
    maxRow = Math.max(maxRow, range.row + range.rows - 1);
    maxCol = Math.max(maxCol, range.col + range.cols - 1);
  }
  for (const { row } of plan.rowHeights) maxRow = Math.max(maxRow, row);
  return maxRow < 0 ? "A1" : rectAddress({ row: 0, col: 0, rows: maxRow + 1, cols: maxCol + 1 });
}

/**
 * The worksheet part for a plan, as pieces of XML made as they are asked for (a row each, in
 * between): a 50,000-person heatmap is over 100 MB of XML, which is never whole in memory. Styles
 * are added to `styles` as the rows are made; tables are referenced by their relationship ids.
 */
export function* worksheetXml(plan: SheetPlan, styles: StylesEditor, tables: PlacedTable[]): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><dimension ref="${dimensionOf(plan)}"/>`;
  yield `${sheetViewXml(plan)}<sheetFormatPr defaultRowHeight="15"/>${colsXml(plan)}<sheetData>`;
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const links: string[] = [];
  for (const { row: r, cells } of planRows(plan)) {
    let xml = "";
    for (const [c, cell] of cells) {
      xml += cellXml(cellAddress(r, c), cell, styles);
      const link = hyperlinkXml(r, c, cell.value);
      if (link) links.push(link);
    }
    const height = heights.get(r);
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    yield `<row r="${r + 1}"${ht}>${xml}</row>`;
  }
  const tableParts = tables.length ? `<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.relId}"/>`).join("")}</tableParts>` : "";
  yield [
    `</sheetData>`,
    conditionalFormatsXml(plan, styles),
    validationsXml(plan),
    links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "",
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    tableParts,
    `</worksheet>`,
  ].join("");
}

/** The header names of a planned table, as its header cells hold them. */
export function tableHeaders(plan: SheetPlan, range: Rect): string[] {
  const headers = Array.from({ length: range.cols }, (_, c) => {
    const value = planValueAt(plan, range.row, range.col + c);
    if (typeof value !== "string" || value.trim() === "") throw new Error(`Sheet plan "${plan.name}": table header ${cellAddress(range.row, range.col + c)} must be text.`);
    return value;
  });
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h.toLowerCase())) throw new Error(`Sheet plan "${plan.name}": table header "${h}" appears twice; Excel needs unique column names.`);
    seen.add(h.toLowerCase());
  }
  return headers;
}

export function tableXml(plan: SheetPlan, table: PlacedTable): string {
  if (table.range.rows < 2) throw new Error(`Sheet plan "${plan.name}": table ${table.name} needs a header row and at least one row.`);
  const ref = rectAddress(table.range);
  const calculated = calculatedColumns(plan, table);
  const columns = tableHeaders(plan, table.range).map((name, i) => {
    const open = `<tableColumn id="${i + 1}" name="${escapeAttr(encodeXstring(name))}"`;
    const formula = calculated.get(i);
    // Stored as the first data row's formula: a row added in Excel gets it, moved to its own row.
    return formula ? `${open}><calculatedColumnFormula${formula.array ? ' array="1"' : ""}>${escapeText(toFileFormula(formula.formula))}</calculatedColumnFormula></tableColumn>` : `${open}/>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<table xmlns="${NS.main}" id="${table.id}" name="${escapeAttr(table.name)}" displayName="${escapeAttr(table.name)}" ref="${ref}" totalsRowShown="0">`,
    `<autoFilter ref="${ref}"/>`,
    `<tableColumns count="${columns.length}">${columns.join("")}</tableColumns>`,
    `<tableStyleInfo name="${escapeAttr(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>`,
    `</table>`,
  ].join("");
}
