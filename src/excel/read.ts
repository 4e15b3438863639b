import type { SheetGrid } from "../core/grid";
import { formulaKey } from "../core/grid";
import { parseAddress } from "../core/layout/plan";
import type { CellValue } from "../core/scores";

function toCellValue(value: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
      return Number(value);
    default:
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  }
}

interface SheetLoad {
  name: string;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
  visible?: Excel.RangeView;
}

/**
 * Reads sheets of the open workbook into grids (all of them, or those named) in at most three
 * syncs, however many sheets, rows and columns: names; used ranges with values, types and
 * formulas; which rows are visible.
 */
export async function readWorkbookGrids(context: Excel.RequestContext, only?: string[]): Promise<SheetGrid[]> {
  let sheets: Excel.Worksheet[];
  if (only) {
    sheets = only.map((name) => context.workbook.worksheets.getItem(name));
  } else {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    sheets = worksheets.items;
  }

  const loads: SheetLoad[] = sheets.map((ws, i) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values, valueTypes, formulas, rowIndex, columnIndex");
    const protection = ws.protection;
    protection.load("protected");
    return { name: only ? only[i] : ws.name, used, protection };
  });
  await context.sync();

  for (const load of loads) {
    if (load.used.isNullObject) continue;
    load.visible = load.used.getColumn(0).getVisibleView();
    load.visible.load("cellAddresses");
  }
  await context.sync();

  return loads.map((load) => {
    const grid: SheetGrid = { name: load.name, values: [], formulas: new Map(), hiddenRows: new Set(), protected: Boolean(load.protection.protected) };
    if (load.used.isNullObject) return grid;
    const { rowIndex, columnIndex, values, valueTypes, formulas } = load.used;
    const cells: CellValue[][] = Array.from({ length: rowIndex }, () => []);
    const formulaMap = new Map<number, string>();
    values.forEach((row, i) => {
      const r = rowIndex + i;
      const out: CellValue[] = [];
      row.forEach((value, j) => {
        const c = columnIndex + j;
        const type = valueTypes[i][j];
        out[c] = toCellValue(value, type);
        const formula = formulas[i][j];
        // A text cell holding "=x" reports the same text as value and formula; a real formula does not.
        if (typeof formula === "string" && formula.startsWith("=") && !(type === "String" && formula === value)) {
          formulaMap.set(formulaKey(r, c), formula.slice(1));
        }
      });
      cells[r] = out;
    });
    const visibleRows = new Set(
      (load.visible?.cellAddresses ?? []).flat().map((address: string) => parseAddress(String(address).split("!").pop() as string).row),
    );
    const hiddenRows = new Set<number>();
    for (let r = rowIndex; r < rowIndex + values.length; r++) if (!visibleRows.has(r)) hiddenRows.add(r);
    return { ...grid, values: cells, formulas: formulaMap, hiddenRows };
  });
}
