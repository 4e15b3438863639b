import type { CriterionInput, FrameworkInput, Heading, RoleInput, Scale } from "../framework";
import type { CsvField, CsvRecord } from "./csv";
import { parseCsv } from "./csv";
import { htmlToText, looksLikeHtml } from "./html";
import { deriveItemId, slugify } from "./ids";
import type { ImportProblem, ImportResult } from "./result";
import { finishImport, NO_PRIORITIES_WARNING, SourceMap } from "./result";

/**
 * Moodle's competency framework CSV (admin tool "Import competency framework"): 14 columns read
 * by position, because their headers change between Moodle versions and languages.
 */
export const MOODLE_COLUMNS = [
  "Parent ID number",
  "ID number",
  "Short name",
  "Description",
  "Description format",
  "Scale values",
  "Scale configuration",
  "Rule type",
  "Rule outcome",
  "Rule config",
  "Cross-referenced competency ID numbers",
  "Exported ID",
  "Is framework",
  "Taxonomy",
] as const;
const COL = { parent: 0, idNumber: 1, shortName: 2, description: 3, descriptionFormat: 4, scaleValues: 5, scaleConfig: 6, ruleType: 7, ruleOutcome: 8, ruleConfig: 9, related: 10, exportedId: 11, isFramework: 12, taxonomy: 13 };
/** Moodle cuts a competency's short name to this many characters. */
const SHORT_NAME_LIMIT = 100;
/** Moodle's description formats: 0 Moodle auto-format, 1 HTML, 2 plain text, 4 Markdown. */
const HTML_FORMATS = new Set(["0", "1"]);

interface Row {
  record: CsvRecord;
  get(col: number): string;
  at(col: number): string;
}

/** True when a text's first record looks like Moodle's framework CSV: 14 or so columns. */
export function looksLikeMoodleCsv(text: string): boolean {
  const parsed = parseCsv(text.slice(0, 20000));
  if (!parsed.ok || parsed.records.length === 0) return false;
  return parsed.records.slice(0, 3).every((r) => r.fields.length >= 13 && r.fields.length <= 16);
}

