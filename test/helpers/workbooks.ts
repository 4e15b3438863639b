import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Person } from "../../src/core/layout/assessment-sheet";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { findLevel, findRole } from "../../src/core/lookup";
import { findFramework } from "../../src/frameworks";
import { applyPlan } from "../../src/xlsx/apply";
import { newWorkbook, saveWorkbook } from "../../src/xlsx/workbook";

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

/**
 * Writes a workbook with one Stockport assessment sheet for `people`, lets the test change the
 * sheet the way a user might (through ExcelJS), and returns the file's path.
 */
export async function stockportAssessmentFile(dir: string, people: Person[], mutate?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, name = "a.xlsx"): Promise<string> {
  const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
  const workbook = newWorkbook();
  const sheet = applyPlan(workbook, planAssessmentSheet(framework, role, level, people, "Assess"));
  mutate?.(workbook.getWorksheet(sheet)!, workbook);
  const file = path.join(dir, name);
  await saveWorkbook(workbook, file);
  return file;
}

export const STOCKPORT_SHEET = "Assess Library Assistant";
