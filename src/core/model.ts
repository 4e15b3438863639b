import type { Duty, FrameworkInput, Level, Priority, Scale } from "./framework";
import { DEFAULT_SCALE, FrameworkInputSchema } from "./framework";
import { lintFramework, type LintFinding } from "./lint";

export interface Criterion {
  id: string;
  /** Role id. */
  role: string;
  /** Level id. */
  level: string;
  category: string;
  text: string;
  priority: Priority;
}

export interface Role {
  id: string;
  title: string;
  grade?: string;
  purpose?: string;
  duties: Duty[];
  notes: string[];
  /** In source order. */
  criteria: Criterion[];
}

export interface Framework {
  id: string;
  title: string;
  publisher: string;
  source: FrameworkInput["source"];
  scale: Scale;
  /** Ordered lowest first, never empty: a framework without levels gets the implicit one. */
  levels: Level[];
  /** True when the source has no levels and `levels` holds only the implicit one. */
  implicitLevel: boolean;
  defaultPriority: Priority;
  roles: Role[];
}

/** The level every criterion sits at when the source document has no levels. */
export const IMPLICIT_LEVEL: Level = { id: "all", name: "All criteria" };

export interface ValidationProblem {
  /** Where in the framework, e.g. `roles[0].criteria[3].id`. */
  path: string;
  message: string;
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
  const data = parsed.data;
  const findings = lintFramework(data);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    return { ok: false, problems: errors.map((f) => ({ path: f.path, message: f.message })) };
  }
  const implicitLevel = data.levels.length === 0;
  const levels = implicitLevel ? [IMPLICIT_LEVEL] : data.levels;
  const framework: Framework = {
    id: data.id,
    title: data.title,
    publisher: data.publisher,
    source: data.source,
    scale: data.scale ?? DEFAULT_SCALE,
    levels,
    implicitLevel,
    defaultPriority: data.defaultPriority,
    roles: data.roles.map((role) => ({
      id: role.id,
      title: role.title,
      grade: role.grade,
      purpose: role.purpose,
      duties: role.duties,
      notes: role.notes ?? [],
      criteria: role.criteria.map((c) => ({
        id: c.id,
        role: role.id,
        level: implicitLevel ? IMPLICIT_LEVEL.id : (c.level as string),
        category: c.category,
        text: c.text,
        priority: c.priority ?? data.defaultPriority,
      })),
    })),
  };
  return { ok: true, framework, findings };
}

/** 1-based position of a level in the framework's order, or 0 if unknown. */
export function levelIndex(framework: Framework, levelId: string): number {
  return framework.levels.findIndex((l) => l.id === levelId) + 1;
}
