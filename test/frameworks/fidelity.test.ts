import { buildFramework } from "../../src/core/validate";
import { BUILT_IN_INPUTS, builtInFrameworks, findFramework } from "../../src/frameworks";

const get = (id: string) => {
  const fw = findFramework(id);
  if (!fw) throw new Error(`missing framework ${id}`);
  return fw;
};
const count = <T>(items: T[], pred: (t: T) => boolean) => items.filter(pred).length;

describe("built-in frameworks", () => {
  it.each(BUILT_IN_INPUTS.map((f) => [f.id, f] as const))("%s validates with no error", (_id, input) => {
    const result = buildFramework(input);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("the registry resolves them exactly as validation does", () => {
    BUILT_IN_INPUTS.forEach((input, i) => {
      const result = buildFramework(input);
      expect(result.ok && result.framework).toEqual(builtInFrameworks()[i]);
    });
  });

  it("lint reports Stockport's criterion 2 and nothing else", () => {
    const findings = BUILT_IN_INPUTS.flatMap((input) => {
      const result = buildFramework(input);
      return result.ok ? result.findings.map((f) => ({ framework: input.id, code: f.code, message: f.message })) : [];
    });
    expect(findings).toEqual([
      { framework: "stockport-library-assistant", code: "unspecified-priority", message: expect.stringContaining("SLA-02") },
    ]);
  });

  it("every framework has source metadata and every role a duty or a purpose", () => {
    for (const fw of builtInFrameworks()) {
      expect(fw.publisher).not.toBe("");
      expect(fw.source.document).not.toBe("");
      if (fw.source.date !== undefined) expect(fw.source.date).toMatch(/^\d{4}/);
      for (const role of fw.roles) expect(role.duties.length + (role.purpose ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it("criterion ids are unique across all built-in frameworks and fit a column header", () => {
    const ids = builtInFrameworks().flatMap((f) => f.roles.flatMap((r) => r.criteria.map((c) => c.id)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);
  });

  it("no criterion text starts or ends with white space or carries a bullet glyph", () => {
    for (const fw of builtInFrameworks()) {
      for (const c of fw.roles.flatMap((r) => r.criteria)) {
        expect(c.text).toBe(c.text.trim());
        expect(c.text).not.toMatch(/^[·•\-*]/);
        expect(c.text).not.toMatch(/ {2}/);
      }
    }
  });
});

describe("Stockport", () => {
  const fw = get("stockport-library-assistant");
  const criteria = fw.roles[0].criteria;
  it("has the 24 person-specification criteria in order: 21 essential, 2 desirable (1 and 18), 2 unspecified", () => {
    expect(fw.roles).toHaveLength(1);
    expect(fw.roles[0]).toMatchObject({ title: "Library Assistant", grade: "Grade 4" });
    expect(criteria.map((c) => c.id)).toEqual(Array.from({ length: 24 }, (_, i) => `SLA-${String(i + 1).padStart(2, "0")}`));
    expect(count(criteria, (c) => c.priority === "essential")).toBe(21);
    expect(criteria.filter((c) => c.priority === "desirable").map((c) => c.id)).toEqual(["SLA-01", "SLA-18"]);
    expect(criteria.filter((c) => c.priority === "unspecified").map((c) => c.id)).toEqual(["SLA-02"]);
  });
  it("is scored 0-4 with the scoring key, meets at 2, and has no levels", () => {
    expect(fw.scale).toMatchObject({ min: 0, max: 4, meets: 2 });
    expect(fw.scale.labels.map((l) => l.label.toLowerCase())).toEqual([
      expect.stringContaining("not met"),
      expect.stringContaining("partially meets"),
      expect.stringContaining("meets"),
      expect.stringContaining("exceeds"),
      expect.stringContaining("exceptional"),
    ]);
    expect(fw.implicitLevel).toBe(true);
  });
});

describe("Ontario", () => {
  const fw = get("ontario-library-competencies");
  it("has two profiles with 4 and 6 competencies and 18 and 35 criteria, all essential", () => {
    expect(fw.roles.map((r) => r.title)).toEqual(["Customer Service Champion", "Community Relations"]);
    expect(fw.roles.map((r) => new Set(r.criteria.map((c) => c.category)).size)).toEqual([4, 6]);
    expect(fw.roles.map((r) => r.criteria.length)).toEqual([18, 35]);
    expect(fw.roles.flatMap((r) => r.criteria).every((c) => c.priority === "essential")).toBe(true);
    expect(fw.implicitLevel).toBe(true);
  });
});

describe("Medway", () => {
  const fw = get("medway-libraries-2024");
  it("has 5 roles with Range 3, 3, 3, 5, 6, each with levels A, B and C", () => {
    expect(fw.roles).toHaveLength(5);
    expect(fw.roles.map((r) => r.grade)).toEqual(["Range 3", "Range 3", "Range 3", "Range 5", "Range 6"]);
    expect(fw.levels.map((l) => l.id)).toEqual(["A", "B", "C"]);
    for (const role of fw.roles) {
      expect(new Set(role.criteria.map((c) => c.level))).toEqual(new Set(["A", "B", "C"]));
    }
  });
  it("level A of each role has criteria in all four categories, all essential", () => {
    for (const role of fw.roles) {
      const categories = new Set(role.criteria.filter((c) => c.level === "A").map((c) => c.category));
      expect([role.id, categories]).toEqual([role.id, new Set(["Qualifications", "Knowledge", "Experience", "Skills"])]);
    }
    expect(fw.roles.flatMap((r) => r.criteria).every((c) => c.priority === "essential")).toBe(true);
  });
});

describe("Library Technician", () => {
  const fw = get("library-technician");
  it("has 2 roles and 3 contributor levels", () => {
    expect(fw.roles.map((r) => r.title)).toEqual(["Library Technician", "Library Technician Senior"]);
    expect(fw.levels.map((l) => l.name)).toEqual(["Recent Contributor", "Experienced Contributor", "Independent Contributor"]);
    for (const role of fw.roles) expect(new Set(role.criteria.map((c) => c.level)).size).toBe(3);
  });
  it("keeps the one-year and three-year experience minimums apart", () => {
    const [tech, senior] = fw.roles;
    expect(tech.criteria.some((c) => /^One year of experience in library work or administrative support work\.?$/.test(c.text))).toBe(true);
    expect(senior.criteria.some((c) => /^Three years of experience in library work or administrative support work\.?$/.test(c.text))).toBe(true);
  });
});
