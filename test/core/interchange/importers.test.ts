import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importCase } from "../../../src/core/interchange/case-import";
import { importFramework } from "../../../src/core/interchange/detect";
import { importFrameworkJson } from "../../../src/core/interchange/json";
import { importMoodleCsv } from "../../../src/core/interchange/moodle";
import type { ImportResult } from "../../../src/core/interchange/result";

const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/frameworks", name), "utf8");
const mustImport = (result: ImportResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result;
};
const problemsOf = (result: ImportResult) => (result.ok ? [] : result.problems);

describe("Moodle CSV import (moodle-quirks.csv: BOM, CRLF, foreign headers, HTML, null, a cut short name)", () => {
  const result = mustImport(importMoodleCsv(fixture("moodle-quirks.csv")));
  const fw = result.framework;
  const role = fw.roles[0];
  const byCode = (code: string) => role.criteria.find((c) => (c.code ?? c.id) === code)!;

  it("reads the framework row: id from its ID number, one role named after it, its description as the role's purpose", () => {
    expect([fw.id, fw.title, fw.source.identifier]).toEqual(["lib-fw", "Library staff competencies", "LIB-FW"]);
    expect(fw.roles.map((r) => [r.id, r.title])).toEqual([["lib-fw", "Library staff competencies"]]);
    expect(role.purpose).toBe("Competencies for library staff – all sites.");
    expect(fw.implicitLevel).toBe(true);
  });

  it("turns the scale values and configuration into scores 0..3, meets at the lowest proficient value, default from the configuration", () => {
    expect(fw.scale).toEqual({
      min: 0,
      max: 3,
      meets: 2,
      defaultValue: 0,
      labels: [
        { value: 0, label: "Not yet competent" },
        { value: 1, label: "Developing" },
        { value: 2, label: "Competent" },
        { value: 3, label: "Expert" },
      ],
    });
  });

  it("keeps competencies with children as headings and the rest as criteria, in file order, with ID numbers and exported ids", () => {
    expect(role.headings).toEqual([
      { id: "SRV", text: "Customer service", description: "Serving the public", sourceId: "2" },
      { id: "ICT", text: "Digital skills", sourceId: "5" },
    ]);
    expect(role.criteria.map((c) => [c.code ?? c.id, c.heading, c.category, c.sourceId])).toEqual([
      ["SRV.1", "SRV", "Customer service", "3"],
      ["SRV.2", "SRV", "Customer service", "4"],
      ["ICT 1", "ICT", "Digital skills", "6"],
      ["ICT.2", "ICT", "Digital skills", "7"],
    ]);
    expect(role.criteria.every((c) => c.priority === "essential")).toBe(true);
  });

  it("derives a column-safe id where the ID number is not one, and keeps the ID number as the code", () => {
    expect(byCode("ICT 1").id).toMatch(/^ICT-1-[0-9a-f]{5}$/);
    expect(byCode("SRV.1").id).toBe("SRV.1");
  });

  it("makes HTML descriptions plain text with line breaks, decoded entities and Unicode; leaves plain-text ones as written", () => {
    expect(byCode("SRV.1").description).toBe("Greets visitors in their language: bonjour, 你好, مرحبا & more…\n• at the desk\n• on the phone \u{1F4DE}");
    expect(byCode("ICT 1").description).toBe("Plain text\nacross two lines");
    expect(byCode("ICT.2").text).toBe('Uses the "new" catalogue');
  });

  it("reads cross-references, and the literal null as empty", () => {
    expect(byCode("SRV.1").related).toEqual(["SRV.2", "EXT-99"]);
    expect(byCode("ICT 1").related).toBeUndefined();
  });

  it("takes the whole statement from the description when Moodle cut the short name at 100 characters", () => {
    expect(byCode("SRV.2").text).toBe(
      "Explains the library's borrowing rules, fines, renewals and reservations to every customer clearly and politely, checking they understood.",
    );
  });

  it("warns once each: no priorities, competency rules left out, a cut short name; with their lines", () => {
    expect(result.warnings).toEqual([
      { location: "line 9, column 8 (Rule type)", message: expect.stringMatching(/rules.*left out/) },
      { location: "line 5, column 3 (Short name)", message: expect.stringMatching(/cut at 100 characters/) },
      { location: "line 2", message: expect.stringMatching(/no priorities.*essential/) },
    ]);
  });
});

