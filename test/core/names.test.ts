import fc from "fast-check";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { assessmentSheetName, MAX_SHEET_NAME, safeSheetName, uniqueSheetName } from "../../src/core/layout/names";
import { builtInFrameworks } from "../../src/frameworks";

/** What Excel refuses in a sheet name. */
function excelProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0 || name.length > MAX_SHEET_NAME) problems.push(`length ${name.length}`);
  if (/[\\/?*:[\]]/.test(name)) problems.push("forbidden character");
  if (/^'|'$/.test(name)) problems.push("apostrophe at an edge");
  if (name.toLowerCase() === "history") problems.push("reserved name History");
  if (name !== name.trim()) problems.push("edge space");
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)) problems.push("half a surrogate pair");
  return problems;
}

/** Every "(" closed by a later ")", and no ")" without one: nothing was cut inside a parenthesis. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

// Job titles as people write them: words from a job-title vocabulary, sometimes a qualifier in
// parentheses; and anything at all, for the rules Excel imposes.
const JOB_WORDS = ["Library", "Libraries", "Assistant", "Technician", "Senior", "Junior", "Manager", "Operations", "Officer", "Community", "Hub", "and", "of", "Customer", "Service", "Champion", "Relations", "Information", "Digital", "Learning", "Lead", "Head", "Deputy", "Principal", "Specialist", "Coordinator", "Children's", "Young", "People's", "Archives", "Heritage", "Outreach"];
const word = fc.constantFrom(...JOB_WORDS);
const qualifier = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `(${w.join(" ")})`);
const jobTitle = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.option(qualifier, { nil: undefined }))
  .map(([w, q]) => [...w, ...(q ? [q] : [])].join(" "));
const anyTitle = fc.oneof(jobTitle, fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }), fc.string({ minLength: 1, maxLength: 60 }));
const levelId = fc.oneof(fc.constantFrom("A", "B", "C", "recent", "experienced", "independent", "all", "L10"), fc.stringMatching(/^[a-z0-9-]{1,12}$/));
const anyLevel = fc.option(fc.oneof(levelId, fc.string({ maxLength: 40 })), { nil: undefined });

describe("assessmentSheetName", () => {
  it("keeps today's names where they fit", () => {
    expect(assessmentSheetName("Library Assistant", "B")).toBe("Assess Library Assistant (B)");
    expect(assessmentSheetName("Library Assistant", undefined)).toBe("Assess Library Assistant");
  });

  it("names the built-in frameworks' sheets so each says its role and level", () => {
    const names = builtInFrameworks().flatMap((framework) =>
      framework.roles.flatMap((role) => framework.levels.map((level) => planAssessmentSheet(framework, role, level, [{ name: "Ann" }], "T").name)),
    );
    expect(names).toEqual([
      "Library Assistant (Casual) (A)",
      "Library Assistant (Casual) (B)",
      "Library Assistant (Casual) (C)",
      "Assess Library Assistant (A)",
      "Assess Library Assistant (B)",
      "Assess Library Assistant (C)",
      "Library Operations Officer (A)",
      "Library Operations Officer (B)",
      "Library Operations Officer (C)",
      "Assess Library Manager (A)",
      "Assess Library Manager (B)",
      "Assess Library Manager (C)",
      "Lib. & Comm. Hub Ops Mgr (A)",
      "Lib. & Comm. Hub Ops Mgr (B)",
      "Lib. & Comm. Hub Ops Mgr (C)",
      "Assess Library Assistant",
      "Library Technician (recent)",
      "Lib. Technician (experienced)",
      "Lib. Technician (independent)",
      "Lib. Technician Senior (recent)",
      "Lib. Tech. Senior (experienced)",
      "Lib. Tech. Senior (independent)",
      "Assess Cust. Service Champion",
      "Assess Community Relations",
    ]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("is a name Excel accepts, whatever the role and level", () => {
    fc.assert(
      fc.property(anyTitle, anyLevel, (title, level) => {
        expect(excelProblems(assessmentSheetName(title, level))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps the level suffix whole and never cuts inside a parenthesis", () => {
    fc.assert(
      fc.property(jobTitle, levelId, (title, level) => {
        const name = assessmentSheetName(title, level);
        expect(name.endsWith(` (${level})`)).toBe(true);
        expect(balanced(name)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("tells apart the levels of one role, and a role from its variant with one more word", () => {
    fc.assert(
      fc.property(jobTitle, word, levelId, levelId, (title, extra, a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase());
        expect(assessmentSheetName(title, a).toLowerCase()).not.toBe(assessmentSheetName(title, b).toLowerCase());
        expect(assessmentSheetName(`${title} ${extra}`, a).toLowerCase()).not.toBe(assessmentSheetName(title, a).toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });
});

describe("uniqueSheetName", () => {
  it("gives the issue's cases names that keep their meaning", () => {
    const technician = assessmentSheetName("Library Technician", "independent");
    const senior = assessmentSheetName("Library Technician Senior", "independent");
    expect([technician, senior]).toEqual(["Lib. Technician (independent)", "Lib. Tech. Senior (independent)"]);
    expect(uniqueSheetName(senior, [technician])).toBe(senior);
    expect(uniqueSheetName("Library Assistant (Casual) (B)", ["Library Assistant (Casual) (B)"])).toBe("Lib. Assistant (Casual) (B) (2)");
    expect(uniqueSheetName("Assess Library Assistant (B)", ["Assess Library Assistant (B)"])).toBe("Library Assistant (B) (2)");
    expect(uniqueSheetName("Assess Library Manager (B)", ["Assess Library Manager (B)"])).toBe("Assess Library Manager (B) (2)");
    expect(uniqueSheetName(senior, [senior])).toBe("L. Tech. Sr. (independent) (2)");
    expect(uniqueSheetName("Assess Library Assistant", ["Assess Library Assistant"])).toBe("Assess Library Assistant (2)");
  });

  it("is valid, untaken, keeps the level and the uniqueness suffix whole, and cuts no parenthesis", () => {
    fc.assert(
      fc.property(jobTitle, levelId, fc.integer({ min: 1, max: 12 }), (title, level, copies) => {
        const taken: string[] = [];
        for (let i = 0; i < copies; i++) {
          const name = uniqueSheetName(assessmentSheetName(title, level), taken);
          expect(excelProblems(name)).toEqual([]);
          expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
          expect(balanced(name)).toBe(true);
          expect(name).toMatch(i === 0 ? new RegExp(`\\(${level}\\)$`) : new RegExp(`\\(${level}\\) \\(${i + 1}\\)$`));
          taken.push(name);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives every sheet of a workbook its own valid name, for any names wanted", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyTitle, anyLevel), { maxLength: 25 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 10 }), (wanted, existing) => {
        const taken = existing.map(safeSheetName);
        fc.pre(new Set(taken.map((t) => t.toLowerCase())).size === taken.length);
        for (const [title, level] of wanted) {
          const name = uniqueSheetName(assessmentSheetName(title, level), taken);
          expect(excelProblems(name)).toEqual([]);
          expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
          taken.push(name);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("safeSheetName shortens words from the left and keeps a trailing parenthesis whole", () => {
    expect(safeSheetName("Library and Community Hub Operations Manager")).toBe("Lib. & Comm. Hub Ops Manager");
    expect(safeSheetName("Library and Community Hub Operations Manager (Casual)")).toBe("L. & Comm. Hub Ops Mgr (Casual)");
    expect(safeSheetName("History")).toBe("Sheet History");
    expect(safeSheetName("'Q1: [draft]'")).toBe("Q1- -draft-");
  });
});
