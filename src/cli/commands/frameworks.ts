import { builtInFrameworks } from "../../frameworks";
import { parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT_OK } from "../io";
import { renderTable } from "../table";

const options = { json: { type: "boolean", help: "print JSON: [{id, title, publisher, levels, roles}]" } } as const;

export const frameworksCommand: Command = {
  name: "frameworks",
  summary: "Lists the built-in frameworks with their roles and levels.",
  usage: "frameworks [--json]",
  options,
  async run(argv, io) {
    const args = parseCommandArgs("frameworks", argv, options, 0);
    const frameworks = builtInFrameworks();
    if (args.values.json) {
      const json = frameworks.map((f) => ({
        id: f.id,
        title: f.title,
        publisher: f.publisher,
        levels: f.levels.map((l) => ({ id: l.id, name: l.name })),
        roles: f.roles.map((r) => ({ id: r.id, title: r.title, grade: r.grade ?? null })),
      }));
      io.stdout(JSON.stringify(json, null, 2) + "\n");
      return EXIT_OK;
    }
    for (const f of frameworks) {
      io.stdout(`${f.id}\n  ${f.title} (${[f.publisher, f.source.date].filter(Boolean).join(", ")})\n`);
      io.stdout(`  Levels: ${f.implicitLevel ? "none (one implicit level)" : f.levels.map((l) => `${l.id} ${l.name}`).join(", ")}\n\n`);
      const rows = f.roles.map((r) => ["  " + r.id, r.grade ?? "", String(r.criteria.length), r.title]);
      io.stdout(renderTable(["  Role", "Grade", "Criteria", "Title"], rows).replace(/^/gm, "") + "\n");
    }
    return EXIT_OK;
  },
};
