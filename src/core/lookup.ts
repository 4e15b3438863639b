import type { Level } from "./framework";
import type { Framework, Role } from "./model";

/** Case and spacing are ignored when people name a role or level. */
export function normaliseName(name: string): string {
  return name.trim().replace(/[\s_]+/g, " ").toLowerCase();
}

/**
 * The first name given twice (the same once case and spacing are ignored, as the check compares
 * employees), with its earlier spelling; undefined when every name is distinct.
 */
export function repeatedName(names: string[]): { name: string; first: string } | undefined {
  const seen = new Map<string, string>();
  for (const name of names) {
    const first = seen.get(normaliseName(name));
    if (first !== undefined) return { name, first };
    seen.set(normaliseName(name), name);
  }
  return undefined;
}

function matches(name: string, ...candidates: (string | undefined)[]): boolean {
  const wanted = normaliseName(name);
  return candidates.some((c) => c !== undefined && normaliseName(c) === wanted);
}

export function findRole(framework: Framework, idOrTitle: string): Role | undefined {
  return framework.roles.find((r) => matches(idOrTitle, r.id, r.title));
}

/** A level by id ("B"), name ("Practising") or both ("B Practising"). */
export function findLevel(framework: Framework, idOrName: string): Level | undefined {
  return framework.levels.find((l) => matches(idOrName, l.id, l.name, `${l.id} ${l.name}`));
}

export function describeLevel(level: Level): string {
  return level.id === level.name ? level.id : `${level.id} (${level.name})`;
}

/** How a level is shown in a sheet: "A (Developing)" when the id is a short code, else its name. */
export function levelLabel(level: Level): string {
  return level.id.length <= 3 && level.id !== level.name ? `${level.id} (${level.name})` : level.name;
}
