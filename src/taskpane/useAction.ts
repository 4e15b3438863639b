import { useState } from "react";
import type { ExcelRunner } from "../excel/workbook";
import { friendlyError } from "./errors";

export type Status = { intent: "success" | "error" | "warning"; title: string; text: string };

/** Runs one workbook action at a time: a spinner label while it runs, then its outcome as a status. */
export type Act = (label: string, action: string, work: (run: ExcelRunner) => Promise<Status | void>) => Promise<void>;

export function useAction(run: ExcelRunner | undefined) {
  const [busy, setBusy] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();

  const act: Act = async (label, action, work) => {
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
  };
  return { busy, status, setStatus, act, disabled: !run || busy !== undefined };
}
