import fc from "fast-check";
import { normaliseName } from "../../../src/core/lookup";
import type { Framework } from "../../../src/core/model";
import { levelIndex } from "../../../src/core/model";
import { evaluate } from "../../../src/core/rules";
import type { CellValue, ScoreClass } from "../../../src/core/scores";
import type { TeamGroup, TeamSource } from "../../../src/core/team";
import { benchStrength, buildTeam, criterionCoverage, essentialsCoverage, heatmap, levelDistribution } from "../../../src/core/team";
import { randomCellArb, randomFrameworkArb, SCORE_MAX as MAX, scoresOf } from "../../helpers/fixtures";
import type { SheetSpec } from "./helpers";
import { checkResultOf, rowCell } from "./helpers";

const RUNS = 300;

const frameworkArb = randomFrameworkArb(3, 8);
const cellArb = randomCellArb;

/** A few names, some the same person spelt differently, so duplicates are common. */
const NAMES = ["Ann", "ann", " ANN ", "Bob", "bob  ", "Cy", "Dee", "Eve Lee", "eve  lee", "Fay"];

interface RowInput {
  name: string;
  cells: CellValue[];
}
interface SheetInput {
  target: number;
  people: RowInput[];
}

const teamArb = frameworkArb.chain((framework) => {
  const n = framework.roles[0].criteria.length;
  const rowArb = fc.record({ name: fc.constantFrom(...NAMES), cells: fc.array(cellArb, { minLength: n, maxLength: n }) });
  const sheetArb = fc.record({ target: fc.integer({ min: 1, max: framework.levels.length }), people: fc.array(rowArb, { maxLength: 6 }) });
  return fc.record({ framework: fc.constant(framework), sources: fc.array(fc.array(sheetArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }) });
});

/** The check reads only the columns up to the sheet's target: scores above it are never there. */
function sheetSpec(framework: Framework, sheet: string, input: SheetInput): SheetSpec {
  const role = framework.roles[0];
  const inScope = role.criteria.filter((c) => levelIndex(framework, c.level) <= input.target);
  return {
    sheet,
    framework,
    role,
    target: framework.levels[input.target - 1],
    people: input.people.map((p) => ({ employee: p.name, scores: scoresOf(framework, Object.fromEntries(inScope.map((c) => [c.id, p.cells[role.criteria.indexOf(c)]]))) })),
  };
}

function sourcesOf(framework: Framework, sources: SheetInput[][]): TeamSource[] {
  return sources.map((sheets, i) => ({ source: `file${i + 1}.xlsx`, result: checkResultOf(sheets.map((s, j) => sheetSpec(framework, `Sheet ${j + 1}`, s))) }));
}

function onlyGroup(framework: Framework, sources: SheetInput[][]): TeamGroup {
  const team = buildTeam(sourcesOf(framework, sources));
  expect(team.groups).toHaveLength(1);
  return team.groups[0];
}

/** Each share must not go down from `before` to `after` (a share of no one, null, may become anything). */
function neverLower(before: Map<string, number | null>, after: Map<string, number | null>) {
  for (const [key, share] of before) {
    expect(after.has(key)).toBe(true);
    if (share !== null) expect(after.get(key)).toBeGreaterThanOrEqual(share - 1e-12);
  }
}

/** Shares by criterion id and by level id: a newcomer with a higher target brings more criteria, in source order. */
const shares = (group: TeamGroup) => ({
  criteria: new Map(criterionCoverage(group).map((c) => [c.criterion.id, c.share])),
  essentials: new Map(essentialsCoverage(group).map((e) => [e.level.id, e.share])),
});

