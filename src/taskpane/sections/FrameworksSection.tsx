import { Button, Field, Label, Select, Text, Textarea, useId } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { describeOrigin } from "../../core/catalog";
import type { ImportProblem } from "../../core/interchange";
import { download, readFileText } from "../files";
import { loadTools } from "../loadTools";
import { Section } from "../Section";
import { usePaneStyles } from "../styles";
import type { Act, Status } from "../useAction";
import type { Choice } from "../useChoice";
import type { FrameworkList } from "../useWorkbookFrameworks";

type ExportFormat = "case" | "json";

const EXPORT_FORMATS: Record<ExportFormat, { label: string; suffix: string }> = {
  case: { label: "CASE 1.1 JSON (CFPackage)", suffix: ".case.json" },
  json: { label: "Framework JSON (this add-in's format)", suffix: ".json" },
};

/** What the last import found: the problems of a rejected file, or the warnings of an imported one. */
type ImportReport = { file: string; problems: ImportProblem[] } | { file: string; sheet: string; warnings: ImportProblem[] };

interface Progress {
  stage: string;
  /** 0..1 while the file is read; undefined while parsing and writing (no measure there). */
  fraction?: number;
}

/** Lets the browser paint the progress before a long synchronous step. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 0));

interface FrameworksProps {
  list: FrameworkList;
  choice: Choice;
  act: Act;
  disabled: boolean;
  setStatus: (status: Status) => void;
}

/** The frameworks the workbook offers beside the built-ins; import a file as a framework sheet; export the chosen framework. */
export function FrameworksSection({ list, choice, act, disabled, setStatus }: FrameworksProps) {
  const styles = usePaneStyles();
  const fileId = useId("framework-file");
  const fileHintId = useId("framework-file-hint");
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [report, setReport] = useState<ImportReport | undefined>();
  const [format, setFormat] = useState<ExportFormat>("case");
  const [copyText, setCopyText] = useState<{ text: string; fileName: string } | undefined>();
  const copyArea = useRef<HTMLTextAreaElement>(null);
  const { framework } = choice;
  const fileName = `${framework.id}${EXPORT_FORMATS[format].suffix}`;

  useEffect(() => {
    copyArea.current?.focus();
    copyArea.current?.select();
  }, [copyText]);

  const importFile = (file: File) =>
    act(`Importing ${file.name}…`, `import ${file.name}`, async (r) => {
      setReport(undefined);
      try {
        setProgress({ stage: `Reading ${file.name}`, fraction: 0 });
        const text = await readFileText(file, (fraction) => setProgress({ stage: `Reading ${file.name}`, fraction }));
        setProgress({ stage: `Checking the framework in ${file.name}` });
        const tools = await loadTools();
        await paint();
        const imported = tools.importFramework(text, file.name);
        if (!imported.ok) {
          setReport({ file: file.name, problems: imported.problems });
          return { intent: "error", title: "Framework not imported", text: `${file.name} has ${imported.problems.length} problem(s), each listed with its place under Import. Nothing was written to the workbook: correct the file and import it again.` };
        }
        const { id, title } = imported.framework;
        const present = (await list.refresh(r)).entries.find((e) => e.framework.id === id);
        if (present && present.origin.kind === "sheet") {
          return {
            intent: "warning",
            title: "Framework already in the workbook",
            text: `Sheet "${present.origin.sheet}" already holds framework "${id}", so nothing was written. To replace it, delete that sheet and import again; to keep both, change the Framework id in B2 of that sheet first.`,
          };
        }
        setProgress({ stage: "Writing the framework sheet" });
        const sheet = await tools.insertFrameworkSheet(r, imported.framework);
        await list.refresh(r);
        setReport({ file: file.name, sheet, warnings: imported.warnings });
        const replaces = list.catalog.origin(id)?.kind === "built-in" ? ` In this workbook it takes the place of the built-in framework "${id}".` : "";
        const warned = imported.warnings.length > 0 ? ` ${imported.warnings.length} warning(s) are listed under Import.` : "";
        return { intent: "success", title: "Framework imported", text: `"${title}" (${id}) is on sheet "${sheet}": choose it under What to assess.${replaces}${warned}` };
      } finally {
        setProgress(undefined);
        if (fileInput.current) fileInput.current.value = "";
      }
    });

  const refresh = () =>
    act("Reading the workbook's frameworks…", "read the workbook's framework sheets", async (r) => {
      const found = await list.refresh(r);
      return { intent: "success", title: "Frameworks listed", text: `The workbook has ${found.entries.length} framework sheet(s)${found.problems.length > 0 ? `, with ${found.problems.length} problem(s) listed under Frameworks` : ""}.` };
    });

  const exported = async () => {
    const tools = await loadTools();
    return format === "case" ? tools.exportCaseJson(framework) : tools.exportFrameworkJson(framework);
  };

  const save = async () => {
    try {
      download(await exported(), fileName);
      setStatus({ intent: "success", title: "Export ready", text: `${fileName} is being saved to your downloads. If nothing arrives (desktop Excel may block downloads), choose Copy to clipboard.` });
    } catch (error) {
      setStatus({ intent: "error", title: "Could not export", text: `Could not save ${fileName}: ${error instanceof Error ? error.message : String(error)}. Choose Copy to clipboard instead.` });
    }
  };

  /*
   * Office.js has no way to save a file. Excel on the web runs the pane in a browser frame, where a
   * Blob behind <a download> saves one; desktop Excel's webviews may block downloads from add-ins
   * and nothing tells the pane so. Both ways are offered side by side: the clipboard works there,
   * and where the host refuses it too (no clipboard permission), the text is shown selected in a
   * read-only box to copy by hand.
   */
  const copy = async () => {
    const text = await exported();
    try {
      await navigator.clipboard.writeText(text);
      setCopyText(undefined);
      setStatus({ intent: "success", title: "Copied", text: `The ${EXPORT_FORMATS[format].label} of "${framework.title}" is on the clipboard: paste it into a text editor and save it as ${fileName}.` });
    } catch {
      setCopyText({ text, fileName });
      setStatus({ intent: "warning", title: "Copy it by hand", text: `The clipboard is not available here. The text of ${fileName} is selected below: press Ctrl+C (Cmd+C on a Mac), then paste it into a text editor and save it.` });
    }
  };

  return (
    <Section id="frameworks-heading" title="Frameworks">
      <ul className={styles.list} aria-label="Frameworks available">
        {list.catalog.entries().map(({ framework: f, origin }) => (
          <li key={f.id}>
            <Text weight={f.id === framework.id ? "semibold" : "regular"}>{f.title}</Text>
            <Text className={styles.muted} size={200} block>
              {`${f.id}, version ${f.version}: ${origin.kind === "built-in" ? "built in" : `workbook, ${describeOrigin(origin)}`}`}
            </Text>
          </li>
        ))}
      </ul>
      {list.problems.length > 0 && (
        <>
          <Text weight="semibold">{`Problems in framework sheets (${list.problems.length})`}</Text>
          <ul className={styles.duties} aria-label="Problems in framework sheets">
            {list.problems.map((p, i) => (
              <li key={i}>{`${p.severity === "error" ? "Error" : "Warning"} ${p.sheet}!${p.cell}: ${p.message}`}</li>
            ))}
          </ul>
        </>
      )}
      <Button disabled={disabled} onClick={refresh}>
        Refresh list
      </Button>

      <Text as="h3" weight="semibold">
        Import
      </Text>
      <Label htmlFor={fileId}>Framework file</Label>
      <input
        id={fileId}
        ref={fileInput}
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-describedby={fileHintId}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <Text id={fileHintId} className={styles.muted} size={200}>
        A CASE 1.1 package (JSON), a Moodle competency framework (CSV) or a framework JSON. It is added to the workbook as a framework sheet you can edit.
      </Text>
      <div aria-live="polite">
        {progress && (
          <>
            <Text size={200} block>{`${progress.stage}…`}</Text>
            <progress className={styles.full} aria-label={progress.stage} {...(progress.fraction !== undefined ? { value: progress.fraction, max: 1 } : {})} />
          </>
        )}
      </div>
      {report && "problems" in report && (
        <>
          <Text weight="semibold">{`Problems in ${report.file} (${report.problems.length})`}</Text>
          <ul className={styles.duties} aria-label={`Problems in ${report.file}`}>
            {report.problems.map((p, i) => (
              <li key={i}>{`${p.location}: ${p.message}`}</li>
            ))}
          </ul>
        </>
      )}
      {report && "warnings" in report && report.warnings.length > 0 && (
        <>
          <Text weight="semibold">{`Warnings from ${report.file} (${report.warnings.length})`}</Text>
          <ul className={styles.duties} aria-label={`Warnings from ${report.file}`}>
            {report.warnings.map((w, i) => (
              <li key={i}>{`${w.location}: ${w.message}`}</li>
            ))}
          </ul>
        </>
      )}

      <Text as="h3" weight="semibold">
        Export
      </Text>
      <Field label="Export format" hint={`Exports ${framework.title}, the framework chosen under What to assess, as ${fileName}.`}>
        <Select className={styles.full} value={format} onChange={(_, d) => setFormat(d.value as ExportFormat)}>
          {Object.entries(EXPORT_FORMATS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={save}>
          Download file
        </Button>
        <Button onClick={copy}>Copy to clipboard</Button>
      </div>
      {copyText && (
        <Field label={`Text of ${copyText.fileName}`} hint="Selected: press Ctrl+C (Cmd+C on a Mac) to copy it.">
          <Textarea ref={copyArea} value={copyText.text} readOnly rows={8} resize="vertical" />
        </Field>
      )}
    </Section>
  );
}
