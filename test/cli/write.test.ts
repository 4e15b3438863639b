import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FrameworkInput } from "../../src/core/framework";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { planCriteriaSheet } from "../../src/core/layout/criteria-sheet";
import { createWorkbookFile } from "../../src/xlsx/workbook";
import { runCli } from "../helpers/cli";
import { mustBuild } from "../helpers/fixtures";
import { hyperlinks, sheetXml } from "../helpers/ooxml";
import { tempDir } from "../helpers/workbooks";

const dir = tempDir();

async function read(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of every sheet as [sheet, address, value, numFmt, font, fill]. */
function snapshot(wb: ExcelJS.Workbook, sheets?: string[]) {
  const out: unknown[] = [];
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => out.push([ws.name, cell.address, cell.value, cell.numFmt, cell.font, cell.fill, cell.isMerged])),
    );
  }
  return out;
}

const risky = ["=1+1", "+44 20 7946 0000", "-Ann", "@home", "=HYPERLINK(\"http://x\")"];

describe("formula-like text stays text", () => {
  it("employee names from --people are written as text", async () => {
    const file = path.join(dir, "risky-people.xlsx");
    const run = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", risky.join(";"));
    expect(run.code).toBe(0);
    const ws = (await read(file)).getWorksheet("Assess Library Assistant")!;
    risky.forEach((name, i) => {
      const cell = ws.getCell(`A${12 + i}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
    });
  });

  it("criterion, category and role text from a framework is written as text", async () => {
    const input: FrameworkInput = {
      id: "risky",
      title: "=Title",
      publisher: "@Pub",
      source: { document: "-doc" },
      levels: [],
      defaultPriority: "essential",
      roles: [{ id: "r", title: "+Role", purpose: "=purpose()", duties: [{ text: "-duty" }], criteria: [{ id: "R1", category: "=cat", text: "=SUM(A1:A3)" }, { id: "R2", category: "@cat", text: "+plus" }] }],
    };
    const fw = mustBuild(input);
    const file = path.join(dir, "risky-framework.xlsx");
    await createWorkbookFile(file, [planCriteriaSheet(fw, fw.roles[0], "C"), planAssessmentSheet(fw, fw.roles[0], fw.levels[0], [{ name: "=Bob" }], "A")]);
    const back = await read(file);
    const texts = new Set<string>();
    for (const ws of back.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.String) texts.add(String(cell.value));
        }),
      );
    }
    for (const t of ["=Title", "@Pub", "+Role", "=purpose()", "-duty", "=cat", "=SUM(A1:A3)", "@cat", "+plus", "=Bob"]) expect(texts).toContain(t);
  });
});

describe("fill and template into an existing workbook", () => {
  async function userWorkbook(file: string) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Library Assistant");
    ws.getCell("A1").value = "My own notes";
    ws.getCell("B2").value = 42;
    ws.getCell("B2").numFmt = "0.00";
    ws.getCell("C3").value = { formula: "B2*2", result: 84 };
    ws.getCell("D4").value = new Date(Date.UTC(2024, 0, 2));
    ws.getCell("A5").font = { bold: true, color: { argb: "FFFF0000" } };
    ws.getCell("A5").value = "=not a formula";
    ws.mergeCells("A7:C7");
    ws.getCell("A7").value = "merged";
    const other = wb.addWorksheet("Budget");
    other.getCell("A1").value = "Line";
    other.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    await wb.xlsx.writeFile(file);
  }

  it("leaves every existing cell as it was, and gives a taken sheet name a new one", async () => {
    const file = path.join(dir, "existing.xlsx");
    await userWorkbook(file);
    const before = snapshot(await read(file));

    expect((await runCli("fill", file, "--framework", "medway-libraries-2024", "--role", "Library Assistant")).code).toBe(0);
    expect((await runCli("template", file, "--framework", "medway-libraries-2024", "--role", "Library Assistant", "--level", "B", "--people", "Ann;Bo")).code).toBe(0);
    const after = await read(file);

    expect(snapshot(after, ["Library Assistant", "Budget"])).toEqual(before);
    expect(after.worksheets.map((ws) => ws.name)).toEqual(["Library Assistant", "Budget", "Library Assistant (2)", "Assess Library Assistant (B)"]);
  });

  it("a second template for the same role gets its own sheet and table names", async () => {
    const file = path.join(dir, "twice.xlsx");
    for (let i = 0; i < 2; i++) {
      const run = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann");
      expect(run.code).toBe(0);
    }
    const wb = await read(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Assess Library Assistant", "Assess Library Assistant (2)"]);
    const tables = wb.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: object }).tables));
    expect(new Set(tables).size).toBe(2);
    const check = await runCli("check", file, "--json");
    expect(JSON.parse(check.stdout).people).toHaveLength(2);
  });

  it("refuses a workbook it cannot read instead of replacing it", async () => {
    const file = path.join(dir, "not-a-workbook.xlsx");
    writeFileSync(file, "hello");
    const run = await runCli("fill", file, "--framework", "stockport-library-assistant");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not an \.xlsx workbook/);
    expect(readFileSync(file, "utf8")).toBe("hello");
  });
});

describe("the assessment sheet", () => {
  it("has a whole-number dropdown with the scale labels, a table, frozen header and native formulas", async () => {
    const file = path.join(dir, "layout.xlsx");
    await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann;Bo");
    const ws = (await read(file)).worksheets[0];
    const dv = ws.getCell("C13").dataValidation;
    expect(dv).toMatchObject({ type: "whole", operator: "between", formulae: [0, 4], showInputMessage: true });
    expect(dv.prompt).toContain("0 Not met essential criteria");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 11, xSplit: 1 });
    expect(["A1", "A2", "A3"].map((a) => ws.getCell(a).value)).toEqual(["Framework", "Role", "Target level"]);
    expect(ws.getCell("B1").value).toBe("stockport-library-assistant");
    expect(ws.getCell("Z11").value).toBe("Essentials met");
    expect(ws.getCell("Z12").formula).toMatch(/^SUMPRODUCT\(/);
    expect(ws.getCell("AA12").formula).toMatch(/^_xlfn\.TEXTJOIN\(/);
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toHaveLength(1);
    // Essentials below the threshold stand out: every essential column, never the desirable ones (SLA-01, SLA-18).
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type, c.rules[0].formulae?.[0]])).toEqual([
      ["C12:R13", "expression", "AND(ISNUMBER(C12),C12<2)"],
      ["T12:Y13", "expression", "AND(ISNUMBER(T12),T12<2)"],
      ["B12:Y13", "colorScale", undefined],
    ]);
  });
});

describe("check --report", () => {
  it("writes a copy with a Check results sheet linking to each cell; the input is not written", async () => {
    const file = path.join(dir, "to-report.xlsx");
    await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann;Bo");
    const wb = await read(file);
    const ws = wb.worksheets[0];
    for (let c = 2; c <= 25; c++) ws.getCell(12, c).value = 3;
    ws.getCell("D13").value = "x";
    await wb.xlsx.writeFile(file);
    const before = readFileSync(file);

    const out = path.join(dir, "report.xlsx");
    const run = await runCli("check", file, "--report", out);
    expect(run.code).toBe(1);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Internal links are a location alone (ECMA-376), which ExcelJS's reader does not report: read the sheet's XML.
    const report = (await read(out)).getWorksheet("Check results")!;
    const links = hyperlinks(sheetXml(out, "Check results")).map((link) => `${report.getCell(link.split(" ")[0]).text} ${link}`);
    expect(links).toEqual(["Ann A7 -> 'Assess Library Assistant'!A12", "Bo A8 -> 'Assess Library Assistant'!A13", "C11 B12 -> 'Assess Library Assistant'!C11", "D13 B13 -> 'Assess Library Assistant'!D13"]);

    // Checking the report copy again replaces its own report sheet instead of adding a second.
    const again = path.join(dir, "report2.xlsx");
    expect((await runCli("check", out, "--report", again)).code).toBe(1);
    expect((await read(again)).worksheets.map((w) => w.name)).toEqual(["Assess Library Assistant", "Check results"]);
  });

  it("refuses to write the report over the input", async () => {
    const file = path.join(dir, "self.xlsx");
    await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann");
    const before = readFileSync(file);
    const run = await runCli("check", file, "--report", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--report must name a new file/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
