import { levelLabel } from "../lookup";
import type { Criterion } from "../model";
import { levelIndex } from "../model";
import { isEssential } from "../rules";
import type { HeatCell } from "../team/figures";
import { heatmap } from "../team/figures";
import type { TeamGroup } from "../team/model";
import { PRIORITY_MARK, scaleLabelsText } from "./assessment-sheet";
import type { ConditionalFormat, PlanCell, Rect, SheetPlan } from "./plan";
import { cellAddress, columnName, emptyPlan, sheetReference } from "./plan";
import { BAD, STYLES, TABLE_STYLE } from "./styles";
import { HEATMAP_TITLE, NO_LEVEL, keepFormulaLikeTextAsText, levelLabels, numbersConstant, quoteText } from "./team-common";


/** Row positions (0-based) of the heatmap sheet. */
export const HEATMAP_ROWS = { title: 0, legend: 1, levelNumber: 2, priority: 3, criterion: 4, header: 5, firstPerson: 6 } as const;

/** The columns left of the criteria, in order; the criteria follow, headed by their ids. */
export const HEATMAP_HEADERS = ["Employee", "Level gap", "Attained level", "Target level", "Source", "Sheet"] as const;
const COL = { employee: 0, gap: 1, attained: 2, target: 3, source: 4, sheet: 5 } as const;
export const FIRST_CRITERION_COL = HEATMAP_HEADERS.length;

/** What a score cell shows when there is no valid score to colour. */
export const HEAT_MARKS = { invalid: "?", notAssessed: "n/a" } as const;

const NEUTRAL = { fill: "#FFEB9C", fontColor: "#9C5700" };
const NOT_ASSESSED_LOOK = { fill: "#EDEDED", fontColor: "#7F7F7F" };
const MET_LIGHT = [0xc6, 0xef, 0xce];
const MET_DARK = [0x63, 0xbe, 0x7b];

