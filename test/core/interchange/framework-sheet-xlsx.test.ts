import fc from "fast-check";
import path from "node:path";
import { readFrameworkSheet } from "../../../src/core/interchange/framework-sheet-reader";
import { planFrameworkSheet } from "../../../src/core/layout/framework-sheet";
import type { Framework } from "../../../src/core/model";
import { builtInFrameworks } from "../../../src/frameworks";
import { readGrids } from "../../../src/xlsx/read";
import { createWorkbookFile } from "../../../src/xlsx/workbook";
import { tempDir } from "../../helpers/workbooks";
import { frameworkArb } from "./arbitrary";

/** Writing a real .xlsx is slow, so fewer generated frameworks go through it than through the plan-to-grid property. */
const XLSX_RUNS = 25;

const dir = tempDir("hr-fw-sheet-");
let files = 0;

/** The sheet as the file writer writes it to an .xlsx and the reader reads it back: tables, text that looks like a formula, line breaks. */
async function throughXlsx(framework: Framework) {
  const file = path.join(dir, `framework-${files++}.xlsx`);
  const [name] = await createWorkbookFile(file, [planFrameworkSheet(framework)]);
  const grid = (await readGrids(file)).find((g) => g.name === name)!;
  return readFrameworkSheet(grid);
}

describe("framework sheet through a real .xlsx (file writer and reader)", () => {
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
