import type { Level } from "./framework";
import type { SheetGrid } from "./grid";
import { cellAt, formulaKey, isBlankValue, labelText } from "./grid";
import { ASSESSMENT_LABELS, COMPUTED_HEADERS, assessedCriteria } from "./layout/assessment-sheet";
import { cellAddress, columnName } from "./layout/plan";
import { describeLevel, findLevel, findRole, normaliseName } from "./lookup";
import type { Criterion, Framework, Role } from "./model";
import { levelIndex } from "./model";
import type { Evaluation, Scores } from "./rules";
import { evaluate } from "./rules";
import type { ScoreClass } from "./scores";
import { classifyScore, describeValue, isErrorValue } from "./scores";

export type Severity = "error" | "warning";

export interface Problem {
  sheet: string;
  cell: string;
  severity: Severity;
  code: string;
  message: string;
}

/** One person's result: the rules' evaluation, with levels by id and where the person is. */
export interface PersonResult extends Omit<Evaluation, "targetIndex" | "attainedIndex"> {
  sheet: string;
  /** A1 address of the person's Employee cell. */
  cell: string;
  employee: string;
  framework: string;
  role: string;
  targetLevel: string;
  /** Level id, or null when not even the first level is reached. */
  attainedLevel: string | null;
}

/** One assessment sheet as the check understood it: enough for the custom functions' index too. */
export interface AssessmentSheet {
  sheet: string;
  framework: Framework;
  role: Role;
  target: Level;
  people: { employee: string; cell: string; scores: Scores }[];
}

export interface CheckResult {
  /** Names of the sheets recognised as assessment sheets, checked or not. */
  assessmentSheets: string[];
  sheets: AssessmentSheet[];
  people: PersonResult[];
  problems: Problem[];
}

/** The frameworks a check knows: found by id, and every criterion id, to recognise a sheet that lost its metadata. */
export interface FrameworkCatalog {
  find(id: string): Framework | undefined;
  criterionIds: ReadonlySet<string>;
}

/** Built once per set of frameworks: a check, and each live refresh, reuse it. */
export function catalogOf(frameworks: Framework[]): FrameworkCatalog {
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  return {
    find: (id) => byId.get(id.trim().toLowerCase()),
    criterionIds: new Set(frameworks.flatMap((f) => f.roles.flatMap((r) => r.criteria.map((c) => c.id.toUpperCase())))),
  };
}

/** How far down the metadata and the table header are looked for. */
const METADATA_SEARCH_ROWS = 40;
const HEADER_SEARCH_ROWS = 200;

