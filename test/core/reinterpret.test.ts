import { looksLikeFormula, wouldExcelReinterpret } from "../../src/core/layout/plan";

describe("wouldExcelReinterpret: text Excel would not keep as typed", () => {
  it("flags text Excel would store as a number, boolean, error, date, time or fraction", () => {
    const changed = ["00123", "123", "-5", "+7", "1,234", "3e5", "2.50", ".5", "50%", "$12", "(12)", "TRUE", "false", "#N/A", "1/2", "1-2", "2024-01-31", "31.12.2024", "1 Jan", "jan-2024", "3 March 2024", "1:30", "10:00:05 pm", "9 am", "1 1/2"];
    expect(changed.filter((t) => !wouldExcelReinterpret(t))).toEqual([]);
  });

  it("leaves ordinary names and ids alone", () => {
    const kept = ["Ann Lee", "Person 12", "SLA-01", "LA-C-K01", "E12", "e5", "R2-D2", "O'Neil", "Level 3", "", "  ", "Truelove", "1st team", "March", "Amy 2"];
    expect(kept.filter((t) => wouldExcelReinterpret(t))).toEqual([]);
  });

  it("is a separate rule from formula-like text, which the writer also keeps as text", () => {
    expect(["=1+1", "@home", "-x"].map((t) => [looksLikeFormula(t), wouldExcelReinterpret(t)])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });
});
