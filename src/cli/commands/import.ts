import path from "node:path";
import { exportFrameworkJson, planFrameworkSheet } from "../../core/interchange";
import { addSheetsToFile, createFile } from "../../xlsx/workbook";
import { optionalString, parseCommandArgs, requireString } from "../args";
import { readFrameworkFile } from "../catalog";
import type { Command } from "../command";
import { EXIT_OK, UsageError } from "../io";

const options = {
  out: { type: "string", value: "OUT", help: "where to write: OUT.json (framework JSON, a new file) or OUT.xlsx (a framework sheet, added to the workbook or in a new one)" },
  framework: { type: "string", value: "F", help: "which framework, when SOURCE is a workbook with several framework sheets" },
} as const;

export const importCommand: Command = {
  name: "import",
  summary: "Reads a framework from CASE 1.1 JSON, Moodle CSV, framework JSON or a workbook's framework sheet, and writes it as framework JSON or a framework sheet.",
  usage: "import SOURCE --out OUT.json|OUT.xlsx [--framework F]",
  options,
  details: [
    "The format of SOURCE is told from what it holds. Nothing is written when SOURCE has a problem (exit 2):",
    "every problem is listed with where it is (line and column, JSON pointer, or sheet and cell).",
    "Warnings (a source without priorities, say) are printed on stderr.",
    "Examples: hr-competency import standards.json --out our-framework.xlsx",
    "          hr-competency import moodle-export.csv --out framework.json",
  ].join("\n"),
  async run(argv, io) {
    const args = parseCommandArgs("import", argv, options, 1);
    const [source] = args.positionals;
    if (!source) throw new UsageError("import: name the file to read, e.g. hr-competency import framework.json --out framework.xlsx");
    const out = requireString("import", args, "out");
    const kind = path.extname(out).toLowerCase();
    if (kind !== ".json" && kind !== ".xlsx") throw new UsageError(`import: --out must end in .json (framework JSON) or .xlsx (a framework sheet), not "${out}".`);
    io.progress(`Reading ${source}…`);
    const entries = await readFrameworkFile(source, io);
    const wanted = optionalString(args, "framework");
    const chosen = wanted === undefined ? entries : entries.filter((e) => e.framework.id === wanted.trim().toLowerCase());
    if (chosen.length !== 1) {
      const ids = entries.map((e) => e.framework.id).join(", ");
      throw new UsageError(wanted === undefined ? `${source} holds ${entries.length} frameworks (${ids}); choose one with --framework.` : `${source} has no framework "${wanted}"; it has ${ids}.`);
    }
    const [{ framework }] = chosen;
    io.progress(`Writing ${out}…`);
    if (kind === ".json") {
      await createFile(out, Buffer.from(exportFrameworkJson(framework), "utf8"));
      io.progress("");
      io.stdout(`Wrote ${out}: framework ${framework.id} (${countOf(framework)}).\n`);
    } else {
      const { sheets, created } = await addSheetsToFile(out, [planFrameworkSheet(framework)]);
      io.progress("");
      io.stdout(`${created ? "Created" : "Updated"} ${out}: added the framework sheet "${sheets[0]}" for ${framework.id} (${countOf(framework)}). Edit it in Excel; check and the add-in use it.\n`);
    }
    return EXIT_OK;
  },
};

export function countOf(framework: { roles: { criteria: unknown[] }[]; levels: unknown[]; implicitLevel: boolean }): string {
  const criteria = framework.roles.reduce((n, r) => n + r.criteria.length, 0);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [plural(framework.roles.length, "role", "roles"), framework.implicitLevel ? "no levels" : plural(framework.levels.length, "level", "levels"), plural(criteria, "criterion", "criteria")].join(", ");
}
