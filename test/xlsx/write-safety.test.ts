import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { readGrids, WorkbookFileError } from "../../src/xlsx/read";
import { addSheetsToFile } from "../../src/xlsx/workbook";
import { runCli } from "../helpers/cli";
import { sheetNames } from "../helpers/corpus";
import { builtIn, tempDir } from "../helpers/workbooks";

jest.setTimeout(300_000);
const ROOT = path.resolve(__dirname, "../..");

function plan(person: string) {
  const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
  return planAssessmentSheet(framework, role, level, [{ name: person }], "Assess");
}

/** Runs the built command line as its own process. */
function runBin(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/hr-competency.js"), ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe("two template commands on one workbook at once", () => {
  beforeAll(() => {
    execFileSync("npm", ["run", "build:cli", "--silent"], { cwd: ROOT, stdio: "pipe" });
  });

  it("never lose a sheet silently, round after round", async () => {
    const dir = tempDir("hr-race-");
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round++) {
      const file = path.join(dir, `race-${round}.xlsx`);
      expect((await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "First")).code).toBe(0);
      const people = [`Alpha${round}`, `Beta${round}`];
      const runs = await Promise.all(people.map((p) => runBin(["template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", p])));
      const names = new Set((await readGrids(file)).flatMap((g) => g.values.map((row) => row[0])));
      expect(names.has("First")).toBe(true);
      runs.forEach((run, i) => {
        if (run.code === 0) expect({ person: people[i], present: names.has(people[i]) }).toEqual({ person: people[i], present: true });
        else {
          expect(run.code).toBe(2);
          expect(run.stderr).toMatch(/Another hr-competency is writing|changed by another program since it was read/);
          expect(names.has(people[i])).toBe(false);
        }
      });
      outcomes.push(runs.map((r) => r.code).join("+"));
    }
    // Nothing is left beside the workbooks: no temporary files, no locks.
    expect(readdirSync(dir).filter((f) => !/^race-\d+\.xlsx$/.test(f))).toEqual([]);
    console.log(`10 rounds of two concurrent template commands, exit codes: ${outcomes.join(", ")}`);
  });
});

describe("a workbook changed between reading and replacing it", () => {
  it("is left as the other program wrote it, with exit 2", async () => {
    const dir = tempDir("hr-changed-");
    const file = path.join(dir, "shared.xlsx");
    await addSheetsToFile(file, [plan("Ann")]);
    const theirs = Buffer.from("the other program's version");
    await expect(addSheetsToFile(file, [plan("Bo")], { beforeReplace: () => writeFileSync(file, theirs) })).rejects.toThrow(
      new WorkbookFileError(`${file} was changed by another program since it was read; it was left as that program wrote it, and nothing was written. Run the command again.`),
    );
    expect(readFileSync(file).equals(theirs)).toBe(true);
    expect(readdirSync(dir)).toEqual(["shared.xlsx"]);
  });

  it("even when only its modification time changed (saved again by another program)", async () => {
    const dir = tempDir("hr-touched-");
    const file = path.join(dir, "touched.xlsx");
    await addSheetsToFile(file, [plan("Ann")]);
    const before = readFileSync(file);
    await expect(addSheetsToFile(file, [plan("Bo")], { beforeReplace: () => void execFileSync("touch", ["-d", "2030-01-01", file]) })).rejects.toThrow(/changed by another program since it was read/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(sheetNames(file)).toEqual(["Assess Library Assistant"]);
  });

  it("a file created meanwhile where a new one was to go is not replaced", async () => {
    const dir = tempDir("hr-appeared-");
    const file = path.join(dir, "new.xlsx");
    await expect(addSheetsToFile(file, [plan("Ann")], { beforeReplace: () => writeFileSync(file, "theirs") })).rejects.toThrow(/was created by another program while this one was being written/);
    expect(readFileSync(file, "utf8")).toBe("theirs");
    expect(readdirSync(dir)).toEqual(["new.xlsx"]);
  });
});

describe("the write lock", () => {
  it("a writer that holds it makes a second one wait, then give up with exit 2", async () => {
    const dir = tempDir("hr-lock-");
    const file = path.join(dir, "locked.xlsx");
    await addSheetsToFile(file, [plan("Ann")]);
    const lock = path.join(dir, ".locked.xlsx.hr-competency.lock");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    const before = readFileSync(file);
    const started = Date.now();
    await expect(addSheetsToFile(file, [plan("Bo")], { lockWaitMs: 500 })).rejects.toThrow(`Another hr-competency is writing ${file} (its lock file ${lock} exists); nothing was written.`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(lock)).toBe(true);
  });

  it("a stale lock (old, its process gone) is broken", async () => {
    const dir = tempDir("hr-stale-");
    const file = path.join(dir, "stale.xlsx");
    const lock = path.join(dir, ".stale.xlsx.hr-competency.lock");
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("close", resolve));
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: os.hostname() }));
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, old, old);
    await expect(addSheetsToFile(file, [plan("Ann")], { lockWaitMs: 500 })).resolves.toEqual({ sheets: ["Assess Library Assistant"], created: true });
    expect(readdirSync(dir)).toEqual(["stale.xlsx"]);
  });
});

describe("a workbook open in a spreadsheet program", () => {
  it.each([
    ["Excel", (base: string) => `~$${base}`],
    ["Excel, a long name", (base: string) => `~$${base.slice(2)}`],
    ["LibreOffice", (base: string) => `.~lock.${base}#`],
  ])("%s: refused with exit 2 while its lock file is there", async (_program, ownerName) => {
    const dir = tempDir("hr-open-");
    const file = path.join(dir, "team-workbook.xlsx");
    await addSheetsToFile(file, [plan("Ann")]);
    const owner = path.join(dir, ownerName("team-workbook.xlsx"));
    writeFileSync(owner, "");
    const before = readFileSync(file);
    const run = await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Bo");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${file} is open in a spreadsheet program (its lock file ${owner} exists), whose next save would drop what is added now; nothing was written. Close the workbook there and run the command again (if no program has it open, delete ${owner}).\n`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
