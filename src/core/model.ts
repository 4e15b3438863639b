import type { Duty, FrameworkInput, Level, Priority, Scale } from "./framework";

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

/** The Stockport scoring key, the product's default scale. */
export const DEFAULT_SCALE: Scale = {
  min: 0,
  max: 4,
  meets: 2,
  labels: [
    { value: 0, label: "Not met" },
    { value: 1, label: "Partially meets" },
    { value: 2, label: "Meets criteria" },
    { value: 3, label: "Exceeds criteria" },
    { value: 4, label: "Exceptional" },
  ],
};

/**
 * Resolves a framework's defaults (scale, the implicit level, each criterion's role, level and
 * priority). It trusts its input: validate with buildFramework (core/validate) first. Kept apart
 * from zod so that the task pane, which only shows built-in frameworks, does not ship the schema.
 */
export function resolveFramework(data: FrameworkInput): Framework {
  const implicitLevel = data.levels.length === 0;
  return {
    id: data.id,
    title: data.title,
    publisher: data.publisher,
    source: data.source,
    scale: data.scale ?? DEFAULT_SCALE,
    levels: implicitLevel ? [IMPLICIT_LEVEL] : data.levels,
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
}

/** 1-based position of a level in the framework's order, or 0 if unknown. */
export function levelIndex(framework: Framework, levelId: string): number {
  return framework.levels.findIndex((l) => l.id === levelId) + 1;
}
