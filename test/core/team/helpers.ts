import type { CheckResult, PersonResult, Problem } from "../../../src/core/check";
import type { Level } from "../../../src/core/framework";
import type { Framework, Role } from "../../../src/core/model";
import { levelIndex } from "../../../src/core/model";
import type { Scores } from "../../../src/core/rules";
import { evaluate } from "../../../src/core/rules";

export interface SheetSpec {
  sheet: string;
  framework: Framework;
  role: Role;
  target: Level;
  people: { employee: string; scores: Scores }[];
}

/** The first person's row on an assessment sheet made by the template (A12), then one row each. */
export const rowCell = (i: number) => `A${12 + i}`;

/**
 * A check result as the check makes one, for sheets given as data: each person evaluated by the
 * rules at the sheet's target, levels by id. Keeps the team tests apart from reading grids.
 */
export function checkResultOf(sheets: SheetSpec[], problems: Problem[] = []): CheckResult {
  const people: PersonResult[] = sheets.flatMap((s) =>
    s.people.map((p, i) => {
      const { targetIndex: _target, attainedIndex, ...result } = evaluate(s.framework, s.role, p.scores, levelIndex(s.framework, s.target.id));
      return {
        sheet: s.sheet,
        cell: rowCell(i),
        employee: p.employee,
        framework: s.framework.id,
        role: s.role.id,
        targetLevel: s.target.id,
        attainedLevel: attainedIndex > 0 ? s.framework.levels[attainedIndex - 1].id : null,
        ...result,
      };
    }),
  );
  return {
    assessmentSheets: sheets.map((s) => s.sheet),
    frameworkSheets: [],
    sheets: sheets.map((s) => ({ sheet: s.sheet, framework: s.framework, role: s.role, target: s.target, people: s.people.map((p, i) => ({ employee: p.employee, cell: rowCell(i), scores: p.scores })) })),
    people,
    problems,
  };
}
