import ExcelJS from "exceljs";
import path from "node:path";
import fc from "fast-check";
import type { CheckResult } from "../../src/core/check";
import { COMPUTED_HEADERS, NO_LEVEL } from "../../src/core/layout/assessment-sheet";
import { levelLabel } from "../../src/core/lookup";
import { writeDemo } from "../../src/demo/demo";
import { findFramework } from "../../src/frameworks";
import { checkFile } from "../../src/xlsx/check-file";
import { runCli } from "../helpers/cli";
import { describeNeeding, libreOfficeCopy, sheetsAsCsv } from "../helpers/other-programs";
import { tempDir } from "../helpers/workbooks";

/**
 * A real spreadsheet program reads what we write: LibreOffice opens the workbook, computes the
 * native formulas itself (the files carry no cached results) and exports every sheet to CSV.
 */
const describeWithSoffice = describeNeeding("soffice");

jest.setTimeout(180_000);
const dir = tempDir("hr-lo-");

/** What LibreOffice computed in each person's formula columns, beside what the engine says. */
function compare(result: CheckResult, csv: Map<string, string[][]>) {
  const computed: unknown[] = [];
  const expected: unknown[] = [];
  for (const person of result.people) {
    const rows = csv.get(person.sheet);
    if (!rows) throw new Error(`LibreOffice exported no sheet ${person.sheet}; it has ${[...csv.keys()].join(", ")}`);
    const header = rows.find((r) => r[0] === "Employee")!;
    const row = rows.find((r) => r[0] === person.employee)!;
    const at = (name: string) => row[header.indexOf(name)];
    const [met, unmet, missing, desirable, attained, gap] = COMPUTED_HEADERS.map(at);
    const list = (s: string) => (s === "" ? [] : s.split(", "));
    computed.push([person.employee, met, list(unmet), list(missing), Number(desirable), attained, Number(gap)]);
    const framework = findFramework(person.framework)!;
    const level = framework.levels.find((l) => l.id === person.attainedLevel);
    expected.push([person.employee, person.essentialsMet ? "TRUE" : "FALSE", person.unmetEssential, person.missing, person.desirableScore, level ? levelLabel(level) : NO_LEVEL, person.levelGap]);
  }
  expect(computed).toEqual(expected);
}

describeWithSoffice("LibreOffice computes the native formulas exactly as the engine does", () => {
  it("on the demo workbook, person by person", async () => {
    const { workbook } = await writeDemo(dir);
    const result = await checkFile(workbook);
    expect(result.people.length).toBeGreaterThanOrEqual(6);
    compare(result, sheetsAsCsv(workbook));
  });

  it("on a filled template with random scores, including invalid ones and formula-like names", async () => {
    const file = path.join(dir, "random.xlsx");
    const names = ["=Bob", "+Ann", "-Cy", "@Di", ...Array.from({ length: 26 }, (_, i) => `Person ${i + 1}`)];
    expect((await runCli("template", file, "--framework", "medway-libraries-2024", "--role", "library-manager", "--people", names.join(";"))).code).toBe(0);
    expect((await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", names.slice(0, 12).join(";"))).code).toBe(0);

    // Three kinds of people, so every branch shows up: all met, mostly met with the odd slip, anything goes.
    // No TRUE/FALSE among the odd values: LibreOffice stores a boolean as the number 1 or 0 (Excel
    // and the check see no score), and no formula can tell them apart there.
    const weird = fc.constantFrom<ExcelJS.CellValue>(null, "x", "3", 2.5, 7, -1, { error: "#N/A" } as ExcelJS.CellErrorValue, " ");
    const kinds = [
      fc.integer({ min: 2, max: 4 }),
      fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) }, { weight: 1, arbitrary: weird }),
      fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: weird }),
    ].map((arb, i) => fc.sample(fc.array(arb as fc.Arbitrary<ExcelJS.CellValue>, { minLength: 2000, maxLength: 2000 }), { numRuns: 1, seed: 20261122 + i })[0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let person = 0;
    let k = 0;
    for (const ws of wb.worksheets) {
      const header = ws.getRow(11);
      ws.eachRow((row, r) => {
        if (r <= 11 || !row.getCell(1).value) return;
        const scores = kinds[person++ % kinds.length];
        header.eachCell((h, c) => {
          if (c > 1 && /^[A-Z]+-/.test(String(h.value))) row.getCell(c).value = scores[k++ % scores.length];
        });
      });
    }
    await wb.xlsx.writeFile(file);

    const result = await checkFile(file);
    expect(result.people).toHaveLength(42);
    // The sample must cover every branch of the rules, or the comparison proves little.
    expect(result.people.some((p) => p.essentialsMet)).toBe(true);
    expect(result.people.some((p) => p.unmetEssential.length > 0)).toBe(true);
    expect(new Set(result.people.map((p) => p.levelGap)).size).toBeGreaterThan(1);
    expect(result.problems.some((p) => p.code === "score-error-value")).toBe(true);
    const csv = sheetsAsCsv(file);
    compare(result, csv);
    const medwayRows = csv.get("Assess Library Manager (C)")!;
    for (const name of ["=Bob", "+Ann", "-Cy", "@Di"]) expect(medwayRows.some((r) => r[0] === name)).toBe(true);
  });

  it("reads a workbook re-saved by LibreOffice the same way", async () => {
    const { workbook } = await writeDemo(path.join(dir, "resave-src"));
    const original = await checkFile(workbook);
    const out = path.join(dir, "resaved");
    const resaved = await checkFile(libreOfficeCopy(workbook, out));
    const strip = (r: CheckResult) => ({ people: r.people, problems: r.problems.map((p) => [p.sheet, p.cell, p.code]) });
    expect(strip(resaved)).toEqual(strip(original));
  });
});
