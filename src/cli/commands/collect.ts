import { promises as fs } from "node:fs";
import path from "node:path";
import type { FrameworkCatalog } from "../../core/catalog";
import type { Framework } from "../../core/model";
import type { TeamSummary } from "../../core/team";
import { buildTeam, essentialsCoverage, levelDistribution, summariseTeam } from "../../core/team";
import type { Team, TeamProblem, TeamSource } from "../../core/team";
import { planTeamSheets } from "../../core/layout/team-sheets";
import { levelLabel } from "../../core/lookup";
import { checkFile } from "../../xlsx/check-file";
import { readGrids, WorkbookFileError } from "../../xlsx/read";
import { readWorkbookParts } from "../../xlsx/xml-package";
import { ZipPackage } from "../../xlsx/zip";
import { addSheetsToFile } from "../../xlsx/workbook";
import { parseCommandArgs, requireString } from "../args";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import type { Command } from "../command";
import type { Io } from "../io";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../io";
import { peopleCount } from "./template";

const options = {
  ...FRAMEWORKS_OPTION,
  out: { type: "string", value: "TEAM.xlsx", help: "the team workbook to write (created, or added to: its sheets are kept)" },
  json: { type: "boolean", help: 'print JSON: {"out", "created", "sheets", "groups": [...], "problems": [...]}' },
} as const;

/** Workbooks a folder holds, by extension. */
const WORKBOOK_EXTENSION = /\.(xlsx|xlsm)$/i;
const GLOB_CHARACTER = /[*?]/;
/** More files than this, and each one read gets a progress line. */
const FEW_FILES = 3;

/**
 * Names a folder or a glob may match but that are never a manager's workbook: the owner file
 * Excel keeps beside an open workbook ("~$team.xlsx"), LibreOffice's lock (".~lock.team.xlsx#")
 * and other hidden files, such as a writer's temporary file.
 */
const isLockOrHidden = (name: string) => name.startsWith("~$") || name.startsWith(".");

/** A problem with one input as a whole (unreadable, or a pattern that matched nothing). */
function fileProblem(source: string, code: string, message: string): TeamProblem {
  return { source, sheet: "", cell: "", severity: "error", code, message };
}

function globPattern(segment: string): RegExp {
  const body = [...segment].map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`, process.platform === "win32" ? "i" : "");
}

async function statOf(file: string) {
  return fs.stat(file).catch(() => undefined);
}

async function listFolder(folder: string, keep: (name: string) => boolean): Promise<string[] | undefined> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => undefined);
  return entries?.filter((e) => !e.isDirectory() && !isLockOrHidden(e.name) && keep(e.name)).map((e) => path.join(folder, e.name));
}

export interface ExpandedInputs {
  /** Each file once (by resolved path), in code-point order of the resolved path: the order never depends on the shell or the locale. */
  files: string[];
  problems: TeamProblem[];
}

/**
 * Turns the command's FILES into files: a file as given; a folder's .xlsx and .xlsm files (not
 * its subfolders); a glob with * or ? in its last segment, expanded here for shells that do not
 * (Windows). `out` is never a source, so collecting into a folder that is also read works twice.
 */
export async function expandInputs(inputs: string[], out?: string): Promise<ExpandedInputs> {
  const problems: TeamProblem[] = [];
  const found: string[] = [];
  for (const input of inputs) {
    const stat = await statOf(input);
    if (stat?.isDirectory()) {
      const files = (await listFolder(input, (name) => WORKBOOK_EXTENSION.test(name))) ?? [];
      if (files.length === 0) problems.push(fileProblem(input, "no-workbook-found", `The folder ${input} has no .xlsx or .xlsm file (subfolders are not read). Name the files, or the folder that holds them.`));
      found.push(...files);
    } else if (!stat && GLOB_CHARACTER.test(input)) {
      const folder = path.dirname(input);
      if (GLOB_CHARACTER.test(folder)) throw new UsageError(`collect: "${input}" has * or ? in a folder name; only the file name part may hold them, e.g. reports/*.xlsx.`);
      const pattern = globPattern(path.basename(input));
      const files = await listFolder(folder, (name) => pattern.test(name));
      if (!files || files.length === 0) problems.push(fileProblem(input, "no-workbook-found", `No file matches ${input}${files ? "" : ` (there is no folder ${folder})`}. Check the pattern.`));
      found.push(...(files ?? []));
    } else {
      // A missing file is read like any other, so its problem says what checkFile says of it.
      found.push(input);
    }
  }
  const outPath = out === undefined ? undefined : path.resolve(out);
  const byPath = new Map<string, string>();
  for (const file of found) {
    const resolved = path.resolve(file);
    if (resolved !== outPath && !byPath.has(resolved)) byPath.set(resolved, file);
  }
  const order = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: order.map((resolved) => byPath.get(resolved) as string), problems };
}

export interface CollectedTeam {
  team: Team;
  /** Files that could be read (with or without an assessment sheet). */
  readable: number;
}

