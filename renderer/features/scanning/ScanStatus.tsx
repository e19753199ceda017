import type { ScanJobView } from '../../../core/contract';
import { assertNever } from '../../../core/result';
import { scanFailureMessage, scanProblemMessage } from '../../i18n/documentErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectScanProblem, selectScanRun } from './scanningSelectors';

/** The live progress bar of a batch, with Stop; gone once the scanner has finished. */
function ScanProgress({ slotTitle }: { readonly slotTitle: (slotId: string) => string }) {
  const { t, plural } = useTranslator();
  const run = useWorkstation(selectScanRun);
  const cancelScan = useWorkstation((state) => state.cancelScan);
  const runAction = useRunAction();
  if (run.kind !== 'starting' && run.kind !== 'running') return null;
  const isCancelling = run.kind === 'running' && run.isCancelling;
  return (
    <div className="scan-progress" data-testid="scan-progress" role="status">
      <progress className="scan-progress__bar" aria-label={t('scanner.progressLabel')} />
      <span className="scan-progress__text">
        {run.kind === 'starting' ? t('scanner.starting') : plural('scanner.progress', run.job.pagesDone, { slot: slotTitle(run.job.slotId) })}
      </span>
      <button type="button" className="button button--small" data-testid="scan-cancel" disabled={run.kind !== 'running' || isCancelling} onClick={() => runAction(cancelScan())}>
        {isCancelling ? t('scanner.cancelling') : t('scanner.cancel')}
      </button>
    </div>
  );
}

/** How the last batch ended: pages added, stopped, or the scanner's failure with what to do. */
function ScanOutcome({ job, slotTitle }: { readonly job: ScanJobView; readonly slotTitle: (slotId: string) => string }) {
  const { t, plural } = useTranslator();
  const slot = slotTitle(job.slotId);
  const rejected = job.pagesRejected > 0 && (
    <Notice tone="warning" testId="scan-rejected">
      {plural('scanner.rejected', job.pagesRejected)}
    </Notice>
  );
  switch (job.state) {
    case 'completed':
      return (
        <>
          <p className="scan-summary" role="status" data-testid="scan-summary">
            {plural('scanner.done', job.pagesDone, { slot })}
          </p>
          {rejected}
        </>
      );
    case 'cancelled':
      return (
        <p className="scan-summary" role="status" data-testid="scan-summary">
          {plural('scanner.cancelled', job.pagesDone, { slot })}
        </p>
      );
    case 'failed':
      return (
        <>
          <Notice tone="error" testId="scan-error">
            <p>{t(scanFailureMessage(job.failure ?? 'unknown'))}</p>
            {job.pagesDone > 0 && <p>{plural('scanner.keptPages', job.pagesDone, { slot })}</p>}
          </Notice>
          {rejected}
        </>
      );
    case 'running':
      return null;
    default:
      return assertNever(job.state);
  }
}

export function ScanStatus({ slotTitle }: { readonly slotTitle: (slotId: string) => string }) {
  const { t } = useTranslator();
  const run = useWorkstation(selectScanRun);
  const problem = useWorkstation(selectScanProblem);
  return (
    <>
      <ScanProgress slotTitle={slotTitle} />
      {run.kind === 'ended' && <ScanOutcome job={run.job} slotTitle={slotTitle} />}
      {problem && (
        <Notice tone="error" testId="scan-error">
          {t(scanProblemMessage(problem))}
        </Notice>
      )}
    </>
  );
}
