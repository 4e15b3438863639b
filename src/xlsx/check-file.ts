import type { CheckResult } from "../core/check";
import { checkWorkbook, criterionIds } from "../core/check";
import { builtInFrameworks, findFramework } from "../frameworks";
import { readGrids } from "./read";

/** Checks every assessment sheet of an .xlsx file against the built-in frameworks. */
export async function checkFile(file: string): Promise<CheckResult> {
  const grids = await readGrids(file);
  return checkWorkbook(grids, findFramework, criterionIds(builtInFrameworks()));
}
