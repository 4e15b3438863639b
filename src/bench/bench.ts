import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { planAssessmentSheet } from "../core/layout/assessment-sheet";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { applyPlanInExcel } from "../excel/apply";
import { AssessmentIndex, findPerson, levelGapOf } from "../functions/engine";
import { LiveWorkbook } from "../functions/live";
import { checkFile } from "../xlsx/check-file";
import { createWorkbookFile } from "../xlsx/workbook";
import { createFakeExcel } from "../../test/fakes/fake-excel";
import { benchFramework, benchPeople, emit } from "./bench-data";
import { benchRead } from "./read-bench";
import { benchCollect } from "./collect-bench";

/**
 * Benchmarks print one JSON object per line: name, value, unit, and for comparisons the
 * baseline and the ratio. Each measured run is its own process, so peak RSS is its own too.
 */
const PEOPLE = 10_000;
const RUNS = 3;

async function buildWorkbook(file: string) {
  const framework = benchFramework();
  const role = framework.roles[0];
  const people = benchPeople(PEOPLE);
  await createWorkbookFile(file, [planAssessmentSheet(framework, role, framework.levels[2], people, "Bench")]);
}

/** One measured run in this process: prints {ms, rss}. */
async function measure(kind: string, file: string) {
  const start = performance.now();
  if (kind === "bare") {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else {
    const result = await checkFile(file, [benchFramework()]);
    if (result.people.length !== PEOPLE) throw new Error(`checked ${result.people.length} people, expected ${PEOPLE}`);
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024 }) + "\n");
}

function run(kind: string, file: string): { ms: number; rss: number } {
  const out = execFileSync(process.execPath, [__filename, "--measure", kind, file], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop() as string);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCheck() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hr-bench-"));
  const file = path.join(dir, "bench.xlsx");
  const t0 = performance.now();
  await buildWorkbook(file);
  emit({ name: "build 10000x60 assessment workbook", value: Math.round(performance.now() - t0), unit: "ms" });
  emit({ name: "assessment workbook size", value: statSync(file).size, unit: "bytes" });
  const bare: { ms: number; rss: number }[] = [];
  const check: { ms: number; rss: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(run("bare", file));
    check.push(run("check", file));
  }
  const [bareMs, checkMs] = [median(bare.map((r) => r.ms)), median(check.map((r) => r.ms))];
  const [bareRss, checkRss] = [median(bare.map((r) => r.rss)), median(check.map((r) => r.rss))];
  emit({ name: "check 10000x60 vs bare ExcelJS read (goal ratio <= 1.3)", value: Math.round(checkMs), unit: "ms", baseline: Math.round(bareMs), ratio: +(checkMs / bareMs).toFixed(3) });
  emit({ name: "check peak RSS vs bare ExcelJS read (goal ratio <= 2)", value: checkRss, unit: "bytes", baseline: bareRss, ratio: +(checkRss / bareRss).toFixed(3) });
  return file;
}

/** 10,000 LEVELGAP answers from the index of the 10,000-person sheet, each person once. */
async function benchLevelGap(file: string) {
  const framework = benchFramework();
  const index = new AssessmentIndex((await checkFile(file, [framework])).sheets);
  const names = Array.from({ length: PEOPLE }, (_, p) => `Person ${p + 1}`);
  let total = 0;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    for (const name of names) total += levelGapOf(findPerson(index, [framework], name, "analyst"));
    times.push(performance.now() - start);
  }
  if (!(total > 0)) throw new Error("the benchmark's people all have gap 0; the scores are not varied");
  emit({ name: "10000 LEVELGAP evaluations from the index (goal <= 50 ms)", value: +median(times).toFixed(1), unit: "ms" });
}

/** Workbook reads and time per score change, with 1,000 people in the sheet, on the fake Excel host. */
async function benchChanges() {
  const framework = benchFramework();
  const excel = createFakeExcel();
  const sheet = await excel.run((context) => applyPlanInExcel(context, planAssessmentSheet(framework, framework.roles[0], framework.levels[2], benchPeople(1000), "Bench")));
  const live = new LiveWorkbook(excel.run, [framework], 0);
  await live.start();
  const changes = 20;
  const before = live.reads;
  const start = performance.now();
  for (let i = 0; i < changes; i++) {
    await excel.fireChange(sheet, `B${12 + i}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await live.flush();
  }
  const ms = (performance.now() - start) / changes;
  emit({ name: "workbook reads per score change (goal 1)", value: (live.reads - before) / changes, unit: "reads" });
  emit({ name: "refresh after a score change, 1000-person sheet, fake host", value: +ms.toFixed(1), unit: "ms" });
}

function benchBundle() {
  const dist = path.resolve(__dirname, "../../../../dist");
  for (const file of ["taskpane.js", "functions.js"]) {
    const bytes = readFileSync(path.join(dist, file));
    emit({ name: `${file} gzip${file === "taskpane.js" ? " (goal <= 150 KB)" : ""}`, value: +(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1), unit: "KB" });
  }
}

if (require.main === module) {
  const [flag, kind, file] = process.argv.slice(2);
  const job =
    flag === "--measure"
      ? measure(kind, file)
      : (async () => {
          benchBundle();
          const workbook = await benchCheck();
          await benchLevelGap(workbook);
          await benchChanges();
          await benchRead();
          await (await import("./office-bench")).benchOffice(benchFramework());
          await benchCollect();
        })();
  job.catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
