import type { CatalogEntry } from "../core/catalog";
import type { CheckResult, Problem } from "../core/check";
import { checkWorkbook, frameworksInGrids } from "../core/check";
import { catalogOf } from "../core/catalog";
import { planAssessmentSheet } from "../core/layout/assessment-sheet";
import { planCriteriaSheet } from "../core/layout/criteria-sheet";
import { isReportSheet, planReportSheet } from "../core/layout/report-sheet";
import { planTeamSheets } from "../core/layout/team-sheets";
import type { Team } from "../core/team";
import type { Level } from "../core/framework";
import type { Framework, Role } from "../core/model";
import { planFrameworkSheet } from "../core/layout/framework-sheet";
import { applyPlanInExcel } from "./apply";
import { gridOf, probeSheets, readRows, readWorkbookGrids, wholeSheet } from "./read";

/** Runs a batch against the workbook: Excel.run in Office, a fake in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const officeExcelRun: ExcelRunner = (batch) => Excel.run(batch);

export function insertCriteriaSheet(run: ExcelRunner, framework: Framework, role: Role): Promise<string> {
  return run((context) => applyPlanInExcel(context, planCriteriaSheet(framework, role, `Criteria_${role.id}`)));
}

export function createAssessmentSheet(run: ExcelRunner, framework: Framework, role: Role, level: Level, names: string[]): Promise<string> {
  const plan = planAssessmentSheet(framework, role, level, names.map((name) => ({ name })), `Assess_${role.id}_${level.id}`);
  return run((context) => applyPlanInExcel(context, plan));
}

/**
 * Names from the cells the user selected: every non-empty text or number, in reading order. Only
 * the used part of the selection is read, so selecting whole columns stays under Excel's limits.
 */
export function namesFromSelection(run: ExcelRunner): Promise<string[]> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
    range.load("values");
    await context.sync();
    if (range.isNullObject) return [];
    return range.values
      .flat()
      .filter((v: unknown) => (typeof v === "string" && v.trim() !== "") || typeof v === "number")
      .map((v: unknown) => String(v).trim());
  });
}

export function checkOpenWorkbook(run: ExcelRunner, frameworks: Framework[]): Promise<CheckResult> {
  const catalog = catalogOf(frameworks);
  return run(async (context) => checkWorkbook(await readWorkbookGrids(context, catalog.criterionIds), catalog));
}

/** Replaces the check's own results sheet (never a user's sheet of that name) with a new one. */
export function writeReportSheet(run: ExcelRunner, result: CheckResult, checkedAt: string): Promise<string> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const heads = worksheets.items.map((ws) => {
      const range = ws.getRange("A1:A2");
      range.load("values");
      return { ws, range };
    });
    await context.sync();
    for (const { ws, range } of heads) if (isReportSheet(range.values[0][0], range.values[1][0])) ws.delete();
    return applyPlanInExcel(context, planReportSheet(result, checkedAt));
  });
}

/** Shows a cell to the user: activates its sheet and selects it. */
export function selectCell(run: ExcelRunner, sheet: string, cell: string): Promise<void> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** Progress of writeTeamSheets: `done` of `total` sheets written, `next` the one being written now. */
export type TeamProgress = (progress: { done: number; total: number; next?: string }) => void;

/**
 * Adds the team view's sheets for `team` (heatmap, coverage, levels, bench per framework and role:
 * the plans `collect` writes to a file, here with native charts) and returns their names, heatmap
 * of the first group first, which is left active.
 *
 * An earlier build's sheets are kept, never replaced: the new ones get new names ("Heatmap Library
 * Assistant (2)"). The heatmap is made to be edited (an analyst corrects a score there and every
 * team sheet follows), and the team sheets carry no mark that tells our untouched sheet from one
 * the user has worked on, so deleting any of them could lose a user's work. The user deletes the
 * old ones when done with them.
 *
 * The names are taken once and the plans are made unique against them, since the summary sheets'
 * formulas name their heatmap; each sheet costs the syncs of applyPlanInExcel, whatever its rows
 * and charts.
 */
export function writeTeamSheets(run: ExcelRunner, team: Team, onProgress?: TeamProgress): Promise<string[]> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const tables = context.workbook.tables;
    worksheets.load("items/name");
    tables.load("items/name");
    await context.sync();
    const plans = planTeamSheets(team, { sheets: worksheets.items.map((w) => w.name), tables: tables.items.map((t) => t.name) });
    const written: string[] = [];
    for (const plan of plans) {
      onProgress?.({ done: written.length, total: plans.length, next: plan.name });
      const name = await applyPlanInExcel(context, plan, { activate: written.length === 0 });
      if (name !== plan.name) {
        throw new Error(`A sheet named "${plan.name}" appeared while the team view was being written, so "${name}" was added instead and its formulas would count the wrong sheet. Delete the team sheets just added and build the team view again`);
      }
      written.push(name);
    }
    onProgress?.({ done: written.length, total: plans.length });
    return written;
  });
}

/** Writes a framework into the workbook as a new framework sheet (existing sheets and tables keep their names); returns the sheet's name. */
export function insertFrameworkSheet(run: ExcelRunner, framework: Framework): Promise<string> {
  return run((context) => applyPlanInExcel(context, planFrameworkSheet(framework)));
}

/** The workbook's own frameworks and what is wrong in their sheets (each problem at its cell). */
export interface WorkbookFrameworks {
  entries: CatalogEntry[];
  problems: Problem[];
}

/**
 * Reads the workbook's framework sheets: a probe of every sheet (its top rows only), then the
 * framework sheets whole (they are small), in payload-sized chunks. Other sheets cost only their probe.
 */
export function workbookFrameworks(run: ExcelRunner): Promise<WorkbookFrameworks> {
  return run(async (context) => {
    const probes = (await probeSheets(context, new Set())).filter((p) => p.kind === "framework");
    const rows = await readRows(
      context,
      probes.map((probe) => ({ probe, spans: wholeSheet(probe) })),
    );
    const { entries, problems } = frameworksInGrids(probes.map((probe, i) => gridOf(probe, rows[i])));
    return { entries, problems };
  });
}
