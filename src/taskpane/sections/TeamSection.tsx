import { Button, Divider, Field, ProgressBar, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Framework } from "../../core/model";
import type { Team, TeamProblem } from "../../core/team";
import { buildTeam } from "../../core/team";
import type { TeamProgress } from "../../excel/workbook";
import { loadTools } from "../loadTools";
import { Section } from "../Section";
import { usePaneStyles } from "../styles";
import type { Act } from "../useAction";

/** The source every row of the pane's team view comes from, shown in the heatmap's Source column. */
export const THIS_WORKBOOK = "this workbook";

type Progress = Parameters<TeamProgress>[0];

interface Built {
  team: Team;
  sheets: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function progressLabel(progress: Progress): string {
  if (progress.total === 0) return "Reading the assessment sheets…";
  if (progress.next === undefined) return `Wrote ${plural(progress.total, "sheet")}`;
  return `Writing sheet ${progress.done + 1} of ${progress.total}: ${progress.next}`;
}

/**
 * Builds the team view from the open workbook's assessment sheets: the heatmap, coverage, levels
 * and bench sheets that `collect` writes for files, here with Excel's own charts. Then a short
 * summary, and the problems found (a person assessed twice first of all), each selecting its cell.
 */
export function TeamSection({ frameworks, act, disabled }: { frameworks: Framework[]; act: Act; disabled: boolean }) {
  const styles = usePaneStyles();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [built, setBuilt] = useState<Built | undefined>();

  const build = () =>
    act("Building the team view…", "build the team view", async (r) => {
      setBuilt(undefined);
      setProgress({ done: 0, total: 0 });
      try {
        const { checkOpenWorkbook, writeTeamSheets } = await loadTools();
        const checked = await checkOpenWorkbook(r, frameworks);
        if (checked.assessmentSheets.length === 0) {
          return { intent: "warning", title: "No assessment sheet found", text: "The team view is made from assessment sheets. Create one with Create assessment sheet, have it scored, then build the team view." };
        }
        const team = buildTeam([{ source: THIS_WORKBOOK, result: checked }]);
        if (team.groups.every((g) => g.members.length === 0)) {
          setBuilt({ team, sheets: [] });
          return { intent: "warning", title: "No one to show", text: "The assessment sheets have no one in them that can be read. Fix the problems listed under Team problems, then build the team view again." };
        }
        const sheets = await writeTeamSheets(r, team, setProgress);
        setBuilt({ team, sheets });
        const errors = team.problems.filter((p) => p.severity === "error").length;
        const people = team.groups.reduce((n, g) => n + g.members.length, 0);
        return {
          intent: errors > 0 ? "warning" : "success",
          title: "Team view built",
          text: `${plural(sheets.length, "sheet")} added for ${plural(people, "person", "people")}, starting with "${sheets[0]}".${errors > 0 ? ` ${plural(errors, "problem")} to fix: see Team problems.` : ""}`,
        };
      } finally {
        setProgress(undefined);
      }
    });

  return (
    <>
      <Divider />
      <Section id="team-heading" title="Team">
        <Text className={styles.muted} size={200}>
          Adds a heatmap, coverage, levels and bench sheet for each role assessed in this workbook, with charts. Earlier team sheets are kept.
        </Text>
        <div className={styles.row}>
          <Button appearance="primary" disabled={disabled} onClick={build}>
            Build team view
          </Button>
        </div>
        {progress && (
          <Field label={progressLabel(progress)}>
            <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} />
          </Field>
        )}
      </Section>
      {built && <TeamSummary built={built} act={act} disabled={disabled} />}
    </>
  );
}

/** Each role's people and sheets, and the problems, a button each that selects its cell. */
function TeamSummary({ built, act, disabled }: { built: Built; act: Act; disabled: boolean }) {
  const styles = usePaneStyles();
  const { team, sheets } = built;
  const groups = team.groups.filter((g) => g.members.length > 0);
  const people = groups.reduce((n, g) => n + g.members.length, 0);
  // Duplicates first: they change who is counted.
  const problems = [...team.problems].sort((a, b) => Number(b.code === "person-duplicate") - Number(a.code === "person-duplicate"));
  const show = (problem: TeamProblem) =>
    act(`Selecting ${problem.sheet}!${problem.cell}…`, `select ${problem.sheet}!${problem.cell}`, async (r) => {
      await (await loadTools()).selectCell(r, problem.sheet, problem.cell);
    });
  return (
    <>
      {groups.length > 0 && (
        <Section id="team-summary-heading" title={`Team view: ${plural(people, "person", "people")}, ${plural(groups.length, "role")}`}>
          <ul className={styles.list}>
            {groups.map((g) => {
              const met = g.members.filter((m) => m.result.essentialsMet).length;
              return (
                <li key={`${g.framework.id}/${g.role.id}/${g.members[0].place.sheet}`}>
                  <Text>
                    {g.role.title} ({g.framework.title}): {plural(g.members.length, "person", "people")}, {met} meet every essential criterion of their target level
                  </Text>
                </li>
              );
            })}
          </ul>
          <Text className={styles.muted} size={200}>
            Sheets added: {sheets.join(", ")}.
          </Text>
        </Section>
      )}
      {problems.length > 0 && (
        <Section id="team-problems-heading" title={`Team problems (${problems.length})`}>
          <Text className={styles.muted} size={200}>
            Choose a problem to select its cell.
          </Text>
          <ul className={styles.list}>
            {problems.map((p, i) => {
              const text = `${p.severity === "error" ? "Error" : "Warning"} ${p.sheet ? `${p.sheet}!${p.cell}: ` : ""}${p.message}`;
              return (
                <li key={i}>
                  {p.sheet && p.cell ? (
                    <Button className={styles.problem} appearance="subtle" disabled={disabled} onClick={() => show(p)}>
                      {text}
                    </Button>
                  ) : (
                    <Text>{text}</Text>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
    </>
  );
}
