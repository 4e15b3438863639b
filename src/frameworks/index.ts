import type { FrameworkInput } from "../core/framework";
import type { Framework } from "../core/model";
import { buildFramework } from "../core/model";
import { libraryTechnician } from "./library-technician";
import { medway } from "./medway";
import { ontario } from "./ontario";
import { stockport } from "./stockport";

/** The built-in frameworks as transcribed, in the order they are listed to users. */
export const BUILT_IN_INPUTS: readonly FrameworkInput[] = [medway, stockport, libraryTechnician, ontario];

let cache: Framework[] | undefined;

/** The built-in frameworks, validated once. A transcription error is a bug, so it throws. */
export function builtInFrameworks(): Framework[] {
  if (!cache) {
    cache = BUILT_IN_INPUTS.map((input) => {
      const result = buildFramework(input);
      if (!result.ok) {
        const details = result.problems.map((p) => `${p.path}: ${p.message}`).join("; ");
        throw new Error(`Built-in framework ${input.id} is invalid: ${details}`);
      }
      return result.framework;
    });
  }
  return cache;
}

export function findFramework(id: string): Framework | undefined {
  const wanted = id.trim().toLowerCase();
  return builtInFrameworks().find((f) => f.id === wanted);
}
