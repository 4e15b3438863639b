import { CRITERION_ID_MAX, CRITERION_ID_PATTERN } from "../framework";
import { shortHash } from "./uuid";

/** True when a source's own code can serve as a criterion or heading id as it is. */
export function isValidItemId(code: string): boolean {
  return code.length <= CRITERION_ID_MAX && CRITERION_ID_PATTERN.test(code);
}

/**
 * A column-safe id for a source item whose code does not fit (too long, spaces, starts with a
 * digit): the code's letters and digits, cut to fit, tagged with a hash of the whole code so two
 * codes that clean up alike stay apart. The same code always gives the same id; `taken` ids are
 * avoided by hashing again.
 */
export function deriveItemId(code: string, taken: ReadonlySet<string>): string {
  if (isValidItemId(code) && !taken.has(code)) return code;
  let cleaned = code
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/[-_.]{2,}/g, "-")
    .replace(/^[^A-Za-z]+/, "")
    .replace(/[-_.]+$/, "");
  if (cleaned === "") cleaned = "C";
  for (let attempt = 0; ; attempt++) {
    const tag = shortHash(attempt === 0 ? code : `${code}#${attempt}`, 5);
    const id = `${cleaned.slice(0, CRITERION_ID_MAX - tag.length - 1).replace(/[-_.]+$/, "")}-${tag}`;
    if (!taken.has(id)) return id;
  }
}

/** A role or framework id (lower-case slug) from a code or title; "" when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** A slug not yet taken: `base`, then `base-2`, `base-3`... */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
