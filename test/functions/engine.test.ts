import ExcelJS from "exceljs";
import path from "node:path";
import type { CheckResult } from "../../src/core/check";
import { writeDemo } from "../../src/demo/demo";
import { AssessmentIndex, CRITERIA_TABLE_HEADER, FunctionError, criteriaTable, essentialsMetOf, findPerson, levelGapOf, levelOf, personFromRange, readinessOf, unmetOf } from "../../src/functions/engine";
import { builtInFrameworks, findFramework } from "../../src/frameworks";
import { checkFile } from "../../src/xlsx/check-file";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";

const frameworks = builtInFrameworks();
let result: CheckResult;
let index: AssessmentIndex;
let file: string;

beforeAll(async () => {
  ({ workbook: file } = await writeDemo(tempDir()));
  result = await checkFile(file);
  index = new AssessmentIndex(result.sheets);
});

function fails(fn: () => unknown): FunctionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FunctionError) return error;
    throw error;
  }
  throw new Error("expected a FunctionError");
}

describe("the employee functions on the workbook's index", () => {
  it("agree with hr-competency check --json for every person", async () => {
    const json = JSON.parse((await runCli("check", file, "--json")).stdout);
    expect(json.people.length).toBeGreaterThanOrEqual(6);
    for (const person of json.people) {
      const found = findPerson(index, frameworks, person.employee, person.role);
      const framework = findFramework(person.framework)!;
      const attained = framework.levels.find((l) => l.id === person.attainedLevel);
      expect([person.employee, levelGapOf(found), levelOf(found), essentialsMetOf(found), unmetOf(found).map((r) => r[0]).filter(Boolean)]).toEqual([
        person.employee,
        person.levelGap,
        attained ? attained.name : "",
        person.essentialsMet,
        person.unmetEssential,
      ]);
    }
  });

  it("take the role by title and ignore case and spacing in names", () => {
    const a = findPerson(index, frameworks, "  ben   HUGHES ", "Library Assistant");
    expect(a.employee).toBe("Ben Hughes");
    expect(levelGapOf(a)).toBe(1);
    expect(levelGapOf(a, "B")).toBe(0);
    expect(levelGapOf(a, "Developing")).toBe(0);
    expect(essentialsMetOf(a, "B")).toBe(true);
    expect(readinessOf(a, "C")).toBeGreaterThan(0.9);
    expect(readinessOf(a, "C")).toBeLessThan(1);
  });

  it("UNMET spills rows of ID and criterion text, and one blank row when nothing is unmet", () => {
    const ben = unmetOf(findPerson(index, frameworks, "Ben Hughes", "medway-libraries-2024/library-assistant"));
    expect(ben).toHaveLength(1);
    expect(ben[0][0]).toBe("LA-C-K01");
    expect(ben[0][1]).toBe(findFramework("medway-libraries-2024")!.roles[1].criteria.find((c) => c.id === "LA-C-K01")!.text);
    expect(unmetOf(findPerson(index, frameworks, "Amara Okafor", "library-assistant"))).toEqual([["", ""]]);
  });

  it("CRITERIA spills a table with a header row, filtered by level and category", () => {
    const all = criteriaTable(frameworks, "stockport-library-assistant/library-assistant");
    expect(all[0]).toEqual(CRITERIA_TABLE_HEADER);
    expect(all).toHaveLength(25);
    expect(all.every((row) => row.length === 5)).toBe(true);
    const knowledgeB = criteriaTable(frameworks, "Library Manager", "B", "knowledge");
    expect(knowledgeB.slice(1).every((r) => r[1] === "B (Practising)" && r[2] === "Knowledge")).toBe(true);
    expect(knowledgeB.length).toBeGreaterThan(1);
  });
});

describe("errors say what went wrong", () => {
  it.each([
    ["an unknown employee", () => findPerson(index, frameworks, "Zoe Quinn", "library-assistant"), "notAvailable", /"Zoe Quinn" is not in the assessment sheets for library-assistant \(searched: Assess Library Assistant \(C\), Assess Library Assistant\)/],
    ["an unknown role", () => findPerson(index, frameworks, "Ann", "Head Librarian"), "notAvailable", /Unknown role "Head Librarian"/],
    ["a role with no assessment sheet", () => findPerson(index, frameworks, "Ann", "Library Manager"), "notAvailable", /No assessment sheet for role "Library Manager" in this workbook \(assessment sheets: .*\)/],
    ["an unknown level", () => levelGapOf(findPerson(index, frameworks, "Ben Hughes", "library-assistant"), "Z"), "notAvailable", /Unknown level "Z" in medway-libraries-2024\. Levels: A, B, C/],
    ["an empty employee", () => findPerson(index, frameworks, "", "library-assistant"), "invalidValue", /employee is empty/],
    ["a number as role", () => findPerson(index, frameworks, "Ann", 42 as unknown as string), "notAvailable", /Unknown role "42"/],
    ["a role two frameworks share", () => criteriaTable(frameworks, "library-assistant"), "invalidValue", /is a role in medway-libraries-2024 and stockport-library-assistant; write it as framework\/role/],
    ["CRITERIA with an unknown level", () => criteriaTable(frameworks, "Library Manager", "Z"), "notAvailable", /Unknown level "Z"/],
    ["scores without its header", () => personFromRange(frameworks, "Ann", "library-assistant", [["Name", "LA-A-Q01"], ["Ann", 3]]), "invalidValue", /first cell should be "Employee"/],
    ["scores that is not a table", () => personFromRange(frameworks, "Ann", "library-assistant", [[1]]), "invalidValue", /including its header row/],
  ])("%s", (_label, fn, kind, message) => {
    const error = fails(fn);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it("an employee in two assessment sheets of the same role is #VALUE! naming both", () => {
    const medwaySheet = result.sheets.find((s) => s.framework.id === "medway-libraries-2024")!;
    const copy = { ...medwaySheet, sheet: "Copy of Medway" };
    const twice = new AssessmentIndex([...result.sheets, copy]);
    const error = fails(() => findPerson(twice, frameworks, "Ben Hughes", "library-assistant"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toMatch(/"Ben Hughes" is in more than one row for library-assistant \('?Assess Library Assistant \(C\)!A\d+ and Copy of Medway!A\d+\)/);
  });
});

describe("the explicit form reads an assessment table's range", () => {
  async function tableRange(sheetName: string): Promise<unknown[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(sheetName)!;
    const rows: unknown[][] = [];
    ws.eachRow((row, r) => {
      if (r < 11) return;
      rows.push(Array.from({ length: ws.columnCount }, (_, c) => {
        const v = row.getCell(c + 1).value as unknown;
        return v && typeof v === "object" && "formula" in (v as object) ? "" : (v ?? "");
      }));
    });
    return rows;
  }

  it("and gives the same results as the two-argument form", async () => {
    const range = await tableRange("Assess Library Assistant (C)");
    for (const employee of ["Amara Okafor", "Ben Hughes", "Chloe Martin", "Dev Patel", "Ewa Nowak", "Grace O'Neill"]) {
      const fromRange = personFromRange(frameworks, employee, "library-assistant", range);
      const fromIndex = findPerson(index, frameworks, employee, "library-assistant");
      expect([levelGapOf(fromRange), levelOf(fromRange), essentialsMetOf(fromRange), unmetOf(fromRange), readinessOf(fromRange)]).toEqual([
        levelGapOf(fromIndex),
        levelOf(fromIndex),
        essentialsMetOf(fromIndex),
        unmetOf(fromIndex),
        readinessOf(fromIndex),
      ]);
    }
    expect(path.basename(file)).toBe("competency-demo.xlsx");
  });
});
