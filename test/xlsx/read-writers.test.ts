import ExcelJS from "exceljs";
import path from "node:path";
import type { SheetGrid } from "../../src/core/grid";
import { formulaKey } from "../../src/core/grid";
import type { CheckResult } from "../../src/core/check";
import { checkFile } from "../../src/xlsx/check-file";
import { readGrids } from "../../src/xlsx/read";
import { ZipPackage } from "../../src/xlsx/zip";
import { readFileSync } from "node:fs";
import { describeNeeding, libreOfficeCopy, openpyxlResave, runPython } from "../helpers/other-programs";
import { stockportAssessmentFile, stockportPerson, tempDir } from "../helpers/workbooks";

jest.setTimeout(180_000);
const dir = tempDir("hr-xlsx-writers-");

/** Excel's serial day number of a UTC date: what a date-formatted cell holds. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function formulaAt(grid: SheetGrid, address: string): string | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split("").reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return grid.formulas.get(formulaKey(Number(m[2]) - 1, col));
}

describe("a workbook written by ExcelJS's full writer", () => {
  it("reads every value type, formulas, hidden rows, merges, protection and sheet names", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Scores 'Q1' & more");
    ws.getCell("A1").value = "Employee";
    ws.getCell("B1").value = 3;
    ws.getCell("C1").value = 3;
    ws.getCell("C1").numFmt = "yyyy-mm-dd";
    ws.getCell("D1").value = new Date(Date.UTC(2024, 0, 2));
    ws.getCell("E1").value = true;
    ws.getCell("F1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("G1").value = { formula: "B1*2", result: 6 };
    ws.getCell("H1").value = { richText: [{ text: "Ann " }, { text: "Lee", font: { bold: true } }] };
    ws.getCell("I1").value = { text: "link", hyperlink: "https://example.org" };
    ws.getCell("J1").value = 2.5;
    ws.getCell("A3").value = "hidden";
    ws.getRow(3).hidden = true;
    ws.getCell("D12").value = 4;
    ws.mergeCells("D12:E12");
    await ws.protect("", { selectLockedCells: true });
    wb.addWorksheet("Notes").getCell("B2").value = "x";
    const file = path.join(dir, "exceljs.xlsx");
    await wb.xlsx.writeFile(file);

    const grids = await readGrids(file);
    expect(grids.map((g) => g.name)).toEqual(["Scores 'Q1' & more", "Notes"]);
    const [g, notes] = grids;
    expect(g.values[0]).toEqual(["Employee", 3, 3, serial(2024, 1, 2), true, { error: "#DIV/0!" }, 6, "Ann Lee", "link", 2.5]);
    expect(g.values[2]).toEqual(["hidden"]);
    expect(g.values[11]).toEqual([undefined, undefined, undefined, 4]);
    expect(formulaAt(g, "G1")).toBe("B1*2");
    expect(g.formulas.size).toBe(1);
    expect([...g.hiddenRows]).toEqual([2]);
    expect(g.merges).toEqual([{ row: 11, col: 3, rows: 1, cols: 2 }]);
    expect(g.protected).toBe(true);
    expect(notes.values).toEqual([[], [undefined, "x"]]);
    expect(notes.protected).toBe(false);
  });
});

const OPENPYXL_WORKBOOK = `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Team's scores"
ws.append(["Employee", "SLA-01", "SLA-02", "Flag", "Total", "When", "Date-formatted 3"])
ws.append(["Ann", 3, 2.5, True, "=SUM(B2:C2)", datetime.date(2024, 1, 2), 3])
ws["G2"].number_format = "yyyy-mm-dd"
ws["A4"] = "hidden"
ws.row_dimensions[4].hidden = True
ws["D12"] = 4
ws.merge_cells("D12:E12")
ws.protection.sheet = True
wb.create_sheet("Q1 2024 (draft)")["B2"] = "draft"
wb.create_sheet("Ünïcödé ✓").append([1, 2, 3])
wb.save(sys.argv[1])
iso = openpyxl.Workbook(iso_dates=True)
iso.active.title = "Dates"
iso.active["A1"] = datetime.datetime(2024, 3, 4, 10, 30)
iso.save(sys.argv[2])
`;

describeNeeding("openpyxl")("workbooks written by openpyxl", () => {
  const file = path.join(dir, "openpyxl.xlsx");
  const isoFile = path.join(dir, "openpyxl-iso.xlsx");
  beforeAll(() => runPython(OPENPYXL_WORKBOOK, file, isoFile));

  it("stores the workbook part last and uses absolute part paths, as the fixture must", () => {
    const pkg = ZipPackage.read(readFileSync(file));
    const names = pkg.names();
    expect(names.indexOf("xl/workbook.xml")).toBeGreaterThan(names.indexOf("xl/worksheets/sheet3.xml"));
    expect(pkg.text("xl/_rels/workbook.xml.rels")).toContain('Target="/xl/worksheets/sheet1.xml"');
  });

  it("reads real sheet names in order, values, formulas, hidden rows, merges and protection", async () => {
    const grids = await readGrids(file);
    expect(grids.map((g) => g.name)).toEqual(["Team's scores", "Q1 2024 (draft)", "Ünïcödé ✓"]);
    const [g, draft, unicode] = grids;
    expect(g.values[0]).toEqual(["Employee", "SLA-01", "SLA-02", "Flag", "Total", "When", "Date-formatted 3"]);
    expect(g.values[1]).toEqual(["Ann", 3, 2.5, true, undefined, serial(2024, 1, 2), 3]);
    expect(formulaAt(g, "E2")).toBe("SUM(B2:C2)");
    expect(g.values[3]).toEqual(["hidden"]);
    expect([...g.hiddenRows]).toEqual([3]);
    expect(g.merges).toEqual([{ row: 11, col: 3, rows: 1, cols: 2 }]);
    expect(g.values[11]).toEqual([undefined, undefined, undefined, 4]);
    expect(g.protected).toBe(true);
    expect(draft.values).toEqual([[], [undefined, "draft"]]);
    expect(unicode.values).toEqual([[1, 2, 3]]);
  });

  it("reads ISO date cells (t=\"d\") as dates", async () => {
    const [g] = await readGrids(isoFile);
    expect(g.values).toEqual([[new Date(Date.UTC(2024, 2, 4, 10, 30))]]);
  });
});

/** The people and problems of a check, for comparing files with the same content. */
const outcome = (r: CheckResult) => ({ people: r.people, problems: r.problems });
const SHEET = "Bo's team – Q1 ✓";

