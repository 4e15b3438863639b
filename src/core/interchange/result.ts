import type { FrameworkInput } from "../framework";
import type { Framework } from "../model";
import { buildFramework } from "../validate";

/** One thing wrong or worth knowing about a source, with where it is: `line 4, column 2`, `/CFItems/3`, `Framework!B7`. */
export interface ImportProblem {
  location: string;
  message: string;
}

export type ImportResult =
  | { ok: true; framework: Framework; warnings: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

/** Turns a path in the framework (`roles[0].criteria[3].id`) into a place in the source. */
export interface Locator {
  locate(path: string): string;
}

/**
 * Where each part of the framework being built came from, keyed by its path in the framework
 * (`roles[0].criteria[3]`), so a problem the validator finds points back into the source.
 */
export class SourceMap implements Locator {
  private readonly locations = new Map<string, string>();

  constructor(private readonly whole: string) {}

  set(path: string, location: string): void {
    this.locations.set(path, location);
  }

  /** The location of the path, or of the nearest enclosing part that has one. */
  locate(path: string): string {
    for (let p = path; p !== ""; p = p.replace(/(?:\.[^.[\]]+|\[\d+\])$/, "")) {
      const found = this.locations.get(p);
      if (found !== undefined) return found;
      if (!/(?:\.[^.[\]]+|\[\d+\])$/.test(p)) break;
    }
    return this.whole;
  }
}

/**
 * Validates what an importer assembled. Problems found while reading come first; a framework is
 * returned only when there are none, with the importer's warnings and the validator's, located.
 */
export function finishImport(input: FrameworkInput, map: Locator, problems: ImportProblem[], warnings: ImportProblem[]): ImportResult {
  const built = buildFramework(input);
  if (!built.ok) {
    // A schema message ("must not be empty") needs the field it is about; a lint message names its item already.
    const located = built.problems.map((p) => ({ location: map.locate(p.path), message: p.code ? p.message : `${p.path}: ${p.message}` }));
    return { ok: false, problems: [...problems, ...located] };
  }
  if (problems.length > 0) return { ok: false, problems };
  const lintWarnings = built.findings.map((f) => ({ location: map.locate(f.path), message: f.message }));
  return { ok: true, framework: built.framework, warnings: [...warnings, ...lintWarnings] };
}

/** A JSON pointer (RFC 6901) from path segments. */
export function jsonPointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The message every importer gives once, not once per criterion, when the source has no priorities. */
export const NO_PRIORITIES_WARNING = "The source gives no priorities: every criterion counts as essential (the default priority).";