/**
 * Checks each file and builds the team from them, in the order given. A file that cannot be read
 * is an error problem naming it; its neighbours are still collected.
 */
export async function collectTeam(files: string[], frameworks: Framework[] | FrameworkCatalog, progress: (file: string, index: number) => void = () => undefined): Promise<CollectedTeam> {
  const sources: TeamSource[] = [];
  const unreadable: TeamProblem[] = [];
  for (const [index, file] of files.entries()) {
    progress(file, index);
    try {
      sources.push({ source: file, result: await checkFile(file, frameworks) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      unreadable.push(fileProblem(file, "file-unreadable", message.includes(file) ? message : `${file} could not be read: ${message}`));
    }
  }
  const team = buildTeam(sources);
  // Problems in the order of the files, so each file's are together.
  const position = new Map(files.map((f, i) => [f, i]));
  const problems = [...unreadable, ...team.problems].sort((a, b) => (position.get(a.source) ?? -1) - (position.get(b.source) ?? -1));
  return { team: { ...team, problems }, readable: sources.length };
}

/**
 * The sheet names already in `out`, every kind (a chartsheet's name is taken too), as the writer
 * will see them: the plans' formulas name their sheets, so those names must be the ones written.
 */
async function takenNames(out: string): Promise<{ sheets: string[]; tables: string[] }> {
  const bytes = await fs.readFile(out).catch(() => undefined);
  if (!bytes) return { sheets: [], tables: [] };
  let sheets: string[];
  try {
    sheets = readWorkbookParts(ZipPackage.read(bytes)).sheets.map((s) => s.name);
  } catch {
    // Not a workbook, or a damaged one: the reader's message says which, naming the file.
    await readGrids(out);
    throw new WorkbookFileError(`${out} cannot be added to: it could not be read as an .xlsx workbook. It was left as it is; name another file with --out.`);
  }
  // Table names are not needed: no team formula refers to a table, and the writer renames a taken one.
  return { sheets, tables: [] };
}

function share(met: number, assessed: number): string {
  return assessed === 0 ? "no one assessed" : `${met} of ${assessed} (${Math.round((100 * met) / assessed)}%)`;
}

function printHuman(team: Team, summary: TeamSummary, files: number, out: string, sheets: string[], io: Io) {
  const people = team.groups.reduce((n, g) => n + g.members.length, 0);
  io.stdout(`Collected ${peopleCount(people)} from ${files} ${files === 1 ? "file" : "files"} into ${out} (sheets ${sheets.join(", ")}).\n`);
  for (const group of team.groups.filter((g) => g.members.length > 0)) {
    const top = group.targets[group.targets.length - 1];
    const essentials = essentialsCoverage(group).find((e) => e.level.id === top.id);
    const levels = levelDistribution(group).map((d) => `${d.level ? levelLabel(d.level) : "none"}: ${d.count}`);
    io.stdout(`\n${group.role.title} (${group.framework.id}): ${peopleCount(group.members.length)}\n`);
    if (essentials) io.stdout(`  every essential up to ${levelLabel(top)}: ${share(essentials.met, essentials.assessed)}\n`);
    io.stdout(`  attained levels: ${levels.join(", ")}\n`);
  }
  if (summary.problems.length > 0) {
    io.stdout("\nProblems\n");
    const where = (p: TeamProblem) => [p.source, p.sheet && `${p.sheet}!${p.cell}`].filter(Boolean).join("  ");
    const width = Math.max(...summary.problems.map((p) => where(p).length));
    for (const p of summary.problems) io.stdout(`  ${where(p).padEnd(width)}  ${p.severity.padEnd(7)}  ${p.message} [${p.code}]\n`);
  }
}

/** Why nothing could be collected, in one line, with the first problem that explains it. */
function nothingCollected(files: number, collected: CollectedTeam): string {
  const { team, readable } = collected;
  const first = team.problems.find((p) => p.severity === "error") ?? team.problems[0];
  const reason =
    files === 0 ? "no file to read" : readable === 0 ? `none of the ${files} files could be read` : team.groups.length === 0 ? "no assessment sheet could be read in any of them" : "the assessment sheets have no one in them";
  const detail = first ? ` First problem: ${[first.source, first.sheet && `${first.sheet}!${first.cell}`].filter(Boolean).join(" ")}: ${first.message}` : "";
  return `collect: nothing collected: ${reason}.${detail}`;
}

export interface CollectOutcome {
  team: Team;
  /** How many files were read (after folders and patterns were expanded). */
  files: number;
  sheets: string[];
  created: boolean;
}

/**
 * What the command does, without its arguments and printing: reads FILES, builds the team and
 * adds its sheets to `out`. A UsageError (exit 2) when nothing could be collected.
 */
export async function collectInto(inputs: string[], out: string, frameworks: Framework[] | FrameworkCatalog, progress: (text: string) => void = () => undefined): Promise<CollectOutcome> {
  const taken = await takenNames(out);
  const expanded = await expandInputs(inputs, out);
  const count = expanded.files.length;
  const collected = await collectTeam(expanded.files, frameworks, (file, i) => count > FEW_FILES && progress(`Reading ${i + 1}/${count}: ${file}…`));
  const team = { ...collected.team, problems: [...expanded.problems, ...collected.team.problems] };
  if (!team.groups.some((g) => g.members.length > 0)) {
    progress("");
    throw new UsageError(nothingCollected(count, { ...collected, team }));
  }
  const plans = planTeamSheets(team, taken);
  progress(`Writing ${out}…`);
  const { sheets, created } = await addSheetsToFile(out, plans);
  progress("");
  const misnamed = plans.findIndex((plan, i) => plan.name !== sheets[i]);
  if (misnamed >= 0) {
    throw new UsageError(`collect: ${out} changed while it was written (sheet "${plans[misnamed].name}" was written as "${sheets[misnamed]}"), so its team formulas may point at the wrong sheet. Delete the sheets added to ${out} and run collect again.`);
  }
  return { team, files: count, sheets, created };
}

export const collectCommand: Command = {
  name: "collect",
  summary: "Collects the assessment sheets of many workbooks into one team workbook: heatmap, coverage, levels and bench strength.",
  usage: "collect FILES... --out TEAM.xlsx [--json] [--frameworks PATH]...",
  options,
  details: [
    "FILES are workbooks, folders (their .xlsx and .xlsm files; subfolders are not read) or patterns",
    "with * and ? in the file name (expanded here too, for shells that do not, such as Windows').",
    "Files are read in path order. A person assessed twice for the same role (in two files, or two",
    "sheets) counts once, from the first row in that order; the later row is a problem naming both.",
    "TEAM.xlsx is created, or the team sheets are added to it: its own sheets are kept, never overwritten.",
    "",
    "Exit status: 0 everyone meets every essential criterion and there is no error;",
    "1 someone does not, or a problem of severity error was found (an unreadable file, a duplicate);",
    "2 nothing could be collected (no readable file, no assessment sheet with people) or TEAM.xlsx cannot be written.",
    "",
    "Example: hr-competency collect north.xlsx south.xlsx reports/ --out team.xlsx",
    'Example: hr-competency collect "reports/*.xlsx" --out team.xlsx --json',
  ].join("\n"),
  async run(argv, io) {
    const args = parseCommandArgs("collect", argv, options, Infinity);
    const out = requireString("collect", args, "out");
    if (args.positionals.length === 0) throw new UsageError("collect: name the workbooks or folders to collect, e.g. hr-competency collect reports/ --out team.xlsx");
    const { team, files, sheets, created } = await collectInto(args.positionals, out, await loadCatalog(args, io), io.progress);
    const summary = summariseTeam(team);
    if (args.values.json) {
      io.stdout(JSON.stringify({ out, created, sheets, ...summary }, null, 2) + "\n");
    } else {
      printHuman(team, summary, files, out, sheets, io);
    }
    const failed = team.groups.some((g) => g.members.some((m) => !m.result.essentialsMet)) || team.problems.some((p) => p.severity === "error");
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
