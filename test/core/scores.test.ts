import { DEFAULT_SCALE } from "../../src/core/model";
import { classifyScore } from "../../src/core/scores";

describe("classifyScore", () => {
  it.each([0, 1, 2, 3, 4])("accepts the whole number %d on the 0-4 scale", (v) => {
    expect(classifyScore(v, DEFAULT_SCALE)).toEqual({ kind: "valid", value: v });
  });

  it.each([null, undefined, "", "   "])("treats %p as blank", (v) => {
    expect(classifyScore(v, DEFAULT_SCALE)).toEqual({ kind: "blank" });
  });

  it.each([
    ["text", "good", "score-text"],
    ["numeric text", "3", "score-numeric-text"],
    ["a fraction", 2.5, "score-fraction"],
    ["above the scale", 7, "score-out-of-range"],
    ["below the scale", -1, "score-out-of-range"],
    ["an error value", { error: "#N/A" }, "score-error-value"],
    ["a boolean", true, "score-boolean"],
    ["a date", new Date("2024-01-02"), "score-date"],
    ["not a finite number", Number.NaN, "score-fraction"],
  ])("rejects %s", (_label, value, code) => {
    const result = classifyScore(value, DEFAULT_SCALE);
    expect(result).toMatchObject({ kind: "invalid", code });
    if (result.kind === "invalid") expect(result.reason).toMatch(/whole number from 0 to 4/);
  });

  it("follows the framework's own scale", () => {
    const scale = { min: 1, max: 5, meets: 3, labels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) };
    expect(classifyScore(0, scale)).toMatchObject({ kind: "invalid", code: "score-out-of-range" });
    expect(classifyScore(5, scale)).toEqual({ kind: "valid", value: 5 });
  });
});
