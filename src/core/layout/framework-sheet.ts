import type { CellValue } from "../scores";
import type { SheetGrid } from "../grid";
import { cellAt } from "../grid";
import type { Framework } from "../model";
import type { PlanCell, SheetPlan } from "./plan";
import { emptyPlan } from "./plan";
import { STYLES, TABLE_STYLE } from "./styles";

/**
 * The framework sheet: a framework as an analyst edits it in Excel. A1 holds exactly
 * FRAMEWORK_SHEET_MARK; metadata follows as label (column A) and value (column B); then one
 * titled Excel table each for levels, scale, roles, duties and notes, headings and criteria.
 * The reader (interchange/framework-sheet-reader.ts) finds each table by its title in column A.
 */

/** The exact text of A1 on every framework sheet; other code (the Office.js probe) relies on it. */
export const FRAMEWORK_SHEET_MARK = "Framework sheet";

export const FRAMEWORK_METADATA = [
  ["id", "Framework id"],
  ["title", "Title"],
  ["publisher", "Publisher"],
  ["document", "Source document"],
  ["date", "Source date"],
  ["url", "Source URL"],
  ["seed", "Seed file"],
  ["identifier", "Source identifier"],
  ["version", "Version"],
  ["defaultPriority", "Default priority"],
] as const;
type MetadataKey = (typeof FRAMEWORK_METADATA)[number][0];

export const FRAMEWORK_TABLES = {
  levels: { title: "Levels", headers: ["ID", "Name", "Source id"] },
  scale: { title: "Scale", headers: ["Score", "Label", "Meets", "Default"] },
  roles: { title: "Roles", headers: ["ID", "Title", "Grade", "Purpose", "Source id", "Code"] },
  duties: { title: "Duties and notes", headers: ["Role", "Kind", "Area", "Text"] },
  headings: { title: "Headings", headers: ["Role", "ID", "Parent", "Text", "Description", "Source id", "Code"] },
  criteria: { title: "Criteria", headers: ["Role", "Level", "Heading", "Category", "ID", "Text", "Priority", "Description", "Source id", "Code", "Related"] },
} as const;
export type FrameworkTable = keyof typeof FRAMEWORK_TABLES;
export const FRAMEWORK_TABLE_ORDER: FrameworkTable[] = ["levels", "scale", "roles", "duties", "headings", "criteria"];
/** Columns a table cannot be read without. */
export const FRAMEWORK_REQUIRED_COLUMNS: Record<FrameworkTable, string[]> = {
  levels: ["ID", "Name"],
  scale: ["Score", "Label", "Meets"],
  roles: ["ID", "Title"],
  duties: ["Role", "Text"],
  headings: ["Role", "ID", "Text"],
  criteria: ["Role", "ID", "Text"],
};
/** What the Meets and Default columns hold for the score they mark. */
export const FRAMEWORK_SHEET_YES = "yes";

/** Default table names; pass names unique in the workbook (see uniqueTableName) when it has others. */
export function defaultFrameworkTableNames(): Record<FrameworkTable, string> {
  return { levels: "FrameworkLevels", scale: "FrameworkScale", roles: "FrameworkRoles", duties: "FrameworkDuties", headings: "FrameworkHeadings", criteria: "FrameworkCriteria" };
}

const WIDTHS = [18, 30, 16, 22, 14, 60, 12, 40, 20, 14, 16];

