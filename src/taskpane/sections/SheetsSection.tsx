import { Button, Field, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { repeatedName } from "../../core/lookup";
import { loadTools } from "../loadTools";
import { Section } from "../Section";
import { usePaneStyles } from "../styles";
import type { Act, Status } from "../useAction";
import type { Choice } from "../useChoice";

export function parseNames(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
}

/** Insert a criteria sheet; create an assessment sheet for typed, pasted or selected names. */
export function SheetsSection({ choice, act, disabled, setStatus }: { choice: Choice; act: Act; disabled: boolean; setStatus: (s: Status) => void }) {
  const styles = usePaneStyles();
  const { framework, role, level } = choice;
  const [namesText, setNamesText] = useState("");
  const names = useMemo(() => parseNames(namesText), [namesText]);

  const insert = () =>
    act("Inserting the criteria sheet…", "insert the criteria sheet", async (r) => {
      const sheet = await (await loadTools()).insertCriteriaSheet(r, framework, role);
      return { intent: "success", title: "Criteria sheet added", text: `"${sheet}" lists the ${role.criteria.length} criteria of ${role.title}.` };
    });

  const useSelection = () =>
    act("Reading the selected cells…", "read the selected cells", async (r) => {
      const picked = await (await loadTools()).namesFromSelection(r);
      if (picked.length === 0) return { intent: "warning", title: "No names selected", text: "Select the cells with people's names in the sheet, then choose Use selected cells again." };
      setNamesText(picked.join("\n"));
      return { intent: "success", title: "Names taken from the selection", text: `${picked.length} name(s) ready. Check them, then create the assessment sheet.` };
    });

  const create = () => {
    if (names.length === 0) {
      setStatus({ intent: "warning", title: "No people yet", text: "Type or paste names (one per line), or select them in the sheet and choose Use selected cells." });
      return;
    }
    const repeated = repeatedName(names);
    if (repeated) {
      setStatus({ intent: "warning", title: "A name is there twice", text: `"${repeated.name}" appears twice. Each person needs one row: remove or rename one.` });
      return;
    }
    return act("Creating the assessment sheet…", "create the assessment sheet", async (r) => {
      const sheet = await (await loadTools()).createAssessmentSheet(r, framework, role, level, names);
      return { intent: "success", title: "Assessment sheet added", text: `"${sheet}" has a row for each of ${names.length} people. Managers score each criterion from the dropdown.` };
    });
  };

  return (
    <Section id="sheets-heading" title="Sheets">
      <Button appearance="primary" disabled={disabled} onClick={insert}>
        Insert criteria sheet
      </Button>
      <Field label="People" hint="One name per line, or paste a column of names.">
        <Textarea value={namesText} onChange={(_, d) => setNamesText(d.value)} resize="vertical" rows={4} />
      </Field>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={useSelection}>
          Use selected cells
        </Button>
        <Button appearance="primary" disabled={disabled} onClick={create}>
          {names.length > 0 ? `Create assessment sheet (${names.length})` : "Create assessment sheet"}
        </Button>
      </div>
    </Section>
  );
}
