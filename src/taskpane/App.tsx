import { Divider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { CheckResult } from "../core/check";
import type { Framework } from "../core/model";
import type { ExcelRunner } from "../excel/workbook";
import { CheckSection, ResultSections } from "./sections/CheckSection";
import { ChooseSection } from "./sections/ChooseSection";
import { FrameworksSection } from "./sections/FrameworksSection";
import { SheetsSection } from "./sections/SheetsSection";
import { TeamSection } from "./sections/TeamSection";
import { usePaneStyles } from "./styles";
import { useAction } from "./useAction";
import { useChoice } from "./useChoice";
import { useWorkbookFrameworks } from "./useWorkbookFrameworks";

export interface AppProps {
  frameworks: Framework[];
  /** Runs batches against the workbook; undefined when the page is not inside Excel. */
  run?: ExcelRunner;
  now?: () => Date;
}

export function App({ frameworks, run, now = () => new Date() }: AppProps) {
  const styles = usePaneStyles();
  const { busy, status, setStatus, act, disabled } = useAction(run);
  const list = useWorkbookFrameworks(frameworks, run, setStatus);
  const choice = useChoice(list.frameworks);
  const [result, setResult] = useState<CheckResult | undefined>();

  return (
    <main className={styles.root} aria-busy={busy !== undefined}>
      <Text as="h1" size={500} weight="semibold">
        HR Competency
      </Text>
      {!run && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Open this in Excel</MessageBarTitle>
            The workbook is not available here. Open the add-in from Excel (Home tab, Competency) to use it.
          </MessageBarBody>
        </MessageBar>
      )}
      <ChooseSection frameworks={list.frameworks} choice={choice} />
      <Divider />
      <SheetsSection choice={choice} act={act} disabled={disabled} setStatus={setStatus} />
      <Divider />
      <CheckSection frameworks={frameworks} act={act} disabled={disabled} now={now} onChecked={setResult} />
      <TeamSection frameworks={frameworks} act={act} disabled={disabled} />
      <Divider />
      <FrameworksSection list={list} choice={choice} act={act} disabled={disabled} setStatus={setStatus} />

      <div aria-live="polite">{busy && <Spinner size="small" label={busy} />}</div>
      <div aria-live="assertive">
        {status && (
          <MessageBar intent={status.intent}>
            <MessageBarBody>
              <MessageBarTitle>{status.title}</MessageBarTitle>
              {status.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && <ResultSections result={result} act={act} disabled={disabled} />}
    </main>
  );
}
