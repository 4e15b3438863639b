import type { CheckResult, PersonResult, Problem } from "../../core/check";
import { planReportSheet, summaryLine } from "../../core/layout/report-sheet";
import { checkFile } from "../../xlsx/check-file";
import { writeReportCopy } from "../../xlsx/workbook";
import { optionalString, parseCommandArgs } from "../args";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import type { Command } from "../command";
import type { Io } from "../io";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../io";

const options = {
  ...FRAMEWORKS_OPTION,
  json: { type: "boolean", help: 'print JSON: {"people": [...], "problems": [...]}' },
  report: { type: "string", value: "OUT.xlsx", help: "also write the Check results sheet into OUT.xlsx (a copy of IN.xlsx when OUT does not exist)" },
} as const;

/** A person as the contract's JSON has it. */
export function personJson(p: PersonResult) {
  return {
    sheet: p.sheet,
    employee: p.employee,
    framework: p.framework,
    role: p.role,
    targetLevel: p.targetLevel,
    attainedLevel: p.attainedLevel,
    levelGap: p.levelGap,
    essentialsMet: p.essentialsMet,
    unmetEssential: p.unmetEssential,
    missing: p.missing,
    desirableScore: p.desirableScore,
  };
}

export function problemJson(p: Problem) {
  return { sheet: p.sheet, cell: p.cell, severity: p.severity, code: p.code, message: p.message };
}

/** A readable list for a terminal line: the first few ids, then how many more. */
function shortList(ids: string[], shown = 6): string {
  return ids.length <= shown ? ids.join(", ") : `${ids.slice(0, shown).join(", ")} and ${ids.length - shown} more`;
}

function printHuman(result: CheckResult, io: Io) {
  io.stdout(`${summaryLine(result)}\n`);
  for (const sheet of result.assessmentSheets) {
    const people = result.people.filter((p) => p.sheet === sheet);
    if (people.length === 0) continue;
    io.stdout(`\n${sheet}\n`);
    const width = Math.max(...people.map((p) => p.employee.length));
    for (const p of people) {
      const verdict = p.essentialsMet ? "PASS" : "FAIL";
      const details = [
        `attained ${p.attainedLevel ?? "none"}, target ${p.targetLevel}, gap ${p.levelGap}`,
        p.unmetEssential.length ? `unmet: ${shortList(p.unmetEssential)}` : "",
        p.missing.length ? `missing: ${shortList(p.missing)}` : "",
        p.desirableScore ? `desirable ${p.desirableScore}` : "",
      ].filter(Boolean);
      io.stdout(`  ${verdict}  ${p.employee.padEnd(width)}  ${details.join("; ")}\n`);
    }
  }
  if (result.problems.length > 0) {
    io.stdout("\nProblems\n");
    const where = (p: Problem) => `${p.sheet}!${p.cell}`;
    const width = Math.max(...result.problems.map((p) => where(p).length));
    for (const p of result.problems) io.stdout(`  ${where(p).padEnd(width)}  ${p.severity.padEnd(7)}  ${p.message} [${p.code}]\n`);
  }
}

export const checkCommand: Command = {
  name: "check",
  summary: "Checks every assessment sheet of IN.xlsx against its framework's essential criteria.",
  usage: "check IN.xlsx [--json] [--report OUT.xlsx] [--frameworks PATH]...",
  options,
  details: [
    "Exit status: 0 everyone meets every essential criterion and there is no error;",
    "1 someone does not, or a problem of severity error was found;",
    "2 the file could not be checked (unreadable, not a workbook, no assessment sheet, unknown framework).",
    "The input file is only read, never written. --report keeps every other sheet of OUT.xlsx, rewrites",
    "its own earlier Check results sheet, and never overwrites a file that is not an .xlsx workbook.",
    "Framework sheets in IN.xlsx are used too: they replace --frameworks files and built-ins of the same id.",
  ].join("\n"),
  async run(argv, io) {
    const args = parseCommandArgs("check", argv, options, 1);
    const [input] = args.positionals;
    if (!input) throw new UsageError("check: name the workbook to check, e.g. hr-competency check team.xlsx");
    const reportPath = optionalString(args, "report");
    io.progress(`Reading ${input}…`);
    const result = await checkFile(input, await loadCatalog(args, io));
    io.progress("");
    if (result.assessmentSheets.length === 0) {
      throw new UsageError(`${input} has no assessment sheet (Framework, Role and Target level in column A above an Employee table). Make one with: hr-competency template`);
    }
    if (result.sheets.length === 0) {
      const first = result.problems.find((p) => p.severity === "error");
      throw new UsageError(`${input} could not be checked: ${first ? `${first.sheet}!${first.cell}: ${first.message}` : "no assessment sheet could be read."}`);
    }
    if (args.values.json) {
      io.stdout(JSON.stringify({ people: result.people.map(personJson), problems: result.problems.map(problemJson) }, null, 2) + "\n");
    } else {
      printHuman(result, io);
    }
    if (reportPath) {
      io.progress(`Writing ${reportPath}…`);
      const sheet = await writeReportCopy(input, reportPath, planReportSheet(result, new Date().toISOString().slice(0, 16).replace("T", " ")));
      io.progress("");
      if (!args.values.json) io.stdout(`\nReport written to ${reportPath} (sheet "${sheet}").\n`);
    }
    const failed = result.people.some((p) => !p.essentialsMet) || result.problems.some((p) => p.severity === "error");
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
