import type { FrameworkInput } from "../../src/core/framework";
import type { Framework } from "../../src/core/model";
import { buildFramework } from "../../src/core/validate";
import type { Scores } from "../../src/core/rules";
import type { CellValue } from "../../src/core/scores";
import { classifyScore } from "../../src/core/scores";

export function mustBuild(input: FrameworkInput): Framework {
  const result = buildFramework(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  return result.framework;
}

/** Three cumulative levels; each level has two essentials and one desirable. */
export const threeLevelInput: FrameworkInput = {
  id: "test-three-levels",
  title: "Three levels",
  publisher: "Test",
  source: { document: "Test document", date: "2024" },
  levels: [
    { id: "A", name: "Developing" },
    { id: "B", name: "Practising" },
    { id: "C", name: "Accomplished" },
  ],
  defaultPriority: "essential",
  roles: [
    {
      id: "assistant",
      title: "Assistant",
      grade: "Range 3",
      duties: [{ text: "Helps" }],
      criteria: ["A", "B", "C"].flatMap((level) => [
        { id: `${level}1`, level, category: "Knowledge", text: `Knows ${level}` },
        { id: `${level}2`, level, category: "Skills", text: `Does ${level}` },
        { id: `${level}3`, level, category: "Experience", text: `Has seen ${level}`, priority: "desirable" as const },
      ]),
    },
  ],
};

export const threeLevels = mustBuild(threeLevelInput);

export function scoresOf(framework: Framework, values: Record<string, CellValue>): Scores {
  return new Map(Object.entries(values).map(([id, v]) => [id, classifyScore(v, framework.scale)]));
}
