import { useCallback, useEffect, useMemo, useState } from "react";
import type { FrameworkCatalog } from "../core/catalog";
import { catalogOf } from "../core/catalog";
import type { Framework } from "../core/model";
import type { ExcelRunner, WorkbookFrameworks } from "../excel/workbook";
import { friendlyError } from "./errors";
import { loadTools } from "./loadTools";
import type { Status } from "./useAction";

export interface FrameworkList {
  /** Built-ins, then the workbook's framework sheets: a sheet's copy takes the place of a built-in of its id. */
  catalog: FrameworkCatalog;
  frameworks: Framework[];
  /** What is wrong in the workbook's framework sheets, each at its cell. */
  problems: WorkbookFrameworks["problems"];
  /** Reads the workbook's framework sheets again; resolves with what it found. */
  refresh(run: ExcelRunner): Promise<WorkbookFrameworks>;
}

const NONE: WorkbookFrameworks = { entries: [], problems: [] };

/** The frameworks the pane offers: the built-ins beside the workbook's own, read when the pane opens and on refresh. */
export function useWorkbookFrameworks(builtIns: Framework[], run: ExcelRunner | undefined, setStatus: (status: Status) => void): FrameworkList {
  const [own, setOwn] = useState<WorkbookFrameworks>(NONE);
  const catalog = useMemo(() => catalogOf(builtIns).with(own.entries), [builtIns, own]);
  const frameworks = useMemo(() => catalog.frameworks(), [catalog]);

  const refresh = useCallback(async (r: ExcelRunner) => {
    const found = await (await loadTools()).workbookFrameworks(r);
    setOwn(found);
    return found;
  }, []);

  useEffect(() => {
    if (!run) return;
    refresh(run).catch((error: unknown) =>
      setStatus({ intent: "error", title: "Could not read the workbook's frameworks", text: friendlyError("read the workbook's framework sheets", error) }),
    );
    // When the pane opens (run and setStatus do not change): later reads follow an import or Refresh.
  }, [run, refresh, setStatus]);

  return { catalog, frameworks, problems: own.problems, refresh };
}
