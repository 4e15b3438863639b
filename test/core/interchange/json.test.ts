import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exportFrameworkJson, FRAMEWORK_SCHEMA_FILE, frameworkJsonSchema, importFrameworkJson } from "../../../src/core/interchange/json";
import { jsonErrorOffset } from "../../../src/core/interchange/json-position";
import { builtInFrameworks } from "../../../src/frameworks";
import { frameworkArb, PROPERTY_RUNS } from "./arbitrary";
import { criteriaJson, frameworksJson } from "./cli-views";

const published = JSON.parse(readFileSync(join(__dirname, "../../..", FRAMEWORK_SCHEMA_FILE), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
// The one format the schema uses; ajv-formats is not a direct dependency of the project.
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\S*$/i);
const validateOurs = ajv.compile(published);

describe("our framework JSON", () => {
  it(`${FRAMEWORK_SCHEMA_FILE} is what the zod schema gives now (run npm run schema:framework when this fails)`, () => {
    expect(published).toEqual(frameworkJsonSchema());
  });

  it.each(builtInFrameworks().map((f) => [f.id, f] as const))("%s: export validates against the published schema and comes back the same", (_id, framework) => {
    const text = exportFrameworkJson(framework);
    expect(validateOurs(JSON.parse(text)) ? [] : validateOurs.errors).toEqual([]);
    const back = importFrameworkJson(text);
    expect(back.ok && frameworksJson(back.framework)).toEqual(frameworksJson(framework));
    expect(back.ok && criteriaJson(back.framework)).toEqual(criteriaJson(framework));
    expect(back.ok && back.framework).toEqual(framework);
  });

  it("the published schema rejects what the importer rejects: a criterion id that is not column-safe", () => {
    const json = JSON.parse(exportFrameworkJson(builtInFrameworks()[0]));
    json.roles[0].criteria[0].id = "1 bad id";
    expect(validateOurs(json)).toBe(false);
    expect(importFrameworkJson(JSON.stringify(json)).ok).toBe(false);
  });

  it(`any valid framework -> JSON -> framework is the same framework (${PROPERTY_RUNS} runs)`, () => {
    fc.assert(
      fc.property(frameworkArb, (framework) => {
        const text = exportFrameworkJson(framework);
        expect(validateOurs(JSON.parse(text)) ? [] : validateOurs.errors).toEqual([]);
        const back = importFrameworkJson(text);
        expect(back.ok ? back.framework : back.problems).toEqual(framework);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe("where JSON breaks", () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"a": "unterminated', 19],
    ["[1, 2", 5],
    ['{"a": tru}', 9],
    ["[1] 2", 4],
  ])("%s fails at offset %i", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
