import type { FrameworkInput } from "../core/framework";
import { lintFramework } from "../core/lint";
import type { Framework } from "../core/model";
import { resolveFramework } from "../core/model";
import { libraryTechnician } from "./library-technician";
import { medway } from "./medway";
import { ontario } from "./ontario";
import { stockport } from "./stockport";

/** The built-in frameworks as transcribed, in the order they are listed to users. */
export const BUILT_IN_INPUTS: readonly FrameworkInput[] = [medway, stockport, libraryTechnician, ontario];

let cache: Framework[] | undefined;

/**
 * The built-in frameworks, resolved once. Their schema validation is a test (fidelity.test.ts),
 * not a start-up cost; lint errors, which would break lookups, still stop them here.
 */
export function builtInFrameworks(): Framework[] {
  if (!cache) {
    cache = BUILT_IN_INPUTS.map((input) => {
      const errors = lintFramework(input).filter((f) => f.severity === "error");
      if (errors.length > 0) {
        throw new Error(`Built-in framework ${input.id} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
      }
      return resolveFramework(input);
    });
  }
  return cache;
}

export function findFramework(id: string): Framework | undefined {
  const wanted = id.trim().toLowerCase();
  return builtInFrameworks().find((f) => f.id === wanted);
}
