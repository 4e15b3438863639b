import path from "node:path";
import fc from "fast-check";
import type { Person } from "../../src/core/layout/assessment-sheet";
import { NO_LEVEL, planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { HEATMAP_HEADERS } from "../../src/core/layout/team-heatmap";
import { BENCH_HEADERS, COVERAGE_HEADERS, DISTRIBUTION_HEADERS, ESSENTIALS_HEADERS } from "../../src/core/layout/team-summary";
import { planTeamSheets } from "../../src/core/layout/team-sheets";
import { levelLabel } from "../../src/core/lookup";
import type { Scalar } from "../../src/core/layout/plan";
import type { Team, TeamGroup } from "../../src/core/team";
import { benchStrength, buildTeam, criterionCoverage, essentialsCoverage, heatmap, levelDistribution } from "../../src/core/team";
import { checkFile } from "../../src/xlsx/check-file";
import { createWorkbookFile } from "../../src/xlsx/workbook";
import { describeNeeding, sheetsAsCsv } from "../helpers/other-programs";
import { builtIn, tempDir } from "../helpers/workbooks";

/**
 * The team sheets' native formulas, computed by a real spreadsheet program: LibreOffice opens the
 * team workbook (the file carries no cached results), computes every formula and exports each
 * sheet to CSV; the numbers must equal the engine's figures, person by person and criterion by
 * criterion. Same approach as libreoffice.test.ts.
 */
const describeWithSoffice = describeNeeding("soffice");

jest.setTimeout(180_000);
const dir = tempDir("hr-team-lo-");

/** The rows of the table whose header row starts with `headers`, as objects by header. */
function table(rows: string[][], headers: readonly string[]): Record<string, string>[] {
  const top = rows.findIndex((r) => headers.every((h, i) => r[i] === h));
  if (top < 0) throw new Error(`No table headed ${headers.join(", ")}`);
  const header = rows[top];
  const out: Record<string, string>[] = [];
  for (const row of rows.slice(top + 1)) {
    if (row.every((v) => v === "")) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, row[i]])));
  }
  return out;
}

/** Shares to 12 decimals: LibreOffice writes 15 significant digits. A share of no one is a blank cell. */
const round = (n: number) => Number(n.toFixed(12));
const shareText = (share: number | null) => (share === null ? "" : round(share));
/** LibreOffice's CSV keeps the percent format ("82.7586206896552%") even when it writes raw values. */
const asNumberOrBlank = (text: string) => (text === "" ? "" : round(text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text)));
const levelName = (group: TeamGroup, index: number) => (index === 0 ? NO_LEVEL : levelLabel(group.framework.levels[index - 1]));

/** Random scores for a role's criteria: mostly valid, with blanks and invalid values among them. */
function randomPeople(names: string[], criteriaIds: string[], seed: number): Person[] {
  const odd = fc.constantFrom<Scalar>(null, "x", "3", 2.5, 7, -1, " ");
  const kinds = [
    fc.integer({ min: 2, max: 4 }),
    fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) }, { weight: 1, arbitrary: odd }),
    fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: odd }),
  ] as fc.Arbitrary<Scalar>[];
  return names.map((name, i) => {
    const values = fc.sample(fc.array(kinds[i % kinds.length], { minLength: criteriaIds.length, maxLength: criteriaIds.length }), { numRuns: 1, seed: seed + i })[0];
    return { name, scores: Object.fromEntries(criteriaIds.map((id, j) => [id, values[j]])) };
  });
}

async function assessmentFile(file: string, sheets: { framework: string; role: string; level: string; people: string[] }[], seed: number): Promise<string> {
  const plans = sheets.map((s, i) => {
    const { framework, role, level } = builtIn(s.framework, s.role, s.level);
    return planAssessmentSheet(framework, role, level, randomPeople(s.people, role.criteria.map((c) => c.id), seed + 100 * i), `Assess${i}`);
  });
  const out = path.join(dir, file);
  await createWorkbookFile(out, plans);
  return out;
}

