import fc from "fast-check";
import { evaluate, essentialsMetAt } from "../../src/core/rules";
import type { Framework } from "../../src/core/model";
import type { CellValue } from "../../src/core/scores";
import { randomCellArb, randomFrameworkArb, SCORE_MAX as MAX, scoresOf } from "../helpers/fixtures";


const frameworkArb = randomFrameworkArb(4, 12);
const cellArb = randomCellArb;

const caseArb = frameworkArb.chain((framework) =>
  fc.record({
    framework: fc.constant(framework),
    cells: fc.array(cellArb, { minLength: framework.roles[0].criteria.length, maxLength: framework.roles[0].criteria.length }),
    target: fc.integer({ min: 1, max: framework.levels.length }),
    raised: fc.nat(framework.roles[0].criteria.length - 1),
    newScore: fc.integer({ min: 0, max: MAX }),
  }),
);

function toScores(framework: Framework, cells: CellValue[]) {
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
