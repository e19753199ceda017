import { commandNamed } from '../commands/workstationCommands';
import { LanguageSwitch } from '../features/preferences/LanguageSwitch';
import { ConnectivityIndicator } from '../features/queue/ConnectivityIndicator';
import { VisitTimerBadge } from '../features/timer/VisitTimerBadge';
import { selectIsSupervisor, selectOperator } from '../features/session/sessionSelectors';
import { selectView } from '../features/workflow/workflowSelectors';
import { useTranslator } from '../i18n/useTranslator';
import { useWorkstation } from '../store/StoreProvider';
import { useRunAction } from '../ui/useRunAction';

const openApplicationCommand = commandNamed('open-application');
const openJournalCommand = commandNamed('open-journal');
const openQueueCommand = commandNamed('open-queue');
const openSettingsCommand = commandNamed('open-settings');
const openHandOverCommand = commandNamed('open-handover');
const openSupervisorJournalCommand = commandNamed('open-supervisor-journal');
const openDiagnosticsCommand = commandNamed('open-diagnostics');

export function AppHeader() {
  const { t } = useTranslator();
  const operator = useWorkstation(selectOperator);
  const isSupervisor = useWorkstation(selectIsSupervisor);
  const view = useWorkstation(selectView);
  const openApplication = useWorkstation((state) => state.openApplication);
  const openJournal = useWorkstation((state) => state.openJournal);
  const openQueue = useWorkstation((state) => state.openQueue);
  const openHandOver = useWorkstation((state) => state.openHandOver);
  const openSettings = useWorkstation((state) => state.openSettings);
  const openSupervisorJournal = useWorkstation((state) => state.openSupervisorJournal);
  const openDiagnostics = useWorkstation((state) => state.openDiagnostics);
  const logout = useWorkstation((state) => state.logout);
  const run = useRunAction();
  if (!operator) return null;

  return (
    <header className="app-header">
      <div className="app-header__brand">{t('app.title')}</div>
      <nav className="app-header__nav" aria-label={t('nav.label')}>
        <button
          type="button"
          className="nav-button"
          data-testid="nav-new-application"
          aria-current={view === 'application' ? 'page' : undefined}
          aria-keyshortcuts="Alt+N"
          title={`${t(openApplicationCommand.labelKey)} (${openApplicationCommand.shortcut})`}
          onClick={openApplication}
        >
          {t('nav.application')}
        </button>
        <button
          type="button"
          className="nav-button"
          data-testid="nav-applications"
          aria-current={view === 'journal' ? 'page' : undefined}
          aria-keyshortcuts="Alt+J"
          title={`${t(openJournalCommand.labelKey)} (${openJournalCommand.shortcut})`}
          onClick={openJournal}
        >
          {t('nav.applications')}
        </button>
        <button
          type="button"
          className="nav-button"
          data-testid="nav-queue"
          aria-current={view === 'queue' ? 'page' : undefined}
          aria-keyshortcuts={openQueueCommand.ariaShortcut}
          title={`${t(openQueueCommand.labelKey)} (${openQueueCommand.shortcut})`}
          onClick={openQueue}
        >
          {t('nav.queue')}
        </button>
        <button
          type="button"
          className="nav-button"
          data-testid="nav-handover"
          aria-current={view === 'handover' ? 'page' : undefined}
          aria-keyshortcuts={openHandOverCommand.ariaShortcut}
          title={`${t(openHandOverCommand.labelKey)} (${openHandOverCommand.shortcut})`}
          onClick={openHandOver}
        >
          {t('nav.handover')}
        </button>
        {isSupervisor && (
          <button
            type="button"
            className="nav-button"
            data-testid="nav-supervisor-journal"
            aria-current={view === 'supervisor-journal' ? 'page' : undefined}
            aria-keyshortcuts={openSupervisorJournalCommand.ariaShortcut}
            title={`${t(openSupervisorJournalCommand.labelKey)} (${openSupervisorJournalCommand.shortcut})`}
            onClick={() => openSupervisorJournal()}
          >
            {t('nav.supervisorJournal')}
          </button>
        )}
        <button
          type="button"
          className="nav-button"
          data-testid="nav-diagnostics"
          aria-current={view === 'diagnostics' ? 'page' : undefined}
          aria-keyshortcuts={openDiagnosticsCommand.ariaShortcut}
          title={`${t(openDiagnosticsCommand.labelKey)} (${openDiagnosticsCommand.shortcut})`}
          onClick={openDiagnostics}
        >
          {t('nav.diagnostics')}
        </button>
        {isSupervisor && (
          <button
            type="button"
            className="nav-button"
            data-testid="nav-settings"
            aria-current={view === 'settings' ? 'page' : undefined}
            aria-keyshortcuts="Alt+S"
            title={`${t(openSettingsCommand.labelKey)} (${openSettingsCommand.shortcut})`}
            onClick={() => openSettings()}
          >
            {t('nav.settings')}
          </button>
        )}
      </nav>
      <VisitTimerBadge />
      <ConnectivityIndicator />
      {operator.offline === true && (
        <span className="badge badge--bad" data-testid="offline-sign-in" title={t('header.offlineSignIn.hint')}>
          {t('header.offlineSignIn')}
        </span>
      )}
      <div className="app-header__operator">
        <span className="app-header__operator-name" data-testid="operator-name" title={`${t('header.operator')}: ${operator.fullName}`}>
          {operator.fullName}
        </span>
        <span className="app-header__workplace" data-testid="workplace-name" title={`${t('header.workplace')}: ${operator.workplace.name}`}>
          {operator.workplace.name}
        </span>
      </div>
      <LanguageSwitch />
      <button type="button" className="button" data-testid="logout" onClick={() => run(logout())}>
        {t('nav.logout')}
      </button>
    </header>
  );
}
