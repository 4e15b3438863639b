import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { tempDir } from "../helpers/workbooks";

/**
 * Other programs that write .xlsx, run at test time: openpyxl (Debian's python3-openpyxl, as
 * pandas users' files are written) and LibreOffice. Absent, their tests are skipped with a
 * message; under CI=true they must be there.
 */
export const PYTHON = "/usr/bin/python3";

export const hasOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
export const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

if (process.env.CI === "true" && (!hasOpenpyxl || !hasSoffice)) {
  throw new Error("openpyxl (Debian's python3-openpyxl) and soffice (libreoffice-calc-nogui) are required under CI=true; .ci/run installs them.");
}

export function describeWith(available: boolean, what: string): jest.Describe {
  if (!available) console.warn(`SKIPPED tests that need ${what}: it is not installed.`);
  return available ? describe : describe.skip;
}

export function runPython(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Loads `source` in openpyxl and saves it as `target`, as a pandas or openpyxl script would. */
export function openpyxlResave(source: string, target: string): string {
  runPython("import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", source, target);
  return target;
}

const profile = `file://${tempDir("hr-lo-profile-")}`;

/** Opens `source` in LibreOffice and saves it as .xlsx in `outDir` (same base name). */
export function libreofficeResave(source: string, outDir: string): string {
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, source], { stdio: "pipe", timeout: 150_000 });
  return path.join(outDir, path.basename(source));
}
