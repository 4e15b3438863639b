import { promises as fs } from "node:fs";
import path from "node:path";
import type { CatalogEntry, FrameworkCatalog } from "../core/catalog";
import { catalogOf } from "../core/catalog";
import { frameworksInGrids } from "../core/check";
import type { ImportProblem } from "../core/interchange";
import { importFramework } from "../core/interchange";
import { builtInFrameworks } from "../frameworks";
import { readGrids } from "../xlsx/read";
import type { OptionSpec, ParsedArgs } from "./args";
import type { Io } from "./io";
import { UsageError } from "./io";

/** The option every command takes: frameworks from files, beside the built-ins. */
export const FRAMEWORKS_OPTION = {
  frameworks: {
    type: "string",
    multiple: true,
    value: "PATH",
    help: "also use the framework in PATH: CASE 1.1 JSON, Moodle CSV, framework JSON, or an .xlsx with framework sheets (repeatable; one with a built-in's id replaces it)",
  },
} as const satisfies OptionSpec;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A source that cannot be used: every problem, each with where it is, one per line. */
export function sourceProblems(file: string, problems: ImportProblem[]): UsageError {
  const lines = problems.map((p) => `  ${p.location}: ${p.message}`);
  return new UsageError(`${file} cannot be used as a framework (${problems.length === 1 ? "1 problem" : `${problems.length} problems`}); nothing was written:\n${lines.join("\n")}`);
}

/**
 * The frameworks in one file: a CASE, Moodle or framework JSON text, or a workbook's framework
 * sheets. Warnings are printed on stderr; any problem stops the command (exit 2).
 */
export async function readFrameworkFile(file: string, io: Io): Promise<CatalogEntry[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `${file}: no such file. Check the path given to --frameworks.` : `${file} could not be read (${code ?? String(error)}).`);
  }
  const warn = (warnings: ImportProblem[]) => warnings.forEach((w) => io.stderr(`warning: ${file}: ${w.location}: ${w.message}\n`));
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    const found = frameworksInGrids(await readGrids(file), file);
    const errors = found.problems.filter((p) => p.severity === "error");
    if (errors.length > 0) throw sourceProblems(file, errors.map((p) => ({ location: `${p.sheet}!${p.cell}`, message: p.message })));
    if (found.entries.length === 0) throw new UsageError(`${file} has no framework sheet (a sheet whose A1 says "Framework sheet"). Make one with: hr-competency export --framework F --format xlsx --out ${path.basename(file)}`);
    warn(found.problems.map((p) => ({ location: `${p.sheet}!${p.cell}`, message: p.message })));
    return found.entries;
  }
  const imported = importFramework(bytes.toString("utf8"), path.basename(file));
  if (!imported.ok) throw sourceProblems(file, imported.problems);
  warn(imported.warnings);
  return [{ framework: imported.framework, origin: { kind: "file", path: file } }];
}

/** Built-ins, then each --frameworks file in the order given: a later framework with an earlier one's id replaces it. */
export async function loadCatalog(args: ParsedArgs, io: Io): Promise<FrameworkCatalog> {
  const files = (args.values.frameworks as string[] | undefined) ?? [];
  const entries: CatalogEntry[] = [];
  for (const file of files) entries.push(...(await readFrameworkFile(file, io)));
  return catalogOf(builtInFrameworks()).with(entries);
}
