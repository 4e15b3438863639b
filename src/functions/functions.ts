/* global CustomFunctions */
import { officeExcelRun } from "../excel/workbook";
import { builtInFrameworks } from "../frameworks";
import type { PersonRecord } from "./engine";
import { FunctionError, coverageOf, criteriaTable, essentialsMetOf, findPerson, levelGapOf, levelOf, personFromRange, readinessOf, unmetOf } from "./engine";
import { LiveWorkbook } from "./live";

/** The workbook index and frameworks (built-ins and the workbook's framework sheets) shared by every live formula in this runtime. */
export const live = new LiveWorkbook((batch) => officeExcelRun(batch), builtInFrameworks());

type Result = string | number | boolean | string[][];

/** A FunctionError becomes #N/A or #VALUE! with its message; anything else #VALUE! saying what failed. */
export function asExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof FunctionError) {
    const code = error.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Could not compute: ${message}`);
}

/**
 * A lookup that fails while a framework sheet has an error most likely fails because of it (its
 * framework is left out until the sheet is put right): the message says where.
 */
function withFrameworkSheetProblem(error: unknown): unknown {
  const problem = live.frameworkProblems.find((p) => p.severity === "error");
  if (!(error instanceof FunctionError) || !problem) return error;
  return new FunctionError(error.kind, `${error.message} The framework sheet "${problem.sheet}" has an error at ${problem.sheet}!${problem.cell}: ${problem.message}`);
}

function attempt<T extends Result>(compute: () => T): T | CustomFunctions.Error {
  try {
    return compute();
  } catch (error) {
    return asExcelError(withFrameworkSheetProblem(error));
  }
}

/**
 * Pushes `compute`'s answer once the workbook has been read, and again whenever a change to the
 * workbook alters it; `now` answers at once too, from what is known before the read.
 */
function stream<T extends Result>(invocation: CustomFunctions.StreamingInvocation<T>, compute: () => T, now = false) {
  let last: string | undefined;
  const push = () => {
    const result = attempt(compute);
    const key = result instanceof CustomFunctions.Error ? `error:${result.code}:${result.message}` : JSON.stringify(result);
    if (key === last) return;
    last = key;
    invocation.setResult(result);
  };
  if (now) push();
  invocation.onCanceled = live.subscribe(push);
  live.start().catch((error: unknown) => invocation.setResult(asExcelError(new FunctionError("notAvailable", `Could not read the workbook's assessment and framework sheets: ${error instanceof Error ? error.message : String(error)}. Reopen the workbook.`))));
}

/**
 * Serves an employee function. With `scores` (the explicit form) the answer comes from that
 * range, at once (a built-in framework needs no workbook read), and Excel recalculates it as
 * usual. Without, the answer comes from the workbook's assessment sheets. Either way the framework
 * may be one of the workbook's framework sheets, so the answer is pushed again whenever a change
 * (to the scores or to the framework) alters it.
 */
function serve<T extends Result>(
  employee: string,
  role: string,
  scores: unknown[][] | undefined | null,
  invocation: CustomFunctions.StreamingInvocation<T>,
  answer: (person: PersonRecord) => T,
) {
  const explicit = scores !== undefined && scores !== null;
  const person = () => (explicit ? personFromRange(live.frameworks(), employee, role, scores) : findPerson(live.index, live.frameworks(), employee, role));
  stream(invocation, () => answer(person()), explicit);
}

/*
 * Optional arguments are typed without "| undefined" because the metadata generator turns a union
 * into "any" and loses the range's matrix shape; Excel passes null or undefined when one is left
 * out, and serve() and the engine treat both as absent.
 */