export function importMoodleCsv(text: string): ImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [{ location: `line ${parsed.line}, column ${parsed.column}`, message: parsed.message }] };
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const warned = new Set<string>();
  const warnOnce = (kind: string, location: string, message: string) => {
    if (!warned.has(kind)) {
      warned.add(kind);
      warnings.push({ location, message });
    }
  };

  const rows: Row[] = parsed.records.map((record) => ({
    record,
    // Moodle writes "null" for an empty value.
    get: (col: number) => {
      const value = record.fields[col]?.value ?? "";
      return value.trim() === "null" ? "" : value;
    },
    at: (col: number) => where(record, col),
  }));
  // Moodle always writes a header row; its text varies, so it is known by not being a data row.
  if (rows.length > 0 && !["0", "1"].includes(rows[0].get(COL.isFramework).trim())) rows.shift();
  for (const row of rows) {
    if (row.record.fields.length > MOODLE_COLUMNS.length) {
      warnOnce("extra-columns", row.at(MOODLE_COLUMNS.length), `Rows have more than the ${MOODLE_COLUMNS.length} columns of Moodle's framework CSV; the extra columns are left out.`);
    }
  }

  const frameworkRows = rows.filter((r) => r.get(COL.isFramework).trim() === "1");
  if (frameworkRows.length === 0) {
    return {
      ok: false,
      problems: [{ location: rows.length > 0 ? rows[0].at(COL.isFramework) : "line 1", message: "No framework row: Moodle's framework CSV has one row with 1 in column 13 (is framework). Export the framework again from Moodle." }],
    };
  }
  for (const extra of frameworkRows.slice(1)) {
    problems.push({ location: extra.at(COL.isFramework), message: `A second framework row (the first is on line ${frameworkRows[0].record.line}); a file holds one framework. Split it into one file per framework.` });
  }
  const fw = frameworkRows[0];
  const scale = readScale(fw, problems, warnings);

  const competencies = rows.filter((r) => r.get(COL.isFramework).trim() !== "1");
  const byIdNumber = new Map<string, Row>();
  for (const row of competencies) {
    const idNumber = row.get(COL.idNumber).trim();
    if (idNumber === "") {
      problems.push({ location: row.at(COL.idNumber), message: "This competency has no ID number; give every competency a unique ID number." });
      continue;
    }
    const first = byIdNumber.get(idNumber);
    if (first) {
      problems.push({ location: row.at(COL.idNumber), message: `ID number ${idNumber} is used again (first on line ${first.record.line}); ID numbers must be unique.` });
      continue;
    }
    byIdNumber.set(idNumber, row);
    const scaleValues = row.get(COL.scaleValues).trim();
    if (scaleValues !== "" && scaleValues !== fw.get(COL.scaleValues).trim()) {
      warnOnce("own-scale", row.at(COL.scaleValues), "Some competencies have a scale of their own; the framework's scale is used for all of them.");
    }
    if (row.get(COL.ruleType).trim() !== "") {
      warnOnce("rules", row.at(COL.ruleType), "Competency rules (rule type, outcome, config) are not used here and are left out.");
    }
  }
  const parentOf = (row: Row) => row.get(COL.parent).trim();
  for (const row of byIdNumber.values()) {
    const parent = parentOf(row);
    if (parent !== "" && !byIdNumber.has(parent)) {
      problems.push({ location: row.at(COL.parent), message: `Parent ID number ${parent} is not a competency in this file. Fix the parent, or add the parent competency.` });
    }
  }
  for (const [idNumber, row] of byIdNumber) {
    const seen = new Set([idNumber]);
    for (let p = parentOf(row); p !== "" && byIdNumber.has(p); p = parentOf(byIdNumber.get(p)!)) {
      if (p === idNumber) {
        problems.push({ location: row.at(COL.parent), message: `Competency ${idNumber} is its own ancestor (${[...seen, p].join(" > ")}); a hierarchy cannot loop.` });
        break;
      }
      if (seen.has(p)) break;
      seen.add(p);
    }
  }
  // Items on a loop or under a missing parent are not reached below; reading on still finds the rest's problems.
  const title = fw.get(COL.shortName).trim();
  const fwIdNumber = fw.get(COL.idNumber).trim();
  const frameworkId = slugify(fwIdNumber) || slugify(title) || "moodle-framework";
  const frameworkDescription = plainDescription(fw);
  const map = new SourceMap(`line ${fw.record.line}`);
  map.set("title", fw.at(COL.shortName));
  map.set("id", fw.at(COL.idNumber));
  map.set("scale", fw.at(COL.scaleConfig));

  const role: RoleInput = { id: frameworkId, title: title || frameworkId, duties: [], criteria: [] };
  if (frameworkDescription !== undefined) role.purpose = frameworkDescription;
  const headings: Heading[] = [];
  const criterionIds = new Set<string>();
  const headingIds = new Set<string>();
  const headingIdOf = new Map<string, string>();
  const childrenOf = new Map<string, Row[]>();
  for (const row of byIdNumber.values()) {
    const siblings = childrenOf.get(parentOf(row));
    if (siblings) siblings.push(row);
    else childrenOf.set(parentOf(row), [row]);
  }

  const visit = (row: Row, parentHeading: Heading | undefined) => {
    const idNumber = row.get(COL.idNumber).trim();
    const statement = fullText(row, warnOnce);
    const description = plainDescription(row);
    const sourceId = row.get(COL.exportedId).trim() || undefined;
    const kids = childrenOf.get(idNumber) ?? [];
    if (kids.length > 0) {
      const id = deriveItemId(idNumber, headingIds);
      headingIds.add(id);
      headingIdOf.set(idNumber, id);
      const heading: Heading = { id, text: statement, code: idNumber };
      if (parentHeading) heading.parent = parentHeading.id;
      if (description !== undefined) heading.description = description;
      if (sourceId !== undefined) heading.sourceId = sourceId;
      map.set(`roles[0].headings[${headings.length}]`, row.at(COL.shortName));
      headings.push(heading);
      for (const kid of kids) visit(kid, heading);
      return;
    }
    const id = deriveItemId(idNumber, criterionIds);
    criterionIds.add(id);
    const criterion: CriterionInput = { id, category: parentHeading?.text.split("\n")[0].trim() || "Competency", text: statement, code: idNumber };
    if (parentHeading) criterion.heading = parentHeading.id;
    if (description !== undefined) criterion.description = description;
    if (sourceId !== undefined) criterion.sourceId = sourceId;
    const related = row
      .get(COL.related)
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "" && s !== "null");
    if (related.length > 0) criterion.related = related;
    const path = `roles[0].criteria[${role.criteria.length}]`;
    map.set(path, row.at(COL.idNumber));
    map.set(`${path}.text`, row.at(COL.shortName));
    map.set(`${path}.category`, row.at(COL.parent));
    role.criteria.push(criterion);
  };
  for (const row of childrenOf.get("") ?? []) visit(row, undefined);
  if (headings.length > 0) role.headings = headings;
  if (role.criteria.length > 0) warnings.push({ location: `line ${fw.record.line}`, message: NO_PRIORITIES_WARNING });

  const input: FrameworkInput = {
    id: frameworkId,
    title,
    publisher: "Not named in the Moodle export",
    source: { document: title || frameworkId, ...(fwIdNumber !== "" ? { identifier: fwIdNumber } : {}) },
    ...(scale ? { scale } : {}),
    levels: [],
    defaultPriority: "essential",
    roles: [role],
  };
  return finishImport(input, map, problems, warnings);
}

