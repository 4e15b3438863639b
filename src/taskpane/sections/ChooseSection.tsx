import { Field, Select } from "@fluentui/react-components";
import { levelLabel } from "../../core/lookup";
import type { Framework } from "../../core/model";
import { Section } from "../Section";
import { usePaneStyles } from "../styles";
import type { Choice } from "../useChoice";

/** Framework, role (with its grade, purpose and duties) and target level. */
export function ChooseSection({ frameworks, choice }: { frameworks: Framework[]; choice: Choice }) {
  const styles = usePaneStyles();
  const { framework, role, level } = choice;
  return (
    <Section id="choose-heading" title="What to assess">
      <Field label="Framework">
        <Select className={styles.full} value={framework.id} onChange={(_, d) => choice.chooseFramework(d.value)}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {`${f.title} (${f.publisher})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Role" hint={role.grade ? `${role.grade} · ${role.criteria.length} criteria` : `${role.criteria.length} criteria`}>
        <Select className={styles.full} value={role.id} onChange={(_, d) => choice.chooseRole(d.value)}>
          {framework.roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.grade ? `${r.title}, ${r.grade}` : r.title}
            </option>
          ))}
        </Select>
      </Field>
      {(role.purpose || role.duties.length > 0) && (
        <details>
          <summary>Purpose and duties ({role.duties.length})</summary>
          {role.purpose && <p>{role.purpose}</p>}
          <ul className={styles.duties}>
            {role.duties.map((d, i) => (
              <li key={i}>{d.text}</li>
            ))}
          </ul>
        </details>
      )}
      <Field label="Target level" hint={framework.implicitLevel ? "This framework has no levels." : "Levels are cumulative: a level needs everything below it too."}>
        <Select className={styles.full} value={level.id} disabled={framework.implicitLevel} onChange={(_, d) => choice.chooseLevel(d.value)}>
          {framework.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {levelLabel(l)}
            </option>
          ))}
        </Select>
      </Field>
    </Section>
  );
}
