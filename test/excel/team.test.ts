/**
 * The team view written through the Office.js adapter, on the fake Excel host: the sheets the
 * plans describe (the same plans `collect` writes to a file), their data bars, and the native
 * charts with series that point at the plans' own tables; a fixed number of syncs whatever the
 * number of people; every request under Excel on the web's 5 MB at 2,000 people.
 */
import type { Person } from "../../src/core/layout/assessment-sheet";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import type { ChartRequest, Rect, SheetPlan } from "../../src/core/layout/plan";
import { cellAddress, isFormulaCell, isLinkCell, rectAddress } from "../../src/core/layout/plan";
import { planTeamSheets } from "../../src/core/layout/team-sheets";
import type { Team } from "../../src/core/team";
import { buildTeam } from "../../src/core/team";
import { applyPlanInExcel } from "../../src/excel/apply";
import type { ExcelRunner } from "../../src/excel/workbook";
import { checkOpenWorkbook, writeTeamSheets } from "../../src/excel/workbook";
import { builtInFrameworks } from "../../src/frameworks";
import type { FakeExcel, FakeSheet } from "../fakes/fake-excel";
import { EXCEL_WEB_LIMITS, addFakeSheet, cellOf, createFakeExcel, syncCost } from "../fakes/fake-excel";
import { builtIn } from "../helpers/workbooks";

jest.setTimeout(60_000);

const frameworks = builtInFrameworks();
/** At its top level, so that every criterion of the role is on the sheets. */
const assistant = builtIn("medway-libraries-2024", "library-assistant");

