import ExcelJS from "exceljs";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";

// Who gets a row in a new assessment sheet: --people takes names, --people-file takes a file,
// and a mix-up between the two is refused rather than guessed.
const dir = tempDir();
const base = ["--framework", "stockport-library-assistant", "--role", "library-assistant"];
let count = 0;

/** A fresh workbook path, so no test sees another's file. */
function outFile(): string {
  return path.join(dir, `people-${++count}.xlsx`);
}

async function employees(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const names: unknown[] = [];
  for (let row = 12; ws.getCell(`A${row}`).value !== null; row++) names.push(ws.getCell(`A${row}`).value);
  return names;
}

function namesFile(name: string, contents: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, contents);
  return file;
}

describe("template --people and --people-file", () => {
  it("--people takes names separated by semicolons", async () => {
    const file = outFile();
    const run = await runCli("template", file, ...base, "--people", " Ann Lee ;;Bo Chan");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await employees(file)).toEqual(["Ann Lee", "Bo Chan"]);
    expect(run.stdout).toContain("for 2 people");
  });

  it("one person is '1 person'", async () => {
    const run = await runCli("template", outFile(), ...base, "--people", "Ann Lee");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("for 1 person (");
    expect(run.stdout).not.toContain("1 people");
  });

  it("a second --people adds its names to the first's", async () => {
    const file = outFile();
    const run = await runCli("template", file, ...base, "--people", "Ann;Bo", "--people", "Cy");
    expect(run.code).toBe(0);
    expect(await employees(file)).toEqual(["Ann", "Bo", "Cy"]);
  });

  it("--people-file reads one name per line: BOM, CRLF, CR and blank lines handled", async () => {
    const names = namesFile("crlf.txt", "\uFEFFAnn Lee\r\n\r\nBo Chan\rCy  \n  \n");
    const file = outFile();
    const run = await runCli("template", file, ...base, "--people-file", names);
    expect(run.code).toBe(0);
    expect(await employees(file)).toEqual(["Ann Lee", "Bo Chan", "Cy"]);
  });

  it("--people-file reads UTF-16 with a BOM, as Notepad saves 'Unicode'", async () => {
    const names = namesFile("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Zoë Brontë\r\nÅsa Ng\r\n", "utf16le")]));
    const file = outFile();
    expect((await runCli("template", file, ...base, "--people-file", names)).code).toBe(0);
    expect(await employees(file)).toEqual(["Zoë Brontë", "Åsa Ng"]);
  });

  it("a --people-file path holding a semicolon is one file, not two names", async () => {
    const folder = path.join(dir, "team;2026");
    mkdirSync(folder, { recursive: true });
    const names = path.join(folder, "names.txt");
    writeFileSync(names, "Ann\nBo\n");
    const file = outFile();
    expect((await runCli("template", file, ...base, "--people-file", names)).code).toBe(0);
    expect(await employees(file)).toEqual(["Ann", "Bo"]);
  });

  it("--people and --people-file combine, in the order: names, then files", async () => {
    const names = namesFile("more.txt", "Cy\nDi\n");
    const file = outFile();
    expect((await runCli("template", file, ...base, "--people-file", names, "--people", "Ann;Bo")).code).toBe(0);
    expect(await employees(file)).toEqual(["Ann", "Bo", "Cy", "Di"]);
  });

  const missing = () => path.join(dir, "nonexistent.txt");
  it.each<[string, () => string[], RegExp]>([
    ["a missing --people-file", () => ["--people-file", missing()], /--people-file .*nonexistent\.txt: there is no such file/],
    ["a folder as --people-file", () => ["--people-file", dir], /--people-file .*: it is a folder/],
    ["an empty --people-file", () => ["--people-file", namesFile("empty.txt", "\r\n \n")], /--people-file .*empty\.txt has no names/],
    ["a spreadsheet as --people-file", () => ["--people-file", namesFile("team.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xc3, 0x28, 0xff, 0x00]))], /team\.xlsx is not UTF-8 text/],
    ["a mistyped file name as --people", () => ["--people", "nonexistent.txt"], /--people "nonexistent\.txt" looks like a file name.*no such file.*--people-file/],
    ["a path as --people", () => ["--people", "teams/north"], /--people "teams\/north" looks like a file name/],
    ["an existing file as --people", () => ["--people", namesFile("real.txt", "Ann\n")], /--people ".*real\.txt" is a file; --people takes names\. .*use --people-file/],
    ["names that are all blank", () => ["--people", ";;"], /--people has no names/],
    ["the same person twice", () => ["--people", "Ann;ann"], /"ann" is in --people twice/],
    ["the same person in --people and the file", () => ["--people", "Ann", "--people-file", namesFile("ann.txt", "ANN\n")], /"ANN" is in --people twice \(as "Ann"\)/],
    ["no people at all", () => [], /give the people to assess: --people "Ann Lee;Bo Chan" or --people-file NAMES\.txt/],
  ])("%s: exit 2, one line naming it, nothing written", async (_, extra, message) => {
    const file = outFile();
    const run = await runCli("template", file, ...base, ...extra());
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });

  it("--help explains both options, that they may be repeated, and the file-name rule", async () => {
    const { code, stdout } = await runCli("template", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/--people NAMES\s+names separated by ";"/);
    expect(stdout).toMatch(/--people-file PATH\s+a text file with one name per line/);
    expect(stdout).toMatch(/may be repeated/);
    expect(stdout).toMatch(/looks like a file name .* is refused: use --people-file/);
  });
});
