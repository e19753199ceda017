import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslator } from '../i18n/useTranslator';

interface BoundaryState {
  readonly error: unknown;
}

function ConnectionLostBanner() {
  const { t } = useTranslator();
  return (
    <div className="connection-lost" role="alert" data-testid="connection-error">
      <h1>{t('connection.lost.title')}</h1>
      <p>{t('connection.lost.body')}</p>
      <button type="button" className="button button--primary" autoFocus onClick={() => window.location.reload()}>
        {t('connection.lost.reload')}
      </button>
    </div>
  );
}

/**
 * The renderer's one sink for unexpected errors (code-style §5): a thrown error is a bug or a lost
 * host, never an operator mistake, so the operator gets one plain message and a reload.
 */
export class ConnectionErrorBoundary extends Component<{ readonly children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Logged once, here; the message never contains citizen data (contract errors name fields, not values).
    console.error('Unexpected renderer error', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : <ConnectionLostBanner />;
  }
}
