import type { AssessmentSheet } from "../core/check";
import { judgeSheet, readScoreTable } from "../core/check";
import type { Level } from "../core/framework";
import type { SheetGrid } from "../core/grid";
import { ASSESSMENT_LABELS } from "../core/layout/assessment-sheet";
import { findLevel, findRole, levelLabel, normaliseName } from "../core/lookup";
import type { Criterion, Framework, Role } from "../core/model";
import { levelIndex } from "../core/model";
import type { Evaluation, Scores } from "../core/rules";
import { evaluate } from "../core/rules";
import type { CellValue } from "../core/scores";
import type { Team } from "../core/team";
import { buildTeam, coverageFor } from "../core/team";

/**
 * The custom functions' logic, free of Office: arguments in, a value or a FunctionError out.
 * functions.ts only turns FunctionErrors into CustomFunctions.Error and wires the runtime.
 */
export class FunctionError extends Error {
  constructor(
    readonly kind: "notAvailable" | "invalidValue",
    message: string,
  ) {
    super(message);
  }
}

const notAvailable = (message: string) => new FunctionError("notAvailable", message);
const invalidValue = (message: string) => new FunctionError("invalidValue", message);

export interface PersonRecord {
  employee: string;
  sheet: string;
  framework: Framework;
  role: Role;
  target: Level;
  scores: Scores;
}

/** Where the two-argument form looks people up: the workbook's assessment sheets. */
export class AssessmentIndex {
  private readonly bySheet = new Map<string, AssessmentSheet>();
  /** People by normalised name, per sheet: a lookup must not scan 10,000 rows. */
  private readonly byName = new Map<string, Map<string, AssessmentSheet["people"]>>();
  /** Bumped on every change, so cached answers know when they are stale. */
  version = 0;

  constructor(sheets: AssessmentSheet[] = []) {
    this.replaceAll(sheets);
  }

  replaceAll(sheets: AssessmentSheet[]) {
    this.bySheet.clear();
    this.byName.clear();
    for (const s of sheets) this.replaceSheet(s.sheet, s);
    this.version++;
  }

  /** Replaces what is known of one sheet (or forgets it, when it is no longer an assessment sheet). */
  replaceSheet(name: string, sheet: AssessmentSheet | undefined) {
    this.bySheet.delete(name);
    this.byName.delete(name);
    if (sheet) {
      this.bySheet.set(name, sheet);
      const people = new Map<string, AssessmentSheet["people"]>();
      for (const p of sheet.people) {
        const key = normaliseName(p.employee);
        people.set(key, [...(people.get(key) ?? []), p]);
      }
      this.byName.set(name, people);
    }
    this.version++;
  }

  /** The assessment sheets for a role name, worked out once per name and index version: formulas ask again and again. */
  sheetsForRole(roleName: string): AssessmentSheet[] {
    if (this.roleCacheVersion !== this.version) {
      this.roleCache.clear();
      this.roleCacheVersion = this.version;
    }
    let sheets = this.roleCache.get(roleName);
    if (!sheets) {
      const { frameworkId, role } = splitRoleName(roleName);
      sheets = this.sheets().filter((s) => (!frameworkId || s.framework.id === frameworkId) && findRole(s.framework, role)?.id === s.role.id);
      this.roleCache.set(roleName, sheets);
    }
    return sheets;
  }

  private readonly roleCache = new Map<string, AssessmentSheet[]>();
  private roleCacheVersion = -1;

  peopleNamed(sheet: string, normalisedName: string): AssessmentSheet["people"] {
    return this.byName.get(sheet)?.get(normalisedName) ?? [];
  }

  sheets(): AssessmentSheet[] {
    return [...this.bySheet.values()];
  }
}

/** "framework-id/role" picks a role in one framework; a bare id or title is looked up everywhere. */
function splitRoleName(name: string): { frameworkId?: string; role: string } {
  const slash = name.indexOf("/");
  return slash > 0 ? { frameworkId: name.slice(0, slash).trim().toLowerCase(), role: name.slice(slash + 1) } : { role: name };
}

function requireText(value: unknown, what: string): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string" || value.trim() === "") throw invalidValue(`${what} is empty: give ${what === "employee" ? "the person's name as in an assessment sheet" : "a role id or title"}.`);
  return value.trim();
}

