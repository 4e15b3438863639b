import { checkWorkbook, judgeSheet, readScoreTable } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import { formulaKey } from "../../src/core/grid";
import { ASSESSMENT_ROWS, assessedCriteria, planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { planFrameworkSheet } from "../../src/core/layout/framework-sheet";
import { cellAddress, columnName } from "../../src/core/layout/plan";
import { builtInFrameworks } from "../../src/frameworks";
import { mustBuild, threeLevelInput, threeLevels } from "../helpers/fixtures";
import { gridFromPlan } from "../helpers/grids";
import { builtIn } from "../helpers/workbooks";

const catalog = catalogOf(builtInFrameworks());
const { framework, role } = builtIn("medway-libraries-2024", "library-assistant");
const levelB = framework.levels[1];
const criteriaB = assessedCriteria(framework, role, levelB);
const everyone = (score: number) => Object.fromEntries(criteriaB.map((c) => [c.id, score]));
const FIRST = ASSESSMENT_ROWS.firstPerson;

function sheetFor(people: string[]) {
  return gridFromPlan(planAssessmentSheet(framework, role, levelB, people.map((name) => ({ name, scores: everyone(3) })), "T"));
}

describe("a score cell inside a merged range", () => {
  // Columns B, C: the first two criteria. Merge B..C on Ann's row: only B holds a value.
  const merge = { row: FIRST, col: 1, rows: 1, cols: 2 };

  it.each([
    ["empty, as Excel stores it", null],
    ["holding the merge's value, as some readers copy it", 3],
  ])("counts as missing with an error naming the merge (%s)", (_label, covered) => {
    const grid = sheetFor(["Ann", "Bo"]);
    grid.values[FIRST][2] = covered;
    const result = checkWorkbook([{ ...grid, merges: [merge] }], catalog);
    const merged = result.problems.filter((p) => p.code === "score-merged");
    expect(merged).toEqual([expect.objectContaining({ cell: `C${FIRST + 1}`, severity: "error", message: expect.stringContaining(`B${FIRST + 1}:C${FIRST + 1}`) })]);
    const ann = result.people.find((p) => p.employee === "Ann")!;
    expect(ann.missing).toEqual([criteriaB[1].id]);
    expect(ann.essentialsMet).toBe(false);
    expect(result.people.find((p) => p.employee === "Bo")!.essentialsMet).toBe(true);
  });

  it("leaves merges outside the score columns alone", () => {
    const grid = sheetFor(["Ann"]);
    const result = checkWorkbook([{ ...grid, merges: [{ row: 0, col: 2, rows: 1, cols: 4 }] }], catalog);
    expect(result.problems.filter((p) => p.code === "score-merged")).toEqual([]);
    expect(result.people[0].essentialsMet).toBe(true);
  });
});

describe("a target level raised above the sheet's columns", () => {
  it("is one error at the target cell, and nobody is judged at a level the sheet cannot show", () => {
    const grid = sheetFor(["Ann", "Bo"]);
    grid.values[ASSESSMENT_ROWS.target][1] = "C";
    const result = checkWorkbook([grid], catalog);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({ cell: cellAddress(ASSESSMENT_ROWS.target, 1), code: "target-above-sheet", message: expect.stringMatching(/up to B .*--level C/) }),
    ]);
    expect(result.people).toEqual([]);
  });

  it("a lowered target judges at that level and ignores the columns above it", () => {
    const grid = sheetFor(["Ann"]);
    grid.values[ASSESSMENT_ROWS.target][1] = "A";
    const result = checkWorkbook([grid], catalog);
    expect(result.people[0]).toMatchObject({ targetLevel: "A", attainedLevel: "A", levelGap: 0 });
    expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(["criterion-out-of-scope"]));
  });
});

describe("reading is apart from judging", () => {
  it("reads a bare table (header first) into classified scores, which judging turns into results", () => {
    const header = ["Employee", ...criteriaB.map((c) => c.id)];
    const grid = { name: "scores", values: [header, ["Ann", ...criteriaB.map(() => 3)], ["Bo", ...criteriaB.map((_, i) => (i === 0 ? 1 : 3))]], formulas: new Map(), hiddenRows: new Set<number>(), protected: false };
    const { sheet, problems } = readScoreTable(grid, { framework, role, target: levelB, headerRow: 0 });
    expect(problems).toEqual([]);
    expect(sheet!.people.map((p) => [p.employee, p.cell, p.scores.get(criteriaB[0].id)])).toEqual([
      ["Ann", "A2", { kind: "valid", value: 3 }],
      ["Bo", "A3", { kind: "valid", value: 1 }],
    ]);
    expect(judgeSheet(sheet!).map((p) => [p.employee, p.attainedLevel, p.unmetEssential])).toEqual([
      ["Ann", "B", []],
      ["Bo", null, [criteriaB[0].id]],
    ]);
  });

  it("says a score formula's result is not in the file rather than printing null", () => {
    const grid = sheetFor(["Ann"]);
    const col = 1 + criteriaB.length - 1;
    grid.values[FIRST][col] = null;
    (grid.formulas as Map<number, string>).set(formulaKey(FIRST, col), "1+2");
    const result = checkWorkbook([grid], catalog);
    const problem = result.problems.find((p) => p.code === "score-formula")!;
    expect(problem.cell).toBe(`${columnName(col)}${FIRST + 1}`);
    expect(problem.message).toContain("is not stored in the file");
    expect(problem.message).not.toContain("null");
  });

  it('quotes an unknown column\'s heading once: Column X ("Notes")', () => {
    const grid = sheetFor(["Ann"]);
    const col = grid.values[ASSESSMENT_ROWS.header].length;
    grid.values[ASSESSMENT_ROWS.header][col] = "Notes";
    const problem = checkWorkbook([grid], catalog).problems.find((p) => p.code === "unknown-column")!;
    expect(problem.message).toContain(`Column ${columnName(col)} ("Notes")`);
  });
});

