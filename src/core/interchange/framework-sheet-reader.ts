import type { CriterionInput, Duty, FrameworkInput, Heading, Level, RoleInput, Scale } from "../framework";
import { PrioritySchema } from "../framework";
import type { SheetGrid } from "../grid";
import { cellAt, isBlankValue, labelText } from "../grid";
import type { FrameworkTable } from "../layout/framework-sheet";
import {
  FRAMEWORK_METADATA,
  FRAMEWORK_REQUIRED_COLUMNS,
  FRAMEWORK_SHEET_MARK,
  FRAMEWORK_SHEET_YES,
  FRAMEWORK_TABLE_ORDER,
  FRAMEWORK_TABLES,
  isFrameworkSheet,
} from "../layout/framework-sheet";
import { cellAddress, sheetReference } from "../layout/plan";
import type { CellValue } from "../scores";
import { isErrorValue } from "../scores";
import type { ImportProblem, ImportResult } from "./result";
import { finishImport, NO_PRIORITIES_WARNING, SourceMap } from "./result";

/**
 * Reads a framework sheet (layout/framework-sheet.ts) back into a framework. Each table is found
 * by its title in column A, not by its row, so tables may move, rows may be added or left blank,
 * and columns it does not know are left out with a warning.
 */

type MetadataKey = (typeof FRAMEWORK_METADATA)[number][0];

/**
 * A cell as text: numbers and dates as Excel shows them plainly, blanks and errors as undefined.
 * Ids, levels and choices are trimmed (a stray space typed in Excel means nothing); source text,
 * codes and source ids are kept exactly as they are.
 */
function cellText(value: CellValue, keepSpacing = false): string | undefined {
  if (value === null || value === undefined || isErrorValue(value)) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  if (text.trim() === "") return undefined;
  return keepSpacing ? text : text.trim();
}

interface TableRows {
  /** The title cell's row. */
  titleRow: number;
  headerRow: number;
  /** Column of each known header. */
  columns: Map<string, number>;
  rows: number[];
}

/**
 * Reads a framework sheet back into a framework. Every problem names its cell (`Framework!E12`);
 * columns the reader does not know and rows it cannot place are warnings, not failures.
 */
