import type { FrameworkCatalog } from "../core/catalog";
import { catalogOf } from "../core/catalog";
import type { AssessmentSheet, CheckResult, Problem } from "../core/check";
import { readAssessmentSheet, startAssessmentSheet, WorkbookCheck } from "../core/check";
import { PROBE_ROWS } from "../core/probe";
import type { SheetGrid } from "../core/grid";
import { isFrameworkSheet } from "../core/layout/framework-sheet";
import type { Framework } from "../core/model";
import { builtInFrameworks } from "../frameworks";
import type { OpenWorkbook } from "./read";
import { readWorkbookFile } from "./read";
import { readWorksheet, RowOrderError, streamWorksheetRows } from "./xml-sheet";

type Worksheet = OpenWorkbook["worksheets"][number];

async function wholeSheet(book: OpenWorkbook, sheet: Worksheet): Promise<SheetGrid> {
  return (await readWorksheet(book.pkg, sheet.part, sheet.name, book.sharedStrings)).grid;
}

/**
 * Reads an assessment sheet's table row by row as its XML is inflated, holding one row at a time
 * besides the people read; a sheet whose rows come out of order is read whole instead.
 */
async function streamAssessmentSheet(book: OpenWorkbook, sheet: Worksheet, top: SheetGrid, catalog: FrameworkCatalog): Promise<{ sheet?: AssessmentSheet; problems: Problem[] }> {
  const { reader, problems } = startAssessmentSheet(top, catalog);
  if (!reader) return { problems };
  if (!reader.readsPeople) return reader.finish([]);
  try {
    const { merges } = await streamWorksheetRows(book.pkg, sheet.part, sheet.name, book.sharedStrings, (row) => reader.addRow(row));
    return reader.finish(merges);
  } catch (error) {
    if (!(error instanceof RowOrderError)) throw error;
    return readAssessmentSheet(await wholeSheet(book, sheet), catalog);
  }
}

/**
 * Checks every assessment sheet of an .xlsx file against the frameworks (the built-in ones by
 * default) and the file's own framework sheets. Memory does not grow with the size of the file
 * beyond the people read: each sheet's top rows say what it is, framework sheets are read whole,
 * assessment sheets are streamed row by row, and other sheets are read no further than their top.
 */
export async function checkFile(file: string, frameworks: Framework[] | FrameworkCatalog = builtInFrameworks()): Promise<CheckResult> {
  const catalog = Array.isArray(frameworks) ? catalogOf(frameworks) : frameworks;
  return readWorkbookFile(file, async (book) => {
    const tops: { sheet: Worksheet; grid: SheetGrid; whole: boolean }[] = [];
    for (const sheet of book.worksheets) tops.push({ sheet, ...(await readWorksheet(book.pkg, sheet.part, sheet.name, book.sharedStrings, PROBE_ROWS)) });
    const frameworkSheets: SheetGrid[] = [];
    for (const top of tops) if (isFrameworkSheet(top.grid)) frameworkSheets.push(top.whole ? top.grid : await wholeSheet(book, top.sheet));
    const check = new WorkbookCheck(frameworkSheets, catalog);
    for (const { sheet, grid, whole } of tops) {
      if (!check.isAssessmentSheet(grid)) continue;
      check.add(sheet.name, whole ? readAssessmentSheet(grid, check.catalog) : await streamAssessmentSheet(book, sheet, grid, check.catalog));
    }
    return check.result;
  });
}
