import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/grid";
import { cellAddress } from "../../src/core/layout/plan";
import type { CellValue } from "../../src/core/scores";
import { writeDemo } from "../../src/demo/demo";
import { readGrids } from "../../src/xlsx/read";
import { stockportAssessmentFile, stockportPerson, tempDir } from "../helpers/workbooks";

/**
 * The oracle: on files ExcelJS wrote, our grids hold what ExcelJS's own full reader reads, cell
 * for cell, except where the product says otherwise: a date-formatted number is the number (Excel's
 * serial day), and a cell covered by a merge is empty (ExcelJS repeats the merge's value there).
 */
jest.setTimeout(60_000);
const dir = tempDir("hr-xlsx-oracle-");

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** What ExcelJS reads, as the product wants it in a grid. */
function expectedValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value !== "object") return value;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("formula" in value || "sharedFormula" in value) return expectedValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return expectedValue((value as ExcelJS.CellHyperlinkValue).text);
  throw new Error(`the oracle does not know the ExcelJS value ${JSON.stringify(value)}`);
}

interface Picture {
  name: string;
  cells: Record<string, CellValue>;
  formulas: Record<string, string>;
  hiddenRows: number[];
  merges: string[];
  protected: boolean;
}

function fromExcelJS(ws: ExcelJS.Worksheet): Picture {
  const picture: Picture = { name: ws.name, cells: {}, formulas: {}, hiddenRows: [], merges: [], protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) };
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.hidden) picture.hiddenRows.push(row.number - 1);
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = expectedValue(cell.value);
      if (value !== null) picture.cells[cell.address] = value;
      if (cell.type === ExcelJS.ValueType.Formula) picture.formulas[cell.address] = cell.formula;
    });
  });
  picture.merges = [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort();
  return picture;
}

function fromGrid(grid: SheetGrid): Picture {
  const picture: Picture = { name: grid.name, cells: {}, formulas: {}, hiddenRows: [...grid.hiddenRows].sort((a, b) => a - b), merges: [], protected: grid.protected };
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) picture.cells[cellAddress(r, c)] = value;
    }),
  );
  for (const [key, text] of grid.formulas) picture.formulas[cellAddress(Math.floor(key / 16384), key % 16384)] = text;
  picture.merges = (grid.merges ?? []).map((m) => (m.rows * m.cols === 1 ? cellAddress(m.row, m.col) : `${cellAddress(m.row, m.col)}:${cellAddress(m.row + m.rows - 1, m.col + m.cols - 1)}`)).sort();
  return picture;
}

async function expectSameAsExcelJS(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const grids = await readGrids(file);
  expect(grids.map(fromGrid)).toEqual(workbook.worksheets.map(fromExcelJS));
  return grids;
}

describe("our grids equal ExcelJS's full reader on ExcelJS-written files", () => {
  it("the demo workbook: criteria and assessment sheets, formulas, every kind of score", async () => {
    const { workbook } = await writeDemo(dir);
    const grids = await expectSameAsExcelJS(workbook);
    expect(grids.length).toBeGreaterThanOrEqual(4);
    expect(grids.some((g) => g.formulas.size > 0)).toBe(true);
  });

  it("a sheet with dates, merges over scores, hidden rows, protection, errors and rich text", async () => {
    const file = await stockportAssessmentFile(
      dir,
      [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-02": "three", "SLA-03": { error: "#N/A" }, "SLA-04": true }), stockportPerson("Cy", { "SLA-01": { formula: "1+2", result: 3 } })],
      (ws) => {
        ws.getCell("B12").numFmt = "yyyy-mm-dd";
        ws.getCell("AD2").value = new Date(Date.UTC(2024, 5, 30, 12));
        ws.getCell("AD3").value = { richText: [{ text: "rich " }, { text: "note", font: { italic: true } }] };
        ws.getCell("AD4").value = { text: "a link", hyperlink: "https://example.org" };
        ws.mergeCells("D12:E12");
        ws.mergeCells("AD6:AF8");
        ws.getRow(13).hidden = true;
        void ws.protect("", {});
      },
      "oracle-stockport.xlsx",
    );
    const [grid] = await expectSameAsExcelJS(file);
    // The product's exceptions, said outright: the date-formatted 3 is 3, E12 under the merge is empty.
    expect(grid.values[11][1]).toBe(3);
    expect(grid.values[11][4]).toBeUndefined();
    expect(grid.merges).toContainEqual({ row: 11, col: 3, rows: 1, cols: 2 });
    expect(grid.protected).toBe(true);
    expect([...grid.hiddenRows]).toEqual([12]);
  });
});
