import { useState } from "react";
import type { Level } from "../core/framework";
import type { Framework, Role } from "../core/model";

export interface Choice {
  framework: Framework;
  role: Role;
  level: Level;
  chooseFramework(id: string): void;
  chooseRole(id: string): void;
  chooseLevel(id: string): void;
}

/** Which framework, role and target level the pane works on; falls back sensibly when the list of frameworks changes. */
export function useChoice(frameworks: Framework[]): Choice {
  const [frameworkId, setFrameworkId] = useState(frameworks[0].id);
  const framework = frameworks.find((f) => f.id === frameworkId) ?? frameworks[0];
  const [roleId, setRoleId] = useState(framework.roles[0].id);
  const role = framework.roles.find((r) => r.id === roleId) ?? framework.roles[0];
  const top = framework.levels[framework.levels.length - 1];
  const [levelId, setLevelId] = useState(top.id);
  const level = framework.levels.find((l) => l.id === levelId) ?? top;

  function chooseFramework(id: string) {
    const next = frameworks.find((f) => f.id === id) ?? frameworks[0];
    setFrameworkId(next.id);
    setRoleId(next.roles[0].id);
    setLevelId(next.levels[next.levels.length - 1].id);
  }
  return { framework, role, level, chooseFramework, chooseRole: setRoleId, chooseLevel: setLevelId };
}
