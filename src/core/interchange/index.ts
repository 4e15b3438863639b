/**
 * Frameworks as data: every importer turns a source into `ImportResult` (a validated framework
 * and warnings, or every problem with its location); every exporter turns a framework back.
 */
export type { ImportProblem, ImportResult } from "./result";
export type { DetectedImport, FrameworkFormat } from "./detect";
export { importFramework } from "./detect";
export { importCase } from "./case-import";
export type { CaseExportOptions } from "./case-export";
export { exportCase, exportCaseJson } from "./case-export";
export { importMoodleCsv } from "./moodle";
export { exportFrameworkJson, FRAMEWORK_SCHEMA_FILE, frameworkJsonSchema, importFrameworkJson, toFrameworkInput } from "./json";
export { readFrameworkSheet } from "./framework-sheet-reader";
export { FRAMEWORK_SHEET_MARK, isFrameworkSheet, planFrameworkSheet } from "../layout/framework-sheet";
