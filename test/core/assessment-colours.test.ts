import type { ConditionalFormat } from "../../src/core/layout/plan";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { builtIn } from "../helpers/workbooks";

/** How much a colour leans to red: red above the mean of green and blue (0 for greys and white). */
function redness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return r - (g + b) / 2;
}

describe("the score colours of an assessment sheet", () => {
  // Stockport has desirable criteria (SLA-01, SLA-18) beside essential ones.
  const { framework, role, level } = builtIn("stockport-library-assistant", "library-assistant");
  const plan = planAssessmentSheet(framework, role, level, [{ name: "Ann" }], "T");
  const scale = plan.conditionalFormats.find((cf): cf is Extract<ConditionalFormat, { kind: "colorScale" }> => cf.kind === "colorScale")!;
  const failing = plan.conditionalFormats.filter((cf): cf is Extract<ConditionalFormat, { kind: "expression" }> => cf.kind === "expression");

  it("never make a low desirable score look worse than a failing essential", () => {
    expect(failing.length).toBeGreaterThan(0);
    for (const rule of failing) expect(redness(scale.min.color)).toBeLessThan(redness(rule.fill));
  });

  it("mark only essential columns as failing", () => {
    const desirableColumns = role.criteria.flatMap((c, i) => (c.priority === "desirable" ? [1 + i] : []));
    expect(desirableColumns.length).toBe(2);
    for (const rule of failing) for (const col of desirableColumns) expect(col >= rule.range.col && col < rule.range.col + rule.range.cols).toBe(false);
  });
});
