import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { NormTime } from '../workflow/NormTime';
import { dataUnavailableNormOf } from '../workflow/stepNorms';

/**
 * A terminal outcome of the lookup (regulations.md §3, W3-F): the application stops here, with no
 * manual override. The only way on is a new application, offered with the focus on it. The norm
 * time the regulation gives for this message is shown where it prints one.
 */
export function ApplicationStopped({ reason, testId }: { readonly reason: string; readonly testId: string }) {
  const { t } = useTranslator();
  const startNewApplication = useWorkstation((state) => state.startNewApplication);
  const service = useWorkstation(selectSelectedService);
  const norm = service === null ? null : dataUnavailableNormOf(service);
  const run = useRunAction();
  return (
    <Notice tone="error" testId={testId}>
      <p className="notice__title">{reason}</p>
      <p>{t('applicant.stopped')}</p>
      {norm && (
        <p>
          <NormTime norm={norm} className="notice__norm" />
        </p>
      )}
      <button type="button" className="button" data-testid="restart-application" autoFocus onClick={() => run(startNewApplication())}>
        {t('result.newApplication')}
      </button>
    </Notice>
  );
}