/** Roles matching a name across the given frameworks. */
export function rolesNamed(frameworks: Framework[], name: string): { framework: Framework; role: Role }[] {
  const { frameworkId, role } = splitRoleName(name);
  return frameworks
    .filter((f) => !frameworkId || f.id === frameworkId)
    .flatMap((framework) => {
      const found = findRole(framework, role);
      return found ? [{ framework, role: found }] : [];
    });
}

function resolveTarget(framework: Framework, level: unknown, fallback: Level): Level {
  if (level === undefined || level === null || level === "") return fallback;
  const found = findLevel(framework, String(level));
  if (!found) throw notAvailable(`Unknown level "${String(level)}" in ${framework.id}. Levels: ${framework.levels.map((l) => l.id).join(", ")}.`);
  return found;
}

/** Finds a person in the workbook's assessment sheets for the role. */
export function findPerson(index: AssessmentIndex, frameworks: Framework[], employeeArg: unknown, roleArg: unknown): PersonRecord {
  const employee = requireText(employeeArg, "employee");
  const roleName = requireText(roleArg, "role");
  const forRole = index.sheetsForRole(roleName);
  if (forRole.length === 0) {
    const sheets = index.sheets();
    if (rolesNamed(frameworks, roleName).length === 0) throw notAvailable(`Unknown role "${roleName}". Use a role id or title from a framework (hr-competency frameworks lists them).`);
    const searched = sheets.map((s) => s.sheet).join(", ") || "none";
    throw notAvailable(`No assessment sheet for role "${roleName}" in this workbook (assessment sheets: ${searched}). Create one from the task pane.`);
  }
  const wanted = normaliseName(employee);
  const hits = forRole.flatMap((s) => index.peopleNamed(s.sheet, wanted).map((p) => ({ s, p })));
  if (hits.length === 0) {
    throw notAvailable(`"${employee}" is not in the assessment sheets for ${roleName} (searched: ${forRole.map((s) => s.sheet).join(", ")}).`);
  }
  const sheetsHit = [...new Set(hits.map((h) => h.s.sheet))];
  if (hits.length > 1) {
    throw invalidValue(`"${employee}" is in more than one row for ${roleName} (${hits.map((h) => `${h.s.sheet}!${h.p.cell}`).join(" and ")}). Keep one row per person${sheetsHit.length > 1 ? ", or remove the older sheet" : ""}.`);
  }
  const [{ s, p }] = hits;
  return { employee: p.employee, sheet: s.sheet, framework: s.framework, role: s.role, target: s.target, scores: p.scores };
}

/**
 * Reads the explicit form's `scores` argument: an assessment table's range including its header
 * (Employee, then criterion ids). The framework is the one whose role has those criterion ids.
 */
export function personFromRange(frameworks: Framework[], employeeArg: unknown, roleArg: unknown, scores: unknown[][]): PersonRecord {
  const employee = requireText(employeeArg, "employee");
  const roleName = requireText(roleArg, "role");
  if (!Array.isArray(scores) || scores.length < 2 || !Array.isArray(scores[0])) {
    throw invalidValue("scores must be an assessment table's range including its header row (Employee, then the criterion ids).");
  }
  const header = scores[0].map((h) => (typeof h === "string" ? h.trim().toUpperCase() : ""));
  if (normaliseName(String(scores[0][0] ?? "")) !== normaliseName(ASSESSMENT_LABELS.employee)) {
    throw invalidValue(`scores must start with its header row: the first cell should be "${ASSESSMENT_LABELS.employee}", not "${String(scores[0][0] ?? "")}".`);
  }
  const candidates = rolesNamed(frameworks, roleName);
  if (candidates.length === 0) throw notAvailable(`Unknown role "${roleName}". Use a role id or title from a framework.`);
  const matching = candidates.filter(({ role }) => role.criteria.some((c) => header.includes(c.id.toUpperCase())));
  if (matching.length !== 1) {
    throw invalidValue(matching.length === 0 ? `None of the columns of scores is a criterion of ${roleName}.` : `"${roleName}" is a role in ${matching.map((m) => m.framework.id).join(" and ")}; write it as framework/role, e.g. "${matching[0].framework.id}/${matching[0].role.id}".`);
  }
  const [{ framework, role }] = matching;
  const columns = role.criteria.filter((c) => header.includes(c.id.toUpperCase()));
  const top = Math.max(...columns.map((c) => levelIndex(framework, c.level)));
  const grid: SheetGrid = { name: "scores", values: scores as CellValue[][], formulas: new Map(), hiddenRows: new Set(), protected: false };
  const { sheet } = readScoreTable(grid, { framework, role, target: framework.levels[top - 1], headerRow: 0 });
  const wanted = normaliseName(employee);
  const rows = sheet?.people.filter((p) => normaliseName(p.employee) === wanted) ?? [];
  if (rows.length === 0) throw notAvailable(`"${employee}" is not in the Employee column of scores.`);
  if (rows.length > 1) throw invalidValue(`"${employee}" is in more than one row of scores; keep one row per person.`);
  return { employee: rows[0].employee, sheet: "scores", framework, role, target: framework.levels[top - 1], scores: rows[0].scores };
}

