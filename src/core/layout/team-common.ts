import type { Level } from "../framework";
import { levelLabel } from "../lookup";
import type { SheetPlan } from "./plan";
import type { CellValue } from "../scores";

/** A1 of every heatmap begins with this and ": ". */
export const HEATMAP_TITLE = "Team heatmap";

/**
 * A heatmap has an Employee header over criterion ids, as an assessment sheet may: its title in
 * A1 tells the check to leave it alone rather than report it as an assessment sheet without metadata.
 */
export function isTeamHeatmapTitle(a1: CellValue): boolean {
  return typeof a1 === "string" && a1.startsWith(`${HEATMAP_TITLE}: `);
}
import { isLinkCell, looksLikeFormula } from "./plan";

/** A text constant inside a formula. */
export const quoteText = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** An array constant of whole numbers: {2,3,4}. */
export const numbersConstant = (from: number, to: number) => `{${Array.from({ length: to - from + 1 }, (_, i) => from + i).join(",")}}`;

/** Shown where not even the first level is attained, as on the assessment sheets. */
export { NO_LEVEL } from "./assessment-sheet";

export function levelLabels(levels: Level[]): string[] {
  return levels.map(levelLabel);
}

/**
 * 1 where a cell of `range` is exactly one of `labels`, else 0, element by element inside
 * SUMPRODUCT or an array formula. Plain comparisons rather than MATCH, which would read "*" or
 * "?" in a level name as a wildcard.
 */
export function isOneOf(range: string, labels: string[]): string {
  if (labels.length === 0) return "0";
  return `(${labels.map((l) => `(${range}=${quoteText(l)})`).join("+")})`;
}

/**
 * Gives every text cell of the plan that Excel would take as a formula ("=Bob", "-x.xlsx") the text
 * number format, so it is stored and shown as typed whichever adapter writes it.
 */
export function keepFormulaLikeTextAsText(plan: SheetPlan): void {
  for (const block of plan.blocks) {
    block.cells.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        const text = typeof cell === "string" ? cell : isLinkCell(cell) ? cell.text : undefined;
        if (text !== undefined && looksLikeFormula(text)) {
          plan.styles.push({ range: { row: block.row + i, col: block.col + j, rows: 1, cols: 1 }, style: { numberFormat: "@" } });
        }
      }),
    );
  }
}
