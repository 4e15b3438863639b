import { levelIndex } from "../model";
import type { Framework, Role } from "../model";
import { levelLabel } from "../lookup";
import type { PlanCell, SheetPlan } from "./plan";
import { emptyPlan } from "./plan";
import { STYLES, TABLE_STYLE } from "./styles";

export const CRITERIA_HEADERS = ["ID", "Level", "Category", "Criterion", "Priority"] as const;

/**
 * A role's criteria sheet: framework, role, grade, purpose and duties above one Excel table of
 * its criteria in source order. Column D is wide and wrapped because that is where people read.
 */
export function planCriteriaSheet(framework: Framework, role: Role, tableName: string): SheetPlan {
  const plan = emptyPlan("criteria", role.title);
  const info: PlanCell[][] = [
    [framework.title, null, null, null, null],
    ["Publisher", framework.publisher, null, null, null],
    ["Source", framework.source.date ? `${framework.source.document} (${framework.source.date})` : framework.source.document, null, null, null],
    ["Role", role.title, null, null, null],
    ["Grade", role.grade ?? "", null, null, null],
  ];
  if (role.purpose) info.push(["Purpose", null, null, role.purpose, null]);
  role.duties.forEach((duty, i) => info.push([i === 0 ? "Duties" : null, null, duty.area ?? null, duty.text, null]));
  role.notes.forEach((note, i) => info.push([i === 0 ? "Notes" : null, null, null, note, null]));
  info.push([null, null, null, null, null]);
  plan.blocks.push({ row: 0, col: 0, cells: info });
  plan.styles.push({ range: { row: 0, col: 0, rows: 1, cols: 1 }, style: STYLES.title });
  plan.styles.push({ range: { row: 1, col: 0, rows: info.length - 2, cols: 1 }, style: STYLES.label });
  plan.styles.push({ range: { row: 5, col: 2, rows: info.length - 6, cols: 2 }, style: STYLES.wrapTop });

  const headerRow = info.length;
  const rows: PlanCell[][] = role.criteria.map((c) => [
    c.id,
    framework.implicitLevel ? "" : levelLabel(framework.levels[levelIndex(framework, c.level) - 1]),
    c.category,
    c.text,
    c.priority,
  ]);
  plan.blocks.push({ row: headerRow, col: 0, cells: [[...CRITERIA_HEADERS], ...rows] });
  plan.styles.push({ range: { row: headerRow + 1, col: 0, rows: rows.length, cols: 5 }, style: STYLES.wrapTop });
  plan.tables.push({ name: tableName, range: { row: headerRow, col: 0, rows: rows.length + 1, cols: 5 }, style: TABLE_STYLE });
  plan.columnWidths.push({ col: 0, width: 14 }, { col: 1, width: 18 }, { col: 2, width: 22 }, { col: 3, width: 90 }, { col: 4, width: 12 });
  plan.freeze = { rows: headerRow + 1, cols: 0 };
  return plan;
}
