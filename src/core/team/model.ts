import type { AssessmentSheet, CheckResult, PersonResult, Problem } from "../check";
import type { Level } from "../framework";
import { normaliseName } from "../lookup";
import type { Framework, Role } from "../model";
import { levelIndex } from "../model";
import type { Scores } from "../rules";

/** One checked workbook (or any set of checked sheets) handed to the team view. */
export interface TeamSource {
  /** The file path, or a label such as "open workbook": shown beside every row and problem from it. */
  source: string;
  result: CheckResult;
}

export interface SheetPlace {
  source: string;
  sheet: string;
}

/** Where a person's row came from. */
export interface RowPlace extends SheetPlace {
  /** A1 address of the person's Employee cell. */
  cell: string;
}

/** A problem of the team view: the check's own problems carry their source; a duplicate also names the other row. */
export interface TeamProblem extends Problem {
  source: string;
  /** For a duplicate: the row that is used in the figures (this problem points at the row left out). */
  kept?: RowPlace;
}

export interface TeamMember {
  employee: string;
  place: RowPlace;
  /** The target level of the sheet the row is on, and its 1-based index. */
  target: Level;
  targetIndex: number;
  /** 1-based attained level, 0 when not even the first; never above the target (a sheet scores criteria up to its target only). */
  attainedIndex: number;
  scores: Scores;
  /** The check's evaluation of the row, at the sheet's target. */
  result: PersonResult;
}

/** Everyone assessed for one role of one framework, each person once. */
export interface TeamGroup {
  framework: Framework;
  role: Role;
  /** The target levels of the group's sheets, lowest first: the criteria shown go up to the highest. */
  targets: Level[];
  /** The rows counted in the figures, in the order read (sources, then sheets, then rows). */
  members: TeamMember[];
  /** The sheets the group's rows came from, in the order read. */
  sheets: SheetPlace[];
}

export interface Team {
  groups: TeamGroup[];
  problems: TeamProblem[];
}

/** Same framework id and role id, but criteria or scale that differ (an edited copy of a framework): kept apart. */
function roleSignature(framework: Framework, role: Role): string {
  return JSON.stringify([framework.scale.min, framework.scale.max, framework.scale.meets, framework.levels.map((l) => l.id), role.criteria.map((c) => [c.id, c.level, c.priority])]);
}

const describePlace = (p: RowPlace) => `${p.source}, sheet "${p.sheet}", cell ${p.cell}`;

/**
 * The team view's model, from many checked workbooks. People are grouped by framework and role
 * (a sheet's target level only decides which criteria it scores). The same person (names compared
 * as the check does: case and spacing ignored) twice for one framework and role is a duplicate:
 * the first row read counts, in the order the sources are given, and every later row is an error
 * problem naming both places and is left out of every figure. Keeping the first rather than
 * neither keeps the person in the picture (bench strength would otherwise lose them without a
 * trace) while the problem says exactly which row was used; callers give sources in a stable
 * order (collect sorts file paths) so the choice is repeatable.
 * A role whose framework differs between sources (same ids, other criteria or scale) forms a
 * separate group, with a warning, so scores are never counted against the wrong criteria.
 * Every problem of every source is carried through with its source.
 */
export function buildTeam(sources: TeamSource[]): Team {
  const groups = new Map<string, TeamGroup>();
  const firstSignature = new Map<string, { signature: string; place: SheetPlace }>();
  const seen = new Map<string, RowPlace>();
  const problems: TeamProblem[] = [];

  for (const { source, result } of sources) {
    problems.push(...result.problems.map((p) => ({ ...p, source })));
    if (result.assessmentSheets.length === 0) {
      problems.push({ source, sheet: "", cell: "", severity: "warning", code: "no-assessment-sheet", message: `${source} has no assessment sheet; nothing from it is in the team view.` });
    }
    const results = new Map(result.people.map((p) => [`${p.sheet}\u0000${p.cell}`, p]));
    for (const sheet of result.sheets) {
      const group = groupFor(groups, firstSignature, problems, source, sheet);
      for (const person of sheet.people) {
        const place: RowPlace = { source, sheet: sheet.sheet, cell: person.cell };
        const personResult = results.get(`${sheet.sheet}\u0000${person.cell}`);
        if (!personResult) throw new Error(`The check result of ${source} has no result for ${describePlace(place)}: the check result is inconsistent.`);
        const key = `${sheet.framework.id}\u0000${sheet.role.id}\u0000${normaliseName(person.employee)}`;
        const kept = seen.get(key);
        if (kept) {
          problems.push({
            source,
            sheet: sheet.sheet,
            cell: person.cell,
            severity: "error",
            code: "person-duplicate",
            message: `"${person.employee}" is assessed for ${sheet.role.id} (${sheet.framework.id}) twice: here and in ${describePlace(kept)}. Only that first row counts in the team view; this one is left out. Keep one row per person and role.`,
            kept,
          });
          continue;
        }
        seen.set(key, place);
        group.members.push({
          employee: person.employee,
          place,
          target: sheet.target,
          targetIndex: levelIndex(sheet.framework, sheet.target.id),
          attainedIndex: personResult.attainedLevel === null ? 0 : levelIndex(sheet.framework, personResult.attainedLevel),
          scores: person.scores,
          result: personResult,
        });
      }
    }
  }
  return { groups: [...groups.values()], problems };
}

function groupFor(groups: Map<string, TeamGroup>, firstSignature: Map<string, { signature: string; place: SheetPlace }>, problems: TeamProblem[], source: string, sheet: AssessmentSheet): TeamGroup {
  const { framework, role, target } = sheet;
  const roleKey = `${framework.id}\u0000${role.id}`;
  const signature = roleSignature(framework, role);
  const place: SheetPlace = { source, sheet: sheet.sheet };
  const first = firstSignature.get(roleKey);
  if (!first) firstSignature.set(roleKey, { signature, place });
  else if (first.signature !== signature && !groups.has(`${roleKey}\u0000${signature}`)) {
    problems.push({
      source,
      sheet: sheet.sheet,
      cell: "A1",
      severity: "warning",
      code: "framework-differs",
      message: `Framework ${framework.id} (role ${role.id}) here has other criteria, levels or scale than in ${first.place.source}, sheet "${first.place.sheet}"; its people are shown in a team view of their own. Check both workbooks against the same framework version to see them together.`,
    });
  }
  const key = `${roleKey}\u0000${signature}`;
  let group = groups.get(key);
  if (!group) {
    group = { framework, role, targets: [], members: [], sheets: [] };
    groups.set(key, group);
  }
  if (!group.targets.some((l) => l.id === target.id)) {
    group.targets.push(target);
    group.targets.sort((a, b) => levelIndex(framework, a.id) - levelIndex(framework, b.id));
  }
  group.sheets.push(place);
  return group;
}
