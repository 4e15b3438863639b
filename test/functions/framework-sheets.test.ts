/**
 * The custom functions on a workbook that carries its own framework as a framework sheet: the
 * functions find the framework there, and an edit on that sheet (a criterion's priority) changes
 * the streamed results, at the cost of re-reading the framework sheet only.
 */
import { checkWorkbook } from "../../src/core/check";
import { catalogOf } from "../../src/core/catalog";
import { importFrameworkJson, planFrameworkSheet, toFrameworkInput } from "../../src/core/interchange";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import type { Framework } from "../../src/core/model";
import { applyPlanInExcel } from "../../src/excel/apply";
import { readWorkbookGrids } from "../../src/excel/read";
import { builtInFrameworks } from "../../src/frameworks";
import type { FakeExcel, FakeSheet } from "../fakes/fake-excel";
import { createFakeExcel, syncCost } from "../fakes/fake-excel";
import { invocation } from "../helpers/custom-functions";


type Functions = typeof import("../../src/functions/functions");

/** Medway's framework under another id and title: one that exists only in this workbook. */
function ownFramework(): Framework {
  const medway = builtInFrameworks().find((f) => f.id === "medway-libraries-2024")!;
  const imported = importFrameworkJson(JSON.stringify({ ...toFrameworkInput(medway), id: "our-libraries", title: "Our libraries framework" }));
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  return imported.framework;
}

const framework = ownFramework();
const role = framework.roles.find((r) => r.id === "library-assistant")!;
const target = framework.levels.find((l) => l.id === "B")!;
const ROLE = "our-libraries/library-assistant";
/** The criterion Bo fails: the first one at level A, essential in Medway. */
const failed = role.criteria.find((c) => c.level === "A")!;
const FILLER = 3000;


let fns: Functions;
let excel: FakeExcel;
let frameworkSheet: FakeSheet;
let assessSheet: FakeSheet;

/** Waits for the debounce and the read it triggers. */
async function settle() {
  await new Promise((r) => setTimeout(r, 200));
  await fns.live.flush();
}

/** The 0-based row of a criterion in the framework sheet's Criteria table, and the column of a header there. */
function criteriaCell(id: string, header: string): { row: number; col: number; address: string } {
  const cells = [...frameworkSheet.cells.entries()].map(([k, c]) => ({ r: Number(k.split(",")[0]), c: Number(k.split(",")[1]), value: c.value }));
  const headerCell = cells.find((x) => x.value === header && cells.some((y) => y.r === x.r && y.value === "Role") && cells.some((y) => y.r === x.r && y.value === "Category"));
  const idCol = cells.find((x) => x.r === headerCell!.r && x.value === "ID")!.c;
  const row = cells.find((x) => x.c === idCol && x.r > headerCell!.r && x.value === id)!.r;
  const col = headerCell!.c;
  return { row, col, address: `${String.fromCharCode(65 + col)}${row + 1}` };
}

async function setPriority(id: string, priority: string) {
  const { row, col, address } = criteriaCell(id, "Priority");
  frameworkSheet.cells.set(`${row},${col}`, { value: priority });
  await excel.fireChange(frameworkSheet.name, address);
}

/** What the check says of Bo after a fresh read of the whole workbook: the live answers must agree with it. */
async function freshBo() {
  const catalog = catalogOf(builtInFrameworks());
  const result = checkWorkbook(await excel.run((context) => readWorkbookGrids(context, catalog.criterionIds)), catalog);
  return result.people.find((p) => p.employee === "Bo")!;
}

/** Response bytes of reading these sheets whole, as the check does. */
async function readCost(sheets: string[]): Promise<number> {
  const from = excel.state.syncLog.length;
  await excel.run((context) => readWorkbookGrids(context, new Set(), sheets));
  return syncCost(excel.state, from).responseBytes;
}

beforeAll(async () => {
  excel = createFakeExcel();
  const people = [
    { name: "Ann", scores: Object.fromEntries(role.criteria.map((c) => [c.id, 3])) },
    { name: "Bo", scores: Object.fromEntries(role.criteria.map((c) => [c.id, c.id === failed.id ? 1 : 3])) },
    // Enough people that reading the assessment sheet again would show in the cost of an edit.
    ...Array.from({ length: FILLER }, (_, i) => ({ name: `Person ${i + 1}`, scores: Object.fromEntries(role.criteria.map((c) => [c.id, 2])) })),
  ];
  const frameworkName = await excel.run((context) => applyPlanInExcel(context, planFrameworkSheet(framework)));
  const assessName = await excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(framework, role, target, people, "Assess")));
  frameworkSheet = excel.state.sheets.find((s) => s.name === frameworkName)!;
  assessSheet = excel.state.sheets.find((s) => s.name === assessName)!;
  Object.assign(globalThis, { Excel: excel });
  fns = await import("../../src/functions/functions");
});