describe("CASE import of a sloppy package (case-sloppy.json)", () => {
  const result = mustImport(importCase(fixture("case-sloppy.json")));
  const fw = result.framework;
  const role = fw.roles[0];

  it("reads the document, and makes one role named after the framework when the package has no roles", () => {
    expect([fw.id, fw.title, fw.publisher, fw.version, fw.source.identifier, fw.source.url]).toEqual([
      "library-skills-framework",
      "Library Skills Framework",
      "State Library",
      "2019.1",
      "doc-lib-2019",
      "https://example.org/skills",
    ]);
    expect(fw.roles.map((r) => [r.id, r.title])).toEqual([["library-skills-framework", "Library Skills Framework"]]);
  });

  it("takes hasSkillLevel destinations as levels in their sequence order, and an item with children as a heading", () => {
    expect(fw.levels).toEqual([
      { id: "1", name: "Beginner", sourceId: "lvl-1" },
      { id: "2", name: "Advanced", sourceId: "lvl-2" },
    ]);
    expect(role.headings).toEqual([{ id: "IL", text: "Information literacy", sourceId: "item-1" }]);
  });

  it("orders children by sequenceNumber (text or number), keeps identifiers and codes, and puts an item with no parent at the top", () => {
    expect(role.criteria.map((c) => [c.code ?? c.id, c.sourceId, c.heading, c.level, c.category])).toEqual([
      ["IL.2", "c5f1e2a0-1b2c-4d3e-8f40-5a6b7c8d9e0f", "IL", "2", "Information literacy"],
      ["IL.1", "item-2", "IL", "1", "Competency"],
      ["1.2.3 (a)", "item-4", undefined, "1", "Competency"],
    ]);
    expect(role.criteria[2].id).toMatch(/^a-[0-9a-f]{5}$/);
    expect(role.criteria[0].related).toEqual(["IL.1"]);
  });

  it("warns about each kind of sloppiness once, at its first place, and does not reject the package", () => {
    const byLocation = Object.fromEntries(result.warnings.map((w) => [w.location, w.message]));
    expect(byLocation["/CFPackageURI"]).toMatch(/CASE 1.0 property/);
    expect(byLocation["/CFDocument/lastChangeDateTime"]).toMatch(/without a time zone/);
    expect(byLocation["/CFItems/0/identifier"]).toMatch(/not UUIDs.*5 places/);
    expect(byLocation["/CFAssociations/0/sequenceNumber"]).toMatch(/as text/);
    expect(byLocation["/CFAssociations/3"]).toMatch(/outside the file/);
    expect(byLocation["/CFAssociations/7"]).toMatch(/exactMatchOf associations .* left out/);
    expect(result.warnings.filter((w) => /no priorities/.test(w.message))).toHaveLength(1);
  });
});