export function planFrameworkSheet(framework: Framework, tableNames: Partial<Record<FrameworkTable, string>> = {}): SheetPlan {
  const names = { ...defaultFrameworkTableNames(), ...tableNames };
  const plan = emptyPlan("framework", `Framework ${framework.id}`);
  const values: Record<MetadataKey, string | undefined> = {
    id: framework.id,
    title: framework.title,
    publisher: framework.publisher,
    document: framework.source.document,
    date: framework.source.date,
    url: framework.source.url,
    seed: framework.source.seed,
    identifier: framework.source.identifier,
    version: framework.version,
    defaultPriority: framework.defaultPriority,
  };
  const top: PlanCell[][] = [
    [FRAMEWORK_SHEET_MARK, "Edit the tables below in Excel; keep A1 and the table titles in column A as they are."],
    ...FRAMEWORK_METADATA.map(([key, label]): PlanCell[] => [label, values[key] ?? null]),
  ];
  plan.blocks.push({ row: 0, col: 0, cells: top });
  plan.styles.push({ range: { row: 0, col: 0, rows: 1, cols: 1 }, style: STYLES.title });
  plan.styles.push({ range: { row: 0, col: 1, rows: 1, cols: 1 }, style: STYLES.muted });
  plan.styles.push({ range: { row: 1, col: 0, rows: FRAMEWORK_METADATA.length, cols: 1 }, style: STYLES.label });

  const rows: Record<FrameworkTable, PlanCell[][]> = {
    levels: framework.implicitLevel ? [] : framework.levels.map((l) => [l.id, l.name, l.sourceId ?? null]),
    scale: [...framework.scale.labels]
      .sort((a, b) => a.value - b.value)
      .map((l) => [l.value, l.label, l.value === framework.scale.meets ? FRAMEWORK_SHEET_YES : null, l.value === framework.scale.defaultValue ? FRAMEWORK_SHEET_YES : null]),
    roles: framework.roles.map((r) => [r.id, r.title, r.grade ?? null, r.purpose ?? null, r.sourceId ?? null, r.code ?? null]),
    duties: framework.roles.flatMap((r) => [
      ...r.duties.map((d): PlanCell[] => [r.id, "duty", d.area ?? null, d.text]),
      ...r.notes.map((n): PlanCell[] => [r.id, "note", null, n]),
    ]),
    headings: framework.roles.flatMap((r) =>
      r.headings.map((h): PlanCell[] => [r.id, h.id, h.parent ?? null, h.text, h.description ?? null, h.sourceId ?? null, h.code ?? null]),
    ),
    criteria: framework.roles.flatMap((r) =>
      r.criteria.map((c): PlanCell[] => [
        r.id,
        framework.implicitLevel ? null : c.level,
        c.heading ?? null,
        c.category,
        c.id,
        c.text,
        c.priority,
        c.description ?? null,
        c.sourceId ?? null,
        c.code ?? null,
        c.related && c.related.length > 0 ? c.related.join("\n") : null,
      ]),
    ),
  };

  let row = top.length + 1;
  for (const table of FRAMEWORK_TABLE_ORDER) {
    const { title, headers } = FRAMEWORK_TABLES[table];
    const body = rows[table];
    plan.blocks.push({ row, col: 0, cells: [[title], [...headers], ...body] });
    plan.styles.push({ range: { row, col: 0, rows: 1, cols: 1 }, style: { ...STYLES.title, fontSize: 12 } });
    if (body.length > 0) plan.styles.push({ range: { row: row + 2, col: 0, rows: body.length, cols: headers.length }, style: STYLES.wrapTop });
    // An Excel table has at least one data row, so an empty one gets a blank row (the reader skips blank rows).
    plan.tables.push({ name: names[table], range: { row: row + 1, col: 0, rows: Math.max(body.length, 1) + 1, cols: headers.length }, style: TABLE_STYLE });
    row += 2 + Math.max(body.length, 1) + 1;
  }
  WIDTHS.forEach((width, col) => plan.columnWidths.push({ col, width }));
  return plan;
}

/** Whether A1 holds the mark of a framework sheet. */
export function isFrameworkSheetTitle(a1: CellValue): boolean {
  return typeof a1 === "string" && a1.trim() === FRAMEWORK_SHEET_MARK;
}

export function isFrameworkSheet(grid: SheetGrid): boolean {
  return isFrameworkSheetTitle(cellAt(grid, 0, 0));
}

