import type { CellStyle } from "./plan";

/** The few looks every sheet shares, so criteria, assessment and report sheets match. */
export const STYLES = {
  title: { bold: true, fontSize: 14 },
  label: { bold: true, fontColor: "#44546A" },
  infoLabel: { bold: true, fontColor: "#44546A", fill: "#F2F2F2" },
  info: { fill: "#F2F2F2", wrap: true, vertical: "top" },
  criterionText: { wrap: true, vertical: "top", fill: "#F2F2F2", fontSize: 9 },
  wrapTop: { wrap: true, vertical: "top" },
  computed: { fill: "#EDF3FA" },
  muted: { italic: true, fontColor: "#595959" },
} satisfies Record<string, CellStyle>;

export const TABLE_STYLE = "TableStyleMedium2";
/** Excel's own "Bad" look, so an unmet essential reads as a problem at a glance. */
export const BAD = { fill: "#FFC7CE", fontColor: "#9C0006" };
/** The score colour scale runs from white to green: only an essential below the threshold is red. */
export const SCALE_LOW = "#FFFFFF";
export const SCALE_HIGH = "#63BE7B";
