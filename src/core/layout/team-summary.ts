import { levelLabel } from "../lookup";
import { levelIndex } from "../model";
import type { TeamGroup } from "../team/model";
import { teamCriteria } from "../team/figures";
import type { ChartRequest, PlanCell, SheetPlan } from "./plan";
import { cellAddress, emptyPlan } from "./plan";
import { STYLES, TABLE_STYLE } from "./styles";
import type { HeatmapRefs } from "./team-heatmap";
import { NO_LEVEL, isOneOf, keepFormulaLikeTextAsText, levelLabels, numbersConstant } from "./team-common";

/*
 * The coverage, levels and bench sheets. Every figure is a native formula over the heatmap sheet
 * (SUMPRODUCT over its score, target and attained columns), so the numbers follow any score an
 * analyst corrects there, and stay right however the heatmap is sorted or filtered (a filter hides
 * rows; the figures still count the whole team). They need Excel 2019 or later (TEXTJOIN).
 */

export const COVERAGE_HEADERS = ["ID", "Level", "Priority", "Criterion", "Share meeting", "Missing", "Met", "Assessed"] as const;
export const DISTRIBUTION_HEADERS = ["Attained level", "People", "Share of people"] as const;
export const ESSENTIALS_HEADERS = ["Level", "Assessed at this level", "Meet every essential", "Share meeting"] as const;
export const BENCH_HEADERS = ["Level", "Assessed at this level", "Ready now", "One level away", "Ready now: who", "One level away: who"] as const;

/** Where each sheet's table starts (0-based): the title and a note above it. */
export const SUMMARY_TABLE_ROW = 3;

const PRIORITY_TEXT = { essential: "Essential", desirable: "Desirable", unspecified: "Not given (counts as essential)" } as const;
const PERCENT = "0%";
const BAR_COLOUR = "#5B9BD5";
/** TEXTJOIN gives #VALUE! past 32,767 characters: the name lists are left out when everyone's names together could not fit. */
const TEXTJOIN_LIMIT = 32_767;

function header(plan: SheetPlan, title: string, heatmap: HeatmapRefs) {
  plan.blocks.push({ row: 0, col: 0, cells: [[title], [`Counted by formulas from the sheet "${heatmap.sheet}": correct a score there and these numbers follow. Every row counts, whether a filter hides it or not.`]] });
  plan.styles.push({ range: { row: 0, col: 0, rows: 1, cols: 1 }, style: STYLES.title }, { range: { row: 1, col: 0, rows: 1, cols: 1 }, style: STYLES.muted });
}

const roleTitle = (group: TeamGroup) => `${group.role.title} (${group.framework.title})`;
const count = (condition: string) => `SUMPRODUCT(${condition}*1)`;
const share = (part: string, whole: string) => `IF(${whole}=0,"",${part}/${whole})`;

/** The labels of the levels from `index` (1-based) up: a target or attained level among them is at least that level. */
const labelsFrom = (group: TeamGroup, index: number) => levelLabels(group.framework.levels.slice(index - 1));

