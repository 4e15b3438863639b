import type { Duty, FrameworkInput, Heading, Level, Priority, Scale } from "./framework";

export interface Criterion {
  id: string;
  /** Role id. */
  role: string;
  /** Level id. */
  level: string;
  category: string;
  text: string;
  priority: Priority;
  /** The source's own identifier and human code, when it has them; a code equal to the id is not repeated. */
  sourceId?: string;
  code?: string;
  /** Id of the heading the criterion sits under (see Role.headings); none at the top of the role. */
  heading?: string;
  description?: string;
  related?: string[];
}

export interface Role {
  id: string;
  title: string;
  grade?: string;
  purpose?: string;
  duties: Duty[];
  notes: string[];
  /** The source's grouping items, parents before children; never scored. */
  headings: Heading[];
  /** In source order. */
  criteria: Criterion[];
  sourceId?: string;
  code?: string;
}

export interface Framework {
  id: string;
  title: string;
  publisher: string;
  source: FrameworkInput["source"];
  version: string;
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

/** The version a framework has when its source names none. */
export const DEFAULT_VERSION = "1";

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
    version: data.version ?? DEFAULT_VERSION,
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
      headings: (role.headings ?? []).map((h) => withoutUndefined({ ...h, code: h.code === h.id ? undefined : h.code })),
      criteria: role.criteria.map((c) =>
        withoutUndefined({
          id: c.id,
          role: role.id,
          level: implicitLevel ? IMPLICIT_LEVEL.id : (c.level as string),
          category: c.category,
          text: c.text,
          priority: c.priority ?? data.defaultPriority,
          sourceId: c.sourceId,
          code: c.code === c.id ? undefined : c.code,
          heading: c.heading,
          description: c.description,
          related: c.related,
        }),
      ),
      ...withoutUndefined({ sourceId: role.sourceId, code: role.code === role.id ? undefined : role.code }),
    })),
  };
}

/** Leaves out absent optional fields, so a resolved framework prints and compares the same whatever it came from. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The headings above a criterion or heading, outermost first. */
export function headingPath(role: Role, headingId: string | undefined): Heading[] {
  const byId = new Map(role.headings.map((h) => [h.id, h]));
  const path: Heading[] = [];
  for (let h = headingId === undefined ? undefined : byId.get(headingId); h && !path.includes(h); h = h.parent === undefined ? undefined : byId.get(h.parent)) {
    path.unshift(h);
  }
  return path;
}

/** 1-based position of a level in the framework's order, or 0 if unknown. */
export function levelIndex(framework: Framework, levelId: string): number {
  return framework.levels.findIndex((l) => l.id === levelId) + 1;
}
