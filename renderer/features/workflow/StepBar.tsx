import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { APPLICATION_STEPS } from './applicationSteps';
import { formatNormDuration } from './formatNormDuration';
import { requestCapMinutesOf, stepNormOf } from './regulationNorms';
import { STEP_LABELS } from './stepLabels';
import { selectCurrentStep, selectIsStepDone, selectIsStepReachable } from './workflowSelectors';

/**
 * Diagram No. 2 as four steps. Each shows the norm time the chosen service's regulation prints
 * for it; before a service is chosen the regulation, and so the norm, is not known yet.
 */
export function StepBar() {
  const translator = useTranslator();
  const { t } = translator;
  const current = useWorkstation(selectCurrentStep);
  const seedFile = useWorkstation((state) => selectSelectedService(state)?.source.seedFile ?? null);
  const reachable = useWorkstationShallow((state) => APPLICATION_STEPS.map((step) => selectIsStepReachable(state, step)));
  const done = useWorkstationShallow((state) => APPLICATION_STEPS.map((step) => selectIsStepDone(state, step)));
  const goToStep = useWorkstation((state) => state.goToStep);
  const capMinutes = seedFile === null ? null : requestCapMinutesOf(seedFile);

  return (
    <nav className="step-bar" aria-label={t('steps.label')}>
      <ol className="step-bar__list">
        {APPLICATION_STEPS.map((step, index) => {
          const norm = seedFile === null ? null : stepNormOf(seedFile, step);
          const className = ['step-bar__step', step === current ? 'is-current' : '', done[index] ? 'is-done' : ''].join(' ').trim();
          return (
            <li key={step}>
              <button
                type="button"
                className={className}
                data-testid={`step-${step}`}
                aria-current={step === current ? 'step' : undefined}
                disabled={!reachable[index]}
                onClick={() => goToStep(step)}
              >
                <span className="step-bar__number" aria-hidden="true">
                  {done[index] ? '✓' : index + 1}
                </span>
                <span className="step-bar__text">
                  <span className="step-bar__label">{t(STEP_LABELS[step])}</span>
                  {norm && <span className="step-bar__norm">{t('step.norm', { duration: formatNormDuration(norm, translator) })}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {capMinutes !== null && <p className="step-bar__cap">{t('step.requestCap', { minutes: capMinutes })}</p>}
    </nav>
  );
}
