import type { Level, Scale } from "../framework";
import { levelLabel } from "../lookup";
import type { Criterion, Framework, Role } from "../model";
import { levelIndex } from "../model";
import { isEssential } from "../rules";
import type { ConditionalFormat, PlanCell, Rect, Scalar, SheetPlan } from "./plan";
import { assessmentSheetName } from "./names";
import { cellAddress, columnName, emptyPlan } from "./plan";
import { BAD, SCALE_HIGH, SCALE_LOW, STYLES, TABLE_STYLE } from "./styles";

/**
 * The labels in column A that identify an assessment sheet and its parts. The check finds them by
 * label, not by position, so a row inserted above the table does not break it.
 */
export const ASSESSMENT_LABELS = {
  framework: "Framework",
  role: "Role",
  target: "Target level",
  targetNumber: "Target level number",
  level: "Level",
  levelNumber: "Level number",
  category: "Category",
  priority: "Priority",
  criterion: "Criterion",
  employee: "Employee",
} as const;

export const COMPUTED_HEADERS = ["Essentials met", "Unmet essentials", "Missing", "Desirable score", "Attained level", "Level gap"] as const;

/** What the priority row shows; anything but D counts as essential in the sheet's formulas. */
export const PRIORITY_MARK = { essential: "E", desirable: "D", unspecified: "U" } as const;

/** Shown in the Attained level column when not even the first level is reached. */
export const NO_LEVEL = "None";

export interface Person {
  name: string;
  /** Scores to pre-fill, by criterion id (the demo uses this; a new template has none). */
  scores?: Record<string, Scalar>;
}

/** Row positions (0-based) of a freshly planned assessment sheet. */
export const ASSESSMENT_ROWS = {
  framework: 0,
  role: 1,
  target: 2,
  targetNumber: 3,
  instructions: 4,
  level: 5,
  levelNumber: 6,
  category: 7,
  priority: 8,
  criterion: 9,
  header: 10,
  firstPerson: 11,
} as const;

/** The criteria an assessment at this target level scores: those of levels 1..target, in source order. */
export function assessedCriteria(framework: Framework, role: Role, target: Level): Criterion[] {
  const t = levelIndex(framework, target.id);
  return role.criteria.filter((c) => levelIndex(framework, c.level) <= t);
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const arrayConstant = (items: (number | string)[]) => `{${items.map((i) => (typeof i === "number" ? String(i) : quote(i))).join(",")}}`;

export function scaleLabelsText(scale: Scale): string {
  return scale.labels.map((l) => `${l.value} ${l.label}`).join(", ");
}

/**
 * The native Excel formulas of one person's row. They compute exactly what core/rules computes,
 * from the sheet alone, so the sheet still works where the add-in is not installed:
 * a score counts only as a whole number of the scale (MATCH is type-strict, so "3" as text or
 * 2.5 never matches), met means one of the scale values from the threshold up, and a criterion
 * is essential unless its priority row says D.
 */
export function rowFormulas(framework: Framework, criteriaCount: number, excelRow: number, attainedCell: string): string[] {
  const last = columnName(criteriaCount);
  const r = ASSESSMENT_ROWS;
  const S = `$B${excelRow}:$${last}${excelRow}`;
  const L = `$B$${r.levelNumber + 1}:$${last}$${r.levelNumber + 1}`;
  const P = `$B$${r.priority + 1}:$${last}$${r.priority + 1}`;
  const H = `$B$${r.header + 1}:$${last}$${r.header + 1}`;
  const T = `$B$${r.targetNumber + 1}`;
  const { min, max, meets } = framework.scale;
  const range = (from: number) => Array.from({ length: max - from + 1 }, (_, i) => from + i);
  const valid = `ISNUMBER(${S})*ISNUMBER(MATCH(${S},${arrayConstant(range(min))},0))`;
  const met = `ISNUMBER(${S})*ISNUMBER(MATCH(${S},${arrayConstant(range(meets))},0))`;
  const essential = `(${P}<>"D")`;
  const inScope = `(${L}<=${T})`;
  const desirableSum = range(min)
    .filter((v) => v !== 0)
    .map((v) => `ISNUMBER(MATCH(${S},{${v}},0))*${v}`)
    .join("+");
  const unmetAt = (k: number) => `SUMPRODUCT(${essential}*(${L}=${k})*(1-${met}))`;
  const levels = framework.levels;
  let attained = String(levels.length);
  for (let k = levels.length; k >= 1; k--) attained = `IF(OR(${T}<${k},${unmetAt(k)}>0),${k - 1},${attained})`;
  const labels = [NO_LEVEL, ...levels.map(levelLabel)];
  return [
    `SUMPRODUCT(${essential}*${inScope}*(1-${met}))=0`,
    `TEXTJOIN(", ",TRUE,IF(${essential}*${inScope}*${valid}*(1-${met}),${H},""))`,
    `TEXTJOIN(", ",TRUE,IF(${inScope}*(1-${valid}),${H},""))`,
    desirableSum ? `SUMPRODUCT((${P}="D")*${inScope}*(${desirableSum}))` : "0",
    `CHOOSE(${attained}+1,${labels.map(quote).join(",")})`,
    `${T}-(MATCH(${attainedCell},${arrayConstant(labels)},0)-1)`,
  ];
}

/** Runs of adjacent columns (0-based, relative) whose flag is true. */
function runs(flags: boolean[]): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  flags.forEach((flag, i) => {
    if (!flag) return;
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun.start + lastRun.length === i) lastRun.length++;
    else out.push({ start: i, length: 1 });
  });
  return out;
}

