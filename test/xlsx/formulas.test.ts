import { formulaKey } from "../../src/core/grid";
import { FormulaTexts, shiftFormula } from "../../src/xlsx/xml-formulas";

describe("shiftFormula: a shared formula's text in another cell", () => {
  it.each([
    ["A1+B$2+$C3+$D$4", 2, 1, "B3+C$2+$C5+$D$4"],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ["'Q1 A1'!A1+Sheet2!B2", 1, 1, "'Q1 A1'!B2+Sheet2!C3"],
    ["SUM(Table1[[#This Row],[BN01]])+A1", 1, 0, "SUM(Table1[[#This Row],[BN01]])+A2"],
    ["LOG10(A1)+Q1SALES+_xlfn.TEXTJOIN(\",\",TRUE,A1:C1)", 1, 0, 'LOG10(A2)+Q1SALES+_xlfn.TEXTJOIN(",",TRUE,A2:C2)'],
    ["A2-A1", -1, 0, "A1-#REF!"],
    ["XFD1", 0, 1, "#REF!"],
    ["Z9+AZ99", 1, 1, "AA10+BA100"],
  ])("%s moved %i rows and %i columns is %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

describe("FormulaTexts", () => {
  it("gives every cell its own text back, whether filled down, shared or written apart", () => {
    const texts = new FormulaTexts();
    const written: [number, number, string, string?][] = [];
    for (let r = 11; r < 1011; r++) written.push([r, 25, `IF(COUNTIF(B${r + 1}:X${r + 1},">=2")=23,TRUE,FALSE)`]);
    written.push([1011, 25, "SUM(B1:B3)"]);
    written.push([5, 2, "A1*2", "0"], [6, 2, "", "0"], [6, 3, "", "0"]);
    // A shared formula's master right below the same formula written plainly.
    written.push([0, 4, "D1+1"], [1, 4, "D2+1", "1"], [2, 4, "", "1"]);
    for (const [row, col, text, shared] of written) texts.add(row, col, text, shared);

    expect(texts.size).toBe(written.length);
    expect(texts.get(formulaKey(500, 25))).toBe('IF(COUNTIF(B501:X501,">=2")=23,TRUE,FALSE)');
    expect(texts.get(formulaKey(1011, 25))).toBe("SUM(B1:B3)");
    expect(texts.get(formulaKey(6, 2))).toBe("A2*2");
    expect(texts.get(formulaKey(6, 3))).toBe("B2*2");
    expect(texts.get(formulaKey(2, 4))).toBe("D3+1");
    expect(texts.get(formulaKey(0, 0))).toBeUndefined();
    const fromIteration = new Map(texts);
    for (const [row, col, text] of written.filter(([, , t]) => t !== "")) expect(fromIteration.get(formulaKey(row, col))).toBe(text);
  });
});
