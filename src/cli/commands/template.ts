import { readFileSync, statSync } from "node:fs";
import { planAssessmentSheet } from "../../core/layout/assessment-sheet";
import { repeatedName } from "../../core/lookup";
import { addSheetsToFile } from "../../xlsx/workbook";
import type { ParsedArgs } from "../args";
import { optionalString, parseCommandArgs, requireString } from "../args";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import type { Command } from "../command";
import { EXIT_OK, UsageError } from "../io";
import { resolveFramework, resolveLevel, resolveRole } from "../resolve";

const options = {
  ...FRAMEWORKS_OPTION,
  framework: { type: "string", value: "F", help: "framework id (see: hr-competency frameworks)" },
  role: { type: "string", value: "R", help: "role id or title" },
  level: { type: "string", value: "L", help: "target level (id or name); default: the role's highest level" },
  people: { type: "string", multiple: true, value: "NAMES", help: 'names separated by ";" ("Ann Lee;Bo Chan"); may be repeated, the names add up' },
  "people-file": { type: "string", multiple: true, value: "PATH", help: "a text file with one name per line (UTF-8 or UTF-16); may be repeated, and combined with --people" },
} as const;

const USAGE = 'template OUT.xlsx --framework F --role R [--level L] (--people "A;B;C" | --people-file NAMES.txt) [--frameworks PATH]...';

/** "1 person", "2 people". */
export function peopleCount(n: number): string {
  return `${n} ${n === 1 ? "person" : "people"}`;
}

/**
 * An entry of --people that reads as a file name rather than a person's (a folder separator, or a
 * text or spreadsheet extension): nobody is called "team.txt", so it is a --people-file mix-up.
 * Text that Excel would take as a formula (=, +, @) is no file name: it is kept, and written as text.
 */
function looksLikeFileName(entry: string): boolean {
  return !/^[=+@]/.test(entry) && (/[\\/]/.test(entry) || /\.(txt|csv|tsv|xlsx?)$/i.test(entry));
}

function existsAsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The names in one --people value: separated by ";", blanks ignored. */
export function namesFromList(value: string): string[] {
  const names = value.split(";").map((n) => n.trim()).filter((n) => n !== "");
  const file = names.find(looksLikeFileName);
  if (file !== undefined) {
    throw new UsageError(
      existsAsFile(file)
        ? `template: --people "${file}" is a file; --people takes names. To read names from it, use --people-file "${file}".`
        : `template: --people "${file}" looks like a file name, not a person's, and there is no such file. Did you mean --people-file with an existing file? Names go as --people "Ann Lee;Bo Chan".`,
    );
  }
  return names;
}

/** Text of a names file: UTF-8 (with or without BOM) or UTF-16 with a BOM, as Notepad saves "Unicode". */
function decodeText(bytes: Buffer, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(`template: --people-file ${file} is not UTF-8 text (is it a spreadsheet, or in another encoding?). Save it as plain text, UTF-8, with one name per line.`);
  }
}

/** The names in a --people-file: one per line (LF, CRLF or CR), blank lines ignored. */
export function namesFromFile(file: string): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "it cannot be read (permission denied)" : `it cannot be read (${(error as Error).message})`;
    throw new UsageError(`template: --people-file ${file}: ${reason}. Give a text file with one name per line.`);
  }
  const names = decodeText(bytes, file).split(/\r\n|\r|\n/).map((n) => n.trim()).filter((n) => n !== "");
  if (names.length === 0) throw new UsageError(`template: --people-file ${file} has no names. Write one name per line.`);
  return names;
}

/** Every name from --people and --people-file, in the order given; each person once. */
export function peopleFromArgs(args: ParsedArgs): string[] {
  const lists = (args.values.people as string[] | undefined) ?? [];
  const files = (args.values["people-file"] as string[] | undefined) ?? [];
  if (lists.length === 0 && files.length === 0) {
    throw new UsageError('template: give the people to assess: --people "Ann Lee;Bo Chan" or --people-file NAMES.txt. See: hr-competency template --help');
  }
  const names = [...lists.flatMap(namesFromList), ...files.flatMap(namesFromFile)];
  if (names.length === 0) throw new UsageError('template: --people has no names. Give names separated by ";", e.g. --people "Ann Lee;Bo Chan".');
  const repeated = repeatedName(names);
  if (repeated) throw new UsageError(`template: "${repeated.name}" is in --people twice (as "${repeated.first}"); each person needs one row.`);
  return names;
}

export const templateCommand: Command = {
  name: "template",
  summary: "Adds an assessment sheet for a role and target level to OUT.xlsx (creates the file, or adds to it).",
  usage: USAGE,
  options,
  details: [
    "Give the people with --people, --people-file, or both; each may be repeated, and every name given is added, in order.",
    "A --people entry that looks like a file name (team.txt, a path) is refused: use --people-file for files.",
    'Example: hr-competency template team.xlsx --framework medway-libraries-2024 --role "Library Assistant" --level B --people "Ann Lee;Bo Chan"',
    "Example: hr-competency template team.xlsx --framework medway-libraries-2024 --role \"Library Assistant\" --people-file team.txt",
  ].join("\n"),
  async run(argv, io) {
    const args = parseCommandArgs("template", argv, options, 1);
    const [out] = args.positionals;
    if (!out) throw new UsageError("template: name the workbook to write, e.g. hr-competency template team.xlsx --framework F --role R --people \"A;B\"");
    const framework = resolveFramework(await loadCatalog(args, io), requireString("template", args, "framework"));
    const role = resolveRole(framework, requireString("template", args, "role"));
    const levelName = optionalString(args, "level");
    const level = levelName !== undefined ? resolveLevel(framework, levelName) : framework.levels[framework.levels.length - 1];
    const people = peopleFromArgs(args);
    io.progress(`Writing an assessment sheet for ${peopleCount(people.length)} to ${out}…`);
    const plan = planAssessmentSheet(framework, role, level, people.map((name) => ({ name })), `Assess_${role.id}_${level.id}`);
    const { sheets, created } = await addSheetsToFile(out, [plan]);
    io.progress("");
    io.stdout(`${created ? "Created" : "Updated"} ${out}: added "${sheets[0]}" for ${peopleCount(people.length)} (${role.title}, target ${level.id}).\n`);
    return EXIT_OK;
  },
};
