import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { STOCKPORT_SHEET, stockportAssessmentFile, stockportPerson, tempDir } from "../helpers/workbooks";

const dir = tempDir();
/** Stockport layout: header in row 11, people from row 12, SLA-01 in column B ... SLA-24 in Y. */
const ROW = 12;

async function checkJson(file: string) {
  const before = readFileSync(file);
  const run = await runCli("check", file, "--json");
  // The input is only ever read.
  expect(readFileSync(file).equals(before)).toBe(true);
  return { ...run, json: run.stdout ? JSON.parse(run.stdout) : undefined };
}

const problemsOf = (json: { problems: { code: string; cell: string; severity: string; sheet: string }[] }) =>
  json.problems.filter((p) => p.code !== "unspecified-priority").map((p) => [p.code, p.cell, p.severity]);

describe("check on a clean sheet", () => {
  it("passes someone who meets every essential, exit 0 only when everyone does", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-01": 0 }, 2)], undefined, "clean.xlsx");
    const { code, json } = await checkJson(file);
    expect(json.people).toEqual([
      { sheet: STOCKPORT_SHEET, employee: "Ann", framework: "stockport-library-assistant", role: "library-assistant", targetLevel: "all", attainedLevel: "all", levelGap: 0, essentialsMet: true, unmetEssential: [], missing: [], desirableScore: 6 },
      expect.objectContaining({ employee: "Bo", essentialsMet: true, desirableScore: 2 }),
    ]);
    expect(json.problems).toEqual([{ sheet: STOCKPORT_SHEET, cell: "C11", severity: "warning", code: "unspecified-priority", message: expect.stringContaining("SLA-02") }]);
    expect(code).toBe(0);
  });

  it("shows a progress line while it reads, cleared when done (on a terminal only)", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], undefined, "progress.xlsx");
    const run = await runCli("check", file);
    expect(run.progress).toEqual([`Reading ${file}…`, ""]);
    expect(run.stderr).toBe("");
  });

  it("exits 1 when someone misses an essential", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann", { "SLA-05": 1 })], undefined, "unmet.xlsx");
    const { code, json } = await checkJson(file);
    expect(json.people[0]).toMatchObject({ essentialsMet: false, unmetEssential: ["SLA-05"], attainedLevel: null, levelGap: 1 });
    expect(code).toBe(1);
  });
});

