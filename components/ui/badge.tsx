import type { ReactNode } from 'react';

/** Colour of a badge, matching the status colours of the product. */
export type BadgeTone = 'neutral' | 'ok' | 'warning' | 'error' | 'info';

/** A short pill label (status, count, mode). */
export function Badge({ tone = 'neutral', children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
