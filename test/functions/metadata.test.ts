import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const built = path.resolve(__dirname, "../../dist/functions.json");

describe("the built functions.json", () => {
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first (npm test does).`);
  const metadata = JSON.parse(readFileSync(built, "utf8"));
  const byId = Object.fromEntries(metadata.functions.map((f: { id: string }) => [f.id, f]));

  it("has the seven functions, each with a description and described, named parameters", () => {
    expect(Object.keys(byId).sort()).toEqual(["COVERAGE", "CRITERIA", "ESSENTIALSMET", "LEVEL", "LEVELGAP", "READINESS", "UNMET"]);
    for (const f of metadata.functions) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[a-z_]+$/);
        expect(p.description.length).toBeGreaterThan(5);
      }
    }
  });

  it("takes the arguments of the contract, optional ones marked, scores as a range", () => {
    const params = (id: string) => byId[id].parameters.map((p: { name: string; optional?: boolean }) => (p.optional ? `[${p.name}]` : p.name));
    expect(params("LEVELGAP")).toEqual(["employee", "role", "[target_level]", "[scores]"]);
    expect(params("LEVEL")).toEqual(["employee", "role", "[scores]"]);
    for (const id of ["ESSENTIALSMET", "UNMET", "READINESS"]) expect(params(id)).toEqual(["employee", "role", "[level]", "[scores]"]);
    expect(params("CRITERIA")).toEqual(["role", "[level]", "[category]"]);
    expect(params("COVERAGE")).toEqual(["role", "[criterion]", "[level]"]);
    expect(byId.LEVELGAP.parameters[3].dimensionality).toBe("matrix");
  });

  it("streams the employee functions and spills UNMET and CRITERIA", () => {
    // CRITERIA streams too: it follows edits to the workbook's framework sheets.
    for (const id of ["LEVELGAP", "LEVEL", "ESSENTIALSMET", "UNMET", "READINESS", "COVERAGE", "CRITERIA"]) expect(byId[id].options).toEqual({ stream: true });
    expect([byId.UNMET.result.dimensionality, byId.CRITERIA.result.dimensionality]).toEqual(["matrix", "matrix"]);
    expect([byId.LEVELGAP.result.type, byId.LEVEL.result.type, byId.ESSENTIALSMET.result.type, byId.READINESS.result.type, byId.COVERAGE.result.type]).toEqual(["number", "string", "boolean", "number", "number"]);
  });

  it("and functions.js registers each of them", () => {
    const script = readFileSync(path.resolve(__dirname, "../../dist/functions.js"), "utf8");
    for (const id of Object.keys(byId)) expect(script).toContain(`"${id}"`);
    expect(script).toMatch(/CustomFunctions\.associate/);
  });
});
