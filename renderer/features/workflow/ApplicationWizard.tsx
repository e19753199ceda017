import { assertNever } from '../../../core/result';
import { ShortcutHints } from '../../commands/ShortcutHints';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { ApplicantStep } from '../applicant/ApplicantStep';
import { ServicePicker } from '../catalog/ServicePicker';
import { DocumentsStep } from '../documents/DocumentsStep';
import { ReviewStep } from '../submission/ReviewStep';
import { SubmissionResult } from '../submission/SubmissionResult';
import type { ApplicationStep } from './applicationSteps';
import { StepBar } from './StepBar';
import { selectCurrentStep, selectHasDraft, selectIsApplicationFinished } from './workflowSelectors';

const WIZARD_SHORTCUTS = ['previous-step', 'next-step', 'open-application', 'open-journal'] as const;

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
  const startNewApplication = useWorkstation((state) => state.startNewApplication);
  const run = useRunAction();

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
      {isFinished ? <SubmissionResult /> : <CurrentStep step={step} />}
      <ShortcutHints names={WIZARD_SHORTCUTS} />
    </section>
  );
}
