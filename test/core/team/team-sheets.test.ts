import type { PlanCell, Rect, SheetPlan } from "../../../src/core/layout/plan";
import { isFormulaCell, isLinkCell, looksLikeFormula } from "../../../src/core/layout/plan";
import { BAD } from "../../../src/core/layout/styles";
import { FIRST_CRITERION_COL, HEATMAP_HEADERS, HEATMAP_ROWS } from "../../../src/core/layout/team-heatmap";
import { BENCH_HEADERS } from "../../../src/core/layout/team-summary";
import { planTeamSheets } from "../../../src/core/layout/team-sheets";
import { buildTeam } from "../../../src/core/team";
import { scoresOf, threeLevels } from "../../helpers/fixtures";
import { checkResultOf } from "./helpers";

const framework = threeLevels;
const role = framework.roles[0];
const [, B, C] = framework.levels;
const all = (score: number) => scoresOf(framework, Object.fromEntries(role.criteria.map((c) => [c.id, score])));

function teamOf(people: string[], source = "a.xlsx") {
  return buildTeam([{ source, result: checkResultOf([{ sheet: "S", framework, role, target: C, people: people.map((employee, i) => ({ employee, scores: all(i % 5) })) }]) }]);
}

/** Every cell of the plan's blocks, with its position. */
function cells(plan: SheetPlan): { row: number; col: number; cell: PlanCell }[] {
  return plan.blocks.flatMap((b) => b.cells.flatMap((r, i) => r.map((cell, j) => ({ row: b.row + i, col: b.col + j, cell }))));
}
const formulas = (plan: SheetPlan) => cells(plan).flatMap(({ cell }) => (isFormulaCell(cell) ? [cell.formula] : []));
const inside = (rect: Rect, row: number, col: number) => row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;

