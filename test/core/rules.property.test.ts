import fc from "fast-check";
import type { FrameworkInput } from "../../src/core/framework";
import { evaluate, essentialsMetAt } from "../../src/core/rules";
import type { CellValue } from "../../src/core/scores";
import { mustBuild, scoresOf } from "../helpers/fixtures";

const MAX = 4;

/** A random framework: 1-4 levels, 1-12 criteria on random levels with random priorities. */
const frameworkArb = fc
  .record({
    levelCount: fc.integer({ min: 1, max: 4 }),
    meets: fc.integer({ min: 0, max: MAX }),
    criteria: fc.array(
      fc.record({ level: fc.nat(3), priority: fc.constantFrom("essential" as const, "desirable" as const, "unspecified" as const) }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ levelCount, meets, criteria }) => {
    const levels = Array.from({ length: levelCount }, (_, i) => ({ id: `L${i + 1}`, name: `Level ${i + 1}` }));
    const input: FrameworkInput = {
      id: "random",
      title: "Random",
      publisher: "fast-check",
      source: { document: "generated", date: "2026" },
      scale: { min: 0, max: MAX, meets, labels: Array.from({ length: MAX + 1 }, (_, value) => ({ value, label: `S${value}` })) },
      levels,
      defaultPriority: "essential",
      roles: [
        {
          id: "role",
          title: "Role",
          duties: [],
          criteria: criteria.map((c, i) => ({ id: `C${i}`, level: levels[c.level % levelCount].id, category: "Skills", text: `Criterion ${i}`, priority: c.priority })),
        },
      ],
    };
    return mustBuild(input);
  });

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: MAX }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("x", "3", 2.5, 9, -1, true, { error: "#N/A" }) },
);

const caseArb = frameworkArb.chain((framework) =>
  fc.record({
    framework: fc.constant(framework),
    cells: fc.array(cellArb, { minLength: framework.roles[0].criteria.length, maxLength: framework.roles[0].criteria.length }),
    target: fc.integer({ min: 1, max: framework.levels.length }),
    raised: fc.nat(framework.roles[0].criteria.length - 1),
    newScore: fc.integer({ min: 0, max: MAX }),
  }),
);

function toScores(framework: ReturnType<typeof mustBuild>, cells: CellValue[]) {
  return scoresOf(framework, Object.fromEntries(framework.roles[0].criteria.map((c, i) => [c.id, cells[i]])));
}

describe("laws of the rules", () => {
  it("raising one score never raises the level gap and never lowers the attained level", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, cells, target, raised, newScore }) => {
        const before = cells[raised];
        // "Raising" means a valid score goes up, or a blank or invalid one becomes valid.
        fc.pre(typeof before !== "number" || !Number.isInteger(before) || before < 0 || before > MAX || newScore > before);
        const after = [...cells];
        after[raised] = newScore;
        const role = framework.roles[0];
        const a = evaluate(framework, role, toScores(framework, cells), target);
        const b = evaluate(framework, role, toScores(framework, after), target);
        expect(b.levelGap).toBeLessThanOrEqual(a.levelGap);
        expect(b.attainedIndex).toBeGreaterThanOrEqual(a.attainedIndex);
      }),
      { numRuns: 500 },
    );
  });

  it("the gap is 0 exactly when the essentials of the target level are met", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, cells, target }) => {
        const role = framework.roles[0];
        const scores = toScores(framework, cells);
        const result = evaluate(framework, role, scores, target);
        // An oracle written straight from PRODUCT.md, apart from the engine's single pass.
        const naive = role.criteria.every((c, i) => {
          const level = framework.levels.findIndex((l) => l.id === c.level) + 1;
          const cell = cells[i];
          const met = typeof cell === "number" && Number.isInteger(cell) && cell >= 0 && cell <= MAX && cell >= framework.scale.meets;
          return level > target || c.priority === "desirable" || met;
        });
        expect(result.levelGap === 0).toBe(naive);
        expect(essentialsMetAt(framework, role, scores, target)).toBe(naive);
        expect(result.essentialsMet).toBe(result.levelGap === 0);
      }),
      { numRuns: 500 },
    );
  });

  it("attained + gap = target index whenever the gap is above 0", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, cells, target }) => {
        const result = evaluate(framework, framework.roles[0], toScores(framework, cells), target);
        fc.pre(result.levelGap > 0);
        expect(result.attainedIndex + result.levelGap).toBe(target);
      }),
      { numRuns: 500 },
    );
  });
});
