import { checkWorkbook } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { cellAddress } from "../../src/core/layout/plan";
import { benchFramework } from "../../src/bench/bench-data";
import { applyPlanInExcel } from "../../src/excel/apply";
import { readWorkbookGrids } from "../../src/excel/read";
import type { ExcelRunner } from "../../src/excel/workbook";
import { findPerson, levelGapOf } from "../../src/functions/engine";
import { LiveWorkbook } from "../../src/functions/live";
import type { FakeExcel, FakeSheet } from "../fakes/fake-excel";
import { addFakeSheet, createFakeExcel, syncCost } from "../fakes/fake-excel";

const framework = benchFramework();
const role = framework.roles[0];
const criteria = role.criteria.length;
const catalog = catalogOf([framework]);

function people(names: string[]) {
  return names.map((name, p) => ({ name, scores: Object.fromEntries(role.criteria.map((c, i) => [c.id, 1 + ((p + i) % 4)])) }));
}

/** Runs batches on `excel`, but the next `count` fail as a busy Excel does (more can be asked for later). */
function failingFirst(excel: { run: ExcelRunner }, count: number) {
  let failures = count;
  const flaky: ExcelRunner = (batch) => {
    if (failures > 0) {
      failures--;
      return Promise.reject(Object.assign(new Error("Excel is busy"), { code: "GeneralException" }));
    }
    return excel.run(batch);
  };
  return { flaky, failNext: (n: number) => void (failures = n) };
}

async function workbook(names: string[], sheetName = "Assess") {
  const excel = createFakeExcel();
  const name = await excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(framework, role, framework.levels[2], people(names), sheetName)));
  return { excel, sheet: excel.state.sheets.find((s) => s.name === name)! };
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `Person ${i + 1}`);

/** A data sheet that is no assessment: ids in A, names in B, numbers elsewhere. */
function addDataSheet(excel: FakeExcel, rows: number, cols: number): FakeSheet {
  const sheet = addFakeSheet(excel.state, "HRIS extract");
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) sheet.cells.set(`${r},${c}`, { value: r === 0 ? `Field ${c + 1}` : c === 0 ? 100000 + r : c === 1 ? `Name ${r}` : (r * c) % 997 });
  return sheet;
}

/** Every score of one person's row (1-based Excel row) set to `score`, as a user would type them. */
function scoreRow(sheet: FakeSheet, excelRow: number, score: number) {
  for (let c = 1; c <= criteria; c++) sheet.cells.set(`${excelRow - 1},${c}`, { value: score });
  return `B${excelRow}:${cellAddress(excelRow - 1, criteria).replace(/\d+$/, "")}${excelRow}`;
}

const gapOf = (live: LiveWorkbook, name: string) => levelGapOf(findPerson(live.index, [framework], name, role.id));

/** What a fresh read of the sheet says: the index must agree with it. */
async function freshPeople(excel: FakeExcel, sheet: FakeSheet) {
  return checkWorkbook(await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds, [sheet.name])), catalog).sheets.flatMap((s) => s.people);
}

describe("the live index within Excel's limits", () => {
  let excel: FakeExcel;
  let assess: FakeSheet;
  let data: FakeSheet;
  let live: LiveWorkbook;

  beforeAll(async () => {
    ({ excel, sheet: assess } = await workbook(names(300)));
    const alone = new LiveWorkbook(excel.run, [framework], 0);
    let from = excel.state.syncLog.length;
    await alone.start();
    const withoutData = syncCost(excel.state, from).responseBytes;
    data = addDataSheet(excel, 100_000, 20);
    live = new LiveWorkbook(excel.run, [framework], 0);
    from = excel.state.syncLog.length;
    await live.start();
    // The data sheet costs its probe at start, nothing more.
    expect(syncCost(excel.state, from).responseBytes - withoutData).toBeLessThanOrEqual(1024);
  }, 60_000);

  it("reads nothing for an edit to a data sheet away from its top rows", async () => {
    const [reads, from] = [live.reads, excel.state.syncLog.length];
    data.cells.set("5000,4", { value: 1 });
    await excel.fireChange(data.name, "E5001");
    await live.flush();
    expect([live.reads - reads, excel.state.syncLog.length - from]).toEqual([0, 0]);
  });

  it("probes a data sheet once, under 1 KB, for an edit to its column A top rows or a row inserted", async () => {
    for (const [address, changeType] of [
      ["A3", "RangeEdited"],
      ["7:7", "RowInserted"],
    ]) {
      const [reads, from] = [live.reads, excel.state.syncLog.length];
      await excel.fireChange(data.name, address, changeType);
      await live.flush();
      const cost = syncCost(excel.state, from);
      expect(live.reads - reads).toBe(1);
      expect(cost.syncs).toBeLessThanOrEqual(2);
      expect(cost.responseBytes).toBeLessThanOrEqual(1024);
    }
    expect(live.index.sheets().map((s) => s.sheet)).toEqual([assess.name]);
  });

  it("reads just the changed rows of a score change, in one sync, and agrees with a fresh read", async () => {
    expect(gapOf(live, "Person 7")).toBeGreaterThan(0);
    const [reads, from] = [live.reads, excel.state.syncLog.length];
    await excel.fireChange(assess.name, scoreRow(assess, 18, 4));
    await live.flush();
    const cost = syncCost(excel.state, from);
    expect(live.reads - reads).toBe(1);
    expect(cost.syncs).toBeLessThanOrEqual(2);
    // One row of 67 cells: values, types, the score formulas, its visibility.
    expect(cost.responseBytes).toBeLessThan(2048);
    expect(gapOf(live, "Person 7")).toBe(0);
    expect(live.index.sheets()[0].people).toEqual(await freshPeople(excel, assess));
  });

  it("re-reads only the assessment sheet when its metadata changes, and follows the new target level", async () => {
    const [reads, from] = [live.reads, excel.state.syncLog.length];
    assess.cells.set("2,1", { value: "A" });
    await excel.fireChange(assess.name, "B3");
    await live.flush();
    expect(live.reads - reads).toBe(1);
    expect(live.index.sheets()[0].target.id).toBe("A");
    expect(syncCost(excel.state, from).responseBytes).toBeLessThan(1_000_000);
    expect(live.index.sheets()[0].people).toEqual(await freshPeople(excel, assess));
  });

  it("takes a person typed below the table without reading the sheet again", async () => {
    const row = 12 + 300;
    assess.cells.set(`${row - 1},0`, { value: "New Person" });
    const address = scoreRow(assess, row, 3);
    const from = excel.state.syncLog.length;
    await excel.fireChange(assess.name, `A${row}`);
    await excel.fireChange(assess.name, address);
    await live.flush();
    expect(syncCost(excel.state, from).syncs).toBe(1);
    expect(gapOf(live, "New Person")).toBe(0);
    expect(live.index.sheets()[0].people).toEqual(await freshPeople(excel, assess));
  });
});

