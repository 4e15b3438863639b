import ExcelJS from "exceljs";
import fc from "fast-check";
import { readFrameworkSheet } from "../../../src/core/interchange/framework-sheet-reader";
import { planFrameworkSheet } from "../../../src/core/layout/framework-sheet";
import type { Framework } from "../../../src/core/model";
import { builtInFrameworks } from "../../../src/frameworks";
import { applyPlan } from "../../../src/xlsx/apply";
import { worksheetToGrid } from "../../../src/xlsx/read";
import { newWorkbook } from "../../../src/xlsx/workbook";
import { frameworkArb } from "./arbitrary";

/** Writing a real .xlsx is slow, so fewer generated frameworks go through it than through the plan-to-grid property. */
const XLSX_RUNS = 25;

/** The sheet as ExcelJS writes it to an .xlsx and reads it back: tables, text that looks like a formula, line breaks. */
async function throughXlsx(framework: Framework) {
  const workbook = newWorkbook();
  const name = applyPlan(workbook, planFrameworkSheet(framework));
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(Buffer.from(await workbook.xlsx.writeBuffer()) as unknown as ExcelJS.Buffer);
  return readFrameworkSheet(worksheetToGrid(reloaded.getWorksheet(name)!));
}

describe("framework sheet through a real .xlsx (ExcelJS adapter)", () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))("%s comes back the same", async (_id, framework) => {
    const back = await throughXlsx(framework);
    expect(back.ok ? back.framework : back.problems).toEqual(framework);
  });

  it(`generated frameworks come back the same (${XLSX_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(frameworkArb, async (framework) => {
        const back = await throughXlsx(framework);
        expect(back.ok ? back.framework : back.problems).toEqual(framework);
      }),
      { numRuns: XLSX_RUNS },
    );
  });
});
