import type { SheetGrid } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/layout/plan";
import { isFormulaCell, isLinkCell } from "../../../src/core/layout/plan";
import type { CellValue } from "../../../src/core/scores";

/** The values a plan puts in a sheet, as an adapter would read them back: what the reader sees. */
export function planToGrid(plan: SheetPlan, name = plan.name): SheetGrid {
  const values: CellValue[][] = [];
  for (const block of plan.blocks) {
    block.cells.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const row = (values[block.row + r] ??= []);
        row[block.col + c] = isFormulaCell(cell) ? null : isLinkCell(cell) ? cell.text : cell;
      }),
    );
  }
  for (let r = 0; r < values.length; r++) values[r] = Array.from(values[r] ?? [], (v) => v ?? null);
  return { name, values, formulas: new Map(), hiddenRows: new Set(), protected: false };
}

/** A copy of a grid's values to edit as an analyst would. */
export function editable(grid: SheetGrid): SheetGrid {
  return { ...grid, values: grid.values.map((row) => [...row]) };
}

export function findRow(grid: SheetGrid, col: number, value: CellValue, from = 0): number {
  const row = grid.values.findIndex((r, i) => i >= from && r[col] === value);
  if (row < 0) throw new Error(`no row with ${String(value)} in column ${col}`);
  return row;
}
