import type { ApplicationSummary } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { refusalReasonText, statusLabelOf } from './statusLabels';

/** The status badge, and under it the provider's reason when it refused. */
export function StatusLabel({ application }: { readonly application: ApplicationSummary }) {
  const { t, language } = useTranslator();
  const label = statusLabelOf(application);
  const refusal = application.handOver === null ? refusalReasonText(application.tracking?.decision ?? null, language) : null;
  return (
    <>
      <span className={`badge badge--status-${label.tone}`} data-testid="status-label">
        {t(label.key)}
      </span>
      {refusal !== null && (
        <span className="status-refusal" data-testid="status-refusal">
          {t('status.refusalReason', { reason: refusal })}
        </span>
      )}
    </>
  );
}
