import type { CellValue } from "../../../src/core/scores";
import { benchStrength, buildTeam, coverageFor, criterionCoverage, essentialsCoverage, heatmap, levelDistribution, summariseTeam } from "../../../src/core/team";
import { scoresOf, threeLevels } from "../../helpers/fixtures";
import { checkResultOf } from "./helpers";

/*
 * A small team worked out by hand. Framework: levels A, B, C; per level two essentials (x1, x2)
 * and one desirable (x3); meets = 2.
 *
 *   a.xlsx, sheet S1, target C        b.xlsx, sheet S2, target B
 *         A1 A2 A3 B1 B2 B3 C1 C2 C3          A1 A2 A3 B1 B2 B3
 *   Ann    3  3  3  3  3  3  3  3  .    ann    0  0  0  0  0  0   (Ann again: a duplicate)
 *   Bob    3  2  0  1  3  4  .  .  .    Dee    2  2  1  2  .  2
 *   Cy     0  x  .  2  2  .  2  2  x
 *
 * (. blank, x invalid). Attained: Ann C (gap 0), Bob A (B1 unmet, gap 2), Cy none (A1 unmet,
 * gap 3), Dee A (B2 missing, gap 1).
 */
const framework = threeLevels;
const role = framework.roles[0];
const [A, B, C] = framework.levels;
const ids = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"];
const row = (...values: CellValue[]) => scoresOf(framework, Object.fromEntries(values.map((v, i) => [ids[i], v])));
const _ = null;

const scoreProblem = { sheet: "S1", cell: "C14", severity: "error" as const, code: "score-text", message: 'Score for A2 (Cy): "x" is not a score.' };
const team = buildTeam([
  {
    source: "a.xlsx",
    result: checkResultOf(
      [
        {
          sheet: "S1",
          framework,
          role,
          target: C,
          people: [
            { employee: "Ann", scores: row(3, 3, 3, 3, 3, 3, 3, 3, _) },
            { employee: "Bob", scores: row(3, 2, 0, 1, 3, 4, _, _, _) },
            { employee: "Cy", scores: row(0, "x", _, 2, 2, _, 2, 2, "x") },
          ],
        },
      ],
      [scoreProblem],
    ),
  },
  {
    source: "b.xlsx",
    result: checkResultOf([
      {
        sheet: "S2",
        framework,
        role,
        target: B,
        people: [
          { employee: " ann", scores: row(0, 0, 0, 0, 0, 0) },
          { employee: "Dee", scores: row(2, 2, 1, 2, _, 2) },
        ],
      },
    ]),
  },
  { source: "empty.xlsx", result: { assessmentSheets: [], frameworkSheets: [], sheets: [], people: [], problems: [] } },
]);
const group = team.groups[0];

describe("a small team, computed by hand", () => {
  it("has one group with each person once, the first Ann kept", () => {
    expect(team.groups).toHaveLength(1);
    expect(group.members.map((m) => [m.employee, m.place.source, m.place.sheet, m.place.cell, m.target.id, m.attainedIndex])).toEqual([
      ["Ann", "a.xlsx", "S1", "A12", "C", 3],
      ["Bob", "a.xlsx", "S1", "A13", "C", 1],
      ["Cy", "a.xlsx", "S1", "A14", "C", 0],
      ["Dee", "b.xlsx", "S2", "A13", "B", 1],
    ]);
    expect(group.targets.map((t) => t.id)).toEqual(["B", "C"]);
  });

  it("reports the duplicate with both places, carries the sources' problems, and names the file with no assessment sheet", () => {
    expect(team.problems).toEqual([
      { ...scoreProblem, source: "a.xlsx" },
      expect.objectContaining({ source: "b.xlsx", sheet: "S2", cell: "A12", severity: "error", code: "person-duplicate", kept: { source: "a.xlsx", sheet: "S1", cell: "A12" } }),
      expect.objectContaining({ source: "empty.xlsx", severity: "warning", code: "no-assessment-sheet" }),
    ]);
    const duplicate = team.problems[1].message;
    expect(duplicate).toContain("a.xlsx");
    expect(duplicate).toContain("S1");
    expect(duplicate).toContain("A12");
  });

  it("gives each criterion's coverage: met / assessed, missing among those in scope", () => {
    expect(criterionCoverage(group).map((c) => [c.criterion.id, c.inScope, c.assessed, c.met, c.missing, c.share])).toEqual([
      ["A1", 4, 4, 3, 0, 0.75],
      ["A2", 4, 3, 3, 1, 1],
      ["A3", 4, 3, 1, 1, 1 / 3],
      ["B1", 4, 4, 3, 0, 0.75],
      ["B2", 4, 3, 3, 1, 1],
      ["B3", 4, 3, 3, 1, 1],
      ["C1", 3, 2, 2, 1, 1],
      ["C2", 3, 2, 2, 1, 1],
      ["C3", 3, 0, 0, 3, null],
    ]);
  });

  it("gives the coverage of the essentials up to each level", () => {
    expect(essentialsCoverage(group).map((e) => [e.level.id, e.assessed, e.met, e.share])).toEqual([
      ["A", 4, 3, 0.75],
      ["B", 4, 1, 0.25],
      ["C", 3, 1, 1 / 3],
    ]);
  });

  it("counts attained levels, none included", () => {
    expect(levelDistribution(group).map((d) => [d.level?.id ?? "none", d.count])).toEqual([
      ["none", 1],
      ["A", 2],
      ["B", 0],
      ["C", 1],
    ]);
  });

  it("gives bench strength per level, in heat map order", () => {
    const names = (list: { employee: string }[]) => list.map((m) => m.employee);
    expect(benchStrength(group).map((b) => [b.level.id, b.assessed, names(b.readyNow), names(b.oneAway)])).toEqual([
      ["A", 4, ["Ann", "Dee", "Bob"], ["Cy"]],
      ["B", 4, ["Ann"], ["Dee", "Bob"]],
      ["C", 3, ["Ann"], []],
    ]);
  });

  it("lays out the heat map by level gap, then name, with what each cell holds", () => {
    const map = heatmap(group);
    expect(map.criteria.map((c) => c.id)).toEqual(ids);
    expect(map.rows.map((r) => r.member.employee)).toEqual(["Ann", "Dee", "Bob", "Cy"]);
    const show = (cell: (typeof map.rows)[number]["cells"][number]) => (cell.kind === "valid" ? `${cell.value}${cell.met ? "" : cell.essential ? "!" : "-"}` : cell.kind);
    expect(map.rows.map((r) => r.cells.map(show))).toEqual([
      ["3", "3", "3", "3", "3", "3", "3", "3", "blank"],
      ["2", "2", "1-", "2", "blank", "2", "not-assessed", "not-assessed", "not-assessed"],
      ["3", "2", "0-", "1!", "3", "4", "blank", "blank", "blank"],
      ["0!", "invalid", "blank", "2", "2", "blank", "2", "2", "invalid"],
    ]);
  });
});

