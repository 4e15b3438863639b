import type { Team, TeamGroup } from "../team/model";
import { teamCriteria } from "../team/figures";
import { uniqueSheetName, uniqueTableName } from "./names";
import type { SheetPlan } from "./plan";
import { heatmapRefs, planHeatmapSheet } from "./team-heatmap";
import { planBenchSheet, planCoverageSheet, planLevelsSheet } from "./team-summary";

/** The names already used in the workbook the plans will be applied to. */
export interface TakenNames {
  sheets: Iterable<string>;
  tables: Iterable<string>;
}

/**
 * The team sheets of every group that has anyone in it: heatmap, coverage, levels, bench, in that
 * order, group after group. The summary sheets' formulas name the heatmap sheet, so the names are
 * made unique here, against `taken`: apply the plans in order to a workbook with exactly those
 * names, and each adapter keeps the name it is given. Groups with no one in them get no sheets
 * (the check has already warned about the empty table).
 */
export function planTeamSheets(team: Team, taken: TakenNames): SheetPlan[] {
  const sheets = [...taken.sheets];
  const tables = [...taken.tables];
  const sheetName = (wanted: string) => {
    const name = uniqueSheetName(wanted, sheets);
    sheets.push(name);
    return name;
  };
  const tableName = (wanted: string) => {
    const name = uniqueTableName(wanted, tables);
    tables.push(name);
    return name;
  };
  return team.groups.filter((g) => g.members.length > 0).flatMap((group) => planGroup(group, sheetName, tableName));
}

function planGroup(group: TeamGroup, sheetName: (wanted: string) => string, tableName: (wanted: string) => string): SheetPlan[] {
  const title = group.role.title;
  const heatmapSheet = planHeatmapSheet(group, sheetName(`Heatmap ${title}`), tableName(`Heatmap_${group.role.id}`));
  const refs = heatmapRefs(heatmapSheet.name, teamCriteria(group), group.members.length);
  return [
    heatmapSheet,
    planCoverageSheet(group, refs, sheetName(`Coverage ${title}`), tableName(`Coverage_${group.role.id}`)),
    planLevelsSheet(group, refs, sheetName(`Levels ${title}`), { distribution: tableName(`Levels_${group.role.id}`), essentials: tableName(`Essentials_${group.role.id}`) }),
    planBenchSheet(group, refs, sheetName(`Bench ${title}`), tableName(`Bench_${group.role.id}`), group.members.map((m) => m.employee)),
  ];
}
