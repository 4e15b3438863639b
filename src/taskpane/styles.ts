import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's few layouts, shared by its sections. */
export const usePaneStyles = makeStyles({
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