describe("bad sources give ok: false with every problem located", () => {
  it("Moodle: a duplicate ID number, a parent that does not exist, a cycle, empty text", () => {
    expect(problemsOf(importMoodleCsv(fixture("moodle-bad.csv")))).toEqual([
      { location: "line 4, column 2 (ID number)", message: expect.stringMatching(/ID number A is used again \(first on line 3\)/) },
      { location: "line 5, column 1 (Parent ID number)", message: expect.stringMatching(/NOPE is not a competency/) },
      { location: "line 6, column 1 (Parent ID number)", message: expect.stringMatching(/C is its own ancestor \(C > D > C\)/) },
      { location: "line 7, column 1 (Parent ID number)", message: expect.stringMatching(/D is its own ancestor/) },
      { location: "line 8, column 2 (ID number)", message: expect.stringMatching(/Criterion E has no text/) },
    ]);
  });

  it("Moodle: a scale without a proficient value (no meets)", () => {
    expect(problemsOf(importMoodleCsv(fixture("moodle-no-proficient.csv")))).toEqual([
      { location: "line 2, column 7 (Scale configuration)", message: expect.stringMatching(/no value as proficient/) },
    ]);
  });

  it("Moodle: an unclosed quote names its line and column", () => {
    expect(problemsOf(importMoodleCsv('a,b\n1,"open\n'))).toEqual([{ location: "line 2, column 3", message: expect.stringMatching(/never closed/) }]);
  });

  it("CASE: a duplicate identifier, a cycle, a rubric without meets, empty text", () => {
    expect(problemsOf(importCase(fixture("case-bad.json")))).toEqual([
      { location: "/CFItems/2/identifier", message: expect.stringMatching(/b is used by two CFItems \(first at \/CFItems\/1\)/) },
      { location: "/CFAssociations/0", message: expect.stringMatching(/a is its own ancestor/) },
      { location: "/CFAssociations/1", message: expect.stringMatching(/d is its own ancestor/) },
      { location: "/CFRubrics/0", message: expect.stringMatching(/which score meets/) },
      { location: "/CFItems/3", message: expect.stringMatching(/Criterion C has no text/) },
    ]);
  });

  const json = (edit: (fw: any) => void) => {
    const fw: any = {
      id: "tiny",
      title: "Tiny",
      publisher: "Us",
      source: { document: "Tiny" },
      levels: [{ id: "A", name: "One" }],
      defaultPriority: "essential",
      roles: [{ id: "r", title: "R", duties: [], headings: [{ id: "H", text: "Group" }], criteria: [{ id: "C1", level: "A", category: "K", text: "x", heading: "H" }, { id: "C2", level: "A", category: "K", text: "y" }] }],
    };
    edit(fw);
    return problemsOf(importFrameworkJson(JSON.stringify(fw, null, 2)));
  };

  it("our JSON: a duplicate id, an unknown level, empty text, a heading parent that does not exist, a heading cycle, a bad scale: JSON pointers", () => {
    expect(
      json((fw) => {
        fw.roles[0].criteria[1].id = "C1";
        fw.roles[0].criteria[0].level = "Z";
        fw.roles[0].criteria[1].text = " ";
        fw.roles[0].headings.push({ id: "X", parent: "NOPE", text: "Orphan" }, { id: "P", parent: "Q", text: "p" }, { id: "Q", parent: "P", text: "q" });
      }),
    ).toEqual([
      { location: "/roles/0/headings/1", message: expect.stringMatching(/"NOPE", which role r does not have/) },
      { location: "/roles/0/headings/2", message: expect.stringMatching(/own ancestor/) },
      { location: "/roles/0/headings/3", message: expect.stringMatching(/own ancestor/) },
      { location: "/roles/0/criteria/0", message: expect.stringMatching(/level "Z"/) },
      { location: "/roles/0/criteria/1", message: expect.stringMatching(/C1 is used again/) },
      { location: "/roles/0/criteria/1", message: expect.stringMatching(/no text/) },
    ]);
    expect(json((fw) => (fw.scale = { min: 0, max: 2, labels: [{ value: 0, label: "a" }, { value: 1, label: "b" }, { value: 2, label: "c" }] }))).toEqual([
      { location: "/scale/meets", message: expect.stringMatching(/^scale\.meets: /) },
    ]);
  });

  it("our JSON: a syntax error names its line and column", () => {
    expect(problemsOf(importFrameworkJson('{\n  "id": "x",\n  "title": \n}'))).toEqual([{ location: "line 4, column 1", message: expect.stringMatching(/not valid JSON/) }]);
  });

  it("a file that is none of the formats says so and names the formats", () => {
    for (const [text, name] of [
      ["just some notes\nnothing more", "notes.txt"],
      ['{"hello": "world"}', "hello.json"],
      ["a,b,c\n1,2,3", "three-columns.csv"],
    ]) {
      const result = importFramework(text, name);
      expect(problemsOf(result)).toEqual([{ location: name, message: expect.stringMatching(/none of the framework formats: expected a CASE 1.1 package .* framework JSON .* Moodle/) }]);
    }
  });
});

describe("format detection reads the content, not the file name", () => {
  it("tells CASE, our JSON and Moodle CSV apart whatever the extension", () => {
    expect(importFramework(fixture("case-sloppy.json"), "download.txt").format).toBe("case");
    expect(importFramework(fixture("moodle-quirks.csv"), "export.txt").format).toBe("moodle");
    expect(importFramework(fixture("moodle-quirks.csv"), "mislabelled.json").format).toBe("moodle");
    const ours = JSON.stringify({ id: "x", title: "X", publisher: "P", source: { document: "D" }, levels: [], defaultPriority: "essential", roles: [{ id: "r", title: "R", duties: [], criteria: [] }] });
    const detected = importFramework(ours, "framework.csv");
    expect([detected.format, detected.ok]).toEqual(["json", true]);
  });

  it("our JSON: properties it does not know are named in a warning, not silently dropped", () => {
    const result = importFrameworkJson(JSON.stringify({ $schema: "./framework.schema.json", id: "x", title: "X", publisher: "P", source: { document: "D" }, levels: [], defaultPriority: "essential", colour: "red", roles: [{ id: "r", title: "R", duties: [], criteria: [{ id: "C", category: "K", text: "t", weight: 3 }] }] }));
    expect(result.ok && result.warnings.map((w) => w.location)).toEqual(["/colour", "/roles/0/criteria/0/weight"]);
  });
});
