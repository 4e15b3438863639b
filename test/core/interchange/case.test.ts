import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exportCase, exportCaseJson } from "../../../src/core/interchange/case-export";
import { importCase } from "../../../src/core/interchange/case-import";
import { importMoodleCsv } from "../../../src/core/interchange/moodle";
import type { Framework } from "../../../src/core/model";
import { builtInFrameworks } from "../../../src/frameworks";
import { frameworkArb, PROPERTY_RUNS } from "./arbitrary";
import { validateCase } from "./case-schema";
import { criteriaJson, frameworksJson } from "./cli-views";


const roundTrip = (framework: Framework) => {
  const result = importCase(exportCaseJson(framework));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result;
};

describe("CASE 1.1 export", () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))("%s validates against the official CFPackage schema", (_id, framework) => {
    const valid = validateCase(exportCase(framework));
    expect(validateCase.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the schema check can fail: a package without a required field or with a bad association type is rejected", () => {
    const pkg = exportCase(builtInFrameworks()[0]) as any;
    delete pkg.CFItems[0].fullStatement;
    pkg.CFAssociations[0].associationType = "isFriendOf";
    pkg.CFDocument.caseVersion = "1.0";
    pkg.CFItems[1].identifier = "not-a-uuid";
    pkg.CFItems[2].lastChangeDateTime = "2024-01-01T00:00:00";
    expect(validateCase(pkg)).toBe(false);
    const paths = (validateCase.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining(["/CFItems/0", "/CFAssociations/0/associationType", "/CFDocument/caseVersion", "/CFItems/1/identifier", "/CFItems/2/lastChangeDateTime"]),
    );
  });

  it("gives the same identifiers when the same framework is exported twice", () => {
    const framework = builtInFrameworks()[0];
    const ids = (pkg: any) => [pkg.CFDocument.identifier, ...pkg.CFItems.map((i: any) => i.identifier), ...pkg.CFAssociations.map((a: any) => a.identifier)];
    const first = ids(exportCase(framework, { lastChangeDateTime: "2025-01-01T00:00:00Z" }));
    const second = ids(exportCase(framework, { lastChangeDateTime: "2026-06-30T12:00:00Z" }));
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it("uses standard CASE fields for levels, roles, priorities and the scale", () => {
    const medway = builtInFrameworks().find((f) => f.id === "medway-libraries-2024")!;
    const pkg = exportCase(medway) as any;
    const types = pkg.CFDefinitions.CFItemTypes.map((t: any) => t.title);
    expect(types).toEqual(expect.arrayContaining(["Role", "Level", "Knowledge", "Skills"]));
    expect(pkg.CFItems.filter((i: any) => i.CFItemType === "Level").map((i: any) => [i.humanCodingScheme, i.fullStatement])).toEqual([
      ["A", "Developing"],
      ["B", "Practising"],
      ["C", "Accomplished"],
    ]);
    expect(pkg.CFAssociations.filter((a: any) => a.associationType === "hasSkillLevel")).toHaveLength(medway.roles.flatMap((r) => r.criteria).length);
    expect(pkg.CFDefinitions.CFAssociationGroupings.map((g: any) => g.title)).toEqual(["Essential"]);
    expect(pkg.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.map((l: any) => [l.score, l.quality])).toEqual(medway.scale.labels.map((l) => [l.value, l.label]));
  });
});

describe("CASE round trips", () => {
  it.each(builtInFrameworks().map((f) => [f.id, f] as const))("%s comes back the same: frameworks --json, criteria --json and the whole model", (_id, framework) => {
    const back = roundTrip(framework);
    expect(frameworksJson(back.framework)).toEqual(frameworksJson(framework));
    expect(criteriaJson(back.framework)).toEqual(criteriaJson(framework));
    expect(back.framework).toEqual(framework);
  });

  it(`any valid framework -> CASE -> framework is the same framework, and its export validates (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(frameworkArb, (framework) => {
        const pkg = exportCase(framework);
        expect(validateCase(pkg) ? [] : validateCase.errors).toEqual([]);
        expect(roundTrip(framework).framework).toEqual(framework);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe("CASE export of imported frameworks: one CFItem per source item, identities kept", () => {
  const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/frameworks", name), "utf8");

  it("a CASE source keeps each item's identifier where it is a UUID, and its own ids and codes come back on import", () => {
    const imported = importCase(fixture("case-sloppy.json"));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const pkg = exportCase(imported.framework) as any;
    expect(validateCase(pkg) ? [] : validateCase.errors).toEqual([]);
    const source = JSON.parse(fixture("case-sloppy.json"));
    expect(pkg.CFItems).toHaveLength(source.CFItems.length);
    const exported = pkg.CFItems.map((i: any) => i.identifier);
    expect(exported).toContain("c5f1e2a0-1b2c-4d3e-8f40-5a6b7c8d9e0f");
    const byCode = Object.fromEntries(pkg.CFItems.map((i: any) => [i.humanCodingScheme, i]));
    expect(byCode["IL.1"].extensions.hrCompetency.sourceId).toBe("item-2");
    expect(byCode["1.2.3 (a)"].extensions.hrCompetency).toEqual({ id: imported.framework.roles[0].criteria[2].id, sourceId: "item-4" });
    expect(roundTrip(imported.framework).framework).toEqual(imported.framework);
  });

  it("a Moodle source exports its competencies with humanCodingScheme = the Moodle ID number, and nothing else as items", () => {
    const imported = importMoodleCsv(fixture("moodle-quirks.csv"));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const pkg = exportCase(imported.framework) as any;
    expect(validateCase(pkg) ? [] : validateCase.errors).toEqual([]);
    expect(pkg.CFItems.map((i: any) => i.humanCodingScheme)).toEqual(["SRV", "SRV.1", "SRV.2", "ICT", "ICT 1", "ICT.2"]);
    expect(pkg.CFDocument.description).toBe("Competencies for library staff – all sites.");
    const related = pkg.CFAssociations.filter((a: any) => a.associationType === "isRelatedTo").map((a: any) => a.destinationNodeURI.title);
    expect(related).toEqual(["SRV.2", "EXT-99"]);
    expect(roundTrip(imported.framework).framework).toEqual(imported.framework);
  });
});

describe("CASE export of edited frameworks", () => {
  it("gives a copied row's repeated source UUID to one item only, so identifiers stay unique and the package valid", () => {
    const framework = structuredClone(builtInFrameworks()[1]);
    const shared = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    framework.roles[0].criteria[0].sourceId = shared;
    framework.roles[0].criteria[1].sourceId = shared;
    const pkg = exportCase(framework) as any;
    const identifiers = pkg.CFItems.map((i: any) => i.identifier);
    expect(new Set(identifiers).size).toBe(identifiers.length);
    expect(identifiers.filter((id: string) => id === shared)).toHaveLength(1);
    expect(validateCase(pkg)).toBe(true);
    expect(roundTrip(framework).framework).toEqual(framework);
  });

  it("warns once about association groupings that are not priorities", () => {
    const pkg = exportCase(builtInFrameworks()[0]) as any;
    pkg.CFDefinitions.CFAssociationGroupings[0].title = "Core";
    delete pkg.CFDocument.extensions;
    const result = importCase(JSON.stringify(pkg));
    expect(result.ok && result.warnings.filter((w) => /groupings other than/.test(w.message))).toEqual([
      { location: expect.stringMatching(/^\/CFAssociations\/\d+\/CFAssociationGroupingURI$/), message: expect.stringContaining('"Core"') },
    ]);
  });
});