/** One row per criterion: who meets it among those assessed on it, and how many scores are missing. */
export function planCoverageSheet(group: TeamGroup, heatmap: HeatmapRefs, name: string, tableName: string): SheetPlan {
  const plan = emptyPlan("team-coverage", name);
  header(plan, `Coverage: ${roleTitle(group)}`, heatmap);
  const { scale } = group.framework;
  const criteria = teamCriteria(group);
  const first = SUMMARY_TABLE_ROW + 1;
  const rows: PlanCell[][] = criteria.map((c, i) => {
    const scores = heatmap.scores.get(c.id) as string;
    const at = (col: number) => cellAddress(first + i, col);
    const valid = (from: number) => count(`ISNUMBER(${scores})*ISNUMBER(MATCH(${scores},${numbersConstant(from, scale.max)},0))`);
    const inScope = count(isOneOf(heatmap.target, labelsFrom(group, levelIndex(group.framework, c.level))));
    return [
      c.id,
      levelLabel(group.framework.levels[levelIndex(group.framework, c.level) - 1]),
      PRIORITY_TEXT[c.priority],
      c.text,
      { formula: share(at(6), at(7)) },
      { formula: `${inScope}-${at(7)}` },
      { formula: valid(scale.meets) },
      { formula: valid(scale.min) },
    ];
  });
  plan.blocks.push({ row: SUMMARY_TABLE_ROW, col: 0, cells: [[...COVERAGE_HEADERS], ...rows] });
  plan.tables.push({ name: tableName, range: { row: SUMMARY_TABLE_ROW, col: 0, rows: rows.length + 1, cols: COVERAGE_HEADERS.length }, style: TABLE_STYLE });
  if (rows.length > 0) {
    const shares = { row: first, col: 4, rows: rows.length, cols: 1 };
    plan.styles.push({ range: shares, style: { numberFormat: PERCENT } }, { range: { row: first, col: 3, rows: rows.length, cols: 1 }, style: STYLES.wrapTop });
    plan.conditionalFormats.push({ kind: "dataBar", range: shares, min: 0, max: 1, color: BAR_COLOUR });
  }
  [14, 18, 16, 60, 14, 10, 10, 10].forEach((width, col) => plan.columnWidths.push({ col, width }));
  plan.freeze = { rows: first, cols: 1 };
  keepFormulaLikeTextAsText(plan);
  return plan;
}

/**
 * The distribution of attained levels (with "None"), then, per level, how many people whose sheet
 * reaches it meet every essential up to it. Both come with a chart request.
 */
export function planLevelsSheet(group: TeamGroup, heatmap: HeatmapRefs, name: string, tableNames: { distribution: string; essentials: string }): SheetPlan {
  const plan = emptyPlan("team-levels", name);
  header(plan, `Levels: ${roleTitle(group)}`, heatmap);
  const labels = levelLabels(group.framework.levels);
  const first = SUMMARY_TABLE_ROW + 1;
  const totalRow = first + labels.length + 1;
  const total = cellAddress(totalRow, 1, true);
  const distribution: PlanCell[][] = [NO_LEVEL, ...labels].map((label, i) => [label, { formula: count(isOneOf(heatmap.attained, [label])) }, { formula: share(cellAddress(first + i, 1), total) }]);
  plan.blocks.push({ row: SUMMARY_TABLE_ROW, col: 0, cells: [[...DISTRIBUTION_HEADERS], ...distribution] });
  plan.blocks.push({ row: totalRow, col: 0, cells: [["Everyone", { formula: count(`(${heatmap.employees}<>"")`) }]] });
  plan.tables.push({ name: tableNames.distribution, range: { row: SUMMARY_TABLE_ROW, col: 0, rows: distribution.length + 1, cols: DISTRIBUTION_HEADERS.length }, style: TABLE_STYLE });
  plan.styles.push({ range: { row: first, col: 2, rows: distribution.length, cols: 1 }, style: { numberFormat: PERCENT } }, { range: { row: totalRow, col: 0, rows: 1, cols: 2 }, style: { bold: true } });

  const essentialsTop = totalRow + 2;
  const essentialsFirst = essentialsTop + 2;
  const essentials: PlanCell[][] = labels.map((label, i) => {
    const from = labelsFrom(group, i + 1);
    const at = (col: number) => cellAddress(essentialsFirst + i, col);
    return [label, { formula: count(isOneOf(heatmap.target, from)) }, { formula: count(isOneOf(heatmap.attained, from)) }, { formula: share(at(2), at(1)) }];
  });
  plan.blocks.push({ row: essentialsTop, col: 0, cells: [["Essentials met, by level: of the people whose sheet goes up to the level, who meets every essential criterion up to it"]] });
  plan.styles.push({ range: { row: essentialsTop, col: 0, rows: 1, cols: 1 }, style: { bold: true, fontSize: 12 } });
  plan.blocks.push({ row: essentialsFirst - 1, col: 0, cells: [[...ESSENTIALS_HEADERS], ...essentials] });
  plan.tables.push({ name: tableNames.essentials, range: { row: essentialsFirst - 1, col: 0, rows: essentials.length + 1, cols: ESSENTIALS_HEADERS.length }, style: TABLE_STYLE });
  plan.styles.push({ range: { row: essentialsFirst, col: 3, rows: essentials.length, cols: 1 }, style: { numberFormat: PERCENT } });
  plan.conditionalFormats.push({ kind: "dataBar", range: { row: essentialsFirst, col: 3, rows: essentials.length, cols: 1 }, min: 0, max: 1, color: BAR_COLOUR });

  const charts: ChartRequest[] = [
    {
      kind: "column",
      title: `Attained levels: ${group.role.title}`,
      categories: { row: first, col: 0, rows: distribution.length, cols: 1 },
      series: [{ name: "People", values: { row: first, col: 1, rows: distribution.length, cols: 1 } }],
      anchor: { row: SUMMARY_TABLE_ROW, col: 5, rows: 15, cols: 7 },
    },
    {
      kind: "bar",
      title: `Essentials met, by level: ${group.role.title}`,
      categories: { row: essentialsFirst, col: 0, rows: essentials.length, cols: 1 },
      series: [{ name: "Share meeting", values: { row: essentialsFirst, col: 3, rows: essentials.length, cols: 1 } }],
      anchor: { row: SUMMARY_TABLE_ROW + 16, col: 5, rows: 15, cols: 7 },
    },
  ];
  plan.charts = charts;
  [24, 22, 22, 14].forEach((width, col) => plan.columnWidths.push({ col, width }));
  keepFormulaLikeTextAsText(plan);
  return plan;
}