export function evaluatePerson(person: PersonRecord, level?: unknown): { evaluation: Evaluation; target: Level } {
  const target = resolveTarget(person.framework, level, person.target);
  return { evaluation: evaluate(person.framework, person.role, person.scores, levelIndex(person.framework, target.id)), target };
}

export function levelGapOf(person: PersonRecord, level?: unknown): number {
  return evaluatePerson(person, level).evaluation.levelGap;
}

/** The attained level's name, or "" when not even the first level is reached. */
export function levelOf(person: PersonRecord): string {
  const { evaluation } = evaluatePerson(person);
  return evaluation.attainedIndex > 0 ? person.framework.levels[evaluation.attainedIndex - 1].name : "";
}

export function essentialsMetOf(person: PersonRecord, level?: unknown): boolean {
  return evaluatePerson(person, level).evaluation.essentialsMet;
}

export function readinessOf(person: PersonRecord, level?: unknown): number {
  return evaluatePerson(person, level).evaluation.readiness;
}

/** Unmet essential criteria as rows of [id, text]; one blank row when there are none (a spill cannot be empty). */
export function unmetOf(person: PersonRecord, level?: unknown): string[][] {
  const ids = evaluatePerson(person, level).evaluation.unmetEssential;
  const byId = new Map(person.role.criteria.map((c) => [c.id, c]));
  return ids.length === 0 ? [["", ""]] : ids.map((id) => [id, (byId.get(id) as Criterion).text]);
}

export const CRITERIA_TABLE_HEADER = ["ID", "Level", "Category", "Criterion", "Priority"];

/** The role's criteria as a table with a header row, optionally one level (cumulative: no) and one category. */
export function criteriaTable(frameworks: Framework[], roleArg: unknown, level?: unknown, category?: unknown): string[][] {
  const roleName = requireText(roleArg, "role");
  const candidates = rolesNamed(frameworks, roleName);
  if (candidates.length === 0) throw notAvailable(`Unknown role "${roleName}". Use a role id or title from a framework.`);
  if (candidates.length > 1) {
    throw invalidValue(`"${roleName}" is a role in ${candidates.map((c) => c.framework.id).join(" and ")}; write it as framework/role, e.g. "${candidates[0].framework.id}/${candidates[0].role.id}".`);
  }
  const [{ framework, role }] = candidates;
  const lvl = level === undefined || level === null || level === "" ? undefined : resolveTarget(framework, level, framework.levels[0]);
  const cat = category === undefined || category === null || category === "" ? undefined : normaliseName(String(category));
  const rows = role.criteria.filter((c) => (!lvl || c.level === lvl.id) && (!cat || normaliseName(c.category) === cat));
  if (rows.length === 0) throw notAvailable(`${role.title} has no criteria${lvl ? ` at level ${lvl.id}` : ""}${cat ? ` in category "${String(category)}"` : ""}.`);
  return [CRITERIA_TABLE_HEADER, ...rows.map((c) => [c.id, levelLabel(framework.levels[levelIndex(framework, c.level) - 1]), c.category, c.text, c.priority])];
}

/** What the team view calls the open workbook, as the source of every row. */
export const THIS_WORKBOOK = "this workbook";