describe("coverageFor, as HR.COVERAGE(role, [criterion], [level]) asks", () => {
  it("answers for a criterion, for the essentials up to a level, and by default up to the highest target", () => {
    expect(coverageFor(group, { criterion: "a3" })).toEqual({ ok: true, share: 1 / 3, assessed: 3, met: 1 });
    expect(coverageFor(group, { criterion: "C3" })).toEqual({ ok: true, share: null, assessed: 0, met: 0 });
    expect(coverageFor(group, { level: "Practising" })).toEqual({ ok: true, share: 0.25, assessed: 4, met: 1 });
    expect(coverageFor(group)).toEqual({ ok: true, share: 1 / 3, assessed: 3, met: 1 });
  });

  it("says which criteria or levels there are when asked for an unknown one", () => {
    expect(coverageFor(group, { criterion: "Z9" })).toEqual({ ok: false, message: expect.stringContaining("A1, A2, A3, B1, B2, B3, C1, C2, C3") });
    expect(coverageFor(group, { level: "D" })).toEqual({ ok: false, message: expect.stringContaining("A (Developing), B (Practising), C (Accomplished)") });
  });
});

describe("summariseTeam", () => {
  it("gives the figures as plain data, levels by id, people in heat map order", () => {
    const [summary] = summariseTeam(team).groups;
    expect(summary.people.map((p) => [p.employee, p.source, p.cell, p.targetLevel, p.attainedLevel, p.levelGap])).toEqual([
      ["Ann", "a.xlsx", "A12", "C", "C", 0],
      ["Dee", "b.xlsx", "A13", "B", "A", 1],
      ["Bob", "a.xlsx", "A13", "C", "A", 2],
      ["Cy", "a.xlsx", "A14", "C", null, 3],
    ]);
    expect(summary.distribution).toEqual([
      { level: null, count: 1 },
      { level: "A", count: 2 },
      { level: "B", count: 0 },
      { level: "C", count: 1 },
    ]);
    expect(summary.bench[1]).toEqual({ level: "B", assessed: 4, readyNow: ["Ann"], oneLevelAway: ["Dee", "Bob"] });
    expect(summary.coverage[2]).toEqual({ criterion: "A3", level: "A", priority: "desirable", inScope: 4, assessed: 3, met: 1, missing: 1, share: 1 / 3 });
    expect(JSON.parse(JSON.stringify(summariseTeam(team)))).toEqual(summariseTeam(team));
  });
});

describe("buildTeam", () => {
  it("keeps a role whose framework differs between sources apart, with a warning naming the first place", () => {
    const edited = { ...framework, roles: [{ ...role, criteria: role.criteria.map((c) => (c.id === "A3" ? { ...c, priority: "essential" as const } : c)) }] };
    const people = [{ employee: "Eve", scores: row(2, 2, 2) }];
    const split = buildTeam([
      { source: "one.xlsx", result: checkResultOf([{ sheet: "S", framework, role, target: A, people }]) },
      { source: "two.xlsx", result: checkResultOf([{ sheet: "T", framework: edited, role: edited.roles[0], target: A, people: [{ employee: "Flo", scores: row(2, 2, 2) }] }]) },
    ]);
    expect(split.groups.map((g) => g.members.map((m) => m.employee))).toEqual([["Eve"], ["Flo"]]);
    expect(split.problems).toEqual([expect.objectContaining({ source: "two.xlsx", sheet: "T", code: "framework-differs", severity: "warning" })]);
    expect(split.problems[0].message).toContain('one.xlsx, sheet "S"');
  });

  it("treats the same name for another role as another person", () => {
    const other = { ...role, id: "other", title: "Other" };
    const two = buildTeam([
      {
        source: "a.xlsx",
        result: checkResultOf([
          { sheet: "S", framework, role, target: A, people: [{ employee: "Eve", scores: row(2, 2) }] },
          { sheet: "T", framework, role: other, target: A, people: [{ employee: "Eve", scores: row(0, 0) }] },
        ]),
      },
    ]);
    expect(two.groups.map((g) => [g.role.id, g.members.length])).toEqual([
      ["assistant", 1],
      ["other", 1],
    ]);
    expect(two.problems).toEqual([]);
  });
});
