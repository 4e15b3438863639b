import { runCli } from "../helpers/cli";
import { stockportAssessmentFile, stockportPerson, tempDir } from "../helpers/workbooks";

// The words of messages a user reads: no doubled quotes, no "null", no "1 people".
const dir = tempDir();
/** Stockport layout: header in row 11, people from row 12, SLA-01 in column B ... SLA-24 in Y. */
const ROW = 12;

async function problems(file: string): Promise<{ code: string; cell: string; message: string }[]> {
  const run = await runCli("check", file, "--json");
  return JSON.parse(run.stdout).problems;
}

describe("check's messages", () => {
  it("an unknown column's header is quoted once", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell("AF11").value = "Notes";
    }, "notes.xlsx");
    const found = (await problems(file)).find((p) => p.code === "unknown-column")!;
    expect(found.message).toMatch(/^Column AF \("Notes"\) is not a criterion/);
  });

  it("a formula with no stored result says so, not 'null'", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell(`E${ROW}`).value = { formula: "1+2" } as never;
    }, "no-result.xlsx");
    const found = (await problems(file)).find((p) => p.code === "score-formula")!;
    expect(found.cell).toBe(`E${ROW}`);
    expect(found.message).toContain("its result is not stored in the file, so the score is read as blank");
    expect(found.message).not.toMatch(/null/);
  });

  it("a formula with a stored result names it", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], (ws) => {
      ws.getCell(`E${ROW}`).value = { formula: "1+2", result: 3 };
    }, "result.xlsx");
    expect((await problems(file)).find((p) => p.code === "score-formula")!.message).toContain("its result 3 is used");
  });

  it("the summary counts one person as a person", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann")], undefined, "one.xlsx");
    const run = await runCli("check", file);
    expect(run.stdout).toContain("1 person in 1 assessment sheet: 1 meets every essential criterion, 0 do not. 0 errors, 1 warning.");
    expect(run.stdout).not.toMatch(/1 people|\(s\)/);
  });

  it("the summary counts many people as people", async () => {
    const file = await stockportAssessmentFile(dir, [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-05": 0, "SLA-06": "x", "SLA-07": 9 })], undefined, "two.xlsx");
    const run = await runCli("check", file);
    expect(run.stdout).toContain("2 people in 1 assessment sheet: 1 meets every essential criterion, 1 does not. 2 errors, 1 warning.");
  });
});
