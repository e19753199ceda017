import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { APPLICATION_STEPS } from './applicationSteps';
import { NormTime } from './NormTime';
import { requestCapMinutesOf, stepNormOf } from './stepNorms';
import { STEP_LABELS } from './stepLabels';
import { selectCurrentStep, selectIsStepDone, selectIsStepReachable } from './workflowSelectors';

/**
 * Diagram No. 2 as the four steps the counter implements (signing and the receipt come later).
 * Each shows the norm time the chosen service's regulation prints for it (catalog `stepNorms`);
 * before a service is chosen the regulation, and so the norm, is not known yet.
 */
export function StepBar() {
  const { t } = useTranslator();
  const current = useWorkstation(selectCurrentStep);
  const service = useWorkstation(selectSelectedService);
  const reachable = useWorkstationShallow((state) => APPLICATION_STEPS.map((step) => selectIsStepReachable(state, step)));
  const done = useWorkstationShallow((state) => APPLICATION_STEPS.map((step) => selectIsStepDone(state, step)));
  const goToStep = useWorkstation((state) => state.goToStep);
  const capMinutes = service === null ? null : requestCapMinutesOf(service);

  return (
    <nav className="step-bar" aria-label={t('steps.label')}>
      <ol className="step-bar__list">
        {APPLICATION_STEPS.map((step, index) => {
          const norm = service === null ? null : stepNormOf(service, step);
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
                  {norm && <NormTime norm={norm} className="step-bar__norm" />}
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
