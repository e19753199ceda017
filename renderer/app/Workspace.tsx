import { ApplicationsJournal } from '../features/applications/ApplicationsJournal';
import { ApplicationWizard } from '../features/workflow/ApplicationWizard';
import { selectView } from '../features/workflow/workflowSelectors';
import { useWorkstation } from '../store/StoreProvider';
import { AppHeader } from './AppHeader';

/** The signed-in screen: header, then either the application being taken or the journal. */
export function Workspace() {
  const view = useWorkstation(selectView);
  return (
    <div className="workspace">
      <AppHeader />
      <main className="workspace__main">{view === 'journal' ? <ApplicationsJournal /> : <ApplicationWizard />}</main>
    </div>
  );
}
