import { buildFramework } from "../../src/core/validate";
import { attainedIndex, essentialsMetAt, evaluate, isMet, levelGap, readiness } from "../../src/core/rules";
import { mustBuild, scoresOf, threeLevelInput, threeLevels } from "../helpers/fixtures";

const role = threeLevels.roles[0];
const allMet = { A1: 2, A2: 2, B1: 2, B2: 2, C1: 2, C2: 2 };

describe("met", () => {
  it("a score exactly at the threshold is met, one below is not", () => {
    const scores = scoresOf(threeLevels, { A1: 2, A2: 1 });
    expect(isMet(scores.get("A1")!, threeLevels.scale)).toBe(true);
    expect(isMet(scores.get("A2")!, threeLevels.scale)).toBe(false);
  });
  it("blank and invalid scores are never met, whatever the threshold", () => {
    const zeroThreshold = { ...threeLevels.scale, meets: 0 };
    const scores = scoresOf(threeLevels, { A1: null, A2: "x" });
    expect(isMet(scores.get("A1")!, zeroThreshold)).toBe(false);
    expect(isMet(scores.get("A2")!, zeroThreshold)).toBe(false);
  });
});

describe("levels are cumulative", () => {
  it("all of A and C met but not B: attained A", () => {
    const scores = scoresOf(threeLevels, { ...allMet, B2: 1 });
    expect(attainedIndex(threeLevels, role, scores)).toBe(1);
    expect(essentialsMetAt(threeLevels, role, scores, 3)).toBe(false);
  });
  it("meets everything: attained C, gap 0", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, allMet));
    expect(result).toMatchObject({ attainedIndex: 3, levelGap: 0, essentialsMet: true, unmetEssential: [], missing: ["A3", "B3", "C3"] });
  });
  it("Medway example: target C, meets all of A but not all of B: gap 2", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, { ...allMet, B1: 0 }), 3);
    expect(result.attainedIndex).toBe(1);
    expect(result.levelGap).toBe(2);
    expect(result.unmetEssential).toEqual(["B1"]);
  });
  it("not even the first level: attained 0", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, { ...allMet, A1: 1 }));
    expect(result.attainedIndex).toBe(0);
    expect(result.levelGap).toBe(3);
  });
  it("the target defaults to the top level, and a lower target limits what is in scope", () => {
    const scores = scoresOf(threeLevels, { A1: 2, A2: 3 });
    expect(evaluate(threeLevels, role, scores).targetIndex).toBe(3);
    const atA = evaluate(threeLevels, role, scores, 1);
    expect(atA).toMatchObject({ levelGap: 0, essentialsMet: true, missing: ["A3"], unmetEssential: [] });
  });
  it("the gap never goes below zero", () => {
    expect(levelGap(1, 3)).toBe(0);
    expect(levelGap(3, 1)).toBe(2);
  });
});

describe("blank vs invalid", () => {
  it("a blank essential is missing, not unmet; an invalid one is missing too", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, { A1: null, A2: 2.5, B1: 1, B2: 4 }), 2);
    expect(result.missing).toEqual(["A1", "A2", "A3", "B3"]);
    expect(result.unmetEssential).toEqual(["B1"]);
    expect(result.essentialsMet).toBe(false);
  });
});

describe("desirable criteria", () => {
  it("never block a level", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, { ...allMet, A3: 0, B3: 0 }));
    expect(result.essentialsMet).toBe(true);
    expect(result.attainedIndex).toBe(3);
  });
  it("add up to the desirable score, invalid ones counting nothing", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, { ...allMet, A3: 3, B3: 4, C3: "n/a" }));
    expect(result.desirableScore).toBe(7);
  });
});

describe("unspecified priority", () => {
  const input = structuredClone(threeLevelInput);
  input.roles[0].criteria[2].priority = "unspecified";
  const built = buildFramework(input);
  it("counts as essential", () => {
    const fw = mustBuild(input);
    const result = evaluate(fw, fw.roles[0], scoresOf(fw, { ...allMet, A3: 1 }));
    expect(result.essentialsMet).toBe(false);
    expect(result.unmetEssential).toEqual(["A3"]);
    expect(result.attainedIndex).toBe(0);
  });
  it("is reported as a warning naming the criterion", () => {
    expect(built.ok && built.findings).toEqual([
      expect.objectContaining({ severity: "warning", code: "unspecified-priority", message: expect.stringContaining("A3") }),
    ]);
  });
});

describe("a framework without levels", () => {
  const flat = mustBuild({
    ...threeLevelInput,
    levels: [],
    roles: [{ ...threeLevelInput.roles[0], criteria: threeLevelInput.roles[0].criteria.map(({ level: _level, ...c }) => c) }],
  });
  it("has one implicit level holding every criterion", () => {
    expect(flat.levels).toHaveLength(1);
    expect(flat.implicitLevel).toBe(true);
    expect(new Set(flat.roles[0].criteria.map((c) => c.level))).toEqual(new Set([flat.levels[0].id]));
  });
  it("is attained when every essential is met, else the gap is 1", () => {
    const met = evaluate(flat, flat.roles[0], scoresOf(flat, allMet));
    expect(met).toMatchObject({ attainedIndex: 1, levelGap: 0, targetIndex: 1 });
    const unmet = evaluate(flat, flat.roles[0], scoresOf(flat, { ...allMet, C2: 0 }));
    expect(unmet).toMatchObject({ attainedIndex: 0, levelGap: 1 });
  });
});

describe("readiness", () => {
  it("is the share of the level's criteria (cumulative, all priorities) that are met", () => {
    const scores = scoresOf(threeLevels, { A1: 2, A2: 4, A3: 1, B1: 3 });
    expect(readiness(threeLevels, role, scores, 1)).toBeCloseTo(2 / 3);
    expect(readiness(threeLevels, role, scores, 2)).toBeCloseTo(3 / 6);
  });
});

describe("an assessment at a lower target", () => {
  it("cannot show a level above its target, even with every score met", () => {
    const result = evaluate(threeLevels, role, scoresOf(threeLevels, allMet), 2);
    expect(result).toMatchObject({ attainedIndex: 2, levelGap: 0 });
  });
});