/** Everyone scores 3 but every third person, who scores 1 on the first criterion (every Medway criterion is essential). */
function people(n: number, prefix = "Person"): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix} ${i + 1}`,
    scores: Object.fromEntries(assistant.role.criteria.map((c, j) => [c.id, i % 3 === 0 && j === 0 ? 1 : 3])),
  }));
}

/** A fake workbook with one assessment sheet per entry (scores filled in), written by the adapter as the pane writes them. */
async function workbookWith(sheets: { table: string; people: Person[] }[]): Promise<{ excel: FakeExcel; run: ExcelRunner; assessed: string[] }> {
  const excel = createFakeExcel();
  const run: ExcelRunner = (batch) => excel.run(batch);
  const assessed: string[] = [];
  for (const s of sheets) assessed.push(await run((context) => applyPlanInExcel(context, planAssessmentSheet(assistant.framework, assistant.role, assistant.level, s.people, s.table))));
  return { excel, run, assessed };
}

async function teamOf(run: ExcelRunner): Promise<Team> {
  return buildTeam([{ source: "this workbook", result: await checkOpenWorkbook(run, frameworks) }]);
}

/** The plans for the workbook as it is now: what writeTeamSheets must write. */
function expectedPlans(excel: FakeExcel, team: Team): SheetPlan[] {
  return planTeamSheets(team, { sheets: excel.state.sheets.map((s) => s.name), tables: excel.state.tables.map((t) => t.name) });
}

const sheetOf = (excel: FakeExcel, name: string): FakeSheet => {
  const sheet = excel.state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

/** The sheet-qualified address the fake records for a rectangle of a plan's sheet. */
const on = (sheet: string, rect: Rect) => `${sheet}!${rectAddress(rect)}`;

/** The table of the plan whose data body holds `rect` (rows and columns). */
function tableHolding(plan: SheetPlan, rect: Rect) {
  const table = plan.tables.find((t) => rect.row === t.range.row + 1 && rect.rows === t.range.rows - 1 && rect.col >= t.range.col && rect.col + rect.cols <= t.range.col + t.range.cols);
  if (!table) throw new Error(`no table of ${plan.name} has ${rectAddress(rect)} as its data body`);
  return table;
}

describe("writeTeamSheets on the fake Excel host", () => {
  let excel: FakeExcel;
  let run: ExcelRunner;
  let assessed: string[];
  let plans: SheetPlan[];
  let written: string[];

  beforeAll(async () => {
    ({ excel, run, assessed } = await workbookWith([{ table: "North", people: people(5, "North") }, { table: "South", people: people(4, "South") }]));
    const team = await teamOf(run);
    plans = expectedPlans(excel, team);
    written = await writeTeamSheets(run, team);
  });

  it("adds the four team sheets of the role after the user's sheets, heatmap first and active", () => {
    expect(plans.map((p) => p.kind)).toEqual(["team-heatmap", "team-coverage", "team-levels", "team-bench"]);
    expect(written).toEqual(plans.map((p) => p.name));
    expect(excel.state.sheets.map((s) => s.name)).toEqual([...assessed, ...written]);
    expect(excel.state.active).toBe(written[0]);
  });

  it("writes every cell of every plan: values, formulas, tables", () => {
    for (const plan of plans) {
      const sheet = sheetOf(excel, plan.name);
      for (const block of plan.blocks) {
        block.cells.forEach((row, i) =>
          row.forEach((cell, j) => {
            const got = cellOf(sheet, cellAddress(block.row + i, block.col + j));
            if (cell === null) expect(got?.value ?? null).toBeNull();
            else if (isFormulaCell(cell)) expect(got?.formula).toBe(cell.formula);
            else expect(got?.value).toBe(isLinkCell(cell) ? cell.text : cell);
          }),
        );
      }
      for (const t of plan.tables) expect(excel.state.tables).toContainEqual(expect.objectContaining({ name: t.name, sheet: plan.name, address: rectAddress(t.range) }));
    }
    // 9 people, one row each on the heatmap.
    const heatmap = plans[0];
    expect(heatmap.tables[0].range.rows).toBe(1 + 9);
  });

  it("draws the data bars of the coverage and levels sheets, from min to max in the plan's colour", () => {
    const bars = plans.flatMap((p) => p.conditionalFormats.filter((cf) => cf.kind === "dataBar").map((cf) => ({ plan: p, cf })));
    expect(bars.map((b) => b.plan.kind)).toEqual(["team-coverage", "team-levels"]);
    for (const { plan, cf } of bars) {
      if (cf.kind !== "dataBar") throw new Error("unreachable");
      const recorded = sheetOf(excel, plan.name).conditionalFormats.filter((c) => c.type === "DataBar");
      expect(recorded).toEqual([
        {
          address: rectAddress(cf.range),
          type: "DataBar",
          rule: {
            "dataBar.positiveFormat.fillColor": cf.color,
            "dataBar.lowerBoundRule": { type: "Number", formula: String(cf.min) },
            "dataBar.upperBoundRule": { type: "Number", formula: String(cf.max) },
          },
        },
      ]);
    }
  });

  it("draws each requested chart natively: its type, title, position, and series over the plan's tables", () => {
    const requested = plans.flatMap((p) => (p.charts ?? []).map((chart) => ({ plan: p, chart })));
    expect(requested.map((r) => r.chart.kind)).toEqual(["column", "bar"]);
    const excelType = { column: "ColumnClustered", bar: "BarClustered" } as const;
    for (const plan of plans) {
      const charts = sheetOf(excel, plan.name).charts ?? [];
      expect(charts).toHaveLength(plan.charts?.length ?? 0);
      (plan.charts ?? []).forEach((request: ChartRequest, i) => {
        const got = charts[i];
        const { anchor } = request;
        expect(got).toMatchObject({
          type: excelType[request.kind],
          title: request.title,
          legendVisible: false,
          position: { start: cellAddress(anchor.row, anchor.col), end: cellAddress(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1) },
          series: request.series.map((s) => ({ name: s.name, values: on(plan.name, s.values), categories: on(plan.name, request.categories) })),
        });
      });
    }
  });

  it("points the series at the tables' data: labels from the first column, values from the column the series is named after", () => {
    const levels = plans.find((p) => p.kind === "team-levels")!;
    const sheet = sheetOf(excel, levels.name);
    const [distribution, essentials] = levels.charts!;
    for (const chart of [distribution, essentials]) {
      const table = tableHolding(levels, chart.categories);
      expect(chart.categories.col).toBe(table.range.col);
      for (const s of chart.series) {
        expect(tableHolding(levels, s.values)).toBe(table);
        expect(cellOf(sheet, cellAddress(table.range.row, s.values.col))?.value).toBe(s.name);
      }
    }
    // The distribution's categories are "None" then each level of the framework, as written in the sheet.
    const labels = Array.from({ length: distribution.categories.rows }, (_, i) => cellOf(sheet, cellAddress(distribution.categories.row + i, distribution.categories.col))?.value);
    expect(labels).toHaveLength(1 + assistant.framework.levels.length);
    expect(labels.slice(1).map(String)).toEqual(assistant.framework.levels.map((l) => expect.stringContaining(l.id)));
  });

  it("reads the team sheets as no assessment sheet, and a second build adds new sheets beside the first, untouched", async () => {
    const before = excel.state.sheets.map((s) => ({ name: s.name, cells: s.cells.size, charts: s.charts?.length ?? 0 }));
    const again = await teamOf(run);
    expect(again.groups.map((g) => g.members.length)).toEqual([9]);
    expect(again.problems.filter((p) => p.severity === "error")).toEqual([]);
    const second = await writeTeamSheets(run, again);
    expect(second).toEqual(written.map((name) => `${name} (2)`));
    expect(excel.state.sheets.slice(0, before.length).map((s) => ({ name: s.name, cells: s.cells.size, charts: s.charts?.length ?? 0 }))).toEqual(before);
    // The new summary sheets count from the new heatmap, not the first one.
    const coverage = sheetOf(excel, second[1]);
    const formula = [...coverage.cells.values()].find((c) => c.formula?.includes("SUMPRODUCT"))?.formula ?? "";
    expect(formula).toContain(`'${second[0]}'!`);
  });
});

describe("writeTeamSheets' round trips and payloads", () => {
  /** Syncs and bytes of writing the team view of `n` people (check and plans done beforehand). */
  async function cost(n: number) {
    const { excel, run } = await workbookWith([{ table: "Assess", people: people(n) }]);
    const team = await teamOf(run);
    const from = excel.state.syncLog.length;
    const sheets = await writeTeamSheets(run, team);
    const charts = excel.state.sheets.reduce((k, s) => k + (s.charts?.length ?? 0), 0);
    return { ...syncCost(excel.state, from), sheets: sheets.length, charts };
  }

  it("takes the same number of syncs for 3 and for 300 people: one for the names, two per sheet; charts add none", async () => {
    const small = await cost(3);
    const large = await cost(300);
    expect(small.sheets).toBe(4);
    expect(small.charts).toBe(2);
    expect(small.syncs).toBe(1 + 2 * small.sheets);
    expect(large.syncs).toBe(small.syncs);
  });

  it("keeps every request and response under Excel on the web's 5 MB at 2,000 people", async () => {
    const big = await cost(2000);
    console.log(`team view of 2,000 people: ${big.syncs} syncs, ${(big.requestBytes / 1e6).toFixed(2)} MB sent, largest payload ${(big.largestPayload / 1e6).toFixed(2)} MB`);
    expect(big.largestPayload).toBeLessThan(EXCEL_WEB_LIMITS.payloadBytes);
    expect(big.syncs).toBe(1 + 2 * big.sheets);
    expect(big.sheets).toBe(4);
    expect(big.charts).toBe(2);
  });
});

describe("writeTeamSheets next to the user's own sheets", () => {
  it("never touches a user's sheet that has a team sheet's name: the new one is named apart", async () => {
    const { excel, run } = await workbookWith([{ table: "Assess", people: people(2) }]);
    const user = addFakeSheet(excel.state, "Heatmap Library Assistant", [["my notes"]]);
    const team = await teamOf(run);
    const written = await writeTeamSheets(run, team);
    expect(written[0]).toBe("Heatmap Library Assistant (2)");
    expect(excel.state.sheets.find((s) => s.name === "Heatmap Library Assistant")).toBe(user);
    expect([...user.cells.values()].map((c) => c.value)).toEqual(["my notes"]);
    expect(user.charts ?? []).toEqual([]);
  });

  it("writes nothing when no one is assessed", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "Notes", [["hello"]]);
    const run: ExcelRunner = (batch) => excel.run(batch);
    const team = await teamOf(run);
    await expect(writeTeamSheets(run, team)).resolves.toEqual([]);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Notes"]);
  });

  it("reports its progress sheet by sheet", async () => {
    const { run } = await workbookWith([{ table: "Assess", people: people(2) }]);
    const steps: { done: number; total: number; next?: string }[] = [];
    const written = await writeTeamSheets(run, await teamOf(run), (p) => steps.push(p));
    expect(steps).toEqual([...written.map((next, done) => ({ done, total: 4, next })), { done: 4, total: 4 }]);
  });
});
