import type { FrameworkInput } from "./framework";

export interface LintFinding {
  severity: "error" | "warning";
  code:
    | "unspecified-priority"
    | "duplicate-criterion-id"
    | "duplicate-text"
    | "empty-text"
    | "level-without-criteria"
    | "unknown-level"
    | "missing-level"
    | "duplicate-heading-id"
    | "unknown-heading"
    | "heading-cycle";
  /** Where in the framework, e.g. `roles[0].criteria[3]`. */
  path: string;
  message: string;
}

const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Checks a schema-valid framework for what the schema cannot see. Errors make the framework
 * unusable (an id twice, a level that does not exist, a criterion with nothing to assess);
 * warnings are for the analyst to fix.
 */
export function lintFramework(fw: FrameworkInput): LintFinding[] {
  const findings: LintFinding[] = [];
  const levelIds = new Set(fw.levels.map((l) => l.id));
  const firstPathOfId = new Map<string, string>();

  fw.roles.forEach((role, r) => {
    findings.push(...lintHeadings(role, `roles[${r}]`));
    const headingIds = new Set((role.headings ?? []).map((h) => h.id));
    const firstPathOfText = new Map<string, string>();
    role.criteria.forEach((c, i) => {
      const path = `roles[${r}].criteria[${i}]`;
      const earlier = firstPathOfId.get(c.id);
      if (earlier) {
        findings.push({ severity: "error", code: "duplicate-criterion-id", path, message: `Criterion id ${c.id} is used again (first at ${earlier}).` });
      } else {
        firstPathOfId.set(c.id, path);
      }
      if (fw.levels.length > 0) {
        if (c.level === undefined) {
          findings.push({ severity: "error", code: "missing-level", path, message: `Criterion ${c.id} has no level; the framework's levels are ${[...levelIds].join(", ")}.` });
        } else if (!levelIds.has(c.level)) {
          findings.push({ severity: "error", code: "unknown-level", path, message: `Criterion ${c.id} is on level "${c.level}", which the framework does not have (levels: ${[...levelIds].join(", ")}).` });
        }
      }
      if (c.heading !== undefined && !headingIds.has(c.heading)) {
        findings.push({ severity: "error", code: "unknown-heading", path, message: `Criterion ${c.id} is under heading "${c.heading}", which role ${role.id} does not have.` });
      }
      if ((c.priority ?? fw.defaultPriority) === "unspecified") {
        findings.push({ severity: "warning", code: "unspecified-priority", path, message: `Criterion ${c.id} has no priority (essential or desirable); it counts as essential.` });
      }
      if (c.text.trim() === "") {
        findings.push({ severity: "error", code: "empty-text", path, message: `Criterion ${c.id} has no text: give it the statement from the source.` });
      } else {
        const key = `${c.level ?? ""}\u0000${normalise(c.text)}`;
        const twin = firstPathOfText.get(key);
        if (twin) {
          findings.push({ severity: "warning", code: "duplicate-text", path, message: `Criterion ${c.id} repeats the text of ${twin} in role ${role.id}${c.level ? `, level ${c.level}` : ""}.` });
        } else {
          firstPathOfText.set(key, path);
        }
      }
    });
    for (const level of fw.levels) {
      if (!role.criteria.some((c) => c.level === level.id)) {
        findings.push({ severity: "warning", code: "level-without-criteria", path: `roles[${r}]`, message: `Role ${role.id} has no criteria at level ${level.id} (${level.name}).` });
      }
    }
  });
  return findings;
}

/** A heading's id must be unique in its role, its parent must exist, and following parents must never come back to it. */
function lintHeadings(role: FrameworkInput["roles"][number], rolePath: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const headings = role.headings ?? [];
  const parentOf = new Map<string, string | undefined>();
  headings.forEach((h, i) => {
    const path = `${rolePath}.headings[${i}]`;
    if (parentOf.has(h.id)) {
      findings.push({ severity: "error", code: "duplicate-heading-id", path, message: `Heading id ${h.id} is used twice in role ${role.id}.` });
    } else {
      parentOf.set(h.id, h.parent);
    }
  });
  headings.forEach((h, i) => {
    const path = `${rolePath}.headings[${i}]`;
    if (h.parent !== undefined && !parentOf.has(h.parent)) {
      findings.push({ severity: "error", code: "unknown-heading", path, message: `Heading ${h.id} is under heading "${h.parent}", which role ${role.id} does not have.` });
      return;
    }
    const seen = new Set<string>([h.id]);
    for (let p = h.parent; p !== undefined; p = parentOf.get(p)) {
      if (p === h.id) {
        findings.push({ severity: "error", code: "heading-cycle", path, message: `Heading ${h.id} is its own ancestor (${[...seen, p].join(" > ")}); a hierarchy cannot loop.` });
        break;
      }
      // A loop further up is reported at the headings in it, not at every heading below it.
      if (seen.has(p)) break;
      seen.add(p);
    }
  });
  return findings;
}