describe("planTeamSheets", () => {
  const plans = planTeamSheets(teamOf(["Ann", "Bob", "Cy", "Dee", "Eve"]), { sheets: ["Heatmap Assistant"], tables: [] });
  const [heatmapPlan, coverage, levels, bench] = plans;

  it("plans heatmap, coverage, levels and bench, named apart from the sheets taken, the summaries' formulas pointing at the heatmap's real name", () => {
    expect(plans.map((p) => [p.kind, p.name])).toEqual([
      ["team-heatmap", "Heatmap Assistant (2)"],
      ["team-coverage", "Coverage Assistant"],
      ["team-levels", "Levels Assistant"],
      ["team-bench", "Bench Assistant"],
    ]);
    for (const plan of [coverage, levels, bench]) {
      const sheetRefs = formulas(plan).flatMap((f) => [...f.matchAll(/('(?:[^']|'')+'|[A-Za-z_][\w.]*)!/g)].map((m) => m[1]));
      expect(sheetRefs.length).toBeGreaterThan(0);
      expect(new Set(sheetRefs)).toEqual(new Set(["'Heatmap Assistant (2)'"]));
    }
  });

  it("uses only functions that Excel 2019+ and LibreOffice both have", () => {
    const used = new Set(plans.flatMap(formulas).flatMap((f) => [...f.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].sort()).toEqual(["AND", "CHOOSE", "IF", "ISNUMBER", "MATCH", "MIN", "OR", "SUMPRODUCT", "TEXTJOIN"].filter((f) => used.has(f)));
    expect(used.has("SUMPRODUCT")).toBe(true);
  });

  it("lays the heatmap out with names and headers frozen, a table with filters, and unmet essentials marked", () => {
    const people = 5;
    expect(heatmapPlan.freeze).toEqual({ rows: HEATMAP_ROWS.header + 1, cols: 1 });
    expect(heatmapPlan.tables).toEqual([expect.objectContaining({ range: { row: HEATMAP_ROWS.header, col: 0, rows: people + 1, cols: FIRST_CRITERION_COL + role.criteria.length } })]);
    const header = cells(heatmapPlan).filter((c) => c.row === HEATMAP_ROWS.header).map((c) => c.cell);
    expect(header).toEqual([...HEATMAP_HEADERS, ...role.criteria.map((c) => c.id)]);
    // The essentials (x1, x2 of each level) are marked when below the threshold; the desirables (x3) are not.
    const marked = heatmapPlan.conditionalFormats.filter((cf) => cf.kind === "expression" && cf.fill === BAD.fill);
    const markedIds = role.criteria.filter((_, i) => marked.some((cf) => inside(cf.range, HEATMAP_ROWS.firstPerson, FIRST_CRITERION_COL + i))).map((c) => c.id);
    expect(markedIds).toEqual(["A1", "A2", "B1", "B2", "C1", "C2"]);
    for (const cf of marked) expect(cf.range).toMatchObject({ row: HEATMAP_ROWS.firstPerson, rows: people });
  });

  it("puts data bars on the coverage shares and asks for the two charts from cells of the levels sheet", () => {
    expect(coverage.conditionalFormats).toEqual([{ kind: "dataBar", range: { row: 4, col: 4, rows: role.criteria.length, cols: 1 }, min: 0, max: 1, color: expect.any(String) }]);
    expect(cells(coverage).find((c) => c.row === 3 && c.col === 4)?.cell).toBe("Share meeting");
    const charts = levels.charts ?? [];
    expect(charts.map((c) => c.kind)).toEqual(["column", "bar"]);
    const at = (row: number, col: number) => cells(levels).find((c) => c.row === row && c.col === col)?.cell;
    const [distribution, essentials] = charts;
    expect(Array.from({ length: distribution.categories.rows }, (_, i) => at(distribution.categories.row + i, 0))).toEqual(["None", "A (Developing)", "B (Practising)", "C (Accomplished)"]);
    expect(Array.from({ length: essentials.categories.rows }, (_, i) => at(essentials.categories.row + i, 0))).toEqual(["A (Developing)", "B (Practising)", "C (Accomplished)"]);
    for (const chart of charts) {
      for (const s of chart.series) {
        expect(s.values.rows).toBe(chart.categories.rows);
        for (let i = 0; i < s.values.rows; i++) expect(isFormulaCell(at(s.values.row + i, s.values.col) ?? null)).toBe(true);
      }
    }
    expect(at(essentials.series[0].values.row - 1, essentials.series[0].values.col)).toBe(essentials.series[0].name);
  });

  it("gives no sheets to a role with no one in it", () => {
    const empty = buildTeam([{ source: "e.xlsx", result: checkResultOf([{ sheet: "S", framework, role, target: B, people: [] }]) }]);
    expect(empty.groups).toHaveLength(1);
    expect(planTeamSheets(empty, { sheets: [], tables: [] })).toEqual([]);
  });
});

describe("text Excel would take as a formula", () => {
  it("is written with the text number format wherever it appears", () => {
    const plans = planTeamSheets(teamOf(["=Bob", "+Ann", "@Di", "-Cy", "Eve"], "-north.xlsx"), { sheets: [], tables: [] });
    let seen = 0;
    for (const plan of plans) {
      for (const { row, col, cell } of cells(plan)) {
        const text = typeof cell === "string" ? cell : isLinkCell(cell) ? cell.text : undefined;
        if (text === undefined || !looksLikeFormula(text)) continue;
        seen++;
        expect(plan.styles.some((s) => s.style.numberFormat === "@" && inside(s.range, row, col))).toBe(true);
      }
    }
    // Four names and five source cells on the heatmap.
    expect(seen).toBe(9);
  });
});

describe("the bench sheet's name lists", () => {
  it("are left out, with a note, when everyone's names together would not fit in one cell", () => {
    const names = Array.from({ length: 400 }, (_, i) => `${"Long name ".repeat(9)}${i}`);
    const bench = planTeamSheets(teamOf(names), { sheets: [], tables: [] })[3];
    const header = cells(bench).filter((c) => c.row === 3).map((c) => c.cell);
    expect(header).toEqual(BENCH_HEADERS.slice(0, 4));
    expect(formulas(bench).some((f) => f.includes("TEXTJOIN"))).toBe(false);
    expect(cells(bench).some(({ cell }) => typeof cell === "string" && cell.includes("Filter the heatmap"))).toBe(true);
  });
});
