import { planCriteriaSheet } from "../../core/layout/criteria-sheet";
import { addSheetsToFile } from "../../xlsx/workbook";
import { optionalString, parseCommandArgs, requireString } from "../args";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import type { Command } from "../command";
import { EXIT_OK, UsageError } from "../io";
import { resolveFramework, resolveRole } from "../resolve";

const options = {
  ...FRAMEWORKS_OPTION,
  framework: { type: "string", value: "F", help: "framework id (see: hr-competency frameworks)" },
  role: { type: "string", value: "R", help: "only this role (id or title); default: every role" },
} as const;

export const fillCommand: Command = {
  name: "fill",
  summary: "Adds a criteria sheet per role to OUT.xlsx (creates the file, or adds to it).",
  usage: "fill OUT.xlsx --framework F [--role R] [--frameworks PATH]...",
  options,
  details: "Existing sheets are never changed; a sheet name already in use gets a new one.\nExample: hr-competency fill criteria.xlsx --framework medway-libraries-2024 --role library-manager",
  async run(argv, io) {
    const args = parseCommandArgs("fill", argv, options, 1);
    const [out] = args.positionals;
    if (!out) throw new UsageError("fill: name the workbook to write, e.g. hr-competency fill criteria.xlsx --framework F");
    const framework = resolveFramework(await loadCatalog(args, io), requireString("fill", args, "framework"));
    const roleName = optionalString(args, "role");
    const roles = roleName !== undefined ? [resolveRole(framework, roleName)] : framework.roles;
    io.progress(`Writing ${roles.length} criteria sheet(s) to ${out}…`);
    const plans = roles.map((role) => planCriteriaSheet(framework, role, `Criteria_${role.id}`));
    const { sheets, created } = await addSheetsToFile(out, plans);
    io.progress("");
    io.stdout(`${created ? "Created" : "Updated"} ${out}: added ${sheets.map((s) => `"${s}"`).join(", ")}.\n`);
    return EXIT_OK;
  },
};
