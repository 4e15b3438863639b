/**
 * Everything the pane's actions run against the workbook or a framework file, as one script that
 * loadTools fetches on first use: the checker, the framework validation (zod) and the importers
 * and exporters are most of the pane's code, and the pane's controls need none of it to appear.
 */
export { checkOpenWorkbook, createAssessmentSheet, insertCriteriaSheet, insertFrameworkSheet, namesFromSelection, selectCell, workbookFrameworks, writeReportSheet, writeTeamSheets } from "../excel/workbook";
export { exportCaseJson, exportFrameworkJson, importFramework } from "../core/interchange";
