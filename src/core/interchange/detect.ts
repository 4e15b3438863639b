import { importCaseObject, isCasePackage } from "./case-import";
import { importFrameworkObject, parseJson } from "./json";
import { importMoodleCsv, looksLikeMoodleCsv, MOODLE_COLUMNS } from "./moodle";
import type { ImportResult } from "./result";

export type FrameworkFormat = "case" | "json" | "moodle";

export type DetectedImport = ImportResult & { format?: FrameworkFormat };

const NONE_OF_THEM =
  "is none of the framework formats: expected a CASE 1.1 package (JSON with a CFDocument), a framework JSON (with id, title and roles), " +
  `or Moodle's competency framework CSV (${MOODLE_COLUMNS.length} columns). A workbook's framework sheet is read from the workbook itself.`;

/**
 * Reads a framework from a file's text, telling the formats apart by what the text holds, not by
 * its name: JSON with a CFDocument is CASE, other JSON is ours, CSV with Moodle's columns is
 * Moodle. The file name only makes messages clearer.
 */
export function importFramework(text: string, fileName: string): DetectedImport {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  const looksLikeJson = body.startsWith("{") || body.startsWith("[");
  if (!looksLikeJson && looksLikeMoodleCsv(text)) return { ...importMoodleCsv(text), format: "moodle" };
  if (looksLikeJson || /\.json$/i.test(fileName)) {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      return { ok: false, problems: [{ location: `${fileName}, ${parsed.problem.location}`, message: parsed.problem.message }] };
    }
    if (isCasePackage(parsed.value)) return { ...importCaseObject(parsed.value), format: "case" };
    const value = parsed.value;
    if (typeof value === "object" && value !== null && !Array.isArray(value) && ("roles" in value || "levels" in value || "defaultPriority" in value)) {
      return { ...importFrameworkObject(value), format: "json" };
    }
    return { ok: false, problems: [{ location: fileName, message: `${fileName} holds JSON but ${NONE_OF_THEM}` }] };
  }
  if (/\.xlsx$/i.test(fileName)) {
    return { ok: false, problems: [{ location: fileName, message: `${fileName} is a workbook: read its framework sheet (readFrameworkSheet) rather than its text.` }] };
  }
  return { ok: false, problems: [{ location: fileName, message: `${fileName} ${NONE_OF_THEM}` }] };
}
