import type { ReactNode } from 'react';

/** One label/value line of a registry card (inside a <dl>). */
export function CardRow({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <div className="card-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