describe("the live index's reads and events", () => {
  it("runs reads one at a time, so an older read never overwrites a newer one", async () => {
    const { excel, sheet } = await workbook(names(5));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holdNext = false;
    // The first read after `holdNext` is set answers late, after the edit that follows it.
    const slowRun: ExcelRunner = async (batch) => {
      const hold = holdNext;
      holdNext = false;
      const result = await excel.run(batch);
      if (hold) await gate;
      return result;
    };
    const live = new LiveWorkbook(slowRun, [framework], 0);
    await live.start();
    holdNext = true;
    await excel.fireChange(sheet.name, scoreRow(sheet, 12, 0));
    const older = live.flush();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await excel.fireChange(sheet.name, scoreRow(sheet, 12, 4));
    const newer = live.flush();
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await Promise.all([older, newer]);
    expect(gapOf(live, "Person 1")).toBe(0);
    expect(live.index.sheets()[0].people).toEqual(await freshPeople(excel, sheet));
  });

  it("debounces events for a sheet it does not know yet, and reads it once", async () => {
    const { excel } = await workbook(names(3));
    const live = new LiveWorkbook(excel.run, [framework], 30);
    await live.start();
    const added = await workbook(["Zoe"]);
    // A sheet that appeared without an onAdded event (as when events were off): its id is unknown.
    const second = added.sheet;
    second.id = "{second}";
    second.name = "Second";
    excel.state.sheets.push(second);
    const reads = live.reads;
    await excel.fireChange(second.name, "B12");
    await excel.fireChange(second.name, "C12");
    expect(live.reads).toBe(reads);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await live.flush();
    expect(live.reads - reads).toBe(1);
    expect(findPerson(live.index, [framework], "Zoe", role.id).employee).toBe("Zoe");
    expect(live.index.sheets().map((s) => s.sheet).sort()).toEqual(["Assess Analyst (C)", "Second"].sort());
  });

  it("tries a failed start again on the next call", async () => {
    const { excel } = await workbook(names(3));
    const { flaky } = failingFirst(excel, 1);
    const live = new LiveWorkbook(flaky, [framework], 0);
    await expect(live.start()).rejects.toMatchObject({ code: "GeneralException" });
    await live.start();
    expect(gapOf(live, "Person 2")).toBeGreaterThanOrEqual(0);
    expect(excel.handlerCount()).toBe(1);
  });

  it("loses no change when a read fails: the next flush reads the workbook whole", async () => {
    const { excel, sheet } = await workbook(names(3));
    const failing = failingFirst(excel, 0);
    const live = new LiveWorkbook(failing.flaky, [framework], 0);
    await live.start();
    expect(gapOf(live, "Person 2")).toBeGreaterThan(0);
    failing.failNext(2);
    await excel.fireChange(sheet.name, scoreRow(sheet, 13, 4));
    await expect(live.flush()).rejects.toMatchObject({ code: "GeneralException" });
    await live.flush();
    expect(gapOf(live, "Person 2")).toBe(0);
  });

  it("finds names Excel would have reinterpreted, as typed", async () => {
    const { excel } = await workbook(["00123", "1/2", "TRUE", "3e5", "1-2"]);
    const live = new LiveWorkbook(excel.run, [framework], 0);
    await live.start();
    expect(live.index.sheets()[0].people.map((p) => p.employee)).toEqual(["00123", "1/2", "TRUE", "3e5", "1-2"]);
    expect(findPerson(live.index, [framework], "00123", role.id).employee).toBe("00123");
  });
});
