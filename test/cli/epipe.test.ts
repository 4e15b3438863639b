import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/workbooks";

// The real command, its output piped to a reader that stops early, as in `... | head -1`.
const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin", "hr-competency.js");
const dir = tempDir();

jest.setTimeout(60_000);

beforeAll(() => {
  // npm test builds lib/ (build:cli) before jest; a lone run of this file builds it if missing.
  if (!existsSync(path.join(root, "lib", "cli", "main.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root });
});

/** Runs `hr-competency ARGS | READER` in bash; returns what the reader printed, the command's status and its stderr. */
function piped(args: string[], reader: string) {
  const stderrFile = path.join(dir, `stderr-${Math.random().toString(36).slice(2)}.txt`);
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const script = `'${process.execPath}' '${bin}' ${quoted} 2>'${stderrFile}' | ${reader}; echo "status=\${PIPESTATUS[0]}"`;
  const run = spawnSync("bash", ["-c", script], { cwd: root, encoding: "utf8" });
  const lines = run.stdout.trimEnd().split("\n");
  return { read: lines.slice(0, -1), status: lines[lines.length - 1], stderr: readFileSync(stderrFile, "utf8") };
}

describe("output piped to a reader that stops early", () => {
  it.each([
    ["criteria as text", ["criteria", "--framework", "medway-libraries-2024"]],
    ["criteria as JSON (more than a pipe buffer)", ["criteria", "--framework", "medway-libraries-2024", "--json"]],
  ])("%s | head -1: the first line, status 0, nothing on stderr (5 runs)", (_, args) => {
    const first = execFileSync(process.execPath, [bin, ...args], { encoding: "utf8" }).split("\n")[0];
    for (let i = 0; i < 5; i++) {
      const { read, status, stderr } = piped(args, "head -1");
      expect(stderr).toBe("");
      expect(read).toEqual([first]);
      expect(status).toBe("status=0");
    }
  });

  it("check --report still writes its whole report when nobody reads what it prints", async () => {
    const input = path.join(dir, "team.xlsx");
    expect((await runCli("template", input, "--framework", "stockport-library-assistant", "--role", "library-assistant", "--people", "Ann;Bo")).code).toBe(0);
    const report = path.join(dir, "report.xlsx");
    const { read, status, stderr } = piped(["check", input, "--report", report], "true");
    expect(read).toEqual([]);
    expect(stderr).toBe("");
    expect(status).toBe("status=0");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets.map((ws) => ws.name)).toContain("Check results");
  });
});
