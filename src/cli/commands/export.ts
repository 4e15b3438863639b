import path from "node:path";
import { exportCaseJson, exportFrameworkJson, planFrameworkSheet } from "../../core/interchange";
import { addSheetsToFile, createFile } from "../../xlsx/workbook";
import { parseCommandArgs, requireString } from "../args";
import { FRAMEWORKS_OPTION, loadCatalog } from "../catalog";
import type { Command } from "../command";
import { EXIT_OK, UsageError } from "../io";
import { resolveFramework } from "../resolve";
import { countOf } from "./import";

const FORMATS = { case: ".json", json: ".json", xlsx: ".xlsx" } as const;
type Format = keyof typeof FORMATS;

const options = {
  ...FRAMEWORKS_OPTION,
  framework: { type: "string", value: "F", help: "framework id (see: hr-competency frameworks)" },
  format: { type: "string", value: "FORMAT", help: "case (CASE 1.1 JSON, a CFPackage), json (framework JSON) or xlsx (a framework sheet)" },
  out: { type: "string", value: "OUT", help: "the file to write: a new file for case and json; for xlsx, the workbook to add the sheet to (or a new one)" },
} as const;

export const exportCommand: Command = {
  name: "export",
  summary: "Writes a framework as CASE 1.1 JSON, framework JSON or a framework sheet.",
  usage: "export --framework F --format case|json|xlsx --out OUT [--frameworks PATH]...",
  options,
  details: [
    "CASE output validates against 1EdTech's CASE 1.1 CFPackage schema; the same framework always gets the same identifiers.",
    "Example: hr-competency export --framework medway-libraries-2024 --format case --out medway-case.json",
  ].join("\n"),
  async run(argv, io) {
    const args = parseCommandArgs("export", argv, options, 0);
    const format = requireString("export", args, "format").trim().toLowerCase();
    if (!(format in FORMATS)) throw new UsageError(`export: --format must be case, json or xlsx, not "${format}".`);
    const out = requireString("export", args, "out");
    const extension = FORMATS[format as Format];
    if (path.extname(out).toLowerCase() !== extension) throw new UsageError(`export: --format ${format} writes a ${extension} file; name --out accordingly (not "${out}").`);
    const framework = resolveFramework(await loadCatalog(args, io), requireString("export", args, "framework"));
    io.progress(`Writing ${out}…`);
    if (format === "xlsx") {
      const { sheets, created } = await addSheetsToFile(out, [planFrameworkSheet(framework)]);
      io.progress("");
      io.stdout(`${created ? "Created" : "Updated"} ${out}: added the framework sheet "${sheets[0]}" for ${framework.id} (${countOf(framework)}).\n`);
      return EXIT_OK;
    }
    const text = format === "case" ? exportCaseJson(framework) : exportFrameworkJson(framework);
    await createFile(out, Buffer.from(text, "utf8"));
    io.progress("");
    io.stdout(`Wrote ${out}: ${framework.id} as ${format === "case" ? "CASE 1.1 JSON" : "framework JSON"} (${countOf(framework)}).\n`);
    return EXIT_OK;
  },
};
