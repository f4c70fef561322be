import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll area. It is focusable so keyboard users can scroll
 * it (WCAG 2.1.1; axe's "scrollable-region-focusable"), and named so a screen reader says
 * what it holds.
 */
export function ScrollRegion({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
