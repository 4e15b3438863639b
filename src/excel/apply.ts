import type { Block, CellStyle, ChartRequest, PlanCell, Rect, SheetPlan } from "../core/layout/plan";
import { blockRect, cellAddress, columnName, fillsTableColumns, isFormulaCell, isLinkCell, looksLikeFormula, rectAddress, sheetReference, wouldExcelReinterpret } from "../core/layout/plan";
import { uniqueSheetName, uniqueTableName } from "../core/layout/names";

/**
 * Excel on the web refuses requests over 5 MB. Blocks are written in chunks of about this many
 * bytes of payload, one sync per chunk; anything smaller goes in the one final sync.
 */
export const MAX_CHUNK_BYTES = 4_000_000;

/** Points per character of column width: Excel's "width 10" is about 10 digits of Calibri 11. */
const POINTS_PER_CHAR = 5.6;

/** What Excel should hold: "=..." for formulas, the value otherwise ("" clears). */
function formulaEntry(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (isFormulaCell(cell)) return `=${cell.formula}`;
  if (isLinkCell(cell)) return cell.text;
  return cell;
}

/** Text that Excel would not keep as typed: a formula, or a number, date or boolean on entry. */
function keepsAsTextOnlyIfFormatted(text: string): boolean {
  return looksLikeFormula(text) || wouldExcelReinterpret(text);
}

/** Such text gets the text number format before it is written, so "00123" stays "00123". */
function needsTextFormat(cell: PlanCell): boolean {
  return (typeof cell === "string" && keepsAsTextOnlyIfFormatted(cell)) || (isLinkCell(cell) && keepsAsTextOnlyIfFormatted(cell.text));
}

function payloadBytes(rows: PlanCell[][]): number {
  return JSON.stringify(rows).length * 2;
}

/** Splits a block by rows so that each part's payload stays under MAX_CHUNK_BYTES. */
export function chunkBlock(block: Block): Block[] {
  const total = payloadBytes(block.cells);
  if (total <= MAX_CHUNK_BYTES || block.cells.length <= 1) return [block];
  const rowsPerChunk = Math.max(1, Math.floor((block.cells.length * MAX_CHUNK_BYTES) / total));
  const chunks: Block[] = [];
  for (let i = 0; i < block.cells.length; i += rowsPerChunk) {
    chunks.push({ row: block.row + i, col: block.col, cells: block.cells.slice(i, i + rowsPerChunk) });
  }
  return chunks;
}

function applyStyle(range: Excel.Range, style: CellStyle) {
  const font = range.format.font;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = style.fontColor;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.wrap) range.format.wrapText = true;
  if (style.vertical) range.format.verticalAlignment = style.vertical === "top" ? "Top" : "Center";
  if (style.horizontal) range.format.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.numberFormat) range.numberFormat = [[style.numberFormat]];
}

/** Queues one block's write: its number formats first if any cell is formula-like text, then one 2D write. */
function queueBlock(sheet: Excel.Worksheet, block: Block) {
  const rect = blockRect(block);
  const rows = block.cells.map((r) => [...r, ...Array<PlanCell>(rect.cols - r.length).fill(null)]);
  const range = sheet.getRange(rectAddress(rect));
  if (rows.some((r) => r.some(needsTextFormat))) {
    range.numberFormat = rows.map((r) => r.map((c) => (needsTextFormat(c) ? "@" : "General")));
  }
  range.formulas = rows.map((r) => r.map(formulaEntry));
  rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (isLinkCell(c)) {
        sheet.getRange(cellAddress(rect.row + i, rect.col + j)).hyperlink = { documentReference: `${sheetReference(c.sheet)}!${c.cell}`, textToDisplay: c.text, screenTip: `Go to ${c.sheet}!${c.cell}` };
      }
    }),
  );
}

const CHART_TYPES = { column: "ColumnClustered", bar: "BarClustered" } as const;

/** A single column is one series per column; a single row, one per row. */
const seriesBy = (values: Rect) => (values.cols === 1 ? "Columns" : "Rows");

/**
 * Queues a native chart: no sync, so a sheet's charts cost no extra round trip. Excel makes the
 * first series from the source range itself and may take a text first cell (a share formula that
 * gives "" when nobody is assessed) as the series' name; its values, name and categories are then
 * set explicitly, so the chart shows exactly the plan's rectangles. Further series are added by name.
 */
