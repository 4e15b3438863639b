import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv";
import { tempDir } from "./workbooks";

/**
 * LibreOffice as a second spreadsheet program: it opens what we write, computes the native
 * formulas itself (our files carry no cached results) and exports every sheet to CSV.
 */
export const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasSoffice && process.env.CI === "true") {
  throw new Error("soffice (Debian's libreoffice-calc-nogui) is required under CI=true; .ci/run installs it.");
}
if (!hasSoffice) console.warn("SKIPPED LibreOffice interop tests: soffice is not installed (apt-get install libreoffice-calc-nogui).");
export const describeWithSoffice = hasSoffice ? describe : describe.skip;

const profile = `file://${tempDir("hr-lo-profile-")}`;

export function soffice(args: string[], cwd: string) {
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", ...args], { cwd, stdio: "pipe", timeout: 150_000 });
}

/** Every sheet of the workbook as LibreOffice computes it, by sheet name. */
export function sheetsAsCsv(file: string, outDir = tempDir("hr-lo-csv-")): Map<string, string[][]> {
  soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1", "--outdir", outDir, file], outDir);
  const base = path.basename(file, ".xlsx");
  return new Map(
    readdirSync(outDir)
      .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"))
      .map((f) => [f.slice(base.length + 1, -4), parseCsv(readFileSync(path.join(outDir, f), "utf8"))]),
  );
}
