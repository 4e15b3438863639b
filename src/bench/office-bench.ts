import { planAssessmentSheet } from "../core/layout/assessment-sheet";
import { cellAddress } from "../core/layout/plan";
import type { Framework } from "../core/model";
import { applyPlanInExcel } from "../excel/apply";
import { checkOpenWorkbook } from "../excel/workbook";
import { LiveWorkbook } from "../functions/live";
import type { FakeExcel } from "../../test/fakes/fake-excel";
import { addFakeSheet, createFakeExcel, EXCEL_WEB_LIMITS, syncCost } from "../../test/fakes/fake-excel";

/**
 * The add-in against the fake Excel host with Excel on the web's limits on (5 MB per request and
 * response, 5 million cells per read): bytes and syncs to start the live index, to check, per
 * score change and per edit of a big data sheet, and the largest single payload. Prints one JSON
 * object per line, as the other benchmarks do.
 */
function emit(line: Record<string, unknown>) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

const MB = 1024 * 1024;

function people(framework: Framework, count: number, prefix: string) {
  const role = framework.roles[0];
  return Array.from({ length: count }, (_, p) => ({
    name: `${prefix} ${p + 1}`,
    scores: Object.fromEntries(role.criteria.map((c, i) => [c.id, (p * 7 + i * 3) % 23 === 0 ? null : 1 + ((p + i) % 4)])),
  }));
}

async function addAssessment(excel: FakeExcel, framework: Framework, count: number, prefix: string): Promise<string> {
  const role = framework.roles[0];
  return excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(framework, role, framework.levels[2], people(framework, count, prefix), prefix)));
}

/** An HRIS extract: a header row, then ids, names and numbers; no assessment. */
function addDataSheet(excel: FakeExcel, rows: number, cols: number): string {
  const sheet = addFakeSheet(excel.state, "HRIS extract");
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) sheet.cells.set(`${r},${c}`, { value: r === 0 ? `Field ${c + 1}` : c === 0 ? 100000 + r : c === 1 ? `Name ${r}` : (r * c) % 997 });
  }
  return sheet.name;
}

/** Runs `step` and prints what it cost on the host; returns the cost. */
async function measured(excel: FakeExcel, label: string, step: () => Promise<unknown>) {
  const from = excel.state.syncLog.length;
  const start = performance.now();
  await step();
  const ms = performance.now() - start;
  const cost = syncCost(excel.state, from);
  emit({ name: `${label}: syncs`, value: cost.syncs, unit: "syncs" });
  emit({ name: `${label}: bytes read`, value: cost.responseBytes, unit: "bytes" });
  emit({ name: `${label}: bytes written`, value: cost.requestBytes, unit: "bytes" });
  emit({ name: `${label}: largest payload (goal < 5 MB)`, value: cost.largestPayload, unit: "bytes" });
  emit({ name: `${label}: time on the fake host`, value: Math.round(ms), unit: "ms" });
  if (cost.largestPayload >= EXCEL_WEB_LIMITS.payloadBytes) throw new Error(`${label}: a payload of ${cost.largestPayload} bytes is over Excel on the web's limit`);
  return cost;
}

/** Three 2,000 x 60 assessment sheets and a 100,000 x 20 data sheet. */
async function benchMixedWorkbook(framework: Framework) {
  const excel = createFakeExcel();
  const sheets: string[] = [];
  await measured(excel, "office: build 3 assessment sheets of 2000 x 60", async () => {
    for (const prefix of ["North", "South", "East"]) sheets.push(await addAssessment(excel, framework, 2000, prefix));
  });
  const data = addDataSheet(excel, 100_000, 20);
  const live = new LiveWorkbook(excel.run, [framework], 0);
  await measured(excel, "office: start the live index, 3 x 2000 x 60 + 100000 x 20 data sheet", () => live.start());
  await measured(excel, "office: check, 3 x 2000 x 60 + 100000 x 20 data sheet", () => checkOpenWorkbook(excel.run, [framework]));

  const changes = 10;
  const from = excel.state.syncLog.length;
  const target = excel.state.sheets.find((s) => s.name === sheets[1]);
  if (!target) throw new Error("the second assessment sheet is missing");
  for (let i = 0; i < changes; i++) {
    const row = 12 + i * 150;
    target.cells.set(`${row - 1},${1 + i}`, { value: i % 5 });
    await excel.fireChange(target.name, cellAddress(row - 1, 1 + i));
    await live.flush();
  }
  const perChange = syncCost(excel.state, from);
  emit({ name: "office: syncs per score change (goal <= 2)", value: perChange.syncs / changes, unit: "syncs" });
  emit({ name: "office: bytes read per score change (its own rows only)", value: Math.round(perChange.responseBytes / changes), unit: "bytes" });

  for (const [label, address] of [
    ["office: bytes read for an edit of the data sheet's column A top rows (goal <= 1 KB)", "A5"],
    ["office: bytes read for an edit of the data sheet elsewhere", "F50000"],
  ]) {
    const before = excel.state.syncLog.length;
    await excel.fireChange(data, address);
    await live.flush();
    const cost = syncCost(excel.state, before);
    emit({ name: label, value: cost.responseBytes, unit: "bytes", syncs: cost.syncs });
  }
  emit({ name: "office: largest single payload, mixed workbook (goal < 5 MB)", value: syncCost(excel.state).largestPayload, unit: "bytes", limit: EXCEL_WEB_LIMITS.payloadBytes });
}

/** One 10,000 x 60 assessment sheet: built and checked in Excel-sized steps. */
async function benchLargeSheet(framework: Framework) {
  const excel = createFakeExcel();
  await measured(excel, "office: build one 10000 x 60 assessment sheet", () => addAssessment(excel, framework, 10_000, "Large"));
  const cost = await measured(excel, "office: check one 10000 x 60 assessment sheet", () => checkOpenWorkbook(excel.run, [framework]));
  emit({ name: "office: check 10000 x 60, bytes read per sync", value: +(cost.responseBytes / cost.syncs / MB).toFixed(2), unit: "MB" });
}

export async function benchOffice(framework: Framework) {
  await benchMixedWorkbook(framework);
  await benchLargeSheet(framework);
}
