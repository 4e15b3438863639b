import ExcelJS from "exceljs";
import path from "node:path";
import { COMPUTED_HEADERS, TARGET_ABOVE_SHEET } from "../../src/core/layout/assessment-sheet";
import { runCli } from "../helpers/cli";
import { describeNeeding, sheetsAsCsv } from "../helpers/other-programs";
import { tempDir } from "../helpers/workbooks";

const describeWithSoffice = describeNeeding("soffice");

jest.setTimeout(180_000);
const dir = tempDir("hr-target-");
const SHEET = "Assess Library Assistant (B)";

/** A Medway Library Assistant sheet made for target B, everyone scored 3, then B3 set to `target` as a user would. */
async function sheetWithTarget(target: string): Promise<string> {
  const file = path.join(dir, `target-${target}.xlsx`);
  expect((await runCli("template", file, "--framework", "medway-libraries-2024", "--role", "library-assistant", "--level", "B", "--people", "Ann;Bo")).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEET)!;
  ws.getCell("B3").value = target;
  const header = ws.getRow(11);
  for (const r of [12, 13]) header.eachCell((h, c) => void (c > 1 && /^LA-/.test(String(h.value)) && (ws.getRow(r).getCell(c).value = 3)));
  await wb.xlsx.writeFile(file);
  return file;
}

describe("a target level raised above the sheet's levels", () => {
  it("check: one error at B3 that says to create a sheet for that target, and no wrong results", async () => {
    const run = await runCli("check", await sheetWithTarget("C"), "--json");
    const json = JSON.parse(run.stdout);
    expect(json.problems.filter((p: { severity: string }) => p.severity === "error")).toEqual([
      expect.objectContaining({ sheet: SHEET, cell: "B3", code: "target-above-sheet", message: expect.stringContaining("create an assessment sheet for target C") }),
    ]);
    expect(json.people).toEqual([]);
    expect(run.code).toBe(1);
  });
});

describeWithSoffice("the sheet's own formulas with a raised target (computed by LibreOffice)", () => {
  it("show #N/A and say why, rather than a level the sheet cannot measure", async () => {
    const rows = sheetsAsCsv(await sheetWithTarget("C")).get(SHEET)!;
    expect(rows[3][2]).toBe(TARGET_ABOVE_SHEET);
    const header = rows.find((r) => r[0] === "Employee")!;
    const ann = rows.find((r) => r[0] === "Ann")!;
    for (const name of COMPUTED_HEADERS.filter((h) => h !== "Unmet essentials" && h !== "Missing")) expect([name, ann[header.indexOf(name)]]).toEqual([name, "#N/A"]);
  });

  it("at the sheet's own target, still show the level reached", async () => {
    const rows = sheetsAsCsv(await sheetWithTarget("B")).get(SHEET)!;
    expect(rows[3][2]).toBe("follows the target level above");
    const header = rows.find((r) => r[0] === "Employee")!;
    const ann = rows.find((r) => r[0] === "Ann")!;
    expect([ann[header.indexOf("Attained level")], ann[header.indexOf("Level gap")]]).toEqual(["B (Practising)", "0"]);
  });
});
