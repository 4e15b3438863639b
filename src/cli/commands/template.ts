import { existsSync, readFileSync } from "node:fs";
import { planAssessmentSheet } from "../../core/layout/assessment-sheet";
import { repeatedName } from "../../core/lookup";
import { addSheetsToFile } from "../../xlsx/workbook";
import { optionalString, parseCommandArgs, requireString } from "../args";
import type { Command } from "../command";
import { EXIT_OK, UsageError } from "../io";
import { resolveFramework, resolveLevel, resolveRole } from "../resolve";

const options = {
  framework: { type: "string", value: "F", help: "framework id (see: hr-competency frameworks)" },
  role: { type: "string", value: "R", help: "role id or title" },
  level: { type: "string", value: "L", help: "target level (id or name); default: the role's highest level" },
  people: { type: "string", value: "P", help: 'names separated by ";" ("Ann Lee;Bo Chan"), or a text file with one name per line' },
} as const;

/** The names given to --people: a file of one name per line when it names a file, else a ";" list. */
export function parsePeople(value: string): string[] {
  const fromFile = !value.includes(";") && existsSync(value);
  const raw = fromFile ? readFileSync(value, "utf8").split(/\r?\n/) : value.split(";");
  const names = raw.map((n) => n.trim()).filter((n) => n !== "");
  if (names.length === 0) throw new UsageError(`template: --people ${fromFile ? `file ${value} has` : "has"} no names. Give names separated by ";" or a file with one name per line.`);
  const repeated = repeatedName(names);
  if (repeated) throw new UsageError(`template: "${repeated.name}" is in --people twice (as "${repeated.first}"); each person needs one row.`);
  return names;
}

export const templateCommand: Command = {
  name: "template",
  summary: "Adds an assessment sheet for a role and target level to OUT.xlsx (creates the file, or adds to it).",
  usage: 'template OUT.xlsx --framework F --role R [--level L] --people "A;B;C"',
  options,
  details: 'Example: hr-competency template team.xlsx --framework medway-libraries-2024 --role "Library Assistant" --level B --people "Ann Lee;Bo Chan"',
  async run(argv, io) {
    const args = parseCommandArgs("template", argv, options, 1);
    const [out] = args.positionals;
    if (!out) throw new UsageError("template: name the workbook to write, e.g. hr-competency template team.xlsx --framework F --role R --people \"A;B\"");
    const framework = resolveFramework(requireString("template", args, "framework"));
    const role = resolveRole(framework, requireString("template", args, "role"));
    const levelName = optionalString(args, "level");
    const level = levelName !== undefined ? resolveLevel(framework, levelName) : framework.levels[framework.levels.length - 1];
    const people = parsePeople(requireString("template", args, "people"));
    io.progress(`Writing an assessment sheet for ${people.length} people to ${out}…`);
    const plan = planAssessmentSheet(framework, role, level, people.map((name) => ({ name })), `Assess_${role.id}_${level.id}`);
    const { sheets, created } = await addSheetsToFile(out, [plan]);
    io.progress("");
    io.stdout(`${created ? "Created" : "Updated"} ${out}: added "${sheets[0]}" for ${people.length} people (${role.title}, target ${level.id}).\n`);
    return EXIT_OK;
  },
};
