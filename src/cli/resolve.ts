import type { Level } from "../core/framework";
import { describeLevel, findLevel, findRole } from "../core/lookup";
import type { Framework, Role } from "../core/model";
import { builtInFrameworks, findFramework } from "../frameworks";
import { UsageError } from "./io";

export function resolveFramework(id: string): Framework {
  const framework = findFramework(id);
  if (!framework) {
    throw new UsageError(`Unknown framework "${id}". Known frameworks: ${builtInFrameworks().map((f) => f.id).join(", ")}.`);
  }
  return framework;
}

export function resolveRole(framework: Framework, name: string): Role {
  const role = findRole(framework, name);
  if (!role) {
    throw new UsageError(`Unknown role "${name}" in ${framework.id}. Roles: ${framework.roles.map((r) => `${r.id} (${r.title})`).join(", ")}.`);
  }
  return role;
}

export function resolveLevel(framework: Framework, name: string): Level {
  const level = findLevel(framework, name);
  if (!level) {
    throw new UsageError(`Unknown level "${name}" in ${framework.id}. Levels: ${framework.levels.map(describeLevel).join(", ")}.`);
  }
  return level;
}
