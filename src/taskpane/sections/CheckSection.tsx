import { Badge, Button, Text } from "@fluentui/react-components";
import type { CheckResult, Problem } from "../../core/check";
import { summaryLine } from "../../core/layout/report-sheet";
import type { Framework } from "../../core/model";
import { loadTools } from "../loadTools";
import { Section } from "../Section";
import { usePaneStyles } from "../styles";
import type { Act } from "../useAction";

interface CheckProps {
  frameworks: Framework[];
  act: Act;
  disabled: boolean;
  now: () => Date;
  onChecked: (result: CheckResult) => void;
}

/** Check the workbook's assessment sheets; write the report sheet. */
export function CheckSection({ frameworks, act, disabled, now, onChecked }: CheckProps) {
  const styles = usePaneStyles();
  const check = () =>
    act("Checking the assessment sheets…", "check the workbook", async (r) => {
      const checked = await (await loadTools()).checkOpenWorkbook(r, frameworks);
      onChecked(checked);
      if (checked.assessmentSheets.length === 0) {
        return { intent: "warning", title: "No assessment sheet found", text: "Create one with Create assessment sheet, then check again." };
      }
      const errors = checked.problems.some((p) => p.severity === "error");
      return { intent: errors ? "warning" : "success", title: "Check complete", text: summaryLine(checked) };
    });

  const report = () =>
    act("Writing the report sheet…", "write the report sheet", async (r) => {
      const { checkOpenWorkbook, writeReportSheet } = await loadTools();
      const checked = await checkOpenWorkbook(r, frameworks);
      onChecked(checked);
      const sheet = await writeReportSheet(r, checked, now().toISOString().slice(0, 16).replace("T", " "));
      return { intent: "success", title: "Report written", text: `"${sheet}" has a row per person and per problem, each linked to its cell.` };
    });

  return (
    <Section id="check-heading" title="Check">
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={check}>
          Check assessment sheets
        </Button>
        <Button disabled={disabled} onClick={report}>
          Write report sheet
        </Button>
      </div>
    </Section>
  );
}

/** Each person's verdict, and each problem as a button that selects its cell. */
export function ResultSections({ result, act, disabled }: { result: CheckResult; act: Act; disabled: boolean }) {
  const styles = usePaneStyles();
  const passed = result.people.filter((p) => p.essentialsMet).length;
  const show = (problem: Problem) =>
    act(`Selecting ${problem.sheet}!${problem.cell}…`, `select ${problem.sheet}!${problem.cell}`, async (r) => {
      await (await loadTools()).selectCell(r, problem.sheet, problem.cell);
    });
  return (
    <>
      {result.people.length > 0 && (
        <Section id="people-heading" title={`People: ${passed} of ${result.people.length} meet every essential criterion`}>
          <ul className={styles.list}>
            {result.people.map((p) => (
              <li key={`${p.sheet}!${p.cell}`} className={styles.person}>
                <Badge appearance="filled" color={p.essentialsMet ? "success" : "danger"}>
                  {p.essentialsMet ? "Pass" : "Fail"}
                </Badge>
                <Text>
                  {p.employee}: attained {p.attainedLevel ?? "none"}, gap {p.levelGap}
                  {p.unmetEssential.length > 0 && `, unmet ${p.unmetEssential.join(", ")}`}
                  {p.missing.length > 0 && `, ${p.missing.length} missing`}
                </Text>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {result.problems.length > 0 && (
        <Section id="problems-heading" title={`Problems (${result.problems.length})`}>
          <Text className={styles.muted} size={200}>
            Choose a problem to select its cell.
          </Text>
          <ul className={styles.list}>
            {result.problems.map((p, i) => (
              <li key={i}>
                <Button className={styles.problem} appearance="subtle" disabled={disabled} onClick={() => show(p)}>
                  {`${p.severity === "error" ? "Error" : "Warning"} ${p.sheet}!${p.cell}: ${p.message}`}
                </Button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
