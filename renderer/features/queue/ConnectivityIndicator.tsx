import type { Connectivity, TlsFailureReason } from '../../../core/contract';
import { assertNever } from '../../../core/result';
import type { MessageKey } from '../../i18n/messageCatalog';
import type { Translator } from '../../i18n/translator';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { localToday } from '../../ui/localToday';
import { selectQueueStatus } from './queueSelectors';

const UNKNOWN: Connectivity = { state: 'unknown' };

function ConnectivityState({ connectivity }: { readonly connectivity: Connectivity }) {
  const { t, formatTime } = useTranslator();
  switch (connectivity.state) {
    case 'online':
      return <span data-testid="connectivity-state">{t('queue.online')}</span>;
    case 'offline':
      return (
        <span data-testid="connectivity-state">
          {t('queue.offline')}
          <span className="connectivity__next-check" data-testid="connectivity-next-check">
            {' · '}
            {t('queue.nextCheck', { time: formatTime(connectivity.nextCheckAt, { seconds: true }) })}
          </span>
        </span>
      );
    case 'unknown':
      return <span data-testid="connectivity-state">{t('queue.unknown')}</span>;
  }
}

/** The header's short words for why TLS refused the backend. */
function tlsProblemKey(reason: TlsFailureReason): MessageKey {
  switch (reason) {
    case 'untrusted-certificate':
      return 'queue.tls.untrustedCertificate';
    case 'expired-certificate':
      return 'queue.tls.expiredCertificate';
    case 'hostname-mismatch':
      return 'queue.tls.hostnameMismatch';
    case 'pin-mismatch':
      return 'queue.tls.pinMismatch';
    case 'handshake-failed':
      return 'queue.tls.handshakeFailed';
    default:
      return assertNever(reason);
  }
}

/** HH:MM for a sync today; with the date for an older one, so "09:05" never means yesterday. */
function syncTime(isoDateTime: string, translator: Translator): string {
  const instant = new Date(isoDateTime);
  return localToday(instant) === localToday() ? translator.formatTime(isoDateTime) : translator.formatDateTime(isoDateTime);
}

/**
 * Always on screen while signed in (DESIGN.md §3, issue 6): is the licensing backend reachable, how
 * many applications wait to be sent, and when the workstation last synced. Counters keep accepting
 * applications offline, so this is information, not an alarm; needs-attention is the one call to act,
 * and so is a refused TLS certificate: waiting will not fix it, the administrator must.
 */
export function ConnectivityIndicator() {
  const translator = useTranslator();
  const { t } = translator;
  const status = useWorkstation(selectQueueStatus);
  const connectivity = status?.connectivity ?? UNKNOWN;
  const waiting = status === null ? '—' : translator.formatNumber(status.counts.accepted);
  const tlsProblem = connectivity.state === 'offline' ? connectivity.tlsProblem : undefined;

  return (
    <div className={`connectivity connectivity--${connectivity.state}`} role="status" aria-live="polite" data-testid="connectivity-indicator" data-state={connectivity.state}>
      <span className="connectivity__line">
        <span className="connectivity__dot" aria-hidden="true" />
        <ConnectivityState connectivity={connectivity} />
      </span>
      {tlsProblem !== undefined && (
        <span className="connectivity__line connectivity__tls" data-testid="connectivity-tls-problem" data-reason={tlsProblem}>
          {t('queue.tlsProblem', { problem: t(tlsProblemKey(tlsProblem)) })}
        </span>
      )}
      <span className="connectivity__line connectivity__details">
        <span data-testid="queue-waiting-count">{t('queue.waiting', { count: waiting })}</span>
        {status !== null && status.counts.needsAttention > 0 && (
          <span className="connectivity__attention" data-testid="queue-attention-count">
            {t('queue.attention', { count: translator.formatNumber(status.counts.needsAttention) })}
          </span>
        )}
        {status?.paused === true && (
          <span className="connectivity__paused" data-testid="queue-paused-marker">
            {t('queue.pausedShort')}
          </span>
        )}
        <span className="connectivity__sync" data-testid="queue-last-sync">
          {status === null || status.lastSyncAt === null ? t('queue.neverSynced') : t('queue.lastSync', { time: syncTime(status.lastSyncAt, translator) })}
        </span>
      </span>
    </div>
  );
}
