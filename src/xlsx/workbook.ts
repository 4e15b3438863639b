import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { SheetPlan } from "../core/layout/plan";
import { isReportSheet } from "../core/layout/report-sheet";
import { applyPlan } from "./apply";
import { loadWorkbook, WorkbookFileError } from "./read";

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "HR Competency";
  return workbook;
}

/** Opens the workbook at `file` to add to it, or starts a new one if there is none yet. */
export async function openOrCreate(file: string): Promise<{ workbook: ExcelJS.Workbook; created: boolean }> {
  if (await exists(file)) return { workbook: await loadWorkbook(file), created: false };
  return { workbook: newWorkbook(), created: true };
}

/**
 * Saves next to the target and then renames, so a failure half-way never leaves a damaged file
 * where the user's workbook was. Excel recalculates on open, since the formulas carry no results.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const dir = path.dirname(path.resolve(file));
  if (!(await exists(dir))) throw new WorkbookFileError(`Cannot write ${file}: the folder ${dir} does not exist.`);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(`Cannot write ${file}${code ? ` (${code})` : ""}: check that it is not open in another program and that the folder is writable.`);
  }
}

/** Adds the planned sheets to the workbook at `file` (creating it if needed); returns the sheet names used. */
export async function addSheetsToFile(file: string, plans: SheetPlan[]): Promise<{ sheets: string[]; created: boolean }> {
  const { workbook, created } = await openOrCreate(file);
  const sheets = plans.map((plan) => applyPlan(workbook, plan));
  await saveWorkbook(workbook, file);
  return { sheets, created };
}

/**
 * Writes a copy of the checked workbook with the report sheet. The check's own earlier report
 * sheet is replaced; a user's sheet of the same name is kept and the report gets a new name.
 */
export async function writeReportCopy(input: string, output: string, reportPlan: SheetPlan): Promise<string> {
  if (path.resolve(input) === path.resolve(output)) {
    throw new WorkbookFileError(`--report must name a new file: the checked workbook ${input} is never written.`);
  }
  const workbook = await loadWorkbook(input);
  for (const ws of [...workbook.worksheets]) {
    if (isReportSheet(ws.getCell("A1").value, ws.getCell("A2").value)) workbook.removeWorksheet(ws.id);
  }
  const sheet = applyPlan(workbook, reportPlan);
  await saveWorkbook(workbook, output);
  return sheet;
}
