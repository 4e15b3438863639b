import type { SheetGrid } from "./grid";
import { cellAt, isBlankValue, labelText } from "./grid";
import { ASSESSMENT_LABELS } from "./layout/assessment-sheet";
import { isFrameworkSheetTitle } from "./layout/framework-sheet";
import { isTeamHeatmapTitle } from "./layout/team-common";
import type { CellValue } from "./scores";

/**
 * What a sheet is, decided from its top rows alone, so an adapter can find the assessment and
 * framework sheets of a big workbook without reading any other sheet whole: first column A of
 * the first PROBE_ROWS rows, then, when column A names a table header, that one row.
 */

/** Rows of column A the probe reads: where both adapters' checks look for an assessment sheet's metadata labels and table header. */
export const PROBE_ROWS = 40;

export type SheetKind = "assessment" | "framework" | "other";

export interface SheetTop {
  kind: SheetKind;
  /** 0-based row of the table header ("Employee" in column A) within the probe, or null. */
  headerRow: number | null;
}

const label = (text: string) => text.toLowerCase();

function labelRow(columnA: readonly CellValue[], text: string, from = 0): number {
  const wanted = label(text);
  for (let r = from; r < Math.min(PROBE_ROWS, columnA.length); r++) if (labelText(columnA[r]) === wanted) return r;
  return -1;
}

/** The rows of the metadata labels in column A within the probe, -1 for a label not there. */
export function metadataRows(columnA: readonly CellValue[]): { framework: number; role: number; target: number } {
  const L = ASSESSMENT_LABELS;
  return { framework: labelRow(columnA, L.framework), role: labelRow(columnA, L.role), target: labelRow(columnA, L.target) };
}

/** The row of the "Employee" header in column A below any metadata labels, within the probe; null if none. */
export function headerRowOf(columnA: readonly CellValue[]): number | null {
  const m = metadataRows(columnA);
  const row = labelRow(columnA, ASSESSMENT_LABELS.employee, Math.max(m.framework, m.role, m.target) + 1);
  return row >= 0 ? row : null;
}

const headerText = (value: CellValue) => (typeof value === "string" ? value.trim().toUpperCase() : typeof value === "number" ? String(value) : "");

/** Columns (0-based, never column A) whose header is a known criterion id: the only cells the check reads formulas from. */
export function scoreColumns(header: readonly CellValue[], criterionIds: ReadonlySet<string>): number[] {
  const columns: number[] = [];
  header.forEach((value, col) => {
    if (col > 0 && !isBlankValue(value) && criterionIds.has(headerText(value))) columns.push(col);
  });
  return columns;
}

/**
 * Classifies a sheet from column A of its first PROBE_ROWS rows and, when headerRowOf found one,
 * the header row itself: the one rule both adapters' checks use. Metadata labels (Framework, or
 * Role and Target level) make an assessment sheet, and so does an Employee header over criterion
 * ids; A1 holding FRAMEWORK_SHEET_MARK makes a framework sheet; a team heatmap (its title in A1)
 * and anything else is another sheet.
 */
export function classifySheetTop(columnA: readonly CellValue[], header: readonly CellValue[] | undefined, criterionIds: ReadonlySet<string>): SheetTop {
  const headerRow = headerRowOf(columnA);
  if (isFrameworkSheetTitle(columnA[0])) return { kind: "framework", headerRow };
  if (isTeamHeatmapTitle(columnA[0])) return { kind: "other", headerRow };
  const m = metadataRows(columnA);
  if (m.framework >= 0 || (m.role >= 0 && m.target >= 0)) return { kind: "assessment", headerRow };
  if (headerRow !== null && header && scoreColumns(header, criterionIds).length > 0) return { kind: "assessment", headerRow };
  return { kind: "other", headerRow };
}

/** Column A of a sheet's first PROBE_ROWS rows, as the probe reads it. */
export function probeColumnA(grid: SheetGrid): CellValue[] {
  return Array.from({ length: PROBE_ROWS }, (_, row) => cellAt(grid, row, 0));
}

/** classifySheetTop for a sheet held as a grid (at least its first PROBE_ROWS rows). */
export function classifyGrid(grid: SheetGrid, criterionIds: ReadonlySet<string>): SheetTop {
  const columnA = probeColumnA(grid);
  const headerRow = headerRowOf(columnA);
  return classifySheetTop(columnA, headerRow === null ? undefined : (grid.values[headerRow] ?? []), criterionIds);
}