function compareGroup(group: TeamGroup, plans: ReturnType<typeof planTeamSheets>, csv: Map<string, string[][]>) {
  const [heatmapPlan, coveragePlan, levelsPlan, benchPlan] = plans;
  const sheet = (name: string) => csv.get(name) ?? fail(`LibreOffice exported no sheet ${name}; it has ${[...csv.keys()].join(", ")}`);

  // Person by person: the heatmap's attained level and gap, in the engine's order.
  const people = table(sheet(heatmapPlan.name), HEATMAP_HEADERS);
  const map = heatmap(group);
  expect(people.map((p) => [p.Employee, p["Attained level"], Number(p["Level gap"]), p.Source, p.Sheet])).toEqual(
    map.rows.map(({ member }) => [member.employee, levelName(group, member.attainedIndex), member.result.levelGap, member.place.source, member.place.sheet]),
  );

  // Criterion by criterion: share meeting, missing, met, assessed.
  const coverage = table(sheet(coveragePlan.name), COVERAGE_HEADERS);
  const computed = coverage.map((c) => [c.ID, asNumberOrBlank(c["Share meeting"]), Number(c.Missing), Number(c.Met), Number(c.Assessed)]);
  const expected = criterionCoverage(group).map((c) => [c.criterion.id, shareText(c.share), c.missing, c.met, c.assessed]);
  expect(computed).toEqual(expected);

  const levels = sheet(levelsPlan.name);
  // The table, then its "Everyone" line right below it.
  const distribution = table(levels, DISTRIBUTION_HEADERS).map((d) => [d["Attained level"], Number(d.People)]);
  expect(distribution).toEqual([...levelDistribution(group).map((d) => [d.level ? levelLabel(d.level) : NO_LEVEL, d.count]), ["Everyone", group.members.length]]);
  expect(table(levels, ESSENTIALS_HEADERS).map((e) => [e.Level, Number(e["Assessed at this level"]), Number(e["Meet every essential"]), asNumberOrBlank(e["Share meeting"])])).toEqual(
    essentialsCoverage(group).map((e) => [levelLabel(e.level), e.assessed, e.met, shareText(e.share)]),
  );

  const names = (list: { employee: string }[]) => list.map((m) => m.employee).join(", ");
  expect(table(sheet(benchPlan.name), BENCH_HEADERS).map((b) => [b.Level, Number(b["Assessed at this level"]), Number(b["Ready now"]), Number(b["One level away"]), b["Ready now: who"], b["One level away: who"]])).toEqual(
    benchStrength(group).map((b) => [levelLabel(b.level), b.assessed, b.readyNow.length, b.oneAway.length, names(b.readyNow), names(b.oneAway)]),
  );
}

function fail(message: string): never {
  throw new Error(message);
}

describeWithSoffice("LibreOffice computes the team sheets' formulas exactly as the engine does", () => {
  let team: Team;
  let plans: ReturnType<typeof planTeamSheets>;
  let csv: Map<string, string[][]>;

  beforeAll(async () => {
    const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
    const a = await assessmentFile(
      "north.xlsx",
      [
        { framework: "medway-libraries-2024", role: "library-manager", level: "C", people: ["=Bob", "+Ann", "Ann Lee", ...names("North", 14)] },
        { framework: "stockport-library-assistant", role: "library-assistant", level: "all", people: names("Desk", 9) },
      ],
      20261122,
    );
    // A second manager assessed at B, with Ann Lee again (spelt differently): a duplicate, counted once.
    const b = await assessmentFile("south.xlsx", [{ framework: "medway-libraries-2024", role: "library-manager", level: "B", people: ["ann  LEE", "-Cy", ...names("South", 11)] }], 20261123);
    team = buildTeam([
      { source: a, result: await checkFile(a) },
      { source: b, result: await checkFile(b) },
    ]);
    plans = planTeamSheets(team, { sheets: [], tables: [] });
    const file = path.join(dir, "team.xlsx");
    expect(await createWorkbookFile(file, plans)).toEqual(plans.map((plan) => plan.name));
    csv = sheetsAsCsv(file);
  });

  it("has the scenario it means to test: two groups, mixed targets, one duplicate, varied outcomes", () => {
    expect(team.groups.map((g) => [g.role.id, g.members.length, g.targets.map((t) => t.id)])).toEqual([
      ["library-manager", 17 + 13 - 1, ["B", "C"]],
      ["library-assistant", 9, ["all"]],
    ]);
    expect(team.problems.filter((p) => p.code === "person-duplicate").map((p) => [p.sheet, p.cell, p.kept?.cell])).toEqual([["Assess Library Manager (B)", "A12", "A14"]]);
    const manager = team.groups[0];
    expect(new Set(manager.members.map((m) => m.attainedIndex)).size).toBeGreaterThan(2);
    expect(criterionCoverage(manager).some((c) => c.missing > 0)).toBe(true);
    expect(benchStrength(manager).some((b) => b.oneAway.length > 0 && b.readyNow.length > 0)).toBe(true);
  });

  it("for the role assessed at two targets, with a duplicate", () => {
    compareGroup(team.groups[0], plans.slice(0, 4), csv);
  });

  it("for a framework with one implicit level", () => {
    compareGroup(team.groups[1], plans.slice(4, 8), csv);
  });

  it("keeps formula-like names as text", () => {
    const people = table(csv.get(plans[0].name)!, HEATMAP_HEADERS).map((p) => p.Employee);
    for (const name of ["=Bob", "+Ann", "-Cy"]) expect(people).toContain(name);
  });
});
