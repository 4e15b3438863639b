import type { Framework } from "../../../src/core/model";

/**
 * What `frameworks --json` and `criteria --json` print for a framework (the same fields as
 * src/cli/commands/frameworks.ts and criteria.ts): the round trips must leave these unchanged.
 */
export function frameworksJson(f: Framework) {
  return {
    id: f.id,
    title: f.title,
    publisher: f.publisher,
    levels: f.levels.map((l) => ({ id: l.id, name: l.name })),
    roles: f.roles.map((r) => ({ id: r.id, title: r.title, grade: r.grade ?? null })),
  };
}

export function criteriaJson(f: Framework) {
  return f.roles.flatMap((r) => r.criteria).map((c) => ({ id: c.id, framework: f.id, role: c.role, level: c.level, category: c.category, text: c.text, priority: c.priority }));
}
