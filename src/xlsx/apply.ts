import type ExcelJS from "exceljs";
import type { CellStyle, PlanCell, Rect, SheetPlan } from "../core/layout/plan";
import { cellAddress, isFormulaCell, isLinkCell, rectAddress, sheetReference } from "../core/layout/plan";
import { uniqueSheetName, uniqueTableName } from "../core/layout/names";

/** Functions newer than Excel 2007 are stored with the _xlfn. prefix in files, or Excel shows #NAME?. */
const FUTURE_FUNCTIONS = /\b(TEXTJOIN|CONCAT|IFS|MAXIFS|MINIFS|SWITCH|XLOOKUP|FILTER|UNIQUE|SORT)\(/g;
export const toFileFormula = (formula: string) => formula.replace(FUTURE_FUNCTIONS, "_xlfn.$1(");

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function cellValue(cell: PlanCell, address: string): ExcelJS.CellValue {
  if (isFormulaCell(cell)) {
    const formula = toFileFormula(cell.formula);
    return (cell.array ? { formula, shareType: "array", ref: address } : { formula }) as ExcelJS.CellValue;
  }
  if (isLinkCell(cell)) return { text: cell.text, hyperlink: `#${sheetReference(cell.sheet)}!${cell.cell}` };
  // ExcelJS stores strings as text, never as formulas, so "=x" typed by a user stays "=x".
  return cell;
}

function styleOf(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    out.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.vertical || style.horizontal) {
    out.alignment = { ...(style.wrap ? { wrapText: true } : {}), ...(style.vertical ? { vertical: style.vertical } : {}), ...(style.horizontal ? { horizontal: style.horizontal } : {}) };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

function eachCell(rect: Rect, fn: (row: number, col: number) => void) {
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) fn(r, c);
}

function tableNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}));
}

/**
 * Adds a new sheet to the workbook laid out as the plan says, and returns its name. Existing
 * sheets are never touched: a taken sheet or table name gets a new one.
 */
export function applyPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): string {
  const name = uniqueSheetName(plan.name, workbook.worksheets.map((ws) => ws.name));
  const ws = workbook.addWorksheet(name, {
    views: plan.freeze ? [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }] : [],
  });
  for (const { col, width } of plan.columnWidths) ws.getColumn(col + 1).width = width;
  for (const { row, height } of plan.rowHeights) ws.getRow(row + 1).height = height;

  for (const block of plan.blocks) {
    block.cells.forEach((cells, i) => {
      const row = ws.getRow(block.row + i + 1);
      cells.forEach((cell, j) => {
        if (cell === null) return;
        const col = block.col + j;
        row.getCell(col + 1).value = cellValue(cell, cellAddress(block.row + i, col));
      });
    });
  }
  for (const { range, style } of plan.styles) {
    const s = styleOf(style);
    eachCell(range, (r, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.style = { ...cell.style, ...s };
    });
  }
  const takenTables = tableNames(workbook);
  for (const table of plan.tables) {
    const { range } = table;
    const header = Array.from({ length: range.cols }, (_, c) => String(ws.getCell(range.row + 1, range.col + c + 1).value ?? `Column${c + 1}`));
    const rows = Array.from({ length: range.rows - 1 }, (_, r) =>
      Array.from({ length: range.cols }, (_, c) => ws.getCell(range.row + r + 2, range.col + c + 1).value),
    );
    const tableName = uniqueTableName(table.name, takenTables);
    takenTables.push(tableName);
    ws.addTable({
      name: tableName,
      ref: cellAddress(range.row, range.col),
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: header.map((h) => ({ name: h, filterButton: true })),
      rows,
    });
  }
  for (const v of plan.validations) {
    // ExcelJS has range validations (and writes them as one range) but its typings lack them.
    (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(rectAddress(v.range), {
      type: "whole",
      operator: "between",
      allowBlank: true,
      formulae: [v.min, v.max],
      showInputMessage: true,
      promptTitle: v.inputTitle,
      prompt: v.inputMessage,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.errorTitle,
      error: v.errorMessage,
    });
  }
  plan.conditionalFormats.forEach((cf, i) => {
    const ref = rectAddress(cf.range);
    if (cf.kind === "expression") {
      ws.addConditionalFormatting({
        ref,
        rules: [{ type: "expression", priority: i + 1, formulae: [cf.formula], style: { font: { color: { argb: argb(cf.fontColor) } }, fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } } }],
      });
    } else if (cf.kind === "dataBar") {
      // ExcelJS writes the bar's colour from `color`, which its typings leave out. A solid bar (no gradient) is written with its Excel 2010 extension, as Excel writes data bars; ExcelJS's gradient form refers to an extension it never writes.
      const rule = { type: "dataBar", priority: i + 1, gradient: false, cfvo: [{ type: "num", value: cf.min }, { type: "num", value: cf.max }], color: { argb: argb(cf.color) } };
      ws.addConditionalFormatting({ ref, rules: [rule as ExcelJS.DataBarRuleType] });
    } else {
      ws.addConditionalFormatting({
        ref,
        rules: [{ type: "colorScale", priority: i + 1, cfvo: [{ type: "num", value: cf.min.value }, { type: "num", value: cf.max.value }], color: [{ argb: argb(cf.min.color) }, { argb: argb(cf.max.color) }] }],
      });
    }
  });
  return name;
}