/** Per level: who is ready now (gap 0 at that level) and who is one level away (gap 1), among those whose sheet reaches it. */
export function planBenchSheet(group: TeamGroup, heatmap: HeatmapRefs, name: string, tableName: string, employees: string[]): SheetPlan {
  const plan = emptyPlan("team-bench", name);
  header(plan, `Bench strength: ${roleTitle(group)}`, heatmap);
  const labels = levelLabels(group.framework.levels);
  const withNames = employees.reduce((n, e) => n + e.length + 2, 0) <= TEXTJOIN_LIMIT;
  const headers = withNames ? BENCH_HEADERS : BENCH_HEADERS.slice(0, 4);
  const rows: PlanCell[][] = labels.map((label, i) => {
    const from = labelsFrom(group, i + 1);
    const ready = isOneOf(heatmap.attained, from);
    const oneAway = `${isOneOf(heatmap.attained, [i === 0 ? NO_LEVEL : labels[i - 1]])}*${isOneOf(heatmap.target, from)}`;
    const who = (condition: string) => ({ formula: `TEXTJOIN(", ",TRUE,IF(${condition},${heatmap.employees},""))`, array: true });
    const counts: PlanCell[] = [label, { formula: count(isOneOf(heatmap.target, from)) }, { formula: count(ready) }, { formula: count(oneAway) }];
    return withNames ? [...counts, who(ready), who(oneAway)] : counts;
  });
  plan.blocks.push({ row: SUMMARY_TABLE_ROW, col: 0, cells: [[...headers], ...rows] });
  plan.tables.push({ name: tableName, range: { row: SUMMARY_TABLE_ROW, col: 0, rows: rows.length + 1, cols: headers.length }, style: TABLE_STYLE });
  if (withNames) plan.styles.push({ range: { row: SUMMARY_TABLE_ROW + 1, col: 4, rows: rows.length, cols: 2 }, style: STYLES.wrapTop });
  else plan.blocks.push({ row: SUMMARY_TABLE_ROW + rows.length + 2, col: 0, cells: [["The names are not listed here: there are too many for one cell. Filter the heatmap by Attained level to see them."]] });
  [24, 22, 12, 16, 50, 50].forEach((width, col) => plan.columnWidths.push({ col, width }));
  keepFormulaLikeTextAsText(plan);
  return plan;
}
