import { describeOrigin } from "../../core/catalog";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import { parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT_OK } from "../io";
import { renderTable } from "../table";

const options = { ...FRAMEWORKS_OPTION, json: { type: "boolean", help: "print JSON: [{id, title, publisher, version, from, levels, roles}]" } } as const;

export const frameworksCommand: Command = {
  name: "frameworks",
  summary: "Lists the frameworks (built in, and from --frameworks files) with their roles and levels, and where each comes from.",
  usage: "frameworks [--frameworks PATH]... [--json]",
  options,
  async run(argv, io) {
    const args = parseCommandArgs("frameworks", argv, options, 0);
    const catalog = await loadCatalog(args, io);
    const frameworks = catalog.frameworks();
    const from = (id: string) => describeOrigin(catalog.origin(id) ?? { kind: "built-in" });
    if (args.values.json) {
      const json = frameworks.map((f) => ({
        id: f.id,
        title: f.title,
        publisher: f.publisher,
        version: f.version,
        from: from(f.id),
        levels: f.levels.map((l) => ({ id: l.id, name: l.name })),
        roles: f.roles.map((r) => ({ id: r.id, title: r.title, grade: r.grade ?? null })),
      }));
      io.stdout(JSON.stringify(json, null, 2) + "\n");
      return EXIT_OK;
    }
    for (const f of frameworks) {
      io.stdout(`${f.id} (version ${f.version}, ${from(f.id)})\n  ${f.title} (${[f.publisher, f.source.date].filter(Boolean).join(", ")})\n`);
      io.stdout(`  Levels: ${f.implicitLevel ? "none (one implicit level)" : f.levels.map((l) => `${l.id} ${l.name}`).join(", ")}\n\n`);
      const rows = f.roles.map((r) => ["  " + r.id, r.grade ?? "", String(r.criteria.length), r.title]);
      io.stdout(renderTable(["  Role", "Grade", "Criteria", "Title"], rows).replace(/^/gm, "") + "\n");
    }
    return EXIT_OK;
  },
};
