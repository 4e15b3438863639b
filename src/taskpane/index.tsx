import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { builtInFrameworks } from "../frameworks";
import type { ExcelRunner } from "../excel/workbook";
import { App } from "./App";
import { themeFor } from "./theme";

/**
 * Excel's API when the pane runs inside Excel; undefined in a plain browser, where the pane
 * says so instead of failing on the first click.
 */
function excelRunner(host: Office.HostType | null): ExcelRunner | undefined {
  const excel = (globalThis as { Excel?: { run?: ExcelRunner } }).Excel;
  if (host !== Office.HostType.Excel && typeof excel?.run !== "function") return undefined;
  return (batch) => (excel as { run: ExcelRunner }).run(batch);
}

Office.onReady(({ host }) => {
  const theme = themeFor(Office.context?.officeTheme?.bodyBackgroundColor);
  document.body.style.backgroundColor = String(theme.colorNeutralBackground1);
  createRoot(document.getElementById("root") as HTMLElement).render(
    <FluentProvider theme={theme}>
      <App frameworks={builtInFrameworks()} run={excelRunner(host)} />
    </FluentProvider>,
  );
});