describe("team figures, on random teams", () => {
  it("coverage of a criterion is met / assessed, counted from the scores, between 0 and 1", () => {
    fc.assert(
      fc.property(teamArb, ({ framework, sources }) => {
        const group = onlyGroup(framework, sources);
        const meets = framework.scale.meets;
        for (const c of criterionCoverage(group)) {
          const inScope = group.members.filter((m) => m.targetIndex >= levelIndex(framework, c.criterion.level));
          const valid = inScope.map((m) => m.scores.get(c.criterion.id)).filter((s): s is ScoreClass & { kind: "valid" } => s?.kind === "valid");
          const met = valid.filter((s) => s.value >= meets).length;
          expect([c.inScope, c.assessed, c.met, c.missing]).toEqual([inScope.length, valid.length, met, inScope.length - valid.length]);
          if (valid.length === 0) expect(c.share).toBeNull();
          else {
            expect(c.share).toBeCloseTo(met / valid.length, 12);
            expect(c.share).toBeGreaterThanOrEqual(0);
            expect(c.share).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("adding a person who meets everything never lowers any coverage", () => {
    fc.assert(
      fc.property(teamArb, fc.nat(), ({ framework, sources }, targetSeed) => {
        const before = shares(onlyGroup(framework, sources));
        const star: SheetInput = { target: 1 + (targetSeed % framework.levels.length), people: [{ name: "Star Newcomer", cells: framework.roles[0].criteria.map(() => MAX) }] };
        const after = shares(onlyGroup(framework, [...sources, [star]]));
        neverLower(before.criteria, after.criteria);
        neverLower(before.essentials, after.essentials);
      }),
      { numRuns: RUNS },
    );
  });

  it("raising one valid score never lowers any coverage", () => {
    fc.assert(
      fc.property(teamArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: MAX }), ({ framework, sources }, personSeed, criterionSeed, step) => {
        const rows = sources.flatMap((sheets) => sheets.flatMap((s) => s.people));
        fc.pre(rows.length > 0);
        const row = rows[personSeed % rows.length];
        const at = criterionSeed % row.cells.length;
        const value = row.cells[at];
        fc.pre(typeof value === "number" && Number.isInteger(value) && value >= 0 && value < MAX);
        const before = shares(onlyGroup(framework, sources));
        const raised = sources.map((sheets) => sheets.map((s) => ({ ...s, people: s.people.map((p) => (p === row ? { ...p, cells: p.cells.map((c, i) => (i === at ? Math.min(MAX, (c as number) + step) : c)) } : p)) })));
        const after = shares(onlyGroup(framework, raised));
        neverLower(before.criteria, after.criteria);
        neverLower(before.essentials, after.essentials);
      }),
      { numRuns: RUNS },
    );
  });

  it("distribution counts sum to the number of distinct people", () => {
    fc.assert(
      fc.property(teamArb, ({ framework, sources }) => {
        const distinct = new Set(sources.flatMap((sheets) => sheets.flatMap((s) => s.people.map((p) => normaliseName(p.name)))));
        const team = buildTeam(sourcesOf(framework, sources));
        const counted = team.groups.reduce((sum, g) => sum + levelDistribution(g).reduce((n, d) => n + d.count, 0), 0);
        expect(counted).toBe(distinct.size);
      }),
      { numRuns: RUNS },
    );
  });

  it("bench: ready now is gap 0 at the level, one level away is gap 1, by the rules, for everyone whose sheet reaches the level", () => {
    fc.assert(
      fc.property(teamArb, ({ framework, sources }) => {
        const group = onlyGroup(framework, sources);
        const role = framework.roles[0];
        for (const bench of benchStrength(group)) {
          const reaching = group.members.filter((m) => m.targetIndex >= bench.levelIndex);
          const gap = (m: (typeof reaching)[number]) => evaluate(framework, role, m.scores, bench.levelIndex).levelGap;
          expect(bench.assessed).toBe(reaching.length);
          expect(new Set(bench.readyNow)).toEqual(new Set(reaching.filter((m) => gap(m) === 0)));
          expect(new Set(bench.oneAway)).toEqual(new Set(reaching.filter((m) => gap(m) === 1)));
          // At their own target, ready now is exactly a level gap of 0 in the check's result.
          const atTarget = reaching.filter((m) => m.targetIndex === bench.levelIndex);
          expect(atTarget.filter((m) => bench.readyNow.includes(m))).toEqual(atTarget.filter((m) => m.result.levelGap === 0));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("duplicates are always reported with both places and never counted twice", () => {
    fc.assert(
      fc.property(teamArb, ({ framework, sources }) => {
        const team = buildTeam(sourcesOf(framework, sources));
        const group = team.groups[0];
        const members = group?.members ?? [];
        expect(new Set(members.map((m) => normaliseName(m.employee))).size).toBe(members.length);

        // Every row read is either counted or reported as a duplicate of the counted row.
        const duplicates = team.problems.filter((p) => p.code === "person-duplicate");
        const rows = sources.flatMap((sheets, i) => sheets.flatMap((s, j) => s.people.map((p, k) => ({ name: p.name, place: { source: `file${i + 1}.xlsx`, sheet: `Sheet ${j + 1}`, cell: rowCell(k) } }))));
        expect(members.length + duplicates.length).toBe(rows.length);
        for (const row of rows) {
          const kept = members.find((m) => normaliseName(m.employee) === normaliseName(row.name))!;
          if (kept.place.source === row.place.source && kept.place.sheet === row.place.sheet && kept.place.cell === row.place.cell) continue;
          const reported = duplicates.find((d) => d.source === row.place.source && d.sheet === row.place.sheet && d.cell === row.place.cell);
          expect(reported?.kept).toEqual(kept.place);
          expect(reported?.severity).toBe("error");
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the heat map holds every member once, sorted by level gap then name", () => {
    fc.assert(
      fc.property(teamArb, ({ framework, sources }) => {
        const group = onlyGroup(framework, sources);
        const rows = heatmap(group).rows.map((r) => r.member);
        expect(new Set(rows)).toEqual(new Set(group.members));
        expect(rows).toHaveLength(group.members.length);
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1], rows[i]];
          expect(a.result.levelGap <= b.result.levelGap).toBe(true);
          if (a.result.levelGap === b.result.levelGap) expect(normaliseName(a.employee).localeCompare(normaliseName(b.employee), "en")).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
