import type { OptionSpec } from "./args";
import { formatOptions } from "./args";
import type { Io } from "./io";

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Extra lines for --help: what the output means, exit statuses, examples. */
  details?: string;
  run(argv: string[], io: Io): Promise<number>;
}

export function commandHelp(command: Command): string {
  return [
    `Usage: hr-competency ${command.usage}`,
    "",
    command.summary,
    "",
    "Options:",
    formatOptions({ ...command.options, help: { type: "boolean", help: "show this help" } }),
    ...(command.details ? ["", command.details] : []),
    "",
  ].join("\n");
}