describe("check on bad input names the problem, its sheet and cell, and never crashes", () => {
  it.each([
    ["a text score", "good", "score-text"],
    ["numeric text", "3", "score-numeric-text"],
    ["a fraction", 2.5, "score-fraction"],
    ["a score above the scale", 7, "score-out-of-range"],
    ["a negative score", -1, "score-out-of-range"],
    ["an error value", { error: "#N/A" }, "score-error-value"],
  ])("%s", async (_label, value, code) => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann", { "SLA-04": value as never })], undefined, `bad-${code}.xlsx`);
    const run = await checkJson(file);
    expect(problemsOf(run.json)).toEqual([[code, `E${ROW}`, "error"]]);
    expect(run.json.problems.find((p: { code: string }) => p.code === code).sheet).toBe(STOCKPORT_SHEET);
    expect(run.json.people[0].missing).toEqual(["SLA-04"]);
    expect(run.code).toBe(1);
  });

  it("a formula in a score cell: a warning, and its result is used", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell(`E${ROW}`).value = { formula: "1+2", result: 3 };
    }, "formula.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([["score-formula", `E${ROW}`, "warning"]]);
    expect(json.people[0]).toMatchObject({ essentialsMet: true, missing: [] });
  });

  it("a blank score is missing, not a problem", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann", { "SLA-04": null })], undefined, "blank.xlsx");
    const { json, code } = await checkJson(file);
    expect(problemsOf(json)).toEqual([]);
    expect(json.people[0]).toMatchObject({ missing: ["SLA-04"], unmetEssential: [], essentialsMet: false });
    expect(code).toBe(1);
  });

  it("a duplicated employee", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann Lee"), stockportPerson("Bo"), stockportPerson(" ann  lee ")], undefined, "dup.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([["employee-duplicate", `A${ROW + 2}`, "error"]]);
    expect(json.people).toHaveLength(3);
  });

  it("an empty employee name with scores", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Bo")], (ws) => {
      ws.getCell(`A${ROW + 1}`).value = null;
    }, "noname.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([["employee-missing", `A${ROW + 1}`, "error"]]);
    expect(json.people.map((p: { employee: string }) => p.employee)).toEqual(["Ann"]);
  });

  it("an unknown criterion column is a warning and is ignored", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell("AF11").value = "Notes";
      ws.getCell(`AF${ROW}`).value = "great";
    }, "unknown-col.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([["unknown-column", "AF11", "warning"]]);
    expect(json.people[0].essentialsMet).toBe(true);
  });

  it("a criterion column missing: an error, and its scores count as missing", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell("J11").value = "SLA-99";
    }, "missing-col.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([
      ["unknown-column", "J11", "warning"],
      ["criterion-column-missing", "AF11", "error"],
    ]);
    expect(json.people[0].missing).toEqual(["SLA-09"]);
  });

  it.each([
    ["the framework id changed", "B1", "nonsense", "unknown-framework"],
    ["the framework id deleted", "B1", null, "metadata-missing"],
    ["the role changed", "B2", "Head Librarian", "unknown-role"],
    ["the target level changed", "B3", "Z", "unknown-level"],
  ])("%s: exit 2 when it was the only sheet", async (_label, cell, value, code) => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell(cell).value = value;
    }, `meta-${code}-${cell}.xlsx`);
    const run = await runCli("check", file, "--json");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${STOCKPORT_SHEET}!${cell}`);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("metadata deleted, with another good sheet: an error naming the cell, the other sheet still checked", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws, wb) => {
      const copy = wb.addWorksheet("Copy");
      ws.eachRow((row, r) => row.eachCell((cell, c) => void (copy.getCell(r, c).value = cell.value)));
      copy.getCell("A1").value = null;
      copy.getCell("B1").value = null;
    }, "meta-deleted.xlsx");
    const { json, code } = await checkJson(file);
    expect(json.problems).toContainEqual(expect.objectContaining({ sheet: "Copy", cell: "A1", code: "metadata-missing", severity: "error" }));
    expect(json.people.map((p: { sheet: string }) => p.sheet)).toEqual([STOCKPORT_SHEET]);
    expect(code).toBe(1);
  });

  it("the header row moved down: still found", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-03": 1 })], (ws) => {
      ws.spliceRows(6, 0, [], [], []);
    }, "moved.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([]);
    expect(json.people.map((p: { employee: string; unmetEssential: string[] }) => [p.employee, p.unmetEssential])).toEqual([["Ann", []], ["Bo", ["SLA-03"]]]);
  });

  it("blank rows inside the table: a warning, people below still checked", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Gap"), stockportPerson("Bo")], (ws) => {
      for (let c = 1; c <= 25; c++) ws.getCell(ROW + 1, c).value = null;
    }, "blank-row.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([["blank-row", `A${ROW + 1}`, "warning"]]);
    expect(json.people.map((p: { employee: string }) => p.employee)).toEqual(["Ann", "Bo"]);
  });

  it("hidden rows: a warning, and still checked", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Bo")], (ws) => {
      ws.getRow(ROW + 1).hidden = true;
    }, "hidden.xlsx");
    const { json } = await checkJson(file);
    expect(problemsOf(json)).toEqual([["row-hidden", `A${ROW + 1}`, "warning"]]);
    expect(json.people).toHaveLength(2);
  });

  it("a protected sheet is read like any other", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      void ws.protect("secret", { selectLockedCells: true });
    }, "protected.xlsx");
    const { json, code } = await checkJson(file);
    expect(problemsOf(json)).toEqual([]);
    expect(json.people[0].essentialsMet).toBe(true);
    expect(code).toBe(0);
  });

  it("a workbook without an assessment sheet: exit 2 with one line", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      for (let r = 1; r <= 12; r++) ws.getCell(r, 1).value = `note ${r}`;
    }, "not-assessment.xlsx");
    const run = await runCli("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/has no assessment sheet.*hr-competency template\n$/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["a file that is not xlsx", "notes.xlsx", Buffer.from("Name,Score\nAnn,3\n"), /is not an \.xlsx workbook/],
    ["an empty file", "empty.xlsx", Buffer.alloc(0), /is empty \(0 bytes\)/],
  ])("%s: exit 2 with one line", async (_label, name, bytes, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const run = await runCli("check", file);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a truncated xlsx: exit 2 with one line, file untouched", async () => {
    const good = await stockportAssessmentFile(dir, [stockportPerson("Ann")], undefined, "to-truncate.xlsx");
    const file = path.join(dir, "truncated.xlsx");
    writeFileSync(file, readFileSync(good).subarray(0, 3000));
    const before = readFileSync(file);
    const run = await runCli("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not be read as an \.xlsx workbook; it may be truncated or damaged/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a missing file: exit 2", async () => {
    const run = await runCli("check", path.join(dir, "nope.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such file/);
  });

  it("a folder: exit 2, saying it is a folder", async () => {
    const run = await runCli("check", dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`${dir} is a folder, not an .xlsx workbook.`);
  });
});