function queueChart(sheet: Excel.Worksheet, request: ChartRequest) {
  const [first, ...others] = request.series;
  if (!first) return;
  const range = (rect: Rect) => sheet.getRange(rectAddress(rect));
  const chart = sheet.charts.add(CHART_TYPES[request.kind], range(first.values), seriesBy(first.values));
  chart.title.text = request.title;
  chart.legend.visible = request.series.length > 1;
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setValues(range(first.values));
  firstSeries.setXAxisValues(range(request.categories));
  for (const { name, values } of others) {
    const series = chart.series.add(name);
    series.setValues(range(values));
    series.setXAxisValues(range(request.categories));
  }
  const { anchor } = request;
  chart.setPosition(cellAddress(anchor.row, anchor.col), cellAddress(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1));
}

/**
 * Adds a sheet laid out as the plan says, in a fixed number of syncs whatever its size (plus one
 * per extra chunk past MAX_CHUNK_BYTES). Existing sheets and tables are never touched: a taken
 * name gets a new one. Conditional formats (data bars included) and charts are queued with the
 * rest: they add no sync. Returns the sheet's name.
 */
export async function applyPlanInExcel(context: Excel.RequestContext, plan: SheetPlan, options: { activate?: boolean } = {}): Promise<string> {
  const worksheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  worksheets.load("items/name");
  tables.load("items/name");
  await context.sync();

  const name = uniqueSheetName(plan.name, worksheets.items.map((w) => w.name));
  const takenTables = tables.items.map((t) => t.name);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const sheet = worksheets.add(name);

  let queued = 0;
  const writeBlocks = async (blocks: Block[]) => {
    for (const chunk of blocks.flatMap(chunkBlock)) {
      const bytes = payloadBytes(chunk.cells);
      if (queued > 0 && queued + bytes > MAX_CHUNK_BYTES) {
        // Only past the request limit: the sync count grows with payload, never with a small sheet's rows.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB chunk, as Excel on the web requires
        await context.sync();
        context.workbook.application.suspendApiCalculationUntilNextSync();
        queued = 0;
      }
      queueBlock(sheet, chunk);
      queued += bytes;
    }
  };
  const calculated = plan.blocks.filter((b) => fillsTableColumns(b, plan.tables));
  await writeBlocks(plan.blocks.filter((b) => !calculated.includes(b)));
  for (const t of plan.tables) {
    const table = sheet.tables.add(sheet.getRange(rectAddress(t.range)), true);
    const tableName = uniqueTableName(t.name, takenTables);
    takenTables.push(tableName);
    table.name = tableName;
    table.style = t.style;
  }
  await writeBlocks(calculated);

  for (const { col, width } of plan.columnWidths) sheet.getRange(`${columnName(col)}:${columnName(col)}`).format.columnWidth = width * POINTS_PER_CHAR;
  for (const { row, height } of plan.rowHeights) sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
  for (const { range, style } of plan.styles) applyStyle(sheet.getRange(rectAddress(range)), style);

  for (const v of plan.validations) {
    const dv = sheet.getRange(rectAddress(v.range)).dataValidation;
    dv.rule = { wholeNumber: { formula1: v.min, formula2: v.max, operator: "Between" } };
    dv.prompt = { showPrompt: true, title: v.inputTitle, message: v.inputMessage };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.errorMessage };
  }
  for (const cf of plan.conditionalFormats) {
    const formats = sheet.getRange(rectAddress(cf.range)).conditionalFormats;
    if (cf.kind === "expression") {
      const custom = formats.add("Custom").custom;
      custom.rule.formula = `=${cf.formula}`;
      custom.format.fill.color = cf.fill;
      custom.format.font.color = cf.fontColor;
    } else if (cf.kind === "colorScale") {
      formats.add("ColorScale").colorScale.criteria = {
        minimum: { formula: String(cf.min.value), type: "Number", color: cf.min.color },
        maximum: { formula: String(cf.max.value), type: "Number", color: cf.max.color },
      };
    } else {
      const bar = formats.add("DataBar").dataBar;
      bar.positiveFormat.fillColor = cf.color;
      bar.lowerBoundRule = { type: "Number", formula: String(cf.min) };
      bar.upperBoundRule = { type: "Number", formula: String(cf.max) };
    }
  }
  for (const chart of plan.charts ?? []) queueChart(sheet, chart);
  if (plan.freeze) {
    if (plan.freeze.cols > 0) sheet.freezePanes.freezeAt(sheet.getRange(rectAddress({ row: 0, col: 0, rows: plan.freeze.rows, cols: plan.freeze.cols })));
    else sheet.freezePanes.freezeRows(plan.freeze.rows);
  }
  if (options.activate !== false) sheet.activate();
  await context.sync();
  return name;
}
