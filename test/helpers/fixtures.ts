import fc from "fast-check";
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

/** The top score of the random frameworks below (their scale is 0..SCORE_MAX). */
export const SCORE_MAX = 4;

/**
 * A random one-role framework for property tests: up to `maxLevels` levels, up to `maxCriteria`
 * criteria on random levels with random priorities, and a random threshold.
 */
export function randomFrameworkArb(maxLevels: number, maxCriteria: number): fc.Arbitrary<Framework> {
  return fc
    .record({
      levelCount: fc.integer({ min: 1, max: maxLevels }),
      meets: fc.integer({ min: 0, max: SCORE_MAX }),
      criteria: fc.array(fc.record({ level: fc.nat(maxLevels - 1), priority: fc.constantFrom("essential" as const, "desirable" as const, "unspecified" as const) }), { minLength: 1, maxLength: maxCriteria }),
    })
    .map(({ levelCount, meets, criteria }) => {
      const levels = Array.from({ length: levelCount }, (_, i) => ({ id: `L${i + 1}`, name: `Level ${i + 1}` }));
      return mustBuild({
        id: "random",
        title: "Random",
        publisher: "fast-check",
        source: { document: "generated", date: "2026" },
        scale: { min: 0, max: SCORE_MAX, meets, labels: Array.from({ length: SCORE_MAX + 1 }, (_, value) => ({ value, label: `S${value}` })) },
        levels,
        defaultPriority: "essential",
        roles: [{ id: "role", title: "Role", duties: [], criteria: criteria.map((c, i) => ({ id: `C${i}`, level: levels[c.level % levelCount].id, category: "Skills", text: `Criterion ${i}`, priority: c.priority })) }],
      });
    });
}

/** A score cell as people fill them: mostly valid scores, some blanks, and now and then something invalid. */
export const randomCellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: SCORE_MAX }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("x", "3", 2.5, 9, -1, true, { error: "#N/A" }) },
);