/** The team of the index's sheets, built once per index version: every COVERAGE formula asks again after each change. */
const teams = new WeakMap<AssessmentIndex, { version: number; team: Team }>();

export function teamOf(index: AssessmentIndex): Team {
  const cached = teams.get(index);
  if (cached?.version === index.version) return cached.team;
  const sheets = index.sheets();
  const team = buildTeam([{ source: THIS_WORKBOOK, result: { assessmentSheets: sheets.map((s) => s.sheet), frameworkSheets: [], sheets, people: sheets.flatMap(judgeSheet), problems: [] } }]);
  teams.set(index, { version: index.version, team });
  return team;
}

/** An optional text argument: absent (undefined, null or blank) or its text; a TRUE, FALSE or a range is a bad argument. */
function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") throw invalidValue(`${what} must be text, such as ${what === "criterion" ? '"LA-A-K01"' : '"B"'}, not ${Array.isArray(value) ? "a range" : String(value).toUpperCase()}.`);
  return value.trim() === "" ? undefined : value.trim();
}

/**
 * HR.COVERAGE: the share (0 to 1) of the people assessed for a role in the workbook's assessment
 * sheets who meet the criterion, or, without one, who meet every essential up to the level
 * (default: the highest target level of the role's sheets). A person in two rows counts once,
 * from the first sheet, as in the team view. Asking for both a criterion and a level is a bad
 * argument: a criterion's coverage does not depend on a level. No one assessed is #N/A, never
 * a made-up 0.
 */
export function coverageOf(index: AssessmentIndex, frameworks: Framework[], roleArg: unknown, criterionArg?: unknown, levelArg?: unknown): number {
  const roleName = requireText(roleArg, "role");
  const criterion = optionalText(criterionArg, "criterion");
  const level = optionalText(levelArg, "level");
  if (criterion !== undefined && level !== undefined) {
    throw invalidValue(`Give a criterion or a level, not both: the coverage of ${criterion} is the same at every level. Leave level empty, or leave criterion empty for the essentials up to ${level}.`);
  }
  const forRole = new Set(index.sheetsForRole(roleName).map((s) => s.sheet));
  if (forRole.size === 0) {
    const assessed = [...new Set(index.sheets().map((s) => `${s.role.id} (${s.framework.id})`))];
    if (rolesNamed(frameworks, roleName).length === 0) {
      throw notAvailable(`Unknown role "${roleName}". ${assessed.length ? `Roles with assessment sheets in this workbook: ${assessed.join(", ")}.` : "Use a role id or title from a framework (hr-competency frameworks lists them)."}`);
    }
    throw notAvailable(`No one assessed yet for "${roleName}": this workbook has no assessment sheet for it${assessed.length ? ` (roles assessed: ${assessed.join(", ")})` : ""}. Create one from the task pane.`);
  }
  const groups = teamOf(index).groups.filter((g) => g.sheets.some((s) => forRole.has(s.sheet)));
  if (groups.length > 1) {
    const frameworkIds = [...new Set(groups.map((g) => g.framework.id))];
    throw invalidValue(
      frameworkIds.length > 1
        ? `"${roleName}" is assessed in ${frameworkIds.join(" and ")}; write it as framework/role, e.g. "${frameworkIds[0]}/${groups[0].role.id}".`
        : `The sheets for "${roleName}" use different versions of ${frameworkIds[0]} (${groups.map((g) => g.sheets.map((s) => s.sheet).join(", ")).join(" versus ")}); their people cannot be counted together. Check them against one version.`,
    );
  }
  const [group] = groups;
  if (group.members.length === 0) throw notAvailable(`No one assessed yet for ${group.role.id}: ${group.sheets.map((s) => s.sheet).join(", ")} has no one in its Employee column.`);
  const answer = coverageFor(group, { criterion, level });
  if (!answer.ok) throw notAvailable(answer.message);
  if (answer.share === null) {
    throw notAvailable(
      criterion !== undefined
        ? `No one assessed yet on ${criterion}: every score for it in ${group.sheets.map((s) => s.sheet).join(", ")} is blank or not a score.`
        : `No one assessed yet up to level ${level ?? group.targets[group.targets.length - 1].id}: the target levels of ${group.role.id}'s sheets are ${group.targets.map((t) => t.id).join(", ")}.`,
    );
  }
  return answer.share;
}
