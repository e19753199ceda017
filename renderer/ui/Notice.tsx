import type { ReactNode } from 'react';

export type NoticeTone = 'error' | 'warning' | 'info' | 'success';

/** A message box; errors and warnings are announced at once by screen readers. */
export function Notice({ tone, testId, children }: { readonly tone: NoticeTone; readonly testId?: string; readonly children: ReactNode }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`notice notice--${tone}`} role={role} data-testid={testId}>
      {children}
    </div>
  );
}