export function readFrameworkSheet(grid: SheetGrid): ImportResult {
  const at = (row: number, col: number) => `${sheetReference(grid.name)}!${cellAddress(row, col)}`;
  if (!isFrameworkSheet(grid)) {
    return { ok: false, problems: [{ location: at(0, 0), message: `This is not a framework sheet: A1 must hold exactly "${FRAMEWORK_SHEET_MARK}".` }] };
  }
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const width = (row: number) => grid.values[row]?.length ?? 0;
  const rowIsBlank = (row: number, from = 0) => {
    for (let col = from; col < width(row); col++) if (!isBlankValue(cellAt(grid, row, col))) return false;
    return true;
  };
  const titles = new Map(FRAMEWORK_TABLE_ORDER.map((t) => [labelText(FRAMEWORK_TABLES[t].title), t]));
  const sections: { table: FrameworkTable; row: number }[] = [];
  for (let row = 1; row < grid.values.length; row++) {
    const table = titles.get(labelText(cellAt(grid, row, 0)));
    if (table && rowIsBlank(row, 1)) {
      if (sections.some((s) => s.table === table)) warnings.push({ location: at(row, 0), message: `A second "${FRAMEWORK_TABLES[table].title}" table; only the first is read.` });
      else sections.push({ table, row });
    }
  }
  const firstSection = sections.length > 0 ? Math.min(...sections.map((s) => s.row)) : grid.values.length;

  // Metadata: label in column A, value in column B, above the first table.
  const metadataByLabel = new Map(FRAMEWORK_METADATA.map(([key, label]) => [labelText(label), key]));
  const metadata = new Map<MetadataKey, { value?: string; row: number }>();
  for (let row = 1; row < firstSection; row++) {
    const label = cellAt(grid, row, 0);
    if (isBlankValue(label)) continue;
    const key = metadataByLabel.get(labelText(label));
    if (key) metadata.set(key, { value: cellText(cellAt(grid, row, 1)), row });
    else warnings.push({ location: at(row, 0), message: `"${String(label)}" is not a framework field; it is left out.` });
  }
  const map = new SourceMap(at(0, 0));
  const meta = (key: MetadataKey, path: string) => {
    const found = metadata.get(key);
    map.set(path, found ? at(found.row, 1) : at(0, 0));
    return found?.value;
  };

  const tables = new Map<FrameworkTable, TableRows>();
  const sortedSections = [...sections].sort((a, b) => a.row - b.row);
  sortedSections.forEach((section, i) => {
    const end = sortedSections[i + 1]?.row ?? grid.values.length;
    let headerRow = section.row + 1;
    while (headerRow < end && rowIsBlank(headerRow)) headerRow++;
    const { title, headers } = FRAMEWORK_TABLES[section.table];
    if (headerRow >= end) {
      problems.push({ location: at(section.row, 0), message: `The ${title} table has no header row under its title; put back the headers ${headers.join(", ")}.` });
      return;
    }
    const known = new Map(headers.map((h) => [labelText(h), h as string]));
    const columns = new Map<string, number>();
    for (let col = 0; col < width(headerRow); col++) {
      const header = cellAt(grid, headerRow, col);
      if (isBlankValue(header)) continue;
      const name = known.get(labelText(header));
      if (name && !columns.has(name)) columns.set(name, col);
      else warnings.push({ location: at(headerRow, col), message: `Column "${String(header)}" is not part of the ${title} table; it is left out.` });
    }
    const missing = FRAMEWORK_REQUIRED_COLUMNS[section.table].filter((h) => !columns.has(h));
    if (missing.length > 0) {
      problems.push({ location: at(headerRow, 0), message: `The ${title} table has no ${missing.join(", ")} column; put the header${missing.length > 1 ? "s" : ""} back.` });
      return;
    }
    const rows: number[] = [];
    for (let row = headerRow + 1; row < end; row++) if (![...columns.values()].every((col) => isBlankValue(cellAt(grid, row, col)))) rows.push(row);
    tables.set(section.table, { titleRow: section.row, headerRow, columns, rows });
  });
  for (const table of ["roles", "criteria"] as const) {
    if (!sections.some((s) => s.table === table)) problems.push({ location: at(0, 0), message: `The sheet has no "${FRAMEWORK_TABLES[table].title}" table: put its title in column A above its headers.` });
  }
  const get = (table: TableRows, row: number, header: string, keepSpacing = false) => {
    const col = table.columns.get(header);
    return col === undefined ? undefined : cellText(cellAt(grid, row, col), keepSpacing);
  };
  const cell = (table: TableRows, row: number, header: string) => at(row, table.columns.get(header) ?? 0);

  // Levels, in row order.
  const levelsTable = tables.get("levels");
  const levels: Level[] = (levelsTable?.rows ?? []).map((row, i) => {
    map.set(`levels[${i}]`, cell(levelsTable!, row, "ID"));
    map.set(`levels[${i}].name`, cell(levelsTable!, row, "Name"));
    const sourceId = get(levelsTable!, row, "Source id", true);
    return { id: get(levelsTable!, row, "ID") ?? "", name: get(levelsTable!, row, "Name") ?? "", ...(sourceId ? { sourceId } : {}) };
  });
  const levelFor = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const wanted = text.trim().toLowerCase();
    return (levels.find((l) => l.id.toLowerCase() === wanted) ?? levels.find((l) => l.name.trim().toLowerCase() === wanted))?.id ?? text;
  };

  const scale = readScale(tables.get("scale"), get, cell, at, problems, map);

  // Roles.
  const rolesTable = tables.get("roles");
  const roles: RoleInput[] = (rolesTable?.rows ?? []).map((row, r) => {
    map.set(`roles[${r}]`, cell(rolesTable!, row, "ID"));
    map.set(`roles[${r}].title`, cell(rolesTable!, row, "Title"));
    const role: RoleInput = { id: get(rolesTable!, row, "ID") ?? "", title: get(rolesTable!, row, "Title") ?? "", duties: [], criteria: [] };
    const grade = get(rolesTable!, row, "Grade");
    const purpose = get(rolesTable!, row, "Purpose", true);
    const sourceId = get(rolesTable!, row, "Source id", true);
    const code = get(rolesTable!, row, "Code", true);
    if (grade !== undefined) role.grade = grade;
    if (purpose !== undefined) role.purpose = purpose;
    if (sourceId !== undefined) role.sourceId = sourceId;
    if (code !== undefined) role.code = code;
    return role;
  });
  const roleIndex = (table: TableRows, row: number): number | undefined => {
    const text = get(table, row, "Role");
    if (text === undefined && roles.length === 1) return 0;
    const wanted = (text ?? "").toLowerCase();
    const index = roles.findIndex((r) => r.id.toLowerCase() === wanted || r.title.trim().toLowerCase() === wanted);
    if (index < 0) {
      problems.push({ location: cell(table, row, "Role"), message: `Role "${text ?? ""}" is not in the Roles table; use one of its IDs (${roles.map((r) => r.id).join(", ")}).` });
      return undefined;
    }
    return index;
  };

  const dutiesTable = tables.get("duties");
  for (const row of dutiesTable?.rows ?? []) {
    const r = roleIndex(dutiesTable!, row);
    const text = get(dutiesTable!, row, "Text", true);
    if (r === undefined) continue;
    if (text === undefined) {
      problems.push({ location: cell(dutiesTable!, row, "Text"), message: "This duty or note has no text; fill it in or delete the row." });
      continue;
    }
    const kind = (get(dutiesTable!, row, "Kind") ?? "duty").toLowerCase();
    if (kind === "note") {
      roles[r].notes = [...(roles[r].notes ?? []), text];
    } else {
      if (kind !== "duty") warnings.push({ location: cell(dutiesTable!, row, "Kind"), message: `Kind "${kind}" is neither duty nor note; it is read as a duty.` });
      const area = get(dutiesTable!, row, "Area", true);
      const duty: Duty = area !== undefined ? { area, text } : { text };
      roles[r].duties.push(duty);
    }
  }

  const headingsTable = tables.get("headings");
  for (const row of headingsTable?.rows ?? []) {
    const r = roleIndex(headingsTable!, row);
    if (r === undefined) continue;
    const heading: Heading = { id: get(headingsTable!, row, "ID") ?? "", text: get(headingsTable!, row, "Text", true) ?? "" };
    const optional = { parent: get(headingsTable!, row, "Parent"), description: get(headingsTable!, row, "Description", true), sourceId: get(headingsTable!, row, "Source id", true), code: get(headingsTable!, row, "Code", true) };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (heading as unknown as Record<string, string>)[key] = value;
    const list = (roles[r].headings ??= []);
    map.set(`roles[${r}].headings[${list.length}]`, cell(headingsTable!, row, "ID"));
    map.set(`roles[${r}].headings[${list.length}].text`, cell(headingsTable!, row, "Text"));
    list.push(heading);
  }

  let withoutPriority = 0;
  const criteriaTable = tables.get("criteria");
  for (const row of criteriaTable?.rows ?? []) {
    const r = roleIndex(criteriaTable!, row);
    if (r === undefined) continue;
    const criterion: CriterionInput = { id: get(criteriaTable!, row, "ID") ?? "", category: get(criteriaTable!, row, "Category") ?? "", text: get(criteriaTable!, row, "Text", true) ?? "" };
    const level = levelFor(get(criteriaTable!, row, "Level"));
    if (level !== undefined) criterion.level = level;
    const priorityText = get(criteriaTable!, row, "Priority");
    if (priorityText === undefined) withoutPriority++;
    else {
      const priority = PrioritySchema.safeParse(priorityText.toLowerCase());
      if (priority.success) criterion.priority = priority.data;
      else problems.push({ location: cell(criteriaTable!, row, "Priority"), message: `Priority "${priorityText}" is not one of essential, desirable, unspecified; write one of them.` });
    }
    const optional = { heading: get(criteriaTable!, row, "Heading"), description: get(criteriaTable!, row, "Description", true), sourceId: get(criteriaTable!, row, "Source id", true), code: get(criteriaTable!, row, "Code", true) };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (criterion as unknown as Record<string, string>)[key] = value;
    const related = get(criteriaTable!, row, "Related", true);
    if (related !== undefined) criterion.related = related.split("\n").filter((s) => s.trim() !== "");
    const path = `roles[${r}].criteria[${roles[r].criteria.length}]`;
    map.set(path, cell(criteriaTable!, row, "ID"));
    for (const [field, header] of [["text", "Text"], ["category", "Category"], ["level", "Level"], ["heading", "Heading"], ["priority", "Priority"]] as const) {
      map.set(`${path}.${field}`, cell(criteriaTable!, row, header));
    }
    roles[r].criteria.push(criterion);
  }

  let defaultPriority = meta("defaultPriority", "defaultPriority");
  if (defaultPriority === undefined) {
    defaultPriority = "essential";
    if (withoutPriority > 0) warnings.push({ location: map.locate("defaultPriority"), message: NO_PRIORITIES_WARNING });
  }
  const source: FrameworkInput["source"] = { document: meta("document", "source.document") ?? "" };
  for (const [key, path] of [["date", "source.date"], ["url", "source.url"], ["seed", "source.seed"], ["identifier", "source.identifier"]] as const) {
    const value = meta(key, path);
    if (value !== undefined) source[key] = value;
  }
  const input: FrameworkInput = {
    id: meta("id", "id") ?? "",
    title: meta("title", "title") ?? "",
    publisher: meta("publisher", "publisher") ?? "",
    source,
    levels,
    defaultPriority: defaultPriority.toLowerCase() as FrameworkInput["defaultPriority"],
    roles,
  };
  const version = meta("version", "version");
  if (version !== undefined) input.version = version;
  if (scale !== undefined) input.scale = scale;
  return finishImport(input, map, problems, warnings);
}

