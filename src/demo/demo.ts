import { promises as fs } from "node:fs";
import path from "node:path";
import type { Person } from "../core/layout/assessment-sheet";
import { assessedCriteria, planAssessmentSheet } from "../core/layout/assessment-sheet";
import { planCriteriaSheet } from "../core/layout/criteria-sheet";
import { planReportSheet } from "../core/layout/report-sheet";
import type { Framework, Role } from "../core/model";
import type { Scalar } from "../core/layout/plan";
import { findRole } from "../core/lookup";
import { findFramework } from "../frameworks";
import { checkFile } from "../xlsx/check-file";
import { createWorkbookFile, writeReportCopy } from "../xlsx/workbook";
import { main } from "../cli/main";

function mustFind(frameworkId: string, roleId: string): { framework: Framework; role: Role } {
  const framework = findFramework(frameworkId);
  const role = framework && findRole(framework, roleId);
  if (!framework || !role) throw new Error(`demo data refers to ${frameworkId}/${roleId}, which is not built in`);
  return { framework, role };
}

/**
 * A fictional person: a base score for every criterion, then exceptions by criterion id
 * (a failed essential, a blank, an invalid entry).
 */
function person(name: string, criteria: { id: string }[], base: (i: number) => Scalar, exceptions: Record<string, Scalar> = {}): Person {
  return { name, scores: Object.fromEntries(criteria.map((c, i) => [c.id, c.id in exceptions ? exceptions[c.id] : base(i)])) };
}

/** Writes the demo workbook and its report, checks it, and returns the paths. */
export async function writeDemo(outDir: string): Promise<{ workbook: string; report: string }> {
  await fs.mkdir(outDir, { recursive: true });
  const medway = mustFind("medway-libraries-2024", "library-assistant");
  const stockport = mustFind("stockport-library-assistant", "library-assistant");
  const targetC = medway.framework.levels[2];
  const m = assessedCriteria(medway.framework, medway.role, targetC);
  const firstAt = (level: string) => m.find((c) => c.level === level)!.id;
  const [a1, b1, c1] = ["A", "B", "C"].map(firstAt);
  const b2 = m.filter((c) => c.level === "B")[1].id;

  const medwayPeople: Person[] = [
    person("Amara Okafor", m, (i) => 3 + (i % 2)),
    person("Farid Haddad", m, () => 2),
    person("Ben Hughes", m, () => 3, { [c1]: 1 }),
    person("Chloe Martin", m, () => 3, { [b1]: 0 }),
    person("Dev Patel", m, (i) => (i < 20 ? 3 : null)),
    person("Ewa Nowak", m, () => 3, { [b2]: "three", [c1]: 2.5 }),
    person("Grace O'Neill", m, () => 2, { [a1]: 1 }),
  ];
  const s = stockport.role.criteria;
  const stockportPeople: Person[] = [
    person("Hana Ito", s, () => 3, { "SLA-01": 4, "SLA-18": 4 }),
    person("Isaac Brown", s, () => 2, { "SLA-01": 1, "SLA-18": 2 }),
    person("Jo Evans", s, () => 3, { "SLA-07": 1, "SLA-01": 0, "SLA-18": 0 }),
  ];

  const file = path.join(outDir, "competency-demo.xlsx");
  const report = path.join(outDir, "competency-demo-report.xlsx");
  // The demo's own two files are made afresh on each run.
  await Promise.all([file, report].map((f) => fs.rm(f, { force: true })));
  await createWorkbookFile(file, [
    planCriteriaSheet(medway.framework, medway.role, "Criteria_medway_la"),
    planCriteriaSheet(stockport.framework, stockport.role, "Criteria_stockport_la"),
    planAssessmentSheet(medway.framework, medway.role, targetC, medwayPeople, "Assess_medway_la_C"),
    planAssessmentSheet(stockport.framework, stockport.role, stockport.framework.levels[0], stockportPeople, "Assess_stockport_la"),
  ]);

  const result = await checkFile(file);
  await writeReportCopy(file, report, planReportSheet(result, "demo"));
  return { workbook: file, report };
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? "demo");
  writeDemo(outDir)
    .then(async ({ workbook, report }) => {
      process.stdout.write(`Wrote ${path.relative(process.cwd(), workbook)} (criteria sheets for a Medway role and the Stockport specification, two assessment sheets).\n`);
      process.stdout.write(`Wrote ${path.relative(process.cwd(), report)} (the same with a Check results sheet).\n\n`);
      process.stdout.write(`$ hr-competency check ${path.relative(process.cwd(), workbook)}\n`);
      const code = await main(["check", workbook]);
      process.stdout.write(`\n(check exit status ${code}: 1 means someone does not meet an essential criterion, or a score needs fixing.)\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
