import type { SheetGrid } from "../../src/core/grid";
import { formulaKey } from "../../src/core/grid";
import type { SheetPlan } from "../../src/core/layout/plan";
import { isFormulaCell, isLinkCell } from "../../src/core/layout/plan";
import type { CellValue } from "../../src/core/scores";

/**
 * A sheet as a reader would see a planned sheet that no program has calculated yet: values as
 * written, formula cells empty (their formulas kept), links as their text.
 */
export function gridFromPlan(plan: SheetPlan, name = plan.name): SheetGrid & { values: CellValue[][] } {
  const values: CellValue[][] = [];
  const formulas = new Map<number, string>();
  for (const block of plan.blocks) {
    block.cells.forEach((cells, i) => {
      const row = (values[block.row + i] ??= []);
      cells.forEach((cell, j) => {
        const col = block.col + j;
        if (isFormulaCell(cell)) {
          formulas.set(formulaKey(block.row + i, col), cell.formula);
          row[col] = null;
        } else row[col] = isLinkCell(cell) ? cell.text : cell;
      });
    });
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name, values, formulas, hiddenRows: new Set(), protected: false };
}
