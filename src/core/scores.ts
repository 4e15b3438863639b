import type { Scale } from "./framework";

/** An Excel error value as read from a cell (#N/A, #VALUE!, ...). */
export interface ErrorValue {
  error: string;
}

/** A cell's value as either adapter reads it: the computed value, never the formula. */
export type CellValue = null | undefined | number | string | boolean | Date | ErrorValue;

export type InvalidScoreCode =
  | "score-text"
  | "score-numeric-text"
  | "score-fraction"
  | "score-out-of-range"
  | "score-error-value"
  | "score-boolean"
  | "score-date";

export type ScoreClass =
  | { kind: "blank" }
  | { kind: "valid"; value: number }
  | { kind: "invalid"; code: InvalidScoreCode; reason: string };

export const BLANK: ScoreClass = Object.freeze({ kind: "blank" });

/** Valid scores are few (a scale's values), and a big sheet holds millions of them: one frozen object each. */
const validScores = new Map<number, ScoreClass>();
function validScore(value: number): ScoreClass {
  let score = validScores.get(value);
  if (!score) validScores.set(value, (score = Object.freeze({ kind: "valid", value })));
  return score;
}

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) && typeof (value as ErrorValue).error === "string";
}

export function describeValue(value: CellValue): string {
  if (isErrorValue(value)) return value.error;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return `"${value}"`;
  return String(value);
}

/**
 * Classifies a raw cell value as a score. Only a whole number within the scale is valid, and only
 * as a number: text that looks like a number ("3") is invalid, because Excel's own formulas on the
 * sheet do not count it either, and the two must agree.
 */
export function classifyScore(value: CellValue, scale: Scale): ScoreClass {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number" && Number.isInteger(value) && value >= scale.min && value <= scale.max) return validScore(value);
  // Only an invalid score needs its message; millions of valid ones are classified before this.
  const range = `${scale.min} to ${scale.max}`;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return BLANK;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) {
      return { kind: "invalid", code: "score-numeric-text", reason: `${describeValue(value)} is stored as text; enter it again as a whole number from ${range}` };
    }
    return { kind: "invalid", code: "score-text", reason: `${describeValue(value)} is not a score; enter a whole number from ${range}` };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || !Number.isInteger(value)) {
      return { kind: "invalid", code: "score-fraction", reason: `${value} is not a whole number; enter a whole number from ${range}` };
    }
    if (value < scale.min || value > scale.max) {
      return { kind: "invalid", code: "score-out-of-range", reason: `${value} is outside the scale; enter a whole number from ${range}` };
    }
    return validScore(value);
  }
  if (typeof value === "boolean") {
    return { kind: "invalid", code: "score-boolean", reason: `${describeValue(value)} is not a score; enter a whole number from ${range}` };
  }
  if (value instanceof Date) {
    return { kind: "invalid", code: "score-date", reason: `${describeValue(value)} is a date, not a score; enter a whole number from ${range}` };
  }
  return { kind: "invalid", code: "score-error-value", reason: `the cell shows the error ${value.error}; enter a whole number from ${range}` };
}
