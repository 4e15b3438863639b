import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expandInputs } from "../../src/cli/commands/collect";
import { readGrids } from "../../src/xlsx/read";
import { runCli } from "../helpers/cli";
import { expectValidXlsx } from "../helpers/ooxml";
import { describeNeeding, libreOfficeCopy, runPython } from "../helpers/other-programs";
import { builtIn, tempDir } from "../helpers/workbooks";

/**
 * collect on workbooks from several writers: ExcelJS (the template, scores typed in through
 * ExcelJS), LibreOffice (one of those re-saved by soffice) and openpyxl (a script writing the
 * sheet's cells as a pandas user would), with a duplicate person, a workbook without an
 * assessment sheet, one of another role and one that is not a workbook at all.
 */
const describeWithWriters = describeNeeding("openpyxl", "soffice");

jest.setTimeout(180_000);

const medway = builtIn("medway-libraries-2024", "library-assistant");
const ids = (level: string) => medway.role.criteria.filter((c) => c.level === level).map((c) => c.id);
const [A1, A2] = ids("A");
const [B1] = ids("B");
const [C1] = ids("C");

/** Scores by person: a base score for every criterion, then exceptions (null: left blank). */
type Scores = { base: number; except?: Record<string, number | null> };

/** Writes an assessment sheet with the template command, then types the scores in through ExcelJS, as a manager would in Excel. */
async function templateWithScores(file: string, level: string, people: Record<string, Scores>) {
  const made = await runCli("template", file, "--framework", medway.framework.id, "--role", medway.role.id, "--level", level, "--people", Object.keys(people).join(";"));
  expect(made.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = workbook.worksheets[0];
  let header: string[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === "string" ? v : ""));
    if (values[0] === "Employee") header = values;
    const person = people[String(values[0])];
    if (!person || header.length === 0) return;
    header.forEach((id, c) => {
      if (!/^LA-/.test(id)) return;
      const score = id in (person.except ?? {}) ? person.except![id] : person.base;
      row.getCell(c + 1).value = score;
    });
  });
  await workbook.xlsx.writeFile(file);
}

const OPENPYXL_SHEET = `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "East team"
ws.append(["Framework", "stockport-library-assistant"])
ws.append(["Role", "library-assistant"])
ws.append(["Target level", "all"])
ws.append([])
ws.append(["Employee"] + ["SLA-%02d" % i for i in range(1, 25)])
ws.append(["Rae Kim"] + [3] * 24)
ws.append(["Sam Tao"] + [1 if i == 3 else 3 for i in range(1, 25)])
wb.save(sys.argv[1])
`;

/** A workbook whose chartsheet (a sheet with no cells) already has the heatmap's name. */
const OPENPYXL_CHARTSHEET = `
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Budget"
for row in [["Item", "Cost"], ["Books", 10], ["Films", 5]]:
    ws.append(row)
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
wb.create_chartsheet("Heatmap Library Assistant").add_chart(chart)
wb.save(sys.argv[1])
`;

const dir = tempDir("hr-collect-");
const inputs = path.join(dir, "in");
const north = path.join(inputs, "a-exceljs-north.xlsx");
const south = path.join(inputs, "b-libreoffice-south.xlsx");
const east = path.join(inputs, "c-openpyxl-east.xlsx");
const notes = path.join(inputs, "d-notes.xlsx");
const broken = path.join(inputs, "e-broken.xlsx");

async function writeInputs() {
  mkdirSync(inputs, { recursive: true });
  // North (ExcelJS, target B): Ann meets everything, Bo fails an essential of B, Cy left one of A blank.
  await templateWithScores(north, "B", { "Ann Lee": { base: 3 }, "Bo Chan": { base: 3, except: { [B1]: 1 } }, "Cy Dee": { base: 2, except: { [A1]: null } } });
  // South (LibreOffice, target C): Di meets everything, Ed fails an essential of C; Ann again, who counts from North.
  const beforeLibreOffice = path.join(dir, "b-libreoffice-south.xlsx");
  await templateWithScores(beforeLibreOffice, "C", { "Di Fox": { base: 4 }, "Ed Gray": { base: 3, except: { [C1]: 0 } }, "ann  lee": { base: 0 } });
  libreOfficeCopy(beforeLibreOffice, inputs);
  // East (openpyxl): another role, from another framework.
  runPython(OPENPYXL_SHEET, east);
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("Notes").getCell("A1").value = "Budget notes";
  await plain.xlsx.writeFile(notes);
  writeFileSync(broken, "Name,Score\nAnn,3\n");
}

