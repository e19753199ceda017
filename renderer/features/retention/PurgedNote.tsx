import type { ApplicationSummary } from '../../../core/contract';
import type { Translator } from '../../i18n/translator';
import { useTranslator } from '../../i18n/useTranslator';

/**
 * Why an action that needs the applicant's data or documents (view or print the result, reprint the
 * receipt) is disabled for a purged application; null while the data are kept.
 */
export function purgedActionReason(application: Pick<ApplicationSummary, 'purgedAt'>, translator: Pick<Translator, 't' | 'formatDateTime'>): string | null {
  return application.purgedAt === null ? null : translator.t('retention.unavailable', { date: translator.formatDateTime(application.purgedAt) });
}

/** Shown where the applicant's name and IIN/BIN were, once main's retention purge removed them (ApplicationSummary.purgedAt). */
export function PurgedNote({ purgedAt, testId = 'purged-note' }: { readonly purgedAt: string; readonly testId?: string }) {
  const { t, formatDateTime } = useTranslator();
  return (
    <span className="muted" data-testid={testId}>
      {t('retention.purged', { date: formatDateTime(purgedAt) })}
    </span>
  );
}
