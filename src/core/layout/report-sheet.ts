import type { CheckResult } from "../check";
import type { PlanCell, SheetPlan } from "./plan";
import { emptyPlan } from "./plan";
import { STYLES, TABLE_STYLE } from "./styles";

export const REPORT_TITLE = "Check results";
/** The second line of a report sheet: how a later check knows the sheet is its own to rewrite. */
export const REPORT_MARK = "Written by the HR Competency check and rewritten on each check";

export const PEOPLE_HEADERS = ["Employee", "Sheet", "Role", "Target level", "Attained level", "Level gap", "Essentials met", "Unmet essentials", "Missing", "Desirable score"] as const;
export const PROBLEM_HEADERS = ["Sheet", "Cell", "Severity", "Code", "Message"] as const;

export function summaryLine(result: CheckResult): string {
  const passed = result.people.filter((p) => p.essentialsMet).length;
  const errors = result.problems.filter((p) => p.severity === "error").length;
  const warnings = result.problems.length - errors;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(result.people.length, "person", "people")} in ${count(result.assessmentSheets.length, "assessment sheet", "assessment sheets")}: ${count(passed, "meets", "meet")} every essential criterion, ${count(result.people.length - passed, "does", "do")} not. ${count(errors, "error", "errors")}, ${count(warnings, "warning", "warnings")}.`;
}

/** Whether a sheet's first two cells say it is a report sheet this product wrote. */
export function isReportSheet(a1: unknown, a2: unknown): boolean {
  return a1 === REPORT_TITLE && typeof a2 === "string" && a2.startsWith(REPORT_MARK);
}

/**
 * The check results sheet: a summary, a table with a row per person and a table with a row per
 * problem, each person's name and each problem's cell a link to the cell in question.
 */
export function planReportSheet(result: CheckResult, checkedAt: string, tableNames = { people: "CheckPeople", problems: "CheckProblems" }): SheetPlan {
  const plan = emptyPlan("report", REPORT_TITLE);
  plan.blocks.push({ row: 0, col: 0, cells: [[REPORT_TITLE], [`${REPORT_MARK} (${checkedAt}).`], [summaryLine(result)]] });
  plan.styles.push({ range: { row: 0, col: 0, rows: 1, cols: 1 }, style: STYLES.title }, { range: { row: 1, col: 0, rows: 1, cols: 1 }, style: STYLES.muted });

  let row = 4;
  const section = (title: string, headers: readonly string[], rows: PlanCell[][], tableName: string, empty: string) => {
    plan.blocks.push({ row, col: 0, cells: [[title]] });
    plan.styles.push({ range: { row, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 12 } });
    row++;
    if (rows.length === 0) {
      plan.blocks.push({ row, col: 0, cells: [[empty]] });
      plan.styles.push({ range: { row, col: 0, rows: 1, cols: 1 }, style: STYLES.muted });
      row += 2;
      return;
    }
    plan.blocks.push({ row, col: 0, cells: [[...headers], ...rows] });
    plan.tables.push({ name: tableName, range: { row, col: 0, rows: rows.length + 1, cols: headers.length }, style: TABLE_STYLE });
    plan.styles.push({ range: { row: row + 1, col: 0, rows: rows.length, cols: headers.length }, style: STYLES.wrapTop });
    row += rows.length + 2;
  };

  section(
    "People",
    PEOPLE_HEADERS,
    result.people.map((p) => [
      { text: p.employee, sheet: p.sheet, cell: p.cell },
      p.sheet,
      p.role,
      p.targetLevel,
      p.attainedLevel ?? "None",
      p.levelGap,
      p.essentialsMet,
      p.unmetEssential.join(", "),
      p.missing.join(", "),
      p.desirableScore,
    ]),
    tableNames.people,
    "No one was checked.",
  );
  section(
    "Problems",
    PROBLEM_HEADERS,
    result.problems.map((p) => [p.sheet, { text: p.cell, sheet: p.sheet, cell: p.cell }, p.severity, p.code, p.message]),
    tableNames.problems,
    "No problems found.",
  );
  [24, 26, 28, 14, 16, 10, 14, 30, 30, 14].forEach((width, col) => plan.columnWidths.push({ col, width }));
  // The problems table shares columns A-E with people; its message column (E) wants room.
  if (result.problems.length > 0) plan.columnWidths[4] = { col: 4, width: 80 };
  plan.freeze = { rows: 4, cols: 0 };
  return plan;
}