describe("the workbook's own framework sheets", () => {
  const fw = threeLevels;
  const assistant = fw.roles[0];
  const top = fw.levels[2];
  const assessment = () => gridFromPlan(planAssessmentSheet(fw, assistant, top, [{ name: "Ann", scores: Object.fromEntries(assistant.criteria.map((c) => [c.id, c.id === "A3" ? 0 : 3])) }], "T"));
  const frameworkSheet = () => gridFromPlan(planFrameworkSheet(fw), "Our framework");

  it("are read first, so an assessment sheet of a framework no catalog knows is checked", () => {
    const result = checkWorkbook([assessment(), frameworkSheet()], catalog);
    expect(result.frameworkSheets).toEqual(["Our framework"]);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.people[0]).toMatchObject({ framework: fw.id, attainedLevel: "C", essentialsMet: true });
  });

  it("take effect as edited: a desirable criterion made essential on the sheet fails the person who scored 0", () => {
    const sheet = frameworkSheet();
    const row = sheet.values.findIndex((r) => r[priorityColumn(sheet)] !== undefined && r.includes("A3"));
    sheet.values[row][priorityColumn(sheet)] = "essential";
    const result = checkWorkbook([assessment(), sheet], catalog);
    expect(result.people[0]).toMatchObject({ attainedLevel: null, unmetEssential: ["A3"], essentialsMet: false });
  });

  it("report what is wrong in them at their cells, and the sheets that need them cannot be checked", () => {
    const sheet = frameworkSheet();
    const row = sheet.values.findIndex((r) => r.includes("B1"));
    const col = sheet.values[row].indexOf("B1");
    sheet.values[row][col] = "A1";
    const needing = assessment();
    const result = checkWorkbook([needing, sheet], catalog);
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: "Our framework", cell: cellAddress(row, col), severity: "error", code: "framework-sheet-error", message: expect.stringContaining("A1") }));
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: needing.name, code: "unknown-framework" }));
  });

  it("say so when two of them define the same framework, and use the later one", () => {
    const first = frameworkSheet();
    const second = { ...frameworkSheet(), name: "Our framework (2)" };
    const row = second.values.findIndex((r) => r.includes("A3") && r[priorityColumn(second)] !== undefined);
    second.values[row][priorityColumn(second)] = "essential";
    const result = checkWorkbook([assessment(), first, second], catalog);
    const idRow = second.values.findIndex((r) => r[0] === "Framework id");
    expect(result.problems).toEqual([expect.objectContaining({ sheet: "Our framework (2)", cell: cellAddress(idRow, 1), severity: "warning", code: "framework-sheet-duplicate", message: expect.stringContaining('"Our framework" and "Our framework (2)" both define') })]);
    expect(result.people[0]).toMatchObject({ unmetEssential: ["A3"], essentialsMet: false });
  });
});

/** The column of the criteria table headed Priority on a framework sheet. */
function priorityColumn(sheet: { values: unknown[][] }): number {
  const header = sheet.values.find((r) => r.includes("Priority") && r.includes("ID"))!;
  return header.indexOf("Priority");
}

describe("a sheet made from an earlier version of its framework", () => {
  const v1 = threeLevels;
  const assistant = v1.roles[0];
  const sheet = () => gridFromPlan(planAssessmentSheet(v1, assistant, v1.levels[2], [{ name: "Ann", scores: Object.fromEntries(assistant.criteria.map((c) => [c.id, 3])) }], "T"));
  // Version 2 adds an essential A4 and drops B2.
  const v2 = mustBuild({
    ...threeLevelInput,
    version: "2",
    roles: [{ ...threeLevelInput.roles[0], criteria: [...threeLevelInput.roles[0].criteria.filter((c) => c.id !== "B2"), { id: "A4", level: "A", category: "Skills", text: "Does more at A" }] }],
  });

  it("records the version it was made from beside the framework's title", () => {
    expect(sheet().values[0][2]).toBe(`${v1.title} (version 1)`);
  });

  it("names the criteria added and removed since as warnings, and judges only what the sheet assesses", () => {
    const result = checkWorkbook([sheet()], catalogOf([v2]));
    expect(result.problems.map((p) => [p.code, p.severity, p.message.match(/\b[AB]\d\b/)?.[0]])).toEqual([
      ["criterion-removed-since", "warning", "B2"],
      ["criterion-added-since", "warning", "A4"],
    ]);
    expect(result.people[0]).toMatchObject({ attainedLevel: "C", essentialsMet: true, missing: [] });
  });

  it("without a version change, a missing column is still an error", () => {
    const grid = sheet();
    const header = grid.values[ASSESSMENT_ROWS.header];
    header[header.indexOf("B2")] = "Notes";
    expect(checkWorkbook([grid], catalogOf([v1])).problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual(["criterion-column-missing"]);
  });
});
