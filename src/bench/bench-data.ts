import type { FrameworkInput } from "../core/framework";
import type { Person } from "../core/layout/assessment-sheet";
import type { Framework } from "../core/model";
import { buildFramework } from "../core/validate";

/** What the benchmarks share, and nothing heavy: a process that measures a check loads only what the check needs. */
const CRITERIA = 60;

/** One benchmark figure as a JSON line: name, value, unit, and for comparisons the baseline and the ratio. */
export function emit(line: Record<string, unknown>) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

export function benchFramework(): Framework {
  const levels = ["A", "B", "C"].map((id) => ({ id, name: `Level ${id}` }));
  const input: FrameworkInput = {
    id: "bench-sixty",
    title: "Benchmark framework",
    publisher: "bench",
    source: { document: "generated" },
    levels,
    defaultPriority: "essential",
    roles: [
      {
        id: "analyst",
        title: "Analyst",
        duties: [],
        criteria: Array.from({ length: CRITERIA }, (_, i) => ({
          id: `BN-${String(i + 1).padStart(2, "0")}`,
          level: levels[Math.floor((i * levels.length) / CRITERIA)].id,
          category: "Skills",
          text: `Benchmark criterion ${i + 1}`,
          priority: i % 10 === 9 ? ("desirable" as const) : ("essential" as const),
        })),
      },
    ],
  };
  const result = buildFramework(input);
  if (!result.ok) throw new Error("benchmark framework is invalid");
  return result.framework;
}

export function benchPeople(count: number): Person[] {
  const role = benchFramework().roles[0];
  return Array.from({ length: count }, (_, p) => ({
    name: `Person ${p + 1}`,
    scores: Object.fromEntries(role.criteria.map((c, i) => [c.id, (p * 7 + i * 3) % 23 === 0 ? null : 1 + ((p + i) % 4)])),
  }));
}
