import type { FrameworkCatalog } from "../core/catalog";
import type { Level } from "../core/framework";
import { describeLevel, findLevel, findRole } from "../core/lookup";
import type { Framework, Role } from "../core/model";
import { UsageError } from "./io";

export function resolveFramework(catalog: FrameworkCatalog, id: string): Framework {
  const framework = catalog.find(id);
  if (!framework) {
    throw new UsageError(`Unknown framework "${id}". Known frameworks: ${catalog.frameworks().map((f) => f.id).join(", ")}. For a framework of your own, add --frameworks PATH.`);
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
