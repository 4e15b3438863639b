import { FrameworkInputSchema } from "./framework";
import type { LintFinding } from "./lint";
import { lintFramework } from "./lint";
import type { Framework } from "./model";
import { resolveFramework } from "./model";

export interface ValidationProblem {
  /** Where in the framework, e.g. `roles[0].criteria[3].id`. */
  path: string;
  message: string;
  /** The lint finding's code, for problems the schema could not see; their messages name the item themselves. */
  code?: LintFinding["code"];
}

export type FrameworkResult =
  | { ok: true; framework: Framework; findings: LintFinding[] }
  | { ok: false; problems: ValidationProblem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

/**
 * Validates a framework and resolves its defaults. Every problem is returned, each with its path,
 * so whoever edits a framework sees all that is wrong at once. Lint errors (a duplicate id, an
 * unknown level) make the framework unusable and are returned as problems too.
 */
export function buildFramework(input: unknown): FrameworkResult {
  const parsed = FrameworkInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const findings = lintFramework(parsed.data);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    return { ok: false, problems: errors.map((f) => ({ path: f.path, message: f.message, code: f.code })) };
  }
  return { ok: true, framework: resolveFramework(parsed.data), findings };
}
