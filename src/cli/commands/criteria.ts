import type { Criterion } from "../../core/model";
import { levelIndex } from "../../core/model";
import { parseCommandArgs, optionalString, requireString } from "../args";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import type { Command } from "../command";
import { EXIT_OK } from "../io";
import { resolveFramework, resolveLevel, resolveRole } from "../resolve";
import { renderTable } from "../table";

const options = {
  ...FRAMEWORKS_OPTION,
  framework: { type: "string", value: "F", help: "framework id (see: hr-competency frameworks)" },
  role: { type: "string", value: "R", help: "only this role (id or title, case-insensitive)" },
  level: { type: "string", value: "L", help: "only criteria at this level (id or name)" },
  json: { type: "boolean", help: "print JSON: [{id, framework, role, level, category, text, priority}]" },
} as const;

export const criteriaCommand: Command = {
  name: "criteria",
  summary: "Lists a framework's criteria in source order.",
  usage: "criteria --framework F [--role R] [--level L] [--json] [--frameworks PATH]...",
  options,
  details: "Example: hr-competency criteria --framework medway-libraries-2024 --role \"Library Assistant\" --level B",
  async run(argv, io) {
    const args = parseCommandArgs("criteria", argv, options, 0);
    const framework = resolveFramework(await loadCatalog(args, io), requireString("criteria", args, "framework"));
    const roleName = optionalString(args, "role");
    const levelName = optionalString(args, "level");
    const roles = roleName !== undefined ? [resolveRole(framework, roleName)] : framework.roles;
    const level = levelName !== undefined ? resolveLevel(framework, levelName) : undefined;
    const criteria: Criterion[] = roles.flatMap((r) => r.criteria).filter((c) => !level || c.level === level.id);

    if (args.values.json) {
      const json = criteria.map((c) => ({
        id: c.id,
        framework: framework.id,
        role: c.role,
        level: c.level,
        category: c.category,
        text: c.text,
        priority: c.priority,
      }));
      io.stdout(JSON.stringify(json, null, 2) + "\n");
      return EXIT_OK;
    }
    for (const role of roles) {
      const own = criteria.filter((c) => c.role === role.id);
      io.stdout(`${role.title}${role.grade ? `, ${role.grade}` : ""} (${role.id}): ${own.length} criteria\n\n`);
      const rows = own.map((c) => {
        const lvl = framework.levels[levelIndex(framework, c.level) - 1];
        return [c.id, framework.implicitLevel ? "-" : lvl.id, c.priority, c.category, c.text];
      });
      io.stdout(renderTable(["ID", "Level", "Priority", "Category", "Criterion"], rows) + "\n");
    }
    return EXIT_OK;
  },
};