describe("custom functions on the workbook's framework sheet", () => {
  it("finds the framework on its sheet: LEVELGAP, ESSENTIALSMET, UNMET and CRITERIA answer", async () => {
    const gap = invocation<number>();
    const met = invocation<boolean>();
    const unmet = invocation<string[][]>();
    fns.levelGap("Bo", ROLE, undefined as never, undefined as never, gap.inv);
    fns.essentialsMet("Bo", ROLE, undefined as never, undefined as never, met.inv);
    fns.unmet("Bo", ROLE, undefined as never, undefined as never, unmet.inv);
    await fns.live.start();
    await settle();
    expect(fns.live.frameworks().map((f) => f.id)).toContain("our-libraries");
    expect(fns.live.frameworkProblems).toEqual([]);
    // Bo misses an essential level-A criterion: no level attained, two short of B.
    expect(gap.results).toEqual([2]);
    expect(met.results).toEqual([false]);
    expect(unmet.last()).toEqual([[failed.id, failed.text]]);
    const bo = await freshBo();
    expect([bo.levelGap, bo.essentialsMet]).toEqual([2, false]);
    const table = invocation<string[][]>();
    fns.criteria(ROLE, undefined as never, undefined as never, table.inv);
    await settle();
    expect((table.last() as string[][]).find((row) => row[0] === failed.id)?.[4]).toBe("essential");
    for (const i of [gap, met, unmet, table]) i.cancel();
  });

  it("streams new results when a criterion's priority changes on the framework sheet, reading only that sheet", async () => {
    const gap = invocation<number>();
    const met = invocation<boolean>();
    const table = invocation<string[][]>();
    const priorityOf = () => (table.last() as string[][]).find((row) => row[0] === failed.id)?.[4];
    fns.levelGap("Bo", ROLE, undefined as never, undefined as never, gap.inv);
    fns.essentialsMet("Bo", ROLE, undefined as never, undefined as never, met.inv);
    fns.criteria(ROLE, undefined as never, undefined as never, table.inv);
    await settle();
    expect([gap.last(), met.last(), priorityOf()]).toEqual([2, false, "essential"]);

    const [reads, from] = [fns.live.reads, excel.state.syncLog.length];
    await setPriority(failed.id, "desirable");
    await settle();
    const cost = syncCost(excel.state, from);
    expect(fns.live.reads - reads).toBe(1);
    expect(cost.syncs).toBeLessThanOrEqual(3);
    // The framework sheet's probe and whole read, nothing more: the assessment sheet is judged again from memory.
    const frameworkRead = await readCost([frameworkSheet.name]);
    const assessmentRead = await readCost([assessSheet.name]);
    expect(cost.responseBytes).toBeLessThanOrEqual(frameworkRead + 2048);
    expect(assessmentRead).toBeGreaterThan(5 * cost.responseBytes);

    expect([gap.last(), met.last(), priorityOf()]).toEqual([0, true, "desirable"]);
    const bo = await freshBo();
    expect([bo.levelGap, bo.essentialsMet]).toEqual([0, true]);

    await setPriority(failed.id, "essential");
    await settle();
    expect([gap.last(), met.last(), priorityOf()]).toEqual([2, false, "essential"]);
    for (const i of [gap, met, table]) i.cancel();
  });

  it("says which framework sheet cell is wrong when an edit breaks the sheet, and recovers when it is put right", async () => {
    const gap = invocation<number>();
    fns.levelGap("Bo", ROLE, undefined as never, undefined as never, gap.inv);
    await settle();
    const { address } = criteriaCell(failed.id, "Priority");
    await setPriority(failed.id, "sometimes");
    await settle();
    expect(fns.live.frameworkProblems).toEqual([expect.objectContaining({ sheet: frameworkSheet.name, cell: address, severity: "error" })]);
    expect(gap.last()).toMatchObject({ code: "#N/A", message: expect.stringContaining(`${frameworkSheet.name}!${address}`) });

    await setPriority(failed.id, "essential");
    await settle();
    expect(fns.live.frameworkProblems).toEqual([]);
    expect(gap.last()).toBe(2);
    gap.cancel();
  });

  it("the explicit form uses the framework sheet too", async () => {
    const header = ["Employee", ...role.criteria.map((c) => c.id)];
    const row = ["Cy", ...role.criteria.map((c) => (c.id === failed.id ? 0 : 3))];
    const cy = invocation<number>();
    fns.levelGap("Cy", ROLE, "B", [header, row], cy.inv);
    expect(cy.results).toEqual([2]);
    await setPriority(failed.id, "desirable");
    await settle();
    expect(cy.last()).toBe(0);
    await setPriority(failed.id, "essential");
    await settle();
    expect(cy.last()).toBe(2);
    cy.cancel();
  });
});
