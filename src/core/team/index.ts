/**
 * The team view's pure core. From many checked workbooks to one picture:
 *
 * - `buildTeam(sources)`: people grouped by framework and role, each row with its source, sheet
 *   and cell; duplicates and every source's problems as `TeamProblem`s.
 * - Figures of one group: `criterionCoverage`, `essentialsCoverage`, `levelDistribution`,
 *   `benchStrength`, `heatmap`.
 * - Sheets: `planTeamSheets` in core/layout/team-sheets turns a team into layout plans (heatmap,
 *   coverage, levels, bench) whose figures are native formulas over the heatmap.
 */
export type { RowPlace, SheetPlace, Team, TeamGroup, TeamMember, TeamProblem, TeamSource } from "./model";
export { buildTeam } from "./model";
export type { BenchLevel, CriterionCoverage, EssentialsCoverage, HeatCell, Heatmap, LevelCount } from "./figures";
export type { CoverageAnswer } from "./figures";
export { benchStrength, coverageFor, criterionCoverage, essentialsCoverage, heatmap, levelDistribution, scoreOf, sortForHeatmap, teamCriteria } from "./figures";
export type { TeamSummary } from "./summary";
export { summariseTeam } from "./summary";
