import { checkWorkbook } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import type { SheetGrid } from "../../src/core/grid";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { isFormulaCell } from "../../src/core/layout/plan";
import { FRAMEWORK_SHEET_MARK } from "../../src/core/layout/framework-sheet";
import { PROBE_ROWS, classifySheetTop, headerRowOf, scoreColumns } from "../../src/core/probe";
import type { CellValue } from "../../src/core/scores";
import { builtInFrameworks } from "../../src/frameworks";
import { builtIn } from "../helpers/workbooks";

const catalog = catalogOf(builtInFrameworks());
const ids = catalog.criterionIds;

function gridOf(name: string, rows: CellValue[][]): SheetGrid {
  return { name, values: rows, formulas: new Map(), hiddenRows: new Set(), protected: false };
}
const columnA = (grid: SheetGrid) => Array.from({ length: PROBE_ROWS }, (_, r) => grid.values[r]?.[0] ?? null);

/** A planned assessment sheet as values (formulas as null): what a reader would see. */
function plannedGrid(): SheetGrid {
  const { framework, role, level } = builtIn("medway-libraries-2024", "library-assistant", "B");
  const plan = planAssessmentSheet(framework, role, level, [{ name: "Ann" }], "T");
  const rows: CellValue[][] = [];
  for (const block of plan.blocks) block.cells.forEach((row, i) => row.forEach((c, j) => ((rows[block.row + i] ??= [])[block.col + j] = c === null || isFormulaCell(c) ? null : (c as CellValue))));
  return gridOf("Assess", rows);
}

describe("classifySheetTop decides what a sheet is from its top rows", () => {
  it("finds a planned assessment sheet, its header row and its score columns, as the check does", () => {
    const grid = plannedGrid();
    const top = columnA(grid);
    const headerRow = headerRowOf(top);
    expect(headerRow).toBe(10);
    expect(classifySheetTop(top, grid.values[10], ids)).toEqual({ kind: "assessment", headerRow: 10 });
    const columns = scoreColumns(grid.values[10], ids);
    const header = grid.values[10];
    expect(columns.map((c) => header[c])).toEqual(header.filter((v, c) => c > 0 && typeof v === "string" && /^LA-/.test(v)));
    expect(checkWorkbook([grid], catalog).assessmentSheets).toEqual(["Assess"]);
  });

  it("takes a sheet without metadata as an assessment only when its Employee header names criteria", () => {
    const withIds: CellValue[][] = [[], ["Employee", "SLA-01", "SLA-02"], ["Ann", 2, 3]];
    const hris: CellValue[][] = [["Employee", "Department", "Start date"], ["Ann", "Library", 45000]];
    for (const [rows, kind] of [
      [withIds, "assessment"],
      [hris, "other"],
    ] as const) {
      const grid = gridOf("S", rows);
      const top = columnA(grid);
      const h = headerRowOf(top)!;
      expect(classifySheetTop(top, grid.values[h], ids).kind).toBe(kind);
      expect(checkWorkbook([grid], catalog).assessmentSheets.length).toBe(kind === "assessment" ? 1 : 0);
    }
  });

  it("recognises Role with Target level, not Role alone, as the check does", () => {
    const both = gridOf("S", [["Role", "x"], ["Target level", "B"]]);
    const roleOnly = gridOf("S", [["Role", "x"], ["Notes"]]);
    expect(classifySheetTop(columnA(both), undefined, ids).kind).toBe("assessment");
    expect(classifySheetTop(columnA(roleOnly), undefined, ids).kind).toBe("other");
    expect(checkWorkbook([both], catalog).assessmentSheets).toEqual(["S"]);
    expect(checkWorkbook([roleOnly], catalog).assessmentSheets).toEqual([]);
  });

  it("marks a framework sheet by A1 holding exactly the mark, and anything else as other", () => {
    expect(classifySheetTop([FRAMEWORK_SHEET_MARK], undefined, ids)).toEqual({ kind: "framework", headerRow: null });
    expect(classifySheetTop([`${FRAMEWORK_SHEET_MARK} (copy)`], undefined, ids).kind).toBe("other");
    expect(classifySheetTop([100001, "x", null], undefined, ids)).toEqual({ kind: "other", headerRow: null });
    expect(classifySheetTop([], undefined, ids)).toEqual({ kind: "other", headerRow: null });
  });

  it("looks no further than the probe's rows", () => {
    const low: CellValue[] = Array(PROBE_ROWS).fill(null);
    low.push("Framework");
    expect(classifySheetTop(low, undefined, ids).kind).toBe("other");
    low[PROBE_ROWS - 1] = "Framework";
    expect(classifySheetTop(low, undefined, ids).kind).toBe("assessment");
  });

  it("is the check's own rule: a heatmap, a spaced framework mark and a header below the probe are judged alike", () => {
    const heatmap = gridOf("Heatmap", [["Team heatmap: Library Assistant"], [], [], [], [], ["Employee", "SLA-01", "SLA-02"], ["Ann", 2, 3]]);
    const spacedMark = gridOf("Mine", [[` ${FRAMEWORK_SHEET_MARK} `]]);
    const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
    const lowHeader: CellValue[][] = [["Framework", framework.id], ["Role", role.id], ["Target level", level.id]];
    lowHeader[PROBE_ROWS] = ["Employee", "SLA-01"];
    lowHeader[PROBE_ROWS + 1] = ["Ann", 3];
    const low = gridOf("Low", lowHeader.map((row) => row ?? []));
    const probed = (grid: SheetGrid) => classifySheetTop(columnA(grid), grid.values[headerRowOf(columnA(grid)) ?? -1], ids).kind;
    expect([heatmap, spacedMark, low].map(probed)).toEqual(["other", "framework", "assessment"]);
    const checked = checkWorkbook([heatmap, spacedMark, low], catalog);
    expect(checked.assessmentSheets).toEqual(["Low"]);
    expect(checked.frameworkSheets).toEqual(["Mine"]);
    // Column A below the probe is not looked at, by either adapter: the header is not found.
    expect(headerRowOf(columnA(low))).toBeNull();
    expect(checked.problems.filter((p) => p.sheet === "Low").map((p) => p.code)).toEqual(["header-missing"]);
  });
});