function where(record: CsvRecord, col: number): string {
  const field: CsvField | undefined = record.fields[col];
  const name = MOODLE_COLUMNS[col] ?? "extra column";
  return field ? `line ${field.line}, column ${col + 1} (${name})` : `line ${record.line}, column ${col + 1} (${name}, missing)`;
}

function plainDescription(row: Row): string | undefined {
  const raw = row.get(COL.description);
  const text = HTML_FORMATS.has(row.get(COL.descriptionFormat).trim()) || looksLikeHtml(raw) ? htmlToText(raw) : raw.trim();
  return text === "" ? undefined : text;
}

/**
 * The competency's statement: its short name, unless Moodle cut it at 100 characters and the
 * description starts with the whole statement, which then comes from the description's first line.
 */
function fullText(row: Row, warnOnce: (kind: string, location: string, message: string) => void): string {
  const shortName = row.get(COL.shortName).trim();
  if (shortName.length < SHORT_NAME_LIMIT - 1) return shortName;
  const firstLine = (plainDescription(row) ?? "").split("\n")[0].trim();
  const stem = shortName.replace(/(\.\.\.|…)$/, "");
  if (firstLine.length > stem.length && firstLine.startsWith(stem)) {
    warnOnce("cut", row.at(COL.shortName), "Short names cut at 100 characters by Moodle: the whole statement is taken from the start of the description.");
    return firstLine;
  }
  return shortName;
}

/**
 * The framework row's scale: values become scores 0..n-1 with their labels; the configuration
 * (JSON: [{scaleid}, {id, scaledefault, proficient}, ...], ids 1-based) gives meets (the lowest
 * proficient value) and the default.
 */
function readScale(fw: Row, problems: ImportProblem[], warnings: ImportProblem[]): Scale | undefined {
  const values = fw
    .get(COL.scaleValues)
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (values.length === 0) {
    warnings.push({ location: fw.at(COL.scaleValues), message: "The framework row has no scale values; the default scale (0-4) is used." });
    return undefined;
  }
  if (values.length < 2) {
    problems.push({ location: fw.at(COL.scaleValues), message: "A scale needs at least two values, separated by commas." });
    return undefined;
  }
  let config: unknown;
  try {
    config = JSON.parse(fw.get(COL.scaleConfig));
  } catch {
    problems.push({ location: fw.at(COL.scaleConfig), message: `The scale configuration is not JSON. Moodle writes it as [{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}].` });
    return undefined;
  }
  const entries = (Array.isArray(config) ? config : []).filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null && "id" in e);
  const flag = (v: unknown) => v === 1 || v === "1" || v === true;
  const index = (e: Record<string, unknown>) => Number(e.id) - 1;
  const proficient = entries.filter((e) => flag(e.proficient)).map(index).filter((i) => Number.isInteger(i) && i >= 0 && i < values.length);
  if (proficient.length === 0) {
    problems.push({ location: fw.at(COL.scaleConfig), message: "The scale configuration marks no value as proficient, so nothing would meet a criterion. Mark at least one value proficient in Moodle and export again." });
    return undefined;
  }
  const scale: Scale = { min: 0, max: values.length - 1, meets: Math.min(...proficient), labels: values.map((label, value) => ({ value, label })) };
  const defaults = entries.filter((e) => flag(e.scaledefault)).map(index).filter((i) => Number.isInteger(i) && i >= 0 && i < values.length);
  if (defaults.length > 0) scale.defaultValue = defaults[0];
  return scale;
}