function readScale(
  table: TableRows | undefined,
  get: (table: TableRows, row: number, header: string) => string | undefined,
  cell: (table: TableRows, row: number, header: string) => string,
  at: (row: number, col: number) => string,
  problems: ImportProblem[],
  map: SourceMap,
): Scale | undefined {
  if (!table || table.rows.length === 0) return undefined;
  map.set("scale", at(table.titleRow, 0));
  const labels: Scale["labels"] = [];
  const meets: number[] = [];
  let defaultValue: number | undefined;
  const truthy = (text: string | undefined) => text !== undefined && ["yes", "y", "x", "true", "1", "✓"].includes(text.toLowerCase());
  for (const row of table.rows) {
    const scoreText = get(table, row, "Score");
    const score = Number(scoreText);
    if (scoreText === undefined || !Number.isInteger(score)) {
      problems.push({ location: cell(table, row, "Score"), message: `Score "${scoreText ?? ""}" is not a whole number; write the score as a whole number.` });
      continue;
    }
    labels.push({ value: score, label: get(table, row, "Label") ?? "" });
    if (truthy(get(table, row, "Meets"))) meets.push(score);
    if (truthy(get(table, row, "Default"))) defaultValue = score;
  }
  if (meets.length !== 1) {
    problems.push({
      location: at(table.headerRow, table.columns.get("Meets")!),
      message: meets.length === 0 ? `No score is marked in the Meets column; write "${FRAMEWORK_SHEET_YES}" beside the lowest score that meets a criterion.` : `${meets.length} scores are marked in the Meets column; mark only the lowest score that meets a criterion.`,
    });
    return undefined;
  }
  const values = labels.map((l) => l.value);
  return { min: Math.min(...values), max: Math.max(...values), meets: meets[0], labels, ...(defaultValue !== undefined ? { defaultValue } : {}) };
}
