import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Person } from "../../src/core/layout/assessment-sheet";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { findLevel, findRole } from "../../src/core/lookup";
import { findFramework } from "../../src/frameworks";
import type { Scalar } from "../../src/core/layout/plan";
import { createWorkbookFile } from "../../src/xlsx/workbook";

export function tempDir(prefix = "hr-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function builtIn(frameworkId: string, roleId: string, levelId?: string) {
  const framework = findFramework(frameworkId)!;
  const role = findRole(framework, roleId)!;
  const level = levelId ? findLevel(framework, levelId)! : framework.levels[framework.levels.length - 1];
  return { framework, role, level };
}

/** Scores every criterion of the Stockport role with `score`, or per criterion id. */
export function stockportPerson(name: string, scores: Record<string, ExcelJS.CellValue> = {}, base = 3): Person {
  const { role } = builtIn("stockport-library-assistant", "library-assistant");
  return { name, scores: Object.fromEntries(role.criteria.map((c) => [c.id, (c.id in scores ? scores[c.id] : base) as never])) };
}

const isScalar = (value: unknown): value is Scalar => value === null || ["string", "number", "boolean"].includes(typeof value);

/**
 * Writes a workbook with one Stockport assessment sheet for `people` with the product's writer,
 * then lets the test change the sheet the way a user might, through ExcelJS (another writer),
 * and returns the file's path. Scores a plan cannot hold (error values, dates) are set that way too.
 */
export async function stockportAssessmentFile(dir: string, people: Person[], mutate?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, name = "a.xlsx"): Promise<string> {
  const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
  const plan = planAssessmentSheet(framework, role, level, people.map((p) => ({ ...p, scores: Object.fromEntries(Object.entries(p.scores ?? {}).map(([id, v]) => [id, isScalar(v) ? v : null])) })), "Assess");
  const file = path.join(dir, name);
  // A fixture is made afresh: some tests reuse a name for cases of one kind.
  rmSync(file, { force: true });
  const [sheet] = await createWorkbookFile(file, [plan]);
  const otherValues = people.flatMap((p, row) => Object.entries(p.scores ?? {}).filter(([, v]) => !isScalar(v)).map(([id, value]) => ({ row, id, value })));
  if (!mutate && otherValues.length === 0) return file;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = workbook.getWorksheet(sheet)!;
  const header = (ws.getRow(11).values as unknown[]).map(String);
  for (const { row, id, value } of otherValues) ws.getCell(12 + row, header.indexOf(id)).value = value as ExcelJS.CellValue;
  mutate?.(ws, workbook);
  await workbook.xlsx.writeFile(file);
  return file;
}

export const STOCKPORT_SHEET = "Assess Library Assistant";