/**
 * C1: the framework's title and the version the sheet was made from, as people read it; the
 * check reads the version back to name the criteria added or removed since.
 */
export function frameworkTitleWithVersion(framework: Framework): string {
  return `${framework.title} (version ${framework.version})`;
}

/** The version recorded by frameworkTitleWithVersion, or undefined when the cell no longer says it. */
export function versionInTitle(text: unknown): string | undefined {
  return typeof text === "string" ? /\(version ([^()]+)\)\s*$/.exec(text)?.[1].trim() : undefined;
}

/** Shown beside the target level number when the target is above every level the sheet has columns for. */
export const TARGET_ABOVE_SHEET = "The target level is above this sheet's criteria: set it back, or create an assessment sheet for that target";

/**
 * Row 4: the target's position among the levels, or #N/A when the target was raised above the
 * levels the sheet has columns for, so every computed column shows #N/A rather than a wrong level.
 */
function targetNumberRow(levelIds: string[], criteriaCount: number, pad: (cells: PlanCell[]) => PlanCell[]): PlanCell[] {
  const r = ASSESSMENT_ROWS;
  const position = `MATCH(B${r.target + 1},${arrayConstant(levelIds)},0)`;
  const sheetTop = `MAX($B$${r.levelNumber + 1}:$${columnName(criteriaCount)}$${r.levelNumber + 1})`;
  return pad([
    ASSESSMENT_LABELS.targetNumber,
    { formula: `IF(${position}>${sheetTop},NA(),${position})` },
    { formula: `IF(ISNA(B${r.targetNumber + 1}),${quote(TARGET_ABOVE_SHEET)},"follows the target level above")` },
  ]);
}

