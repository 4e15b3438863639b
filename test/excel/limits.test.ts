import { checkWorkbook } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { applyPlanInExcel } from "../../src/excel/apply";
import { readWorkbookGrids } from "../../src/excel/read";
import { checkOpenWorkbook } from "../../src/excel/workbook";
import { friendlyError } from "../../src/taskpane/errors";
import { benchFramework } from "../../src/bench/bench-data";
import type { FakeWorkbookState } from "../fakes/fake-excel";
import { addFakeSheet, createFakeExcel, EXCEL_WEB_LIMITS, syncCost } from "../fakes/fake-excel";

/** Real-sized workbooks on the fake host with Excel on the web's limits on. */
const framework = benchFramework();
const role = framework.roles[0];
const target = framework.levels[2];

function people(count: number) {
  return Array.from({ length: count }, (_, p) => ({
    name: `Person ${p + 1}`,
    scores: Object.fromEntries(role.criteria.map((c, i) => [c.id, 1 + ((p + i) % 4)])),
  }));
}

async function assessmentWorkbook(count: number) {
  const excel = createFakeExcel();
  const name = await excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(framework, role, target, people(count), "Assess")));
  return { excel, name };
}

/** A data sheet that is no assessment: `rows` x `cols` of ids, names and numbers. */
function addDataSheet(state: FakeWorkbookState, rows: number, cols: number) {
  const sheet = addFakeSheet(state, "HRIS extract");
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) sheet.cells.set(`${r},${c}`, { value: r === 0 ? `Field ${c + 1}` : c === 0 ? 100000 + r : c === 1 ? `Name ${r}` : (r * c) % 997 });
  }
  return sheet;
}

describe("reads and writes that fit Excel on the web's limits", () => {
  it("builds and checks a 10,000 x 60 assessment sheet with no payload over 5 MB", async () => {
    const { excel } = await assessmentWorkbook(10_000);
    const built = syncCost(excel.state);
    expect(built.largestPayload).toBeLessThan(EXCEL_WEB_LIMITS.payloadBytes);
    const from = excel.state.syncLog.length;
    const result = await checkOpenWorkbook(excel.run, [framework]);
    const read = syncCost(excel.state, from);
    expect(result.people).toHaveLength(10_000);
    expect(result.people.filter((p) => p.essentialsMet)).toHaveLength(result.people.filter((p) => p.unmetEssential.length === 0).length);
    expect(read.largestPayload).toBeLessThan(EXCEL_WEB_LIMITS.payloadBytes);
    // Over 5 MB in all, so in several chunks; the syncs are the probe's three plus about one per 1.3 MB read.
    expect(read.responseBytes).toBeGreaterThan(EXCEL_WEB_LIMITS.payloadBytes);
    expect(read.syncs).toBeGreaterThan(4);
    expect(read.syncs).toBeLessThanOrEqual(3 + Math.ceil(read.responseBytes / 1_000_000));
  }, 120_000);

  it("reads a small and a larger sheet in the same number of syncs", async () => {
    const syncs: number[] = [];
    for (const count of [20, 1000]) {
      const { excel } = await assessmentWorkbook(count);
      const from = excel.state.syncLog.length;
      await checkOpenWorkbook(excel.run, [framework]);
      syncs.push(syncCost(excel.state, from).syncs);
    }
    expect(syncs[1]).toBe(syncs[0]);
  }, 60_000);

  it("never reads a 100,000 x 20 data sheet whole: it costs its probe, under 1 KB", async () => {
    const { excel } = await assessmentWorkbook(50);
    const catalog = catalogOf([framework]);
    let from = excel.state.syncLog.length;
    const without = await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds));
    const withoutBytes = syncCost(excel.state, from).responseBytes;
    addDataSheet(excel.state, 100_000, 20);
    from = excel.state.syncLog.length;
    const withData = await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds));
    const cost = syncCost(excel.state, from);
    expect(withData.map((g) => g.name)).toEqual(without.map((g) => g.name));
    expect(cost.responseBytes - withoutBytes).toBeGreaterThan(0);
    expect(cost.responseBytes - withoutBytes).toBeLessThanOrEqual(1024);
    expect(Math.max(...excel.state.syncLog.slice(from).map((r) => r.cellsRead))).toBeLessThan(100_000);
  }, 60_000);

  it("reads rows again in smaller chunks when Excel refuses a chunk, with the same result", async () => {
    const { excel } = await assessmentWorkbook(2000);
    const catalog = catalogOf([framework]);
    const reference = checkWorkbook(await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds)), catalog);
    excel.state.limits.payloadBytes = 300_000;
    const from = excel.state.syncLog.length;
    const again = checkWorkbook(await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds)), catalog);
    const log = excel.state.syncLog.slice(from);
    expect(log.some((r) => r.refused === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(log.filter((r) => !r.refused).every((r) => r.responseBytes <= 300_000)).toBe(true);
    expect(again.people).toEqual(reference.people);
    expect(again.problems).toEqual(reference.problems);
  }, 60_000);

  it("tells the user what to do when Excel refuses a payload", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S", [["x".repeat(100)]]);
    excel.state.limits.payloadBytes = 50;
    const error = await excel
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem("S").getRange("A1");
        range.load("values");
        await context.sync();
      })
      .catch((e: unknown) => e);
    const message = friendlyError("check the workbook", error);
    expect(message).toMatch(/^Could not check the workbook: Excel refused to send so much of the workbook at once/);
    expect(message).toMatch(/split very large sheets/);
    expect(friendlyError("create the sheet", Object.assign(new Error("x"), { code: "RequestPayloadSizeLimitExceeded" }))).toMatch(/Try fewer people at a time/);
  });
});
