import { checkWorkbook } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import { COMPUTED_HEADERS, planAssessmentSheet, rowFormulas } from "../../src/core/layout/assessment-sheet";
import { planCriteriaSheet } from "../../src/core/layout/criteria-sheet";
import { cellAddress, isFormulaCell } from "../../src/core/layout/plan";
import { applyPlanInExcel, MAX_CHUNK_BYTES } from "../../src/excel/apply";
import { FRAMEWORK_SHEET_MARK } from "../../src/core/layout/framework-sheet";
import { readWorkbookGrids } from "../../src/excel/read";
import { namesFromSelection } from "../../src/excel/workbook";
import { builtInFrameworks, findFramework } from "../../src/frameworks";
import { addFakeSheet, cellOf, createFakeExcel } from "../fakes/fake-excel";
import { builtIn, stockportPerson } from "../helpers/workbooks";

const { framework, role, level } = builtIn("medway-libraries-2024", "library-assistant", "C");
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Person ${i + 1}` }));

async function applyAssessment(n: number) {
  const excel = createFakeExcel();
  const plan = planAssessmentSheet(framework, role, level, people(n), "Assess");
  const name = await excel.run((context) => applyPlanInExcel(context, plan));
  return { excel, plan, name };
}

describe("the Office.js adapter applies a layout plan", () => {
  it("in the same number of syncs for 10 and for 1,000 people", async () => {
    const small = await applyAssessment(10);
    const large = await applyAssessment(1000);
    expect(small.excel.state.syncs).toBe(2);
    expect(large.excel.state.syncs).toBe(small.excel.state.syncs);
    // One 2D write per block, whatever the number of rows.
    expect(large.excel.state.writes.filter((w) => w.kind === "formulas")).toHaveLength(large.plan.blocks.length);
  });

  it("writes what the plan says: values, formulas, table, validation, conditional formats, frozen header", async () => {
    const { excel, plan, name } = await applyAssessment(3);
    const sheet = excel.state.sheets.find((s) => s.name === name)!;
    for (const block of plan.blocks) {
      block.cells.forEach((row, i) =>
        row.forEach((cell, j) => {
          const got = cellOf(sheet, cellAddress(block.row + i, block.col + j));
          if (cell === null) expect(got).toBeUndefined();
          else if (isFormulaCell(cell)) expect(got?.formula).toBe(cell.formula);
          else expect(got?.value).toBe(cell);
        }),
      );
    }
    const [table] = excel.state.tables;
    expect(table).toMatchObject({ sheet: name, style: "TableStyleMedium2", name: "Assess" });
    expect(table.address).toBe(`A11:${cellAddress(13, plan.tables[0].range.cols - 1).replace(/\d+$/, "")}14`);
    expect(sheet.validations).toEqual([
      expect.objectContaining({ rule: { wholeNumber: { formula1: 0, formula2: 4, operator: "Between" } }, prompt: expect.objectContaining({ showPrompt: true, message: expect.stringContaining("2 Meets criteria") }) }),
    ]);
    expect(sheet.conditionalFormats.map((c) => c.type)).toEqual([...plan.conditionalFormats.map((c) => (c.kind === "expression" ? "Custom" : "ColorScale"))]);
    expect(sheet.frozen).toBe("at A1:A11");
    expect(excel.state.suspendedCalculation).toBeGreaterThan(0);
    expect(excel.state.suspendedScreen).toBeGreaterThan(0);
  });

  it("writes formula-like text as text: the cells get the text format first", async () => {
    const excel = createFakeExcel();
    const plan = planAssessmentSheet(framework, role, level, [{ name: "=1+1" }, { name: "Ann" }, { name: "@home" }], "Assess");
    const name = await excel.run((context) => applyPlanInExcel(context, plan));
    const sheet = excel.state.sheets.find((s) => s.name === name)!;
    expect(cellOf(sheet, "A12")).toEqual({ value: "=1+1", numberFormat: "@" });
    expect(cellOf(sheet, "A13")).toEqual({ value: "Ann", numberFormat: "General" });
    expect(cellOf(sheet, "A14")).toEqual({ value: "@home", numberFormat: "@" });
    const formats = excel.state.writes.filter((w) => w.kind === "numberFormat");
    const formulas = excel.state.writes.filter((w) => w.kind === "formulas");
    expect(excel.state.writes.indexOf(formats[0])).toBeLessThan(excel.state.writes.indexOf(formulas.find((w) => w.address === formats[0].address)!));
  });

  it("writes names Excel would reinterpret as text, so they stay as typed", async () => {
    const excel = createFakeExcel();
    const typed = ["00123", "1/2", "TRUE", "3e5", "1-2", "Ann"];
    const plan = planAssessmentSheet(framework, role, level, typed.map((name) => ({ name })), "Assess");
    const name = await excel.run((context) => applyPlanInExcel(context, plan));
    const sheet = excel.state.sheets.find((s) => s.name === name)!;
    expect(typed.map((_, i) => cellOf(sheet, `A${12 + i}`))).toEqual([
      ...typed.slice(0, 5).map((value) => ({ value, numberFormat: "@" })),
      { value: "Ann", numberFormat: "General" },
    ]);
  });

  it("makes the computed columns calculated columns: a row added to the table gets their formulas", async () => {
    const { excel, plan, name } = await applyAssessment(3);
    const n = plan.tables[0].range.cols - 1 - COMPUTED_HEADERS.length;
    const firstComputed = 1 + n;
    expect(Object.keys(excel.state.tables[0].calculated).map(Number)).toEqual(COMPUTED_HEADERS.map((_, i) => firstComputed + i));
    await excel.run(async (context) => {
      context.workbook.tables.getItem("Assess").rows.add(null, [["Dee", ...Array(n).fill(3)]]);
      await context.sync();
    });
    const sheet = excel.state.sheets.find((s) => s.name === name)!;
    expect(excel.state.tables[0].address).toBe(`A11:${cellAddress(14, firstComputed + COMPUTED_HEADERS.length - 1)}`);
    expect(cellOf(sheet, "A15")?.value).toBe("Dee");
    const added = COMPUTED_HEADERS.map((_, i) => cellOf(sheet, cellAddress(14, firstComputed + i))?.formula);
    expect(added).toEqual(rowFormulas(framework, n, 15, cellAddress(14, firstComputed + 4)));
  });

  it("gives a taken sheet name a new sheet and never touches the existing one", async () => {
    const excel = createFakeExcel();
    const existing = addFakeSheet(excel.state, "Library Assistant", [["mine", 42]]);
    const name = await excel.run((context) => applyPlanInExcel(context, planCriteriaSheet(framework, role, "Criteria")));
    expect(name).toBe("Library Assistant (2)");
    expect([...existing.cells.entries()]).toEqual([
      ["0,0", { value: "mine" }],
      ["0,1", { value: 42 }],
    ]);
    expect(excel.state.writes.every((w) => w.sheet === name)).toBe(true);
  });

  it("splits a block past the request limit into chunks, one sync each", async () => {
    const long = "x".repeat(20_000);
    const many = Array.from({ length: 400 }, (_, i) => ({ name: `${long}${i}` }));
    const excel = createFakeExcel();
    const plan = planAssessmentSheet(framework, role, level, many, "Assess");
    await excel.run((context) => applyPlanInExcel(context, plan));
    const bytes = JSON.stringify(many).length * 2;
    expect(excel.state.syncs).toBeGreaterThanOrEqual(2 + Math.floor(bytes / MAX_CHUNK_BYTES));
    const names = excel.state.writes.filter((w) => w.kind === "formulas" && w.address.startsWith("A12"));
    expect(names.length).toBe(1);
  });
});

describe("names from the selection", () => {
  it("reads only the used part of a whole-column selection, well under Excel's limits", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "Team", [["Name"], ["Ann Lee"], [" Bo Chan "], [null], [42]]);
    excel.state.selection = { sheet: "Team", address: "A:A" };
    expect(await namesFromSelection(excel.run)).toEqual(["Name", "Ann Lee", "Bo Chan", "42"]);
    expect(excel.state.syncLog.map((r) => r.responseBytes)).toEqual([expect.any(Number)]);
    expect(excel.state.syncLog[0].responseBytes).toBeLessThan(200);
    excel.state.selection = { sheet: "Team", address: "C5:D9" };
    expect(await namesFromSelection(excel.run)).toEqual([]);
  });
});

describe("the Office.js adapter reads sheets into grids", () => {
  it("in the same syncs for 5 and 500 rows, and the check finds what the file route finds", async () => {
    const syncs: number[] = [];
    for (const n of [5, 500]) {
      const excel = createFakeExcel();
      const stockport = findFramework("stockport-library-assistant")!;
      const srole = stockport.roles[0];
      const persons = Array.from({ length: n }, (_, i) => stockportPerson(`P${i}`, i === 1 ? { "SLA-04": "x", "SLA-05": 1 } : {}));
      await excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(stockport, srole, stockport.levels[0], persons, "A")));
      excel.state.sheets[0].hiddenRows.add(12);
      excel.state.syncs = 0;
      const catalog = catalogOf(builtInFrameworks());
      const grids = await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds));
      syncs.push(excel.state.syncs);
      const result = checkWorkbook(grids, catalog);
      expect(result.people).toHaveLength(n);
      expect(result.people[1]).toMatchObject({ employee: "P1", unmetEssential: ["SLA-05"], missing: ["SLA-04"] });
      expect(result.problems.map((p) => [p.code, p.cell])).toEqual(
        expect.arrayContaining([
          ["score-text", "E13"],
          ["row-hidden", "A13"],
        ]),
      );
    }
    // Sheet list, probe, header row, one chunk of rows.
    expect(syncs).toEqual([4, 4]);
  });

  it("reads error values, booleans and formulas of an assessment sheet, a framework sheet, and neither empty nor other sheets", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "Data", [["Framework"], [null, { error: "#N/A" }, true, { formula: "1+2", value: 3 }]]);
    addFakeSheet(excel.state, "Empty");
    addFakeSheet(excel.state, "Other", [["Name", 1]]);
    addFakeSheet(excel.state, "Our framework", [[FRAMEWORK_SHEET_MARK], ["id", "our-framework"]]);
    const grids = await excel.run((context) => readWorkbookGrids(context, new Set()));
    expect(grids.map((g) => g.name)).toEqual(["Data", "Our framework"]);
    expect(grids[1].values[1]).toEqual(["id", "our-framework"]);
    expect(grids[0].values[1]).toEqual([null, { error: "#N/A" }, true, 3]);
    expect([...grids[0].formulas.values()]).toEqual(["1+2"]);
  });
});