export function planAssessmentSheet(framework: Framework, role: Role, target: Level, people: Person[], tableName: string): SheetPlan {
  if (people.length === 0) throw new Error("An assessment sheet needs at least one person.");
  const criteria = assessedCriteria(framework, role, target);
  const n = criteria.length;
  const r = ASSESSMENT_ROWS;
  const L = ASSESSMENT_LABELS;
  const levelIds = framework.levels.map((l) => l.id);
  const name = assessmentSheetName(role.title, framework.implicitLevel ? undefined : target.id);
  const plan = emptyPlan("assessment", name);
  const width = 1 + n + COMPUTED_HEADERS.length;
  const pad = (cells: PlanCell[]) => [...cells, ...Array<PlanCell>(Math.max(0, width - cells.length)).fill(null)];
  const { scale } = framework;

  const top: PlanCell[][] = [
    pad([L.framework, framework.id, frameworkTitleWithVersion(framework)]),
    pad([L.role, role.id, `${role.title}${role.grade ? `, ${role.grade}` : ""}`]),
    pad([L.target, target.id, levelLabel(target)]),
    targetNumberRow(levelIds, n, pad),
    pad([`Score each criterion ${scale.min}-${scale.max} (${scaleLabelsText(scale)}); ${scale.meets} or more meets it. E = essential, D = desirable, U = priority not given (counts as essential).`]),
    pad([L.level, ...criteria.map((c) => c.level)]),
    pad([L.levelNumber, ...criteria.map((c) => levelIndex(framework, c.level))]),
    pad([L.category, ...criteria.map((c) => c.category)]),
    pad([L.priority, ...criteria.map((c) => PRIORITY_MARK[c.priority])]),
    pad([L.criterion, ...criteria.map((c) => c.text)]),
    [L.employee, ...criteria.map((c) => c.id), ...COMPUTED_HEADERS],
  ];
  plan.blocks.push({ row: 0, col: 0, cells: top });

  const firstComputed = 1 + n;
  plan.blocks.push({
    row: r.firstPerson,
    col: 0,
    cells: people.map((p) => [p.name, ...criteria.map((c) => p.scores?.[c.id] ?? null)]),
  });
  plan.blocks.push({
    row: r.firstPerson,
    col: firstComputed,
    cells: people.map((_, i) => {
      const excelRow = r.firstPerson + i + 1;
      const formulas = rowFormulas(framework, n, excelRow, cellAddress(r.firstPerson + i, firstComputed + 4));
      return formulas.map((formula, j) => ({ formula, ...(j === 1 || j === 2 ? { array: true } : {}) }));
    }),
  });

  const scores: Rect = { row: r.firstPerson, col: 1, rows: people.length, cols: n };
  plan.tables.push({ name: tableName, range: { row: r.header, col: 0, rows: people.length + 1, cols: width }, style: TABLE_STYLE });
  plan.validations.push({
    range: scores,
    min: scale.min,
    max: scale.max,
    inputTitle: `Score ${scale.min}-${scale.max}`,
    inputMessage: scale.labels.map((l) => `${l.value} ${l.label}`).join("\n").slice(0, 255),
    errorTitle: "Not a score",
    errorMessage: `Enter a whole number from ${scale.min} to ${scale.max}: ${scaleLabelsText(scale)}.`.slice(0, 225),
  });
  const essentialRuns = runs(criteria.map((c) => isEssential(c.priority)));
  const cf: ConditionalFormat[] = essentialRuns.map((run) => {
    const cell = cellAddress(r.firstPerson, 1 + run.start);
    return {
      kind: "expression",
      range: { row: r.firstPerson, col: 1 + run.start, rows: people.length, cols: run.length },
      formula: `AND(ISNUMBER(${cell}),${cell}<${scale.meets})`,
      ...BAD,
    };
  });
  cf.push({ kind: "colorScale", range: scores, min: { value: scale.min, color: SCALE_LOW }, max: { value: scale.max, color: SCALE_HIGH } });
  plan.conditionalFormats.push(...cf);

  plan.styles.push(
    { range: { row: 0, col: 0, rows: 4, cols: 1 }, style: STYLES.label },
    { range: { row: r.instructions, col: 0, rows: 1, cols: 1 }, style: STYLES.muted },
    { range: { row: r.level, col: 0, rows: 5, cols: 1 }, style: STYLES.infoLabel },
    { range: { row: r.level, col: 1, rows: 5, cols: n }, style: STYLES.info },
    { range: { row: r.criterion, col: 1, rows: 1, cols: n }, style: STYLES.criterionText },
    { range: { row: r.firstPerson, col: firstComputed, rows: people.length, cols: COMPUTED_HEADERS.length }, style: STYLES.computed },
  );
  plan.columnWidths.push({ col: 0, width: 26 }, ...criteria.map((_, i) => ({ col: 1 + i, width: 12 })));
  [14, 30, 30, 10, 18, 10].forEach((w, i) => plan.columnWidths.push({ col: firstComputed + i, width: w }));
  plan.rowHeights.push({ row: r.criterion, height: 150 });
  plan.freeze = { rows: r.header + 1, cols: 1 };
  return plan;
}
