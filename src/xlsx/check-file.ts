import type { CheckResult } from "../core/check";
import { catalogOf, checkWorkbook } from "../core/check";
import type { Framework } from "../core/model";
import { builtInFrameworks } from "../frameworks";
import { readGrids } from "./read";

/** Checks every assessment sheet of an .xlsx file against the frameworks (the built-in ones by default). */
export async function checkFile(file: string, frameworks: Framework[] = builtInFrameworks()): Promise<CheckResult> {
  return checkWorkbook(await readGrids(file), catalogOf(frameworks));
}
