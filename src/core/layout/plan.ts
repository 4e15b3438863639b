/**
 * A layout plan: what a sheet should look like, as plain data. Core builds it once; the ExcelJS
 * and Office.js adapters apply it, so a sheet looks and behaves the same whichever made it.
 * Rows and columns are 0-based here; addresses shown to people are A1-style.
 */
export type Scalar = string | number | boolean | null;

/** A formula without its leading "="; `array` asks for a single-cell array (CSE) formula. */
export interface FormulaCell {
  formula: string;
  array?: boolean;
}

/** Text that links to a cell of the workbook. */
export interface LinkCell {
  text: string;
  sheet: string;
  cell: string;
}

export type PlanCell = Scalar | FormulaCell | LinkCell;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A rectangle of cells written in one go. */
export interface Block {
  row: number;
  col: number;
  cells: PlanCell[][];
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  /** Background colour, "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  vertical?: "top" | "middle";
  horizontal?: "left" | "center" | "right";
  numberFormat?: string;
}

export interface TablePlan {
  name: string;
  /** Header row included. */
  range: Rect;
  style: string;
}

export interface WholeNumberValidation {
  range: Rect;
  min: number;
  max: number;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

export type ConditionalFormat =
  | {
      kind: "expression";
      range: Rect;
      /** Relative to the range's top-left cell, as Excel expects. */
      formula: string;
      fill: string;
      fontColor: string;
    }
  | { kind: "colorScale"; range: Rect; min: { value: number; color: string }; max: { value: number; color: string } }
  /** A bar in each cell, its length from `min` (no bar) to `max` (full width). */
  | { kind: "dataBar"; range: Rect; min: number; max: number; color: string };

/**
 * A chart the plan would like drawn from its own sheet's cells, as plain data: the add-in draws it
 * with Excel's charts; an adapter that cannot draw charts ignores it.
 */
export interface ChartRequest {
  kind: "column" | "bar";
  title: string;
  /** One column (or row) of category labels. */
  categories: Rect;
  /** Each series' values, the same length as the categories. */
  series: { name: string; values: Rect }[];
  /** Where the chart's top-left corner goes, and about how many rows and columns it covers. */
  anchor: Rect;
}

export interface SheetPlan {
  kind: "criteria" | "assessment" | "report" | "framework" | "team-heatmap" | "team-coverage" | "team-levels" | "team-bench";
  /** The name wanted; the adapter makes it unique in the workbook (see uniqueSheetName). */
  name: string;
  blocks: Block[];
  styles: { range: Rect; style: CellStyle }[];
  columnWidths: { col: number; width: number }[];
  /** Rows whose height is set, in points (others are left to the program). */
  rowHeights: { row: number; height: number }[];
  freeze?: { rows: number; cols: number };
  tables: TablePlan[];
  validations: WholeNumberValidation[];
  conditionalFormats: ConditionalFormat[];
  charts?: ChartRequest[];
}

export function emptyPlan(kind: SheetPlan["kind"], name: string): SheetPlan {
  return { kind, name, blocks: [], styles: [], columnWidths: [], rowHeights: [], tables: [], validations: [], conditionalFormats: [] };
}

export function isFormulaCell(cell: PlanCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

export function isLinkCell(cell: PlanCell): cell is LinkCell {
  return typeof cell === "object" && cell !== null && "sheet" in cell;
}

/** Column letters for a 0-based column: 0 -> A, 26 -> AA. */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnIndex(name: string): number {
  return [...name.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** "C12" for row 11, column 2 (0-based). */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnName(col)}${d}${row + 1}`;
}

export function parseAddress(address: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

export function rectAddress(rect: Rect): string {
  const start = cellAddress(rect.row, rect.col);
  const end = cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as a formula or link reference: quoted when it needs to be. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Text Excel would take as a formula if typed or written as a value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";
/** Shapes Excel turns into something else than the text typed: numbers, booleans, errors, dates, times, fractions. */
const REINTERPRETED = [
  // numbers: leading zeros, signs, exponents, thousands separators, percents, currency, (negative)
  /^[-+]?[$€£¥]?\s*[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*%?$/i,
  /^\(\s*[$€£¥]?\s*\d[\d,]*(\.\d*)?\s*\)$/,
  /^(true|false)$/i,
  /^#(n\/a|value!|ref!|div\/0!|num!|name\?|null!|spill!|calc!|getting_data)$/i,
  // dates: 1/2, 1-2, 2024-01-02, 1/2/24, 1.2.2024, 1 Jan, Jan-2024, 1-Jan-24
  /^\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{1,4})?$/,
  new RegExp(`^\\d{1,2}[-/ ]+${MONTH}([-/ ,]+\\d{1,4})?$`, "i"),
  new RegExp(`^${MONTH}[-/ .]+\\d{1,4}([-/ ,]+\\d{1,4})?$`, "i"),
  // times and fractions: 1:30, 10:00:05 pm, 9 am, 1 1/2
  /^\d{1,2}(:\d{1,2}){1,2}(\.\d+)?(\s*[ap]m?)?$/i,
  /^\d{1,2}\s*[ap]m?$/i,
  /^[-+]?\d+\s+\d+\/\d+$/,
];

/**
 * Text that Excel would store as something else if written as a value into a General cell:
 * "00123" becomes 123, "TRUE" a boolean, "1/2" a date, "3e5" 300000. Such text, and formula-like
 * text, is written into text-formatted cells so it stays as typed.
 */
export function wouldExcelReinterpret(text: string): boolean {
  const t = text.trim();
  return t !== "" && /[0-9]|true|false|#/i.test(t) && REINTERPRETED.some((shape) => shape.test(t));
}

export function blockRect(block: Block): Rect {
  return { row: block.row, col: block.col, rows: block.cells.length, cols: Math.max(...block.cells.map((r) => r.length)) };
}

/**
 * Formulas filling whole columns of a table's data body, the same formula in every row (in R1C1
 * terms, as the plans build them): both adapters make them the table's calculated columns, so a
 * row added to the table in Excel gets the same formulas.
 */
export function fillsTableColumns(block: Block, tables: TablePlan[]): boolean {
  const r = blockRect(block);
  return tables.some(
    (t) => r.row === t.range.row + 1 && r.rows === t.range.rows - 1 && r.col >= t.range.col && r.col + r.cols <= t.range.col + t.range.cols && block.cells.every((row) => row.length === r.cols && row.every(isFormulaCell)),
  );
}

/** A table's calculated columns: its column index -> the formula of its first data row, as files store them. */
export function calculatedColumns(plan: SheetPlan, table: TablePlan): Map<number, FormulaCell> {
  const columns = new Map<number, FormulaCell>();
  for (const block of plan.blocks) {
    if (!fillsTableColumns(block, [table])) continue;
    block.cells[0].forEach((cell, j) => columns.set(block.col + j - table.range.col, cell as FormulaCell));
  }
  return columns;
}
