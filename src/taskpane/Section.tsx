import { Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { usePaneStyles } from "./styles";

/** A titled part of the pane; the heading names the region for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h2" id={id} size={400} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
}
