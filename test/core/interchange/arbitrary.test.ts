import fc from "fast-check";
import { frameworkArb } from "./arbitrary";

/** The round-trip properties are only as strong as what the generator makes: check it makes the hard cases. */
describe("the framework generator", () => {
  const sample = fc.sample(frameworkArb, { numRuns: 300, seed: 42 });
  const share = (pred: (f: (typeof sample)[number]) => boolean) => sample.filter(pred).length / sample.length;

  it("makes frameworks with and without levels, several roles, nested headings, codes, source ids and cross-references", () => {
    const criteria = (f: (typeof sample)[number]) => f.roles.flatMap((r) => r.criteria);
    expect(share((f) => f.implicitLevel)).toBeGreaterThan(0.1);
    expect(share((f) => !f.implicitLevel)).toBeGreaterThan(0.1);
    expect(share((f) => f.roles.length > 1)).toBeGreaterThan(0.1);
    expect(share((f) => f.roles.some((r) => r.headings.some((h) => h.parent !== undefined)))).toBeGreaterThan(0.1);
    expect(share((f) => criteria(f).some((c) => c.code !== undefined))).toBeGreaterThan(0.1);
    expect(share((f) => criteria(f).some((c) => c.sourceId !== undefined && !/^[0-9a-f-]{36}$/.test(c.sourceId)))).toBeGreaterThan(0.1);
    expect(share((f) => criteria(f).some((c) => (c.related ?? []).length > 0))).toBeGreaterThan(0.1);
    expect(share((f) => criteria(f).some((c) => /^[=+\-@]/.test(c.text)))).toBeGreaterThan(0.1);
    expect(share((f) => f.scale.defaultValue !== undefined)).toBeGreaterThan(0.05);
    expect(share((f) => f.roles.length === 1 && f.roles[0].id === f.id && f.roles[0].title === f.title)).toBeGreaterThan(0.05);
  });
});
