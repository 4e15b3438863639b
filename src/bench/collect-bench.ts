import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { planAssessmentSheet } from "../core/layout/assessment-sheet";
import { checkFile } from "../xlsx/check-file";
import { benchFramework, benchPeople, emit } from "./bench-data";

/**
 * collect on 20 managers' workbooks of 500 people each (10,000 people, 60 criteria): time and
 * peak memory of the whole command's work (read, check, team, plan, write), beside a baseline
 * that only checks the same 20 files; then the same at 2,500 people a file. Each measurement is
 * its own process.
 */
const FILES = 20;
const PEOPLE_PER_FILE = 500;
/** The same 20 files at 2,500 people each (50,000 in all): how the command scales. */
const LARGE_PEOPLE_PER_FILE = 2_500;
const RUNS = 3;

interface Measurement {
  ms: number;
  /** User and system CPU time of the whole process. */
  cpuMs: number;
  rss: number;
}

async function writeManagerFiles(dir: string, peoplePerFile = PEOPLE_PER_FILE): Promise<string[]> {
  // The writer is loaded here only, so a measuring process carries nothing it does not use.
  const { createWorkbookFile } = await import("../xlsx/workbook");
  const framework = benchFramework();
  const files: string[] = [];
  for (let f = 0; f < FILES; f++) {
    // Each manager has their own people: the same names in every file would all be duplicates.
    const people = benchPeople(peoplePerFile).map((p, i) => ({ ...p, name: `Team ${f + 1} person ${i + 1}` }));
    const file = path.join(dir, `manager-${String(f + 1).padStart(2, "0")}.xlsx`);
    await createWorkbookFile(file, [planAssessmentSheet(framework, framework.roles[0], framework.levels[2], people, `Team_${f + 1}`)]);
    files.push(file);
  }
  return files;
}

function report(start: number) {
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS * 1024 }) + "\n");
}

/** One collect in this process, as the command does it: prints {ms, cpuMs, rss}. */
async function measureCollect(folder: string, out: string, expected: number) {
  const { collectInto } = await import("../cli/commands/collect");
  const start = performance.now();
  const { team } = await collectInto([folder], out, [benchFramework()]);
  const people = team.groups.reduce((n, g) => n + g.members.length, 0);
  if (people !== expected) throw new Error(`collected ${people} people, expected ${expected}`);
  report(start);
}

/** The baseline: checking the same files one by one, as check would, and nothing else. */
async function measureChecks(files: string[]) {
  const start = performance.now();
  let people = 0;
  for (const file of files) people += (await checkFile(file, [benchFramework()])).people.length;
  if (people !== FILES * PEOPLE_PER_FILE) throw new Error(`checked ${people} people, expected ${FILES * PEOPLE_PER_FILE}`);
  report(start);
}

function measured(args: string[]): Measurement {
  const out = execFileSync(process.execPath, [__filename, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop() as string);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (runs: Measurement[]): Measurement => ({ ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rss: median(runs.map((r) => r.rss)) });

export async function benchCollect() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hr-collect-bench-"));
  const folder = path.join(dir, "managers");
  mkdirSync(folder);
  const t0 = performance.now();
  const files = await writeManagerFiles(folder);
  emit({ name: `build ${FILES} assessment workbooks of ${PEOPLE_PER_FILE}x60`, value: Math.round(performance.now() - t0), unit: "ms" });
  const collects: Measurement[] = [];
  const checks: Measurement[] = [];
  const out = path.join(dir, "team.xlsx");
  for (let i = 0; i < RUNS; i++) {
    rmSync(out, { force: true });
    collects.push(measured(["--measure-collect", folder, out, String(FILES * PEOPLE_PER_FILE)]));
    checks.push(measured(["--measure-checks", ...files]));
  }
  const [c, b] = [medianOf(collects), medianOf(checks)];
  const label = `collect ${FILES} files x ${PEOPLE_PER_FILE} people (60 criteria)`;
  emit({ name: `${label}: time vs checking the same files`, value: Math.round(c.ms), unit: "ms", baseline: Math.round(b.ms), ratio: +(c.ms / b.ms).toFixed(3) });
  emit({ name: `${label}: CPU time (whole process) vs checking the same files`, value: Math.round(c.cpuMs), unit: "ms", baseline: Math.round(b.cpuMs), ratio: +(c.cpuMs / b.cpuMs).toFixed(3) });
  emit({ name: `${label}: peak RSS vs checking the same files`, value: c.rss, unit: "bytes", baseline: b.rss, ratio: +(c.rss / b.rss).toFixed(3) });
  emit({ name: `${label}: team workbook size`, value: statSync(out).size, unit: "bytes" });

  const largeFolder = path.join(dir, "large");
  mkdirSync(largeFolder);
  await writeManagerFiles(largeFolder, LARGE_PEOPLE_PER_FILE);
  const largeOut = path.join(dir, "team-large.xlsx");
  const large = measured(["--measure-collect", largeFolder, largeOut, String(FILES * LARGE_PEOPLE_PER_FILE)]);
  const largeLabel = `collect ${FILES} files x ${LARGE_PEOPLE_PER_FILE} people (60 criteria)`;
  emit({ name: `${largeLabel}: time`, value: Math.round(large.ms), unit: "ms" });
  emit({ name: `${largeLabel}: peak RSS`, value: large.rss, unit: "bytes" });
  emit({ name: `${largeLabel}: team workbook size`, value: statSync(largeOut).size, unit: "bytes" });
}

if (require.main === module) {
  const [flag, ...rest] = process.argv.slice(2);
  const job = flag === "--measure-collect" ? measureCollect(rest[0], rest[1], Number(rest[2])) : flag === "--measure-checks" ? measureChecks(rest) : benchCollect();
  job.catch((error: unknown) => {
    process.stderr.write(`collect bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