/**
 * How many levels stand between an employee's attained level and the target level (0 when the target is reached).
 * @customfunction LEVELGAP
 * @param employee The person's name, as in an assessment table's Employee column.
 * @param role Role id or title, e.g. "library-assistant" or "Library Assistant"; "framework/role" when two frameworks share it.
 * @param [target_level] Target level id or name; by default the assessment sheet's target level.
 * @param [scores] An assessment table's range including its header row; when given, only that range is read.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function levelGap(employee: string, role: string, target_level: string, scores: unknown[][], invocation: CustomFunctions.StreamingInvocation<number>): void {
  serve(employee, role, scores, invocation, (p) => levelGapOf(p, target_level));
}

/**
 * The name of the highest level an employee has attained, or "" when not even the first.
 * @customfunction LEVEL
 * @param employee The person's name, as in an assessment table's Employee column.
 * @param role Role id or title; "framework/role" when two frameworks share it.
 * @param [scores] An assessment table's range including its header row; when given, only that range is read.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function level(employee: string, role: string, scores: unknown[][], invocation: CustomFunctions.StreamingInvocation<string>): void {
  serve(employee, role, scores, invocation, (p) => levelOf(p));
}

/**
 * TRUE when an employee meets every essential criterion up to the level, FALSE otherwise.
 * @customfunction ESSENTIALSMET
 * @param employee The person's name, as in an assessment table's Employee column.
 * @param role Role id or title; "framework/role" when two frameworks share it.
 * @param [level] Level id or name; by default the assessment sheet's target level.
 * @param [scores] An assessment table's range including its header row; when given, only that range is read.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function essentialsMet(employee: string, role: string, level: string, scores: unknown[][], invocation: CustomFunctions.StreamingInvocation<boolean>): void {
  serve(employee, role, scores, invocation, (p) => essentialsMetOf(p, level));
}

/**
 * The essential criteria an employee scored below the threshold, up to the level: a spilled column of ID and text.
 * @customfunction UNMET
 * @param employee The person's name, as in an assessment table's Employee column.
 * @param role Role id or title; "framework/role" when two frameworks share it.
 * @param [level] Level id or name; by default the assessment sheet's target level.
 * @param [scores] An assessment table's range including its header row; when given, only that range is read.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function unmet(employee: string, role: string, level: string, scores: unknown[][], invocation: CustomFunctions.StreamingInvocation<string[][]>): void {
  serve(employee, role, scores, invocation, (p) => unmetOf(p, level));
}

/**
 * The share of the criteria up to the level that an employee meets, from 0 to 1.
 * @customfunction READINESS
 * @param employee The person's name, as in an assessment table's Employee column.
 * @param role Role id or title; "framework/role" when two frameworks share it.
 * @param [level] Level id or name; by default the assessment sheet's target level.
 * @param [scores] An assessment table's range including its header row; when given, only that range is read.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function readiness(employee: string, role: string, level: string, scores: unknown[][], invocation: CustomFunctions.StreamingInvocation<number>): void {
  serve(employee, role, scores, invocation, (p) => readinessOf(p, level));
}

/**
 * The share of the people assessed for a role in this workbook who meet a criterion, or without one every essential up to the level: 0 to 1. #N/A when no one is assessed yet.
 * @customfunction COVERAGE
 * @param role Role id or title, e.g. "library-assistant"; "framework/role" when two frameworks share it.
 * @param [criterion] Criterion id, e.g. "LA-B-K01"; leave empty for the essentials of the level.
 * @param [level] Level id or name, for the share who meet every essential up to it; by default the highest target level of the role's assessment sheets. Give a criterion or a level, not both.
 * @param invocation Streaming invocation.
 * @streaming
 */
export function coverage(role: string, criterion: string, level: string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, () => coverageOf(live.index, live.frameworks(), role, criterion, level));
}

/**
 * A role's criteria as a spilled table: ID, Level, Category, Criterion, Priority, with a header row. Follows edits to the workbook's framework sheets.
 * @customfunction CRITERIA
 * @param role Role id or title; "framework/role" when two frameworks share it, e.g. "stockport-library-assistant/library-assistant".
 * @param [level] Only the criteria at this level (id or name).
 * @param [category] Only the criteria in this category, e.g. "Knowledge".
 * @param invocation Streaming invocation.
 * @streaming
 */
export function criteria(role: string, level: string, category: string, invocation: CustomFunctions.StreamingInvocation<string[][]>): void {
  // Not at once: a role of a framework sheet is known only after the workbook is read.
  stream(invocation, () => criteriaTable(live.frameworks(), role, level, category));
}
