import { parseArgs } from "node:util";
import { UsageError } from "./io";

/** `multiple`: the option may be given more than once, and its values are collected in order. */
export type OptionSpec = Record<string, { type: "string" | "boolean"; help: string; value?: string; multiple?: boolean }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; anything unexpected is a UsageError naming it. */
export function parseCommandArgs(command: string, argv: string[], options: OptionSpec, maxPositionals: number): ParsedArgs {
  try {
    const parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false }])),
      allowPositionals: true,
      strict: true,
    });
    if (parsed.positionals.length > maxPositionals) {
      throw new UsageError(`${command}: unexpected argument "${parsed.positionals[maxPositionals]}". See: hr-competency ${command} --help`);
    }
    return parsed as ParsedArgs;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node:util's message goes on with advice about "--" that does not fit here: keep its first sentence.
    const message = String((error as { message?: unknown }).message ?? error).split(/\.\s|\n/)[0].replace(/\.$/, "");
    throw new UsageError(`${command}: ${message}. See: hr-competency ${command} --help`);
  }
}

export function requireString(command: string, args: ParsedArgs, name: string): string {
  const value = args.values[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`${command}: --${name} is required. See: hr-competency ${command} --help`);
  }
  return value;
}

export function optionalString(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function formatOptions(options: OptionSpec): string {
  const rows = Object.entries(options).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ""}`, spec.help]);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`).join("\n");
}
