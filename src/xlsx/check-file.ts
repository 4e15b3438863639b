import type { CheckResult } from "../core/check";
import { checkWorkbook, criterionIds } from "../core/check";
import type { Framework } from "../core/model";
import { builtInFrameworks } from "../frameworks";
import { readGrids } from "./read";

/** Checks every assessment sheet of an .xlsx file against the frameworks (the built-in ones by default). */
export async function checkFile(file: string, frameworks: Framework[] = builtInFrameworks()): Promise<CheckResult> {
  const grids = await readGrids(file);
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  return checkWorkbook(grids, (id) => byId.get(id.trim().toLowerCase()), criterionIds(frameworks));
}