/** Green from light (the threshold) to dark (the top of the scale). */
function metColour(value: number, meets: number, max: number): string {
  const t = max === meets ? 1 : (value - meets) / (max - meets);
  return `#${MET_LIGHT.map((c, i) => Math.round(c + (MET_DARK[i] - c) * t).toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

/** Where the other team sheets find the heatmap's data: absolute references, sheet included. */
export interface HeatmapRefs {
  sheet: string;
  people: number;
  employees: string;
  attained: string;
  target: string;
  /** The score column of each criterion, by criterion id. */
  scores: Map<string, string>;
}

export function heatmapRefs(sheet: string, criteria: Criterion[], people: number): HeatmapRefs {
  const first = HEATMAP_ROWS.firstPerson;
  const column = (col: number) => `${sheetReference(sheet)}!${cellAddress(first, col, true)}:${cellAddress(first + people - 1, col, true)}`;
  return {
    sheet,
    people,
    employees: column(COL.employee),
    attained: column(COL.attained),
    target: column(COL.target),
    scores: new Map(criteria.map((c, i) => [c.id, column(FIRST_CRITERION_COL + i)])),
  };
}

function heatValue(cell: HeatCell): PlanCell {
  switch (cell.kind) {
    case "valid":
      return cell.value;
    case "blank":
      return null;
    case "invalid":
      return HEAT_MARKS.invalid;
    case "not-assessed":
      return HEAT_MARKS.notAssessed;
  }
}

/**
 * Native formulas of one person's row, from the row's own scores and target level: the attained
 * level and the gap, as core/rules computes them (cumulative levels, essentials block, a score
 * counts only as a whole number of the scale), so an analyst who corrects a score here sees every
 * team sheet follow.
 */
function personFormulas(group: TeamGroup, criteriaCount: number, excelRow: number): { gap: string; attained: string } {
  const { framework } = group;
  const first = columnName(FIRST_CRITERION_COL);
  const last = columnName(FIRST_CRITERION_COL + criteriaCount - 1);
  const R = HEATMAP_ROWS;
  const S = `$${first}${excelRow}:$${last}${excelRow}`;
  const L = `$${first}$${R.levelNumber + 1}:$${last}$${R.levelNumber + 1}`;
  const P = `$${first}$${R.priority + 1}:$${last}$${R.priority + 1}`;
  const labels = levelLabels(framework.levels);
  const labelArray = (items: string[]) => `{${items.map(quoteText).join(",")}}`;
  const T = `MATCH($${columnName(COL.target)}${excelRow},${labelArray(labels)},0)`;
  const met = `ISNUMBER(${S})*ISNUMBER(MATCH(${S},${numbersConstant(framework.scale.meets, framework.scale.max)},0))`;
  // Levels are cumulative: the attained level is one below the lowest level with an essential not
  // met (the priority row says D for desirable), and never above the target. One array formula
  // rather than a test per level keeps a 10,000-person heatmap small. A role without criteria has
  // nothing to fail: the target is attained.
  const attained = criteriaCount === 0 ? T : `MIN(${T},MIN(IF((${P}<>"D")*(1-${met}),${L},${labels.length + 1}))-1)`;
  const attainedCell = `$${columnName(COL.attained)}${excelRow}`;
  return {
    attained: `CHOOSE(${attained}+1,${[NO_LEVEL, ...labels].map(quoteText).join(",")})`,
    gap: `${T}-(MATCH(${attainedCell},${labelArray([NO_LEVEL, ...labels])},0)-1)`,
  };
}

/** Runs of adjacent criteria (0-based positions) for which `flag` holds. */
function runs(criteria: Criterion[], flag: (c: Criterion) => boolean): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  criteria.forEach((c, i) => {
    if (!flag(c)) return;
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun.start + lastRun.length === i) lastRun.length++;
    else out.push({ start: i, length: 1 });
  });
  return out;
}

/**
 * The heatmap sheet of one group: a row per person (sorted by level gap, then name), a column per
 * criterion up to the highest target, each person's attained level and gap as native formulas,
 * where the row came from, and the scores coloured by the scale and the threshold. The group must
 * have at least one person.
 */
export function planHeatmapSheet(group: TeamGroup, name: string, tableName: string): SheetPlan {
  const { framework, role } = group;
  const { scale } = framework;
  const map = heatmap(group);
  const people = map.rows.length;
  if (people === 0) throw new Error(`No one is assessed for ${role.id} (${framework.id}): a heatmap needs at least one person.`);
  const n = map.criteria.length;
  const R = HEATMAP_ROWS;
  const plan = emptyPlan("team-heatmap", name);
  const width = FIRST_CRITERION_COL + n;
  const labelCol = FIRST_CRITERION_COL - 1;
  const row = (label: string, values: PlanCell[]): PlanCell[] => [...Array<PlanCell>(labelCol).fill(null), label, ...values];

  plan.blocks.push({
    row: 0,
    col: 0,
    cells: [
      [`${HEATMAP_TITLE}: ${role.title}${role.grade ? `, ${role.grade}` : ""} (${framework.title})`],
      [
        `Scores ${scale.min}-${scale.max} (${scaleLabelsText(scale)}); ${scale.meets} or more meets a criterion. Red: an essential criterion not met; amber: a desirable one not met; green: met, darker for higher scores. ` +
          `${HEAT_MARKS.invalid} = an invalid score in the source sheet (counts as missing); ${HEAT_MARKS.notAssessed} = above the person's target level. ` +
          `Sorted by level gap, then name. Attained level and gap are formulas over the scores, and the other team sheets count from this sheet: correct a score here and they follow.`,
      ],
      row("Level number", map.criteria.map((c) => levelIndex(framework, c.level))),
      row("Priority", map.criteria.map((c) => PRIORITY_MARK[c.priority])),
      row("Criterion", map.criteria.map((c) => c.text)),
      [...HEATMAP_HEADERS, ...map.criteria.map((c) => c.id)],
    ],
  });
  plan.blocks.push({
    row: R.firstPerson,
    col: 0,
    cells: map.rows.map(({ member, cells }, i) => {
      const formulas = personFormulas(group, n, R.firstPerson + i + 1);
      return [member.employee, { formula: formulas.gap }, { formula: formulas.attained, array: true }, levelLabel(member.target), member.place.source, member.place.sheet, ...cells.map(heatValue)];
    }),
  });
  plan.tables.push({ name: tableName, range: { row: R.header, col: 0, rows: people + 1, cols: width }, style: TABLE_STYLE });

  const scoreRect = (start: number, length: number): Rect => ({ row: R.firstPerson, col: FIRST_CRITERION_COL + start, rows: people, cols: length });
  const topLeft = (start: number) => cellAddress(R.firstPerson, FIRST_CRITERION_COL + start);
  const below = (start: number) => `AND(ISNUMBER(${topLeft(start)}),${topLeft(start)}<${scale.meets})`;
  const cf: ConditionalFormat[] = [
    ...runs(map.criteria, (c) => isEssential(c.priority)).map((r): ConditionalFormat => ({ kind: "expression", range: scoreRect(r.start, r.length), formula: below(r.start), ...BAD })),
    ...runs(map.criteria, (c) => !isEssential(c.priority)).map((r): ConditionalFormat => ({ kind: "expression", range: scoreRect(r.start, r.length), formula: below(r.start), ...NEUTRAL })),
  ];
  if (n > 0) {
    const cell = topLeft(0);
    for (let v = scale.meets; v <= scale.max; v++) {
      cf.push({ kind: "expression", range: scoreRect(0, n), formula: `AND(ISNUMBER(${cell}),${cell}=${v})`, fill: metColour(v, scale.meets, scale.max), fontColor: "#006100" });
    }
    cf.push({ kind: "expression", range: scoreRect(0, n), formula: `${cell}=${quoteText(HEAT_MARKS.notAssessed)}`, ...NOT_ASSESSED_LOOK });
  }
  plan.conditionalFormats.push(...cf);

  plan.styles.push(
    { range: { row: R.title, col: 0, rows: 1, cols: 1 }, style: STYLES.title },
    { range: { row: R.legend, col: 0, rows: 1, cols: 1 }, style: STYLES.muted },
    { range: { row: R.levelNumber, col: labelCol, rows: 3, cols: 1 }, style: { ...STYLES.infoLabel, horizontal: "right" } },
    { range: { row: R.levelNumber, col: FIRST_CRITERION_COL, rows: 3, cols: n }, style: { ...STYLES.info, horizontal: "center" } },
    { range: { row: R.criterion, col: FIRST_CRITERION_COL, rows: 1, cols: n }, style: STYLES.criterionText },
    { range: { row: R.firstPerson, col: COL.gap, rows: people, cols: 2 }, style: STYLES.computed },
    { range: { row: R.firstPerson, col: FIRST_CRITERION_COL, rows: people, cols: n }, style: { horizontal: "center" } },
  );
  [26, 10, 18, 18, 30, 26].forEach((width, col) => plan.columnWidths.push({ col, width }));
  map.criteria.forEach((_, i) => plan.columnWidths.push({ col: FIRST_CRITERION_COL + i, width: 10 }));
  plan.rowHeights.push({ row: R.criterion, height: 120 });
  plan.freeze = { rows: R.header + 1, cols: 1 };
  keepFormulaLikeTextAsText(plan);
  return plan;
}
