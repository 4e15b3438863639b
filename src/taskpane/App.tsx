import {
  Badge,
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ReactNode } from "react";
import type { CheckResult, Problem } from "../core/check";
import { levelLabel, repeatedName } from "../core/lookup";
import type { Framework } from "../core/model";
import { summaryLine } from "../core/layout/report-sheet";
import type { ExcelRunner } from "../excel/workbook";
import { checkOpenWorkbook, createAssessmentSheet, insertCriteriaSheet, namesFromSelection, selectCell, writeReportSheet } from "../excel/workbook";
import { friendlyError } from "./errors";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  person: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  problem: { justifyContent: "flex-start", textAlign: "left", height: "auto", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  duties: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // A Field is a CSS grid: without min-width 0 a Select grows to its longest option and the pane scrolls sideways.
  full: { width: "100%", minWidth: 0 },
});

export interface AppProps {
  frameworks: Framework[];
  /** Runs batches against the workbook; undefined when the page is not inside Excel. */
  run?: ExcelRunner;
  now?: () => Date;
}

/** A titled part of the pane; the heading names the region for screen readers. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h2" id={id} size={400} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
}

type Status = { intent: "success" | "error" | "warning"; title: string; text: string };

export function parseNames(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
}

export function App({ frameworks, run, now = () => new Date() }: AppProps) {
  const styles = useStyles();
  const [frameworkId, setFrameworkId] = useState(frameworks[0].id);
  const framework = frameworks.find((f) => f.id === frameworkId) ?? frameworks[0];
  const [roleId, setRoleId] = useState(framework.roles[0].id);
  const role = framework.roles.find((r) => r.id === roleId) ?? framework.roles[0];
  const [levelId, setLevelId] = useState(framework.levels[framework.levels.length - 1].id);
  const level = framework.levels.find((l) => l.id === levelId) ?? framework.levels[framework.levels.length - 1];
  const [namesText, setNamesText] = useState("");
  const [busy, setBusy] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [result, setResult] = useState<CheckResult | undefined>();
  const names = useMemo(() => parseNames(namesText), [namesText]);

  function chooseFramework(id: string) {
    const next = frameworks.find((f) => f.id === id) ?? frameworks[0];
    setFrameworkId(next.id);
    setRoleId(next.roles[0].id);
    setLevelId(next.levels[next.levels.length - 1].id);
  }

  async function act(label: string, action: string, work: (run: ExcelRunner) => Promise<Status | void>) {
    if (!run) return;
    setBusy(label);
    setStatus(undefined);
    try {
      const done = await work(run);
      if (done) setStatus(done);
    } catch (error) {
      setStatus({ intent: "error", title: "Something went wrong", text: friendlyError(action, error) });
    } finally {
      setBusy(undefined);
    }
  }

  const insert = () =>
    act("Inserting the criteria sheet…", "insert the criteria sheet", async (r) => {
      const sheet = await insertCriteriaSheet(r, framework, role);
      return { intent: "success", title: "Criteria sheet added", text: `"${sheet}" lists the ${role.criteria.length} criteria of ${role.title}.` };
    });

  const useSelection = () =>
    act("Reading the selected cells…", "read the selected cells", async (r) => {
      const picked = await namesFromSelection(r);
      if (picked.length === 0) return { intent: "warning", title: "No names selected", text: "Select the cells with people's names in the sheet, then choose Use selected cells again." };
      setNamesText(picked.join("\n"));
      return { intent: "success", title: "Names taken from the selection", text: `${picked.length} name(s) ready. Check them, then create the assessment sheet.` };
    });

  const create = () => {
    if (names.length === 0) {
      setStatus({ intent: "warning", title: "No people yet", text: "Type or paste names (one per line), or select them in the sheet and choose Use selected cells." });
      return;
    }
    const repeated = repeatedName(names);
    if (repeated) {
      setStatus({ intent: "warning", title: "A name is there twice", text: `"${repeated.name}" appears twice. Each person needs one row: remove or rename one.` });
      return;
    }
    return act("Creating the assessment sheet…", "create the assessment sheet", async (r) => {
      const sheet = await createAssessmentSheet(r, framework, role, level, names);
      return { intent: "success", title: "Assessment sheet added", text: `"${sheet}" has a row for each of ${names.length} people. Managers score each criterion from the dropdown.` };
    });
  };

  const check = () =>
    act("Checking the assessment sheets…", "check the workbook", async (r) => {
      const checked = await checkOpenWorkbook(r, frameworks);
      setResult(checked);
      if (checked.assessmentSheets.length === 0) {
        return { intent: "warning", title: "No assessment sheet found", text: "Create one with Create assessment sheet, then check again." };
      }
      const errors = checked.problems.some((p) => p.severity === "error");
      return { intent: errors ? "warning" : "success", title: "Check complete", text: summaryLine(checked) };
    });

  const report = () =>
    act("Writing the report sheet…", "write the report sheet", async (r) => {
      const checked = await checkOpenWorkbook(r, frameworks);
      setResult(checked);
      const sheet = await writeReportSheet(r, checked, now().toISOString().slice(0, 16).replace("T", " "));
      return { intent: "success", title: "Report written", text: `"${sheet}" has a row per person and per problem, each linked to its cell.` };
    });

  const show = (problem: Problem) =>
    act(`Selecting ${problem.sheet}!${problem.cell}…`, `select ${problem.sheet}!${problem.cell}`, async (r) => {
      await selectCell(r, problem.sheet, problem.cell);
    });

  const disabled = !run || busy !== undefined;
  const passed = result ? result.people.filter((p) => p.essentialsMet).length : 0;

  return (
    <main className={styles.root} aria-busy={busy !== undefined}>
      <Text as="h1" size={500} weight="semibold">
        HR Competency
      </Text>
      {!run && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Open this in Excel</MessageBarTitle>
            The workbook is not available here. Open the add-in from Excel (Home tab, Competency) to use it.
          </MessageBarBody>
        </MessageBar>
      )}

      <Section id="choose-heading" title="What to assess">
        <Field label="Framework">
          <Select className={styles.full} value={framework.id} onChange={(_, d) => chooseFramework(d.value)}>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {`${f.title} (${f.publisher})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Role" hint={role.grade ? `${role.grade} · ${role.criteria.length} criteria` : `${role.criteria.length} criteria`}>
          <Select className={styles.full} value={role.id} onChange={(_, d) => setRoleId(d.value)}>
            {framework.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.grade ? `${r.title}, ${r.grade}` : r.title}
              </option>
            ))}
          </Select>
        </Field>
        {(role.purpose || role.duties.length > 0) && (
          <details>
            <summary>Purpose and duties ({role.duties.length})</summary>
            {role.purpose && <p>{role.purpose}</p>}
            <ul className={styles.duties}>
              {role.duties.map((d, i) => (
                <li key={i}>{d.text}</li>
              ))}
            </ul>
          </details>
        )}
        <Field label="Target level" hint={framework.implicitLevel ? "This framework has no levels." : "Levels are cumulative: a level needs everything below it too."}>
          <Select className={styles.full} value={level.id} disabled={framework.implicitLevel} onChange={(_, d) => setLevelId(d.value)}>
            {framework.levels.map((l) => (
              <option key={l.id} value={l.id}>
                {levelLabel(l)}
              </option>
            ))}
          </Select>
        </Field>
      </Section>

      <Divider />
      <Section id="sheets-heading" title="Sheets">
        <Button appearance="primary" disabled={disabled} onClick={insert}>
          Insert criteria sheet
        </Button>
        <Field label="People" hint="One name per line, or paste a column of names.">
          <Textarea value={namesText} onChange={(_, d) => setNamesText(d.value)} resize="vertical" rows={4} />
        </Field>
        <div className={styles.row}>
          <Button disabled={disabled} onClick={useSelection}>
            Use selected cells
          </Button>
          <Button appearance="primary" disabled={disabled} onClick={create}>
            {names.length > 0 ? `Create assessment sheet (${names.length})` : "Create assessment sheet"}
          </Button>
        </div>
      </Section>

      <Divider />
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

      <div aria-live="polite">{busy && <Spinner size="small" label={busy} />}</div>
      <div aria-live="assertive">
        {status && (
          <MessageBar intent={status.intent}>
            <MessageBarBody>
              <MessageBarTitle>{status.title}</MessageBarTitle>
              {status.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {result && result.people.length > 0 && (
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
      {result && result.problems.length > 0 && (
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
    </main>
  );
}