interface TeamJson {
  out: string;
  created: boolean;
  sheets: string[];
  groups: {
    framework: string;
    role: string;
    targetLevels: string[];
    people: { employee: string; source: string; sheet: string; attainedLevel: string | null; levelGap: number }[];
    coverage: { criterion: string; inScope: number; assessed: number; met: number; missing: number; share: number | null }[];
    essentials: { level: string; assessed: number; met: number; share: number | null }[];
    distribution: { level: string | null; count: number }[];
    bench: { level: string; assessed: number; readyNow: string[]; oneLevelAway: string[] }[];
  }[];
  problems: { source: string; sheet: string; cell: string; severity: string; code: string; message: string; kept?: { source: string; sheet: string; cell: string } }[];
}

describeWithWriters("collect on workbooks from ExcelJS, LibreOffice and openpyxl", () => {
  let run: Awaited<ReturnType<typeof runCli>>;
  let team: TeamJson;
  const out = path.join(dir, "team.xlsx");

  beforeAll(async () => {
    await writeInputs();
    run = await runCli("collect", inputs, "--out", out, "--json");
    team = JSON.parse(run.stdout);
  });

  it("exits 1 (someone misses an essential, and there are errors), with progress for each of the five files", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.progress.filter((p) => p.startsWith("Reading"))).toEqual([north, south, east, notes, broken].map((f, i) => `Reading ${i + 1}/5: ${f}…`));
  });

  it("one group per role, each person once, in heat map order, with the file, sheet and row each came from", () => {
    expect(team.groups.map((g) => [g.framework, g.role, g.targetLevels])).toEqual([
      ["medway-libraries-2024", "library-assistant", ["B", "C"]],
      ["stockport-library-assistant", "library-assistant", ["all"]],
    ]);
    const [m, s] = team.groups;
    // Gap 0 first (Ann at B, Di at C), then gap 1 (Bo, Ed), then Cy (blank A criterion: none attained, gap 2).
    expect(m.people.map((p) => [p.employee, p.source, p.attainedLevel, p.levelGap])).toEqual([
      ["Ann Lee", north, "B", 0],
      ["Di Fox", south, "C", 0],
      ["Bo Chan", north, "A", 1],
      ["Ed Gray", south, "B", 1],
      ["Cy Dee", north, null, 2],
    ]);
    expect(s.people.map((p) => [p.employee, p.source, p.sheet])).toEqual([
      ["Rae Kim", east, "East team"],
      ["Sam Tao", east, "East team"],
    ]);
  });

  it("the figures are the ones counted by hand", () => {
    const [m, s] = team.groups;
    const coverage = (id: string) => m.coverage.find((c) => c.criterion === id);
    expect(coverage(A1)).toMatchObject({ inScope: 5, assessed: 4, met: 4, missing: 1, share: 1 });
    expect(coverage(A2)).toMatchObject({ inScope: 5, assessed: 5, met: 5, missing: 0, share: 1 });
    expect(coverage(B1)).toMatchObject({ inScope: 5, assessed: 5, met: 4, share: 0.8 });
    expect(coverage(C1)).toMatchObject({ inScope: 2, assessed: 2, met: 1, share: 0.5 });
    expect(m.essentials).toEqual([
      { level: "A", assessed: 5, met: 4, share: 0.8 },
      { level: "B", assessed: 5, met: 3, share: 0.6 },
      { level: "C", assessed: 2, met: 1, share: 0.5 },
    ]);
    expect(m.distribution).toEqual([
      { level: null, count: 1 },
      { level: "A", count: 1 },
      { level: "B", count: 2 },
      { level: "C", count: 1 },
    ]);
    expect(m.bench).toEqual([
      { level: "A", assessed: 5, readyNow: ["Ann Lee", "Di Fox", "Bo Chan", "Ed Gray"], oneLevelAway: ["Cy Dee"] },
      { level: "B", assessed: 5, readyNow: ["Ann Lee", "Di Fox", "Ed Gray"], oneLevelAway: ["Bo Chan"] },
      { level: "C", assessed: 2, readyNow: ["Di Fox"], oneLevelAway: ["Ed Gray"] },
    ]);
    expect(s.essentials).toEqual([{ level: "all", assessed: 2, met: 1, share: 0.5 }]);
    expect(s.coverage.find((c) => c.criterion === "SLA-03")).toMatchObject({ assessed: 2, met: 1, share: 0.5 });
  });

  it("problems name their file, sheet and cell: the duplicate both places, the file without an assessment sheet, the unreadable one", () => {
    const duplicate = team.problems.filter((p) => p.code === "person-duplicate");
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toMatchObject({ source: south, severity: "error", cell: "A14", kept: { source: north, cell: "A12" } });
    expect(duplicate[0].message).toContain(north);
    expect(team.problems.find((p) => p.source === notes)).toMatchObject({ severity: "warning", code: "no-assessment-sheet" });
    const unreadable = team.problems.find((p) => p.source === broken)!;
    expect(unreadable).toMatchObject({ severity: "error", code: "file-unreadable", sheet: "", cell: "" });
    expect(unreadable.message).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not an .xlsx workbook`));
    // Every problem of the check comes through with its file: here the unspecified priority in the openpyxl file.
    expect(team.problems.find((p) => p.source === east)).toMatchObject({ sheet: "East team", code: "unspecified-priority" });
  });

  it("writes the team sheets, heatmap first, with the real source names on the heatmap", async () => {
    expect(team.created).toBe(true);
    expect(team.sheets).toEqual([
      "Heatmap Library Assistant",
      "Coverage Library Assistant",
      "Levels Library Assistant",
      "Bench Library Assistant",
      "Heatmap Library Assistant (2)",
      "Coverage Library Assistant (2)",
      "Levels Library Assistant (2)",
      "Bench Library Assistant (2)",
    ]);
    const grids = await readGrids(out);
    expect(grids.map((g) => g.name)).toEqual(team.sheets);
    const heat = grids[0].values;
    const header = heat.findIndex((r) => r[0] === "Employee");
    const sourceCol = heat[header].indexOf("Source");
    expect(heat.slice(header + 1, header + 6).map((r) => [r[0], r[sourceCol]])).toEqual(team.groups[0].people.map((p) => [p.employee, p.source]));
  });

  it("writes a valid package (ECMA-376 schemas and the rules they cannot say)", async () => {
    const report = await expectValidXlsx(out);
    expect(report.validated.filter((part) => /^xl\/worksheets\/[^/]+\.xml$/.test(part))).toHaveLength(team.sheets.length);
  });

  it("adds to an existing TEAM.xlsx: its sheets are kept, and the new summaries' formulas name the new heatmap", async () => {
    const again = await runCli("collect", north, south, "--out", out, "--json");
    expect(again.code).toBe(1);
    const second: TeamJson = JSON.parse(again.stdout);
    expect(second.created).toBe(false);
    expect(second.sheets).toEqual(["Heatmap Library Assistant (3)", "Coverage Library Assistant (3)", "Levels Library Assistant (3)", "Bench Library Assistant (3)"]);
    const grids = await readGrids(out);
    expect(grids.map((g) => g.name)).toEqual([...team.sheets, ...second.sheets]);
    const coverageFormulas = [...grids.find((g) => g.name === "Coverage Library Assistant (3)")!.formulas.values()];
    const sheetsNamed = new Set(coverageFormulas.flatMap((f) => [...f.matchAll(/'([^']+)'!/g)].map((m) => m[1])));
    expect([...sheetsNamed]).toEqual(["Heatmap Library Assistant (3)"]);
    await expectValidXlsx(out);
  });
});

describeWithWriters("collect into a workbook with a chartsheet", () => {
  it("takes the chartsheet's name as taken: the heatmap gets another, and the summaries' formulas name that one", async () => {
    const target = path.join(dir, "budget.xlsx");
    runPython(OPENPYXL_CHARTSHEET, target);
    const source = path.join(dir, "west.xlsx");
    await templateWithScores(source, "A", { "Uma Wu": { base: 3 } });
    const run = await runCli("collect", source, "--out", target, "--json");
    expect(run.stderr).toBe("");
    const written: TeamJson = JSON.parse(run.stdout);
    expect(written.sheets[0]).toBe("Heatmap Library Assistant (2)");
    const grids = await readGrids(target);
    expect(grids.map((g) => g.name)).toEqual(["Budget", ...written.sheets]);
    const named = new Set([...grids.find((g) => g.name === written.sheets[1])!.formulas.values()].flatMap((f) => [...f.matchAll(/'([^']+)'!/g)].map((m) => m[1])));
    expect([...named]).toEqual(["Heatmap Library Assistant (2)"]);
  });
});

describe("collect: exit status 0 and 2, and what it refuses", () => {
  const here = tempDir("hr-collect-exit-");

  async function onlyPasses(file: string) {
    expect((await runCli("template", file, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Rae Kim"))).toMatchObject({ code: 0 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.worksheets[0];
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Rae Kim") for (let c = 2; c <= 25; c++) row.getCell(c).value = 3;
    });
    await workbook.xlsx.writeFile(file);
  }

  it("exits 0 when everyone meets every essential and nothing is an error", async () => {
    const file = path.join(here, "passes.xlsx");
    await onlyPasses(file);
    const run = await runCli("collect", file, "--out", path.join(here, "team-ok.xlsx"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Collected 1 person from 1 file into ${path.join(here, "team-ok.xlsx")}`);
    expect(run.progress.filter((p) => p.startsWith("Reading"))).toEqual([]);
  });

  it("exits 2 with one line, and writes nothing, when nothing could be collected", async () => {
    const text = path.join(here, "scores.csv");
    writeFileSync(text, "Employee,Score\n");
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    await empty.xlsx.writeFile(path.join(here, "empty.xlsx"));
    const target = path.join(here, "never.xlsx");
    const run = await runCli("collect", text, path.join(here, "empty.xlsx"), "--out", target, "--json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^collect: nothing collected: no assessment sheet could be read in any of them\. First problem: .*scores\.csv: .*scores\.csv is not an \.xlsx workbook/);
    expect(existsSync(target)).toBe(false);
  });

  it("never overwrites a TEAM.xlsx that is not a workbook", async () => {
    const file = path.join(here, "passes2.xlsx");
    await onlyPasses(file);
    const target = path.join(here, "team.xlsx");
    writeFileSync(target, "my notes\n");
    const run = await runCli("collect", file, "--out", target);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("team.xlsx is not an .xlsx workbook");
    expect(readFileSync(target, "utf8")).toBe("my notes\n");
  });

  it("asks for --out and for files, and has help with an example", async () => {
    expect(await runCli("collect", "a.xlsx")).toMatchObject({ code: 2, stderr: expect.stringContaining("--out is required") });
    expect(await runCli("collect", "--out", "t.xlsx")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the workbooks or folders to collect") });
    const help = await runCli("collect", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: hr-competency collect FILES... --out TEAM.xlsx [--json]");
    expect(help.stdout).toContain("Example: hr-competency collect");
    expect(help.stdout).toContain("subfolders are not read");
  });
});

describe("collect's FILES: folders, globs and plain paths", () => {
  const root = tempDir("hr-collect-files-");
  const folder = path.join(root, "reports");
  beforeAll(() => {
    mkdirSync(path.join(folder, "sub"), { recursive: true });
    for (const name of ["b.xlsx", "a.XLSX", "c.xlsm", "notes.txt", "~$a.xlsx", ".~lock.b.xlsx#", "sub/deep.xlsx", "team.xlsx"]) writeFileSync(path.join(folder, name), "");
  });

  it("reads a folder's workbooks, not its subfolders, lock files or other files, and never the output", async () => {
    const { files, problems } = await expandInputs([folder], path.join(folder, "team.xlsx"));
    expect(files.map((f) => path.basename(f))).toEqual(["a.XLSX", "b.xlsx", "c.xlsm"]);
    expect(problems).toEqual([]);
  });

  it("expands * and ? in the file name, sorts by path whatever the order given, and reads a file named twice once", async () => {
    const { files } = await expandInputs([path.join(folder, "c.xlsm"), path.join(folder, "?.xlsx"), path.join(folder, "b.xlsx")]);
    expect(files).toEqual([path.join(folder, "b.xlsx"), path.join(folder, "c.xlsm")]);
    const all = await expandInputs([path.join(folder, "*")]);
    expect(all.files.map((f) => path.basename(f))).toEqual(["a.XLSX", "b.xlsx", "c.xlsm", "notes.txt", "team.xlsx"]);
  });

  it("a pattern or folder that matches nothing is an error problem naming it; * in a folder name is refused", async () => {
    const { files, problems } = await expandInputs([path.join(folder, "*.ods"), path.join(folder, "sub", "none"), path.join(root, "nowhere", "*.xlsx")]);
    expect(files).toEqual([path.join(folder, "sub", "none")]);
    expect(problems.map((p) => [p.source, p.severity, p.code])).toEqual([
      [path.join(folder, "*.ods"), "error", "no-workbook-found"],
      [path.join(root, "nowhere", "*.xlsx"), "error", "no-workbook-found"],
    ]);
    expect(problems[1].message).toContain("there is no folder");
    const emptyFolder = path.join(root, "empty");
    mkdirSync(emptyFolder);
    expect((await expandInputs([emptyFolder])).problems[0].message).toContain(`The folder ${emptyFolder} has no .xlsx or .xlsm file`);
    await expect(expandInputs([path.join(root, "*", "a.xlsx")])).rejects.toThrow("only the file name part may hold them");
  });
});
