import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { planAssessmentSheet } from "../core/layout/assessment-sheet";
import { checkFile } from "../xlsx/check-file";
import { benchFramework, benchPeople, emit } from "./bench-data";

/**
 * The check on files from two writers (this product, and openpyxl as pandas users' files are),
 * side by side with a Python openpyxl read-only script reading every cell of the same file; and
 * how time and peak memory grow with the number of people. Every measurement is its own process.
 */
const PYTHON = "/usr/bin/python3";
const RUNS = 3;
const SCALES = [1_000, 10_000, 50_000];

const OPENPYXL_RESAVE = "import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])\n";

/** The baseline: what a plain Python script costs to see every cell (timed after the import, as the check is). */
const OPENPYXL_READ_EVERY_CELL = `
import json, resource, sys, time
import openpyxl
start = time.perf_counter()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for value in row:
            if value is not None:
                cells += 1
wb.close()
ms = (time.perf_counter() - start) * 1000
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"ms": ms, "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "rss": usage.ru_maxrss * 1024, "cells": cells}))
`;

interface Measurement {
  ms: number;
  /** User and system CPU time of the whole process: steadier than wall time on a busy machine. */
  cpuMs: number;
  rss: number;
  /** Heap still held once the check is done: the people, their scores and results, the problems. */
  resultsHeap?: number;
}

const hasOpenpyxl = () => spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function writeAssessment(file: string, people: number) {
  // The writer is loaded here only, so a measuring process carries nothing but the check.
  const { createWorkbookFile } = await import("../xlsx/workbook");
  const framework = benchFramework();
  await createWorkbookFile(file, [planAssessmentSheet(framework, framework.roles[0], framework.levels[2], benchPeople(people), "Bench")]);
}

/** Collects garbage when the process runs with --expose-gc, so the heap left is what is held. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** One check in this process: prints {ms, cpuMs, rss, resultsHeap}. */
async function measureCheck(file: string, people: number) {
  const framework = benchFramework();
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = await checkFile(file, [framework]);
  if (result.people.length !== people) throw new Error(`checked ${result.people.length} people in ${file}, expected ${people}`);
  const ms = performance.now() - start;
  const usage = process.resourceUsage();
  collectGarbage();
  const resultsHeap = process.memoryUsage().heapUsed - heapBefore;
  process.stdout.write(JSON.stringify({ ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS * 1024, resultsHeap }) + "\n");
}

function lastJsonLine(out: string): Measurement {
  return JSON.parse(out.trim().split("\n").pop() as string);
}

function runCheck(file: string, people: number): Measurement {
  return lastJsonLine(execFileSync(process.execPath, ["--expose-gc", __filename, "--measure-check", file, String(people)], { encoding: "utf8", maxBuffer: 1 << 20 }));
}

function runOpenpyxl(file: string): Measurement {
  return lastJsonLine(execFileSync(PYTHON, ["-c", OPENPYXL_READ_EVERY_CELL, file], { encoding: "utf8", maxBuffer: 1 << 20 }));
}

function medianOf(runs: Measurement[]): Measurement {
  const resultsHeap = runs.flatMap((r) => (r.resultsHeap === undefined ? [] : [r.resultsHeap]));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rss: median(runs.map((r) => r.rss)), ...(resultsHeap.length ? { resultsHeap: median(resultsHeap) } : {}) };
}

function compare(label: string, file: string, people: number, python: boolean) {
  const check: Measurement[] = [];
  const baseline: Measurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    check.push(runCheck(file, people));
    if (python) baseline.push(runOpenpyxl(file));
  }
  const c = medianOf(check);
  emit({ name: `${label} file size`, value: statSync(file).size, unit: "bytes" });
  if (!python) {
    emit({ name: `check ${label} (openpyxl absent: no baseline)`, value: Math.round(c.ms), unit: "ms" });
    emit({ name: `check ${label} peak RSS (goal <= 256 MB)`, value: c.rss, unit: "bytes" });
    return;
  }
  const b = medianOf(baseline);
  emit({ name: `check ${label} vs openpyxl read-only script (goal ratio <= 1.0)`, value: Math.round(c.ms), unit: "ms", baseline: Math.round(b.ms), ratio: +(c.ms / b.ms).toFixed(3) });
  emit({ name: `check ${label} CPU time (whole process) vs openpyxl script`, value: Math.round(c.cpuMs), unit: "ms", baseline: Math.round(b.cpuMs), ratio: +(c.cpuMs / b.cpuMs).toFixed(3) });
  emit({ name: `check ${label} peak RSS vs openpyxl script (goal <= 256 MB)`, value: c.rss, unit: "bytes", baseline: b.rss, ratio: +(c.rss / b.rss).toFixed(3) });
}

export async function benchRead() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hr-read-bench-"));
  const python = hasOpenpyxl();
  if (!python) process.stderr.write(`read bench: ${PYTHON} with openpyxl is absent, so the openpyxl file and baseline are skipped (apt-get install python3-openpyxl).\n`);

  const ownFile = path.join(dir, "own-10000.xlsx");
  await writeAssessment(ownFile, 10_000);
  compare("10000x60 written by hr-competency", ownFile, 10_000, python);
  if (python) {
    const openpyxlFile = path.join(dir, "openpyxl-10000.xlsx");
    execFileSync(PYTHON, ["-c", OPENPYXL_RESAVE, ownFile, openpyxlFile]);
    compare("10000x60 written by openpyxl", openpyxlFile, 10_000, python);
  }

  for (const people of SCALES) {
    const file = path.join(dir, `scale-${people}.xlsx`);
    if (people !== 10_000) await writeAssessment(file, people);
    // Peak memory depends on when the collector runs: the median of a few runs is steadier.
    const m = medianOf(Array.from({ length: RUNS }, () => runCheck(people === 10_000 ? ownFile : file, people)));
    emit({ name: `check ${people}x60 (hr-competency file): time`, value: Math.round(m.ms), unit: "ms" });
    emit({ name: `check ${people}x60 (hr-competency file): peak RSS`, value: m.rss, unit: "bytes" });
    emit({ name: `check ${people}x60 (hr-competency file): heap held by the results`, value: m.resultsHeap, unit: "bytes" });
    // What the reading costs besides what it keeps: flat when memory grows only with the results.
    emit({ name: `check ${people}x60 (hr-competency file): peak RSS less the results (goal: flat)`, value: m.rss - (m.resultsHeap ?? 0), unit: "bytes" });
  }
}

if (require.main === module) {
  const [flag, file, people] = process.argv.slice(2);
  const job = flag === "--measure-check" ? measureCheck(file, Number(people)) : benchRead();
  job.catch((error: unknown) => {
    process.stderr.write(`read bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
