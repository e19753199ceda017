import { lazy, Suspense } from 'react';
import { ApplicationsJournal } from '../features/applications/ApplicationsJournal';
import { DiagnosticsScreen } from '../features/diagnostics/DiagnosticsScreen';
import { HandOverScreen } from '../features/handover/HandOverScreen';
import { QuestionnaireScreen } from '../features/questionnaire/QuestionnaireScreen';
import { QueuePanel } from '../features/queue/QueuePanel';
import { useQueuePolling } from '../features/queue/useQueuePolling';
import { selectIsSupervisor } from '../features/session/sessionSelectors';
import { ApplicationWizard } from '../features/workflow/ApplicationWizard';
import type { WorkspaceView } from '../features/workflow/workflowSlice';
import { selectView } from '../features/workflow/workflowSelectors';
import { useTranslator } from '../i18n/useTranslator';
import { useWorkstation } from '../store/StoreProvider';
import { AppHeader } from './AppHeader';

/**
 * Supervisors only, and it parses dates with core's zod schemas: loaded on first use so that the
 * operator's start-up bundle carries neither.
 */
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })));
/** Supervisors only, like the settings: kept out of the operator's start-up bundle. */
const SupervisorJournal = lazy(() => import('../features/journal/SupervisorJournal').then((module) => ({ default: module.SupervisorJournal })));

function CurrentView({ view }: { readonly view: WorkspaceView }) {
  const { t } = useTranslator();
  const isSupervisor = useWorkstation(selectIsSupervisor);
  switch (view) {
    case 'journal':
      return <ApplicationsJournal />;
    case 'queue':
      return <QueuePanel />;
    case 'handover':
      return <HandOverScreen />;
    case 'diagnostics':
      return <DiagnosticsScreen />;
    case 'settings':
      return isSupervisor ? (
        <Suspense fallback={<p role="status">{t('settings.loading')}</p>}>
          <SettingsScreen />
        </Suspense>
      ) : (
        <ApplicationWizard />
      );
    case 'supervisor-journal':
      return isSupervisor ? (
        <Suspense fallback={<p role="status">{t('visitJournal.loading')}</p>}>
          <SupervisorJournal />
        </Suspense>
      ) : (
        <ApplicationWizard />
      );
    case 'questionnaire':
      return <QuestionnaireScreen />;
    case 'application':
      return <ApplicationWizard />;
  }
}

/**
 * The signed-in screen: header (with the connectivity indicator), then the application being taken,
 * the journal, the send queue, or the settings. Mounted only while signed in, so the queue's poll
 * starts at login and stops at logout, lock or an expired session.
 */
export function Workspace() {
  const view = useWorkstation(selectView);
  useQueuePolling();
  return (
    <div className="workspace">
      <AppHeader />
      <main className="workspace__main">
        <CurrentView view={view} />
      </main>
    </div>
  );
}
