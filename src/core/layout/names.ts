/** Excel's limits on sheet names. */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*:[\]]/g;

/** A name Excel accepts: forbidden characters replaced, no edge apostrophes, at most 31 characters. */
export function safeSheetName(wanted: string): string {
  let name = wanted.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  if (name.length > MAX_SHEET_NAME) {
    const cut = name.slice(0, MAX_SHEET_NAME);
    const lastSpace = cut.lastIndexOf(" ");
    name = (lastSpace > MAX_SHEET_NAME / 2 ? cut.slice(0, lastSpace) : cut).trim();
  }
  if (name === "" || name.toLowerCase() === "history") name = `Sheet ${name}`.trim();
  return name;
}

/**
 * A safe name not already taken (Excel compares sheet names case-insensitively): "Name",
 * then "Name (2)", "Name (3)"..., shortening the base so the suffix always fits.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = safeSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A table name Excel accepts (letters, digits, underscores; starts with a letter), unique in the workbook. */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = wanted.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
  if (!/^[A-Za-z]/.test(base)) base = `T_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RC]$/i.test(base)) base = `${base}_`;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
