import { useEffect } from 'react';
import { assertNever } from '../../../core/result';
import { ShortcutHints } from '../../commands/ShortcutHints';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { ApplicantStep } from '../applicant/ApplicantStep';
import { ServicePicker } from '../catalog/ServicePicker';
import { DocumentsStep } from '../documents/DocumentsStep';
import { RecoveryPanel } from '../recovery/RecoveryPanel';
import { selectIsRecoveryOffered } from '../recovery/recoverySelectors';
import { ReviewStep } from '../submission/ReviewStep';
import { SubmissionResult } from '../submission/SubmissionResult';
import type { ApplicationStep } from './applicationSteps';
import { StepBar } from './StepBar';
import { selectCurrentStep, selectHasDraft, selectIsApplicationFinished } from './workflowSelectors';

const WIZARD_SHORTCUTS = ['previous-step', 'next-step', 'open-application', 'open-journal', 'open-queue'] as const;
const DOCUMENTS_SHORTCUTS = ['scan', ...WIZARD_SHORTCUTS] as const;

function CurrentStep({ step }: { readonly step: ApplicationStep }) {
  switch (step) {
    case 'service':
      return <ServicePicker />;
    case 'applicant':
      return <ApplicantStep />;
    case 'documents':
      return <DocumentsStep />;
    case 'review':
      return <ReviewStep />;
    default:
      return assertNever(step);
  }
}

/** Taking one application: the step bar, then the current step or, once submitted, the result. */
export function ApplicationWizard() {
  const { t } = useTranslator();
  const step = useWorkstation(selectCurrentStep);
  const isFinished = useWorkstation(selectIsApplicationFinished);
  const hasDraft = useWorkstation(selectHasDraft);
  const isRecoveryOffered = useWorkstation(selectIsRecoveryOffered);
  const startNewApplication = useWorkstation((state) => state.startNewApplication);
  const isDraftOpen = useWorkstation((state) => state.draft !== null);
  const areScannersUnknown = useWorkstation((state) => state.scanners.kind === 'idle');
  const loadScanners = useWorkstation((state) => state.loadScanners);
  const run = useRunAction();

  // Finding scanners can take seconds (SANE asks every bus): start while the applicant is looked up.
  useEffect(() => {
    if (isDraftOpen && areScannersUnknown) run(loadScanners());
  }, [isDraftOpen, areScannersUnknown, loadScanners, run]);

  return (
    <section className="wizard">
      <div className="wizard__top">
        <StepBar />
        {hasDraft && (
          <button type="button" className="button button--quiet" data-testid="cancel-application" onClick={() => run(startNewApplication())}>
            {t('action.cancelApplication')}
          </button>
        )}
      </div>
      {isRecoveryOffered && <RecoveryPanel />}
      {isFinished ? <SubmissionResult /> : <CurrentStep step={step} />}
      <ShortcutHints names={step === 'documents' && !isFinished ? DOCUMENTS_SHORTCUTS : WIZARD_SHORTCUTS} />
    </section>
  );
}
