import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { applyPlanInExcel } from "../../src/excel/apply";
import type { FakeExcel } from "../fakes/fake-excel";
import { createFakeExcel } from "../fakes/fake-excel";
import { builtIn, stockportPerson } from "../helpers/workbooks";
import { FakeFunctionError, invocation } from "../helpers/custom-functions";


type Functions = typeof import("../../src/functions/functions");
let fns: Functions;
let excel: FakeExcel;
const SHEET = "Assess Library Assistant";


/** Waits for the debounce and the read it triggers. */
async function settle() {
  await new Promise((r) => setTimeout(r, 200));
  await fns.live.flush();
}

function setScore(address: string, value: number | string) {
  const sheet = excel.state.sheets.find((s) => s.name === SHEET)!;
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const c = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  sheet.cells.set(`${Number(row) - 1},${c}`, { value });
}

beforeAll(async () => {
  excel = createFakeExcel();
  const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
  const people = [stockportPerson("Ann"), stockportPerson("Bo", { "SLA-05": 1 })];
  await excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(framework, role, level, people, "Assess")));
  Object.assign(globalThis, { Excel: excel });
  fns = await import("../../src/functions/functions");
});

describe("live custom functions", () => {
  it("stream LEVELGAP and push a new result when a score changes, with one workbook read per change", async () => {
    const bo = invocation<number>();
    fns.levelGap("Bo", "library-assistant", undefined as never, undefined as never, bo.inv);
    await fns.live.start();
    await settle();
    expect(bo.results).toEqual([1]);

    const reads = fns.live.reads;
    setScore("F13", 3);
    await excel.fireChange(SHEET, "F13");
    await settle();
    expect(bo.results).toEqual([1, 0]);
    expect(fns.live.reads - reads).toBe(1);
  });

  it("reads a burst of edits to one sheet once", async () => {
    const reads = fns.live.reads;
    setScore("G13", 1);
    setScore("H13", 1);
    await excel.fireChange(SHEET, "G13");
    await excel.fireChange(SHEET, "H13");
    await settle();
    expect(fns.live.reads - reads).toBe(1);
    setScore("G13", 3);
    setScore("H13", 3);
    await excel.fireChange(SHEET, "G13:H13");
    await settle();
  });

  it("sends nothing more to a cancelled invocation, and forgets it", async () => {
    const ann = invocation<boolean>();
    fns.essentialsMet("Ann", "Library Assistant", undefined as never, undefined as never, ann.inv);
    await settle();
    expect(ann.results).toEqual([true]);
    const before = fns.live.subscriberCount;
    ann.cancel();
    expect(fns.live.subscriberCount).toBe(before - 1);
    setScore("C12", 0);
    await excel.fireChange(SHEET, "C12");
    await settle();
    expect(ann.results).toEqual([true]);
  });

  it("does not push a result that has not changed", async () => {
    const level = invocation<string>();
    fns.level("Ann", "library-assistant", undefined as never, level.inv);
    await settle();
    const count = level.results.length;
    setScore("Y12", 4);
    await excel.fireChange(SHEET, "Y12");
    await settle();
    expect(level.results).toHaveLength(count);
  });

  it("give #N/A with a message for an unknown employee, and #VALUE! for bad arguments", async () => {
    const zed = invocation<number>();
    fns.levelGap("Zed", "library-assistant", undefined as never, undefined as never, zed.inv);
    await settle();
    expect(zed.results).toEqual([new FakeFunctionError("#N/A", `"Zed" is not in the assessment sheets for library-assistant (searched: ${SHEET}).`)]);
    const empty = invocation<number>();
    fns.readiness("", "library-assistant", undefined as never, undefined as never, empty.inv);
    await settle();
    expect(empty.results[0]).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/employee is empty/) });
  });

  it("UNMET streams a spilled column", async () => {
    const bo = invocation<string[][]>();
    setScore("J13", 0);
    await excel.fireChange(SHEET, "J13");
    await settle();
    fns.unmet("Bo", "library-assistant", undefined as never, undefined as never, bo.inv);
    await settle();
    expect(bo.results[bo.results.length - 1]).toEqual([["SLA-09", expect.any(String)]]);
  });

  it("follows a changed sheet that has been renamed since, in one read", async () => {
    const gap = invocation<number>();
    fns.levelGap("Bo", "library-assistant", undefined as never, undefined as never, gap.inv);
    await settle();
    const sheet = excel.state.sheets.find((s) => s.name === SHEET)!;
    sheet.name = "Renamed";
    const reads = fns.live.reads;
    await excel.fireChange("Renamed", "B13");
    await settle();
    expect(fns.live.reads - reads).toBe(1);
    expect(fns.live.index.sheets().map((s) => s.sheet)).toEqual(["Renamed"]);
    sheet.name = SHEET;
    await fns.live.refreshAll();
    expect(gap.results.length).toBeGreaterThan(0);
    gap.cancel();
  });

  it("the explicit form answers from the scores range at once", () => {
    const header = ["Employee", ...Array.from({ length: 24 }, (_, i) => `SLA-${String(i + 1).padStart(2, "0")}`)];
    const row = ["Cy", ...Array.from({ length: 24 }, (_, i) => (i === 4 ? 1 : 2))];
    const cy = invocation<number>();
    fns.levelGap("Cy", "library-assistant", undefined as never, [header, row], cy.inv);
    expect(cy.results).toEqual([1]);
  });

  it("CRITERIA streams a table, or #VALUE! naming the frameworks a role is in", async () => {
    const manager = invocation<string[][]>();
    fns.criteria("Library Manager", "A", "Skills", manager.inv);
    const assistant = invocation<string[][]>();
    fns.criteria("library-assistant", undefined as never, undefined as never, assistant.inv);
    await settle();
    expect((manager.results[0] as string[][])[0]).toEqual(["ID", "Level", "Category", "Criterion", "Priority"]);
    expect(assistant.results).toEqual([expect.any(FakeFunctionError)]);
    expect(assistant.results[0]).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("medway-libraries-2024 and stockport-library-assistant") });
    manager.cancel();
    assistant.cancel();
  });
});
