import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv";
import { tempDir } from "./workbooks";

/**
 * The other programs the tests drive, run at test time: LibreOffice (a second spreadsheet program:
 * it opens what we write, computes the native formulas itself and re-saves or exports it) and
 * Python's openpyxl (files written as pandas users' files are). Absent, their tests are skipped
 * with a message; under CI=true they must be there.
 */

/** Debian's Python, which has openpyxl; the `python3` on PATH may be another without it. */
export const PYTHON = "/usr/bin/python3";

export function pythonHas(module: string): boolean {
  return spawnSync(PYTHON, ["-c", `import ${module}`]).status === 0;
}

export const hasOpenpyxl = pythonHas("openpyxl");
export const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

const PROGRAMS = {
  soffice: { present: hasSoffice, what: "soffice (LibreOffice)", debianPackage: "libreoffice-calc-nogui" },
  openpyxl: { present: hasOpenpyxl, what: `openpyxl (for ${PYTHON})`, debianPackage: "python3-openpyxl" },
};
export type Program = keyof typeof PROGRAMS;

/** True when every program is there; otherwise throws under CI=true, else says what is skipped and how to install it. */
export function requirePrograms(...programs: Program[]): boolean {
  const missing = programs.map((p) => PROGRAMS[p]).filter((p) => !p.present);
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.what).join(" and ");
  const isNot = missing.length === 1 ? "is not" : "are not";
  const install = `apt-get install ${missing.map((p) => p.debianPackage).join(" ")}`;
  if (process.env.CI === "true") throw new Error(`${names} ${isNot} installed, and CI=true requires every program the tests drive: ${install} (.ci/run does).`);
  console.warn(`SKIPPED tests that need ${programs.join(" and ")}: ${names} ${isNot} installed (${install}).`);
  return false;
}

/** `describe` when every program is there, else `describe.skip` (or a throw under CI=true). */
export function describeNeeding(...programs: Program[]): jest.Describe {
  return requirePrograms(...programs) ? describe : describe.skip;
}

export function runPython(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Loads `source` in openpyxl and saves it as `target`, as a pandas or openpyxl script would. */
export function openpyxlResave(source: string, target: string): string {
  runPython("import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", source, target);
  return target;
}

/** LibreOffice's user profile: a fresh one, not the user's, made on first use and kept for the process. */
let profile: string | undefined;

export function soffice(args: string[], cwd?: string) {
  profile ??= `file://${tempDir("hr-lo-profile-")}`;
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", ...args], { cwd, stdio: "pipe", timeout: 150_000 });
}

/** LibreOffice opens `source` and saves it as .xlsx in `outDir` (same base name); returns the new path. */
export function libreOfficeCopy(source: string, outDir: string): string {
  soffice(["--convert-to", "xlsx", "--outdir", outDir, source]);
  return path.join(outDir, `${path.basename(source, path.extname(source))}.xlsx`);
}

/** Every sheet of the workbook as LibreOffice computes it (raw values, not as shown), as CSV text by sheet name. */
export function sheetsAsCsvText(file: string, outDir = tempDir("hr-lo-csv-")): Map<string, string> {
  // Comma, double quote, UTF-8, values rather than as shown, and (-1) one file per sheet: <base>-<sheet>.csv.
  soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1", "--outdir", outDir, file], outDir);
  const base = path.basename(file, path.extname(file));
  return new Map(
    readdirSync(outDir)
      .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"))
      .map((f) => [f.slice(base.length + 1, -4), readFileSync(path.join(outDir, f), "utf8")]),
  );
}

/** Every sheet of the workbook as LibreOffice computes it, as rows of cells by sheet name. */
export function sheetsAsCsv(file: string, outDir?: string): Map<string, string[][]> {
  return new Map([...sheetsAsCsvText(file, outDir)].map(([sheet, text]) => [sheet, parseCsv(text)]));
}