/** An ExcelJS-written assessment with every kind of score, a merged score cell and a date-formatted 3. */
async function assessmentFile(): Promise<string> {
  return stockportAssessmentFile(
    dir,
    [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-06": 1 }), stockportPerson("Cy", { "SLA-01": null, "SLA-02": "three", "SLA-05": 7, "SLA-07": 2.5 }), stockportPerson("Dee"), stockportPerson("Eve")],
    (ws) => {
      ws.name = SHEET;
      // Dee's SLA-01 (B15) holds 3 shown as a date: a score of 3, as Excel's formulas see it.
      ws.getCell("B15").numFmt = "yyyy-mm-dd";
      // Ann's SLA-03 and SLA-04 merged: E12 is covered.
      ws.mergeCells("D12:E12");
    },
    "writers-original.xlsx",
  );
}

describe("the check on the ExcelJS file", () => {
  it("reads the merged score cell as a merge and the date-formatted 3 as a score", async () => {
    const file = await assessmentFile();
    const [grid] = await readGrids(file);
    expect(grid.name).toBe(SHEET);
    expect(grid.merges).toEqual([{ row: 11, col: 3, rows: 1, cols: 2 }]);
    const result = await checkFile(file);
    expect(result.problems.filter((p) => p.code === "score-date")).toEqual([]);
    const dee = result.people.find((p) => p.employee === "Dee")!;
    expect(dee).toMatchObject({ sheet: SHEET, essentialsMet: true, missing: [] });
    expect(result.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual(
      expect.arrayContaining([
        [SHEET, "C14", "score-text"],
        [SHEET, "F14", "score-out-of-range"],
        [SHEET, "H14", "score-fraction"],
      ]),
    );
  });
});

describeNeeding("openpyxl")("the check on a file re-saved by openpyxl", () => {
  it("gives the same people and problems as on the ExcelJS file, with the real sheet name", async () => {
    const original = await assessmentFile();
    const resaved = openpyxlResave(original, path.join(dir, "resaved-openpyxl.xlsx"));
    const expected = outcome(await checkFile(original));
    expect(expected.people.length).toBe(5);
    expect(outcome(await checkFile(resaved))).toEqual(expected);
    expect((await readGrids(resaved))[0].merges).toEqual([{ row: 11, col: 3, rows: 1, cols: 2 }]);
  });
});

describeNeeding("soffice")("the check on a file re-saved by LibreOffice", () => {
  it("gives the same people and problems as on the ExcelJS file, with the real sheet name", async () => {
    const original = await assessmentFile();
    const resaved = libreOfficeCopy(original, tempDir("hr-xlsx-lo-out-"));
    const expected = outcome(await checkFile(original));
    expect(outcome(await checkFile(resaved))).toEqual(expected);
    const [grid] = await readGrids(resaved);
    expect(grid.name).toBe(SHEET);
    expect(grid.merges).toEqual([{ row: 11, col: 3, rows: 1, cols: 2 }]);
    // LibreOffice writes the computed columns with cached results and formulas of its own.
    expect(formulaAt(grid, "AB12")).toBeDefined();
  });
});
