import type { Command } from "./command";
import { commandHelp } from "./command";
import { checkCommand } from "./commands/check";
import { collectCommand } from "./commands/collect";
import { criteriaCommand } from "./commands/criteria";
import { exportCommand } from "./commands/export";
import { fillCommand } from "./commands/fill";
import { frameworksCommand } from "./commands/frameworks";
import { importCommand } from "./commands/import";
import { templateCommand } from "./commands/template";
import { WorkbookFileError } from "../xlsx/read";
import type { Io } from "./io";
import { EXIT_OK, EXIT_UNUSABLE, processIo, UsageError } from "./io";

export const COMMANDS: Command[] = [frameworksCommand, criteriaCommand, fillCommand, templateCommand, checkCommand, collectCommand, importCommand, exportCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: hr-competency <command> [options]",
    "",
    "Competency and career-progression frameworks for Excel workbooks.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run hr-competency <command> --help for a command's options.",
    "",
  ].join("\n");
}

/** Runs the command line and returns the exit status; never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(mainHelp());
    return name === undefined ? EXIT_UNUSABLE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See: hr-competency --help\n`);
    return EXIT_UNUSABLE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkbookFileError) {
      io.stderr(`${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`hr-competency ${name} failed: ${message}\n`);
    return EXIT_UNUSABLE;
  }
}