function findLabel(grid: SheetGrid, label: string, from: number, to: number): number {
  const wanted = label.toLowerCase();
  for (let r = from; r < Math.min(to, grid.values.length); r++) if (labelText(cellAt(grid, r, 0)) === wanted) return r;
  return -1;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

class SheetChecker {
  readonly problems: Problem[] = [];
  readonly people: PersonResult[] = [];
  assessment?: AssessmentSheet;

  constructor(
    private readonly grid: SheetGrid,
    private readonly catalog: FrameworkCatalog,
  ) {}

  private problem(row: number, col: number, severity: Severity, code: string, message: string) {
    this.problems.push({ sheet: this.grid.name, cell: cellAddress(row, col), severity, code, message });
  }

  /** Whether this sheet looks like an assessment sheet at all: metadata labels, or an Employee header over criterion ids. */
  isAssessment(): boolean {
    const g = this.grid;
    if (findLabel(g, ASSESSMENT_LABELS.framework, 0, METADATA_SEARCH_ROWS) >= 0) return true;
    if (findLabel(g, ASSESSMENT_LABELS.role, 0, METADATA_SEARCH_ROWS) >= 0 && findLabel(g, ASSESSMENT_LABELS.target, 0, METADATA_SEARCH_ROWS) >= 0) return true;
    const header = findLabel(g, ASSESSMENT_LABELS.employee, 0, HEADER_SEARCH_ROWS);
    return header >= 0 && (g.values[header] ?? []).some((v, c) => c > 0 && this.catalog.criterionIds.has(text(v).toUpperCase()));
  }

  check(): void {
    const g = this.grid;
    const L = ASSESSMENT_LABELS;
    const fwRow = findLabel(g, L.framework, 0, METADATA_SEARCH_ROWS);
    const roleRow = findLabel(g, L.role, 0, METADATA_SEARCH_ROWS);
    const targetRow = findLabel(g, L.target, 0, METADATA_SEARCH_ROWS);
    const fix = "Put it back as the template had it, or make a new sheet with hr-competency template.";
    if (fwRow < 0) {
      this.problem(0, 0, "error", "metadata-missing", `The "${L.framework}" label with the framework id beside it was not found in column A, so the sheet cannot be checked. ${fix}`);
      return;
    }
    const fwId = text(cellAt(g, fwRow, 1));
    const framework = fwId ? this.catalog.find(fwId) : undefined;
    if (!framework) {
      this.problem(fwRow, 1, "error", fwId ? "unknown-framework" : "metadata-missing", fwId ? `Unknown framework "${fwId}"; the sheet cannot be checked. Use one of the built-in frameworks (hr-competency frameworks).` : `The framework id is missing beside "${L.framework}". ${fix}`);
      return;
    }
    if (roleRow < 0) {
      this.problem(fwRow + 1, 0, "error", "metadata-missing", `The "${L.role}" label with the role id beside it was not found in column A. ${fix}`);
      return;
    }
    const roleName = text(cellAt(g, roleRow, 1));
    const role = roleName ? findRole(framework, roleName) : undefined;
    if (!role) {
      this.problem(roleRow, 1, "error", roleName ? "unknown-role" : "metadata-missing", roleName ? `Unknown role "${roleName}" in ${framework.id}. Roles: ${framework.roles.map((r) => r.id).join(", ")}.` : `The role id is missing beside "${L.role}". ${fix}`);
      return;
    }
    let target: Level | undefined;
    const targetName = targetRow >= 0 ? text(cellAt(g, targetRow, 1)) : "";
    if (targetName) target = findLevel(framework, targetName);
    else if (framework.implicitLevel) target = framework.levels[0];
    if (!target) {
      const row = targetRow >= 0 ? targetRow : roleRow + 1;
      this.problem(row, targetRow >= 0 ? 1 : 0, "error", targetName ? "unknown-level" : "metadata-missing", targetName ? `Unknown target level "${targetName}". Levels: ${framework.levels.map(describeLevel).join(", ")}.` : `The target level is missing. ${fix}`);
      return;
    }
    const headerRow = findLabel(g, L.employee, Math.max(fwRow, roleRow, targetRow) + 1, HEADER_SEARCH_ROWS);
    if (headerRow < 0) {
      this.problem(Math.max(fwRow, roleRow, targetRow) + 1, 0, "error", "header-missing", `No table header with "${L.employee}" in column A was found below the metadata. ${fix}`);
      return;
    }
    this.checkTable(framework, role, target, headerRow);
  }

  private readHeader(framework: Framework, role: Role, target: Level, headerRow: number): Map<string, number> {
    const g = this.grid;
    const inScope = new Map(assessedCriteria(framework, role, target).map((c) => [c.id.toUpperCase(), c]));
    const ofRole = new Set(role.criteria.map((c) => c.id.toUpperCase()));
    const computed = new Set(COMPUTED_HEADERS.map((h) => h.toLowerCase()));
    const columns = new Map<string, number>();
    const header = g.values[headerRow] ?? [];
    for (let col = 1; col < header.length; col++) {
      const value = header[col];
      if (isBlankValue(value)) continue;
      const name = text(value);
      const key = name.toUpperCase();
      const criterion = inScope.get(key);
      if (criterion) {
        const earlier = columns.get(criterion.id);
        if (earlier !== undefined) {
          this.problem(headerRow, col, "error", "criterion-column-duplicate", `Criterion ${criterion.id} has a second column; only column ${columnName(earlier)} is read. Delete one of them.`);
        } else {
          columns.set(criterion.id, col);
        }
      } else if (computed.has(name.toLowerCase())) {
        continue;
      } else if (ofRole.has(key)) {
        this.problem(headerRow, col, "warning", "criterion-out-of-scope", `Criterion ${name} is above the target level ${target.id}; its column is ignored.`);
      } else {
        this.problem(headerRow, col, "warning", "unknown-column", `Column ${columnName(col)} (${describeValue(value)}) is not a criterion of ${role.id}; it is ignored.`);
      }
    }
    const after = header.length;
    for (const criterion of inScope.values()) {
      if (!columns.has(criterion.id)) {
        this.problem(headerRow, after, "error", "criterion-column-missing", `The column for criterion ${criterion.id} is missing, so everyone's score for it counts as missing. Add a column headed ${criterion.id}.`);
      }
      if (criterion.priority === "unspecified") {
        const col = columns.get(criterion.id);
        this.problem(headerRow, col ?? 0, "warning", "unspecified-priority", `Criterion ${criterion.id} has no priority (essential or desirable) in ${framework.id}; it counts as essential.`);
      }
    }
    return columns;
  }

  private checkTable(framework: Framework, role: Role, target: Level, headerRow: number): void {
    const g = this.grid;
    const columns = this.readHeader(framework, role, target, headerRow);
    const criteria: [Criterion, number][] = role.criteria.filter((c) => columns.has(c.id)).map((c) => [c, columns.get(c.id) as number]);
    const targetIndex = levelIndex(framework, target.id);
    const seen = new Map<string, number>();
    const people: AssessmentSheet["people"] = [];
    let blankRun: number[] = [];

    for (let row = headerRow + 1; row < g.values.length; row++) {
      const nameValue = cellAt(g, row, 0);
      const hasScores = criteria.some(([, col]) => !isBlankValue(cellAt(g, row, col)));
      if (isBlankValue(nameValue) && !hasScores) {
        blankRun.push(row);
        continue;
      }
      for (const blank of blankRun) this.problem(blank, 0, "warning", "blank-row", `Row ${blank + 1} inside the table is empty; the rows below it are checked too.`);
      blankRun = [];
      if (isBlankValue(nameValue) || isErrorValue(nameValue) || typeof nameValue === "boolean") {
        this.problem(row, 0, "error", "employee-missing", `Row ${row + 1} has scores but no employee name${isBlankValue(nameValue) ? "" : ` (${describeValue(nameValue)})`}; the row is not checked. Type the person's name in column A.`);
        continue;
      }
      const employee = nameValue instanceof Date ? nameValue.toISOString().slice(0, 10) : String(nameValue).trim();
      const key = normaliseName(employee);
      const first = seen.get(key);
      if (first !== undefined) {
        this.problem(row, 0, "error", "employee-duplicate", `"${employee}" is also in row ${first + 1}; both rows are checked, but formulas that look a person up by name will not know which to use. Give each person one row.`);
      } else {
        seen.set(key, row);
      }
      if (g.hiddenRows.has(row)) this.problem(row, 0, "warning", "row-hidden", `Row ${row + 1} (${employee}) is hidden; it was checked anyway.`);

      const scores = new Map<string, ScoreClass>();
      for (const [criterion, col] of criteria) {
        const value = cellAt(g, row, col);
        const score = classifyScore(value, framework.scale);
        const formula = g.formulas.get(formulaKey(row, col));
        if (formula !== undefined) {
          this.problem(row, col, "warning", "score-formula", `The score for ${criterion.id} (${employee}) is a formula (=${formula}); ${value === null || value === undefined ? "its result is not stored in the file, so the score is read as blank" : `its result ${describeValue(value)} is used`}. Type the score itself.`);
        }
        if (score.kind === "invalid") {
          this.problem(row, col, "error", score.code, `Score for ${criterion.id} (${employee}): ${score.reason}. It counts as missing.`);
        }
        scores.set(criterion.id, score);
      }
      const { targetIndex: _target, attainedIndex, ...result } = evaluate(framework, role, scores, targetIndex);
      const cell = cellAddress(row, 0);
      people.push({ employee, cell, scores });
      this.people.push({
        sheet: g.name,
        cell,
        employee,
        framework: framework.id,
        role: role.id,
        targetLevel: target.id,
        attainedLevel: attainedIndex > 0 ? framework.levels[attainedIndex - 1].id : null,
        ...result,
      });
    }
    if (people.length === 0) {
      this.problem(headerRow + 1, 0, "warning", "no-people", "The table has no one in it yet. Type a name in column A and scores under the criteria.");
    }
    this.assessment = { sheet: g.name, framework, role, target, people };
  }
}

/**
 * Checks every assessment sheet among `grids`: finds each one's metadata and table by their
 * labels, classifies every score with the rules, and evaluates every person. Never throws on
 * what a sheet contains: whatever is wrong becomes a problem naming its sheet and cell.
 */
export function checkWorkbook(grids: SheetGrid[], catalog: FrameworkCatalog): CheckResult {
  const result: CheckResult = { assessmentSheets: [], sheets: [], people: [], problems: [] };
  for (const grid of grids) {
    const checker = new SheetChecker(grid, catalog);
    if (!checker.isAssessment()) continue;
    result.assessmentSheets.push(grid.name);
    checker.check();
    result.problems.push(...checker.problems);
    result.people.push(...checker.people);
    if (checker.assessment) result.sheets.push(checker.assessment);
  }
  return result;
}
