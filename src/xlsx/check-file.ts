import type { FrameworkCatalog } from "../core/catalog";
import { catalogOf } from "../core/catalog";
import type { CheckResult } from "../core/check";
import { checkWorkbook } from "../core/check";
import type { Framework } from "../core/model";
import { builtInFrameworks } from "../frameworks";
import { readGrids } from "./read";

/**
 * Checks every assessment sheet of an .xlsx file against the frameworks (the built-in ones by
 * default) and the file's own framework sheets.
 */
export async function checkFile(file: string, frameworks: Framework[] | FrameworkCatalog = builtInFrameworks()): Promise<CheckResult> {
  return checkWorkbook(await readGrids(file), Array.isArray(frameworks) ? catalogOf(frameworks) : frameworks);
}
