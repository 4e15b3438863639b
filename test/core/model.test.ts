import { buildFramework } from "../../src/core/validate";
import { DEFAULT_VERSION, headingPath } from "../../src/core/model";
import { lintFramework } from "../../src/core/lint";
import { FrameworkInputSchema } from "../../src/core/framework";
import { threeLevelInput } from "../helpers/fixtures";

describe("framework validation", () => {
  it("returns every problem with its path, not only the first", () => {
    const bad = structuredClone(threeLevelInput) as unknown as Record<string, any>;
    bad.id = "Not A Slug";
    bad.roles[0].criteria[1].id = "";
    bad.roles[0].criteria[4].category = " ";
    bad.scale = { min: 0, max: 4, meets: 9, labels: [] };
    const result = buildFramework(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["id", "roles[0].criteria[1].id", "roles[0].criteria[4].category", "scale.meets", "scale.labels"]));
    expect(result.problems.find((p) => p.path === "scale.meets")?.message).toMatch(/within 0..4/);
  });

  it("rejects a criterion on a level the framework does not have, and a duplicate id", () => {
    const bad = structuredClone(threeLevelInput);
    bad.roles[0].criteria[0].level = "Z";
    bad.roles[0].criteria[4].id = "A2";
    const result = buildFramework(bad);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "roles[0].criteria[0]", code: "unknown-level", message: expect.stringMatching(/level "Z".*levels: A, B, C/) },
        { path: "roles[0].criteria[4]", code: "duplicate-criterion-id", message: expect.stringMatching(/A2 is used again \(first at roles\[0\]\.criteria\[1\]\)/) },
      ],
    });
  });

  it("uses the Stockport scoring key when no scale is given", () => {
    const result = buildFramework(threeLevelInput);
    expect(result.ok && result.framework.scale).toMatchObject({ min: 0, max: 4, meets: 2 });
  });
});

describe("framework lint", () => {
  it("warns on duplicate text in one role and level and a level with no criteria; empty text is an error", () => {
    const input = FrameworkInputSchema.parse(structuredClone(threeLevelInput));
    input.roles[0].criteria[1].text = " knows  a ";
    input.roles[0].criteria[3].text = "";
    input.roles[0].criteria = input.roles[0].criteria.filter((c) => c.level !== "C");
    const codes = lintFramework(input).map((f) => [f.code, f.path, f.severity]);
    expect(codes).toEqual([
      ["duplicate-text", "roles[0].criteria[1]", "warning"],
      ["empty-text", "roles[0].criteria[3]", "error"],
      ["level-without-criteria", "roles[0]", "warning"],
    ]);
  });

  it("does not flag the same text on different levels", () => {
    const input = FrameworkInputSchema.parse(structuredClone(threeLevelInput));
    input.roles[0].criteria[3].text = input.roles[0].criteria[0].text;
    expect(lintFramework(input)).toEqual([]);
  });

  it("requires a level on every criterion when the framework has levels", () => {
    const input = FrameworkInputSchema.parse(structuredClone(threeLevelInput));
    delete input.roles[0].criteria[0].level;
    expect(lintFramework(input)).toEqual([expect.objectContaining({ code: "missing-level", severity: "error" })]);
  });
});

describe("headings and source identity", () => {
  const withHeadings = () => {
    const input = FrameworkInputSchema.parse(structuredClone(threeLevelInput));
    input.roles[0].headings = [
      { id: "H1", text: "Service", code: "1", sourceId: "src-1" },
      { id: "H1.1", parent: "H1", text: "Counter work" },
    ];
    input.roles[0].criteria[0].heading = "H1.1";
    input.roles[0].criteria[0].code = "1.1.a";
    return input;
  };

  it("keeps headings, codes and the version, and gives the heading path outermost first", () => {
    const result = buildFramework({ ...withHeadings(), version: "2.1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const role = result.framework.roles[0];
    expect(result.framework.version).toBe("2.1");
    expect(role.criteria[0]).toMatchObject({ heading: "H1.1", code: "1.1.a" });
    expect(headingPath(role, role.criteria[0].heading).map((h) => h.text)).toEqual(["Service", "Counter work"]);
    expect(headingPath(role, undefined)).toEqual([]);
  });

  it("gives a framework without a version the default one", () => {
    const result = buildFramework(threeLevelInput);
    expect(result.ok && result.framework.version).toBe(DEFAULT_VERSION);
  });

  it("rejects a heading twice, a parent or heading that does not exist, and a loop, each at its path", () => {
    const input = withHeadings();
    input.roles[0].headings!.push({ id: "H1", text: "Again" }, { id: "X", parent: "Y", text: "Orphan" }, { id: "P", parent: "Q", text: "p" }, { id: "Q", parent: "P", text: "q" });
    input.roles[0].criteria[1].heading = "NOPE";
    const findings = lintFramework(input).filter((f) => f.severity === "error").map((f) => [f.code, f.path]);
    expect(findings).toEqual([
      ["duplicate-heading-id", "roles[0].headings[2]"],
      ["unknown-heading", "roles[0].headings[3]"],
      ["heading-cycle", "roles[0].headings[4]"],
      ["heading-cycle", "roles[0].headings[5]"],
      ["unknown-heading", "roles[0].criteria[1]"],
    ]);
  });
});
