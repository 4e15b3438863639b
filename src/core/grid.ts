import type { Rect } from "./layout/plan";
import type { CellValue } from "./scores";

/**
 * A sheet as plain data, the way both adapters read it: values (formula results, not formulas),
 * row-major from A1, rows possibly ragged; which cells hold formulas; which rows are hidden.
 */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** formulaKey(row, col) -> formula text (without "="), for cells that hold one. */
  formulas: ReadonlyMap<number, string>;
  hiddenRows: ReadonlySet<number>;
  protected: boolean;
  /** Merged ranges (0-based); only the top-left cell of a merge holds a value. */
  merges?: readonly Rect[];
}

/** Excel has at most 16,384 columns, so row and column pack into one number: cheaper than an address string per cell. */
export function formulaKey(row: number, col: number): number {
  return row * 16384 + col;
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row]?.[col] ?? null;
}

export function isBlankValue(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A label cell's text, trimmed and lower-cased; "" for anything that is not text. */
export function labelText(value: CellValue): string {
  return typeof value === "string" ? value.trim().replace(/\s+/g, " ").toLowerCase() : "";
}

/** One row of a sheet as a streaming reader hands it over: the row is gone once the next one comes. */
export interface SheetRow {
  /** 0-based row number. */
  index: number;
  /** Cell values from column A, possibly ragged. */
  values: readonly CellValue[];
  hidden: boolean;
  /** The formula text (without "=") of the cell in column `col` of this row, if it holds one. */
  formulaAt(col: number): string | undefined;
}

/** Row `index` of a grid, as a streaming reader would hand it over. */
export function gridRow(grid: SheetGrid, index: number): SheetRow {
  return {
    index,
    values: grid.values[index] ?? [],
    hidden: grid.hiddenRows.has(index),
    formulaAt: (col) => grid.formulas.get(formulaKey(index, col)),
  };
}
