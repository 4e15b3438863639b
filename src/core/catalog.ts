import type { Framework } from "./model";

/** Where a framework came from, so `frameworks` can say so and problems can point at it. */
export type FrameworkOrigin =
  | { kind: "built-in" }
  | { kind: "file"; path: string }
  | { kind: "sheet"; sheet: string; file?: string };

export interface CatalogEntry {
  framework: Framework;
  origin: FrameworkOrigin;
}

export function describeOrigin(origin: FrameworkOrigin): string {
  switch (origin.kind) {
    case "built-in":
      return "built in";
    case "file":
      return origin.path;
    case "sheet":
      return origin.file ? `${origin.file}, sheet "${origin.sheet}"` : `sheet "${origin.sheet}"`;
  }
}

/**
 * The frameworks a command, a check or the add-in knows: built-ins, then frameworks from files,
 * then a workbook's own framework sheets. A later entry with the id of an earlier one takes its
 * place: it is that framework's edited copy. Built once and passed in, never looked up globally.
 */
export interface FrameworkCatalog {
  find(id: string): Framework | undefined;
  origin(id: string): FrameworkOrigin | undefined;
  /** In the order first seen, each id once (the latest copy). */
  frameworks(): Framework[];
  entries(): CatalogEntry[];
  /** Every criterion id, upper-cased: recognises an assessment sheet that lost its metadata. */
  criterionIds: ReadonlySet<string>;
  /** A new catalog with these entries added (replacing frameworks of the same id). */
  with(entries: CatalogEntry[]): FrameworkCatalog;
}

export function catalogFrom(entries: CatalogEntry[]): FrameworkCatalog {
  const byId = new Map<string, CatalogEntry>();
  for (const entry of entries) byId.set(entry.framework.id, entry);
  const list = [...byId.values()];
  const catalog: FrameworkCatalog = {
    find: (id) => byId.get(id.trim().toLowerCase())?.framework,
    origin: (id) => byId.get(id.trim().toLowerCase())?.origin,
    frameworks: () => list.map((e) => e.framework),
    entries: () => list,
    criterionIds: new Set(list.flatMap((e) => e.framework.roles.flatMap((r) => r.criteria.map((c) => c.id.toUpperCase())))),
    with: (more) => (more.length === 0 ? catalog : catalogFrom([...list, ...more])),
  };
  return catalog;
}

/** A catalog of frameworks that all share one origin (built-ins by default). */
export function catalogOf(frameworks: Framework[], origin: FrameworkOrigin = { kind: "built-in" }): FrameworkCatalog {
  return catalogFrom(frameworks.map((framework) => ({ framework, origin })));
}
