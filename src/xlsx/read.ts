import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import type { SheetGrid } from "../core/grid";
import { formulaKey } from "../core/grid";
import type { CellValue } from "../core/scores";

/** The file cannot be used as a workbook; the message says which file, why, and what to do. */
export class WorkbookFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads a file's bytes and rejects, with a clear message, what is plainly not an .xlsx. */
async function readXlsxBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`${path}: no such file. Check the path.`);
    if (code === "EISDIR") throw new WorkbookFileError(`${path} is a folder, not an .xlsx workbook.`);
    throw new WorkbookFileError(`${path} could not be read (${code ?? String(error)}).`);
  }
  if (bytes.length === 0) throw new WorkbookFileError(`${path} is empty (0 bytes), not an .xlsx workbook.`);
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new WorkbookFileError(`${path} is not an .xlsx workbook (an .xlsx file is a zip archive). Save it from Excel as "Excel Workbook (.xlsx)".`);
  }
  return bytes;
}

function damaged(path: string, error: unknown): WorkbookFileError {
  const detail = error instanceof Error ? error.message : String(error);
  return new WorkbookFileError(`${path} could not be read as an .xlsx workbook; it may be truncated or damaged (${detail}). Open and save it again in Excel, or use a backup.`);
}

/** Loads a whole workbook (to add sheets to it, or to read it). */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const bytes = await readXlsxBytes(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw damaged(path, error);
  }
  if (workbook.worksheets.length === 0) throw damaged(path, new Error("no worksheet found"));
  return workbook;
}

/** Plain values for the grid: formula results, rich text as text, hyperlinks as their text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) return toCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return toCellValue((value as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

function formulaOf(cell: ExcelJS.Cell): string | undefined {
  return cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
}

/** Collects rows, as either of ExcelJS's readers gives them, into a grid. */
class GridBuilder {
  private readonly values: CellValue[][] = [];
  private readonly formulas = new Map<number, string>();
  private readonly hiddenRows = new Set<number>();

  addRow(row: ExcelJS.Row) {
    const r = row.number - 1;
    if (row.hidden) this.hiddenRows.add(r);
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      out[colNumber - 1] = toCellValue(cell.value);
      const f = formulaOf(cell);
      if (f !== undefined) this.formulas.set(formulaKey(r, colNumber - 1), f);
    });
    this.values[r] = out;
  }

  build(name: string, isProtected: boolean): SheetGrid {
    for (let r = 0; r < this.values.length; r++) this.values[r] ??= [];
    return { name, values: this.values, formulas: this.formulas, hiddenRows: this.hiddenRows, protected: isProtected };
  }
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const grid = new GridBuilder();
  ws.eachRow({ includeEmpty: false }, (row) => grid.addRow(row));
  return grid.build(ws.name, Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet));
}

/**
 * Reads every sheet into a grid. ExcelJS's full reader fails on some files other programs write
 * (openpyxl's absolute part paths, for one); its streaming reader reads those, so it is the fallback.
 */
export async function readGrids(path: string): Promise<SheetGrid[]> {
  const bytes = await readXlsxBytes(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return workbook.worksheets.map(worksheetToGrid);
  } catch (fullReadError) {
    try {
      return await readGridsStreaming(path);
    } catch {
      throw damaged(path, fullReadError);
    }
  }
}

async function readGridsStreaming(path: string): Promise<SheetGrid[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "emit" });
  const grids: SheetGrid[] = [];
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const grid = new GridBuilder();
    for await (const row of ws) grid.addRow(row);
    // The streaming reader does not report sheet protection.
    grids.push(grid.build(ws.name, false));
  }
  if (grids.length === 0) throw new Error("no worksheet found");
  return grids;
}
