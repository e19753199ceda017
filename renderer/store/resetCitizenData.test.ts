import { describe, expect, it, vi } from 'vitest';
import {
  arrangeReadyToSubmit,
  chooseService,
  confirmApplicant,
  createSignedInStore,
  fillRequiredSlots,
  findApplicant,
  findRepresentative,
  pickKey,
} from '../test-support/arrangeStore';
import { BOOKMAKER_2012, OPERATOR_PASSWORD, PSC_OPERATOR, REPRESENTATIVE_PERSON, SUPERVISOR } from '../test-support/fakeFixtures';
import { POA_FOR_PERSON } from '../test-support/fakeNotaryFixtures';
import { FAKE_KEY_PASSWORD } from '../test-support/fakeSigningKeys';
import { arrangeTrackedApplications } from '../test-support/statusScenarios';

/** Everything of the applicant that must not outlive the session: identifiers, names, address, documents, numbers. */
const CITIZEN_TRACES = ['850415312343', 'Жұмабеков', 'Ерғали', 'Жеңіс даңғылы', 'Ұлытау Ойын', 'Жеке басын куәландыратын құжат.pdf', 'KZ-LIC-2025', 'WS01-'];
/** What the renderer holds of a draft's pages: the imported files' names and the thumbnails. */
const PAGE_TRACES = ['identity.pdf', 'data:image/jpeg;base64,'];

function serialisedData(state: object): string {
  return JSON.stringify(state, (_key, value: unknown) => (typeof value === 'function' ? undefined : value));
}

describe('citizen data in the store', () => {
  it('is all gone after logout: no IIN, name, address, page, thumbnail, document or number remains', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().loadScanners();
    store.getState().chooseSlot('other');
    await store.getState().startScan();
    const withPages = serialisedData(store.getState());
    for (const trace of PAGE_TRACES) expect(withPages).toContain(trace);
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().loadApplications();
    const before = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(before).toContain(trace);

    await store.getState().logout();

    const after = serialisedData(store.getState());
    for (const trace of [...CITIZEN_TRACES, ...PAGE_TRACES]) expect(after).not.toContain(trace);
    expect(store.getState().operator).toBeNull();
    expect(store.getState().draft).toBeNull();
    expect(store.getState().thumbnails).toEqual({});
    expect(store.getState().applicationsLoad).toEqual({ kind: 'idle' });
  });

  it('is all gone after the idle auto-lock too, and main is told to end the session', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    await store.getState().loadScanners();
    store.getState().chooseSlot('other');
    await store.getState().startScan();
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().loadApplications();
    const before = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(before).toContain(trace);

    await store.getState().lockForInactivity();

    const after = serialisedData(store.getState());
    for (const trace of [...CITIZEN_TRACES, ...PAGE_TRACES]) expect(after).not.toContain(trace);
    expect(store.getState()).toMatchObject({ operator: null, draft: null, thumbnails: {}, sessionNotice: 'idle-locked' });
    expect(fake.callsTo('session', 'lock')).toHaveLength(1);
    expect(fake.callsTo('session', 'logout')).toHaveLength(0);
  });

  it('is all gone after logout with a representative too: IIN, name, PoA number and notary', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312343');
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: POA_FOR_PERSON.number });
    await confirmApplicant(store);
    await fillRequiredSlots(store);
    store.getState().goToStep('review');
    await store.getState().loadDeadlinePreview();
    await pickKey(store);
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().loadApplications();
    const traces = [REPRESENTATIVE_PERSON.iin, 'Сейдахметова', POA_FOR_PERSON.number, 'Бекова Ләззат', 'Қабанбай батыр'];
    const before = serialisedData(store.getState());
    for (const trace of traces) expect(before).toContain(trace);

    await store.getState().logout();

    const after = serialisedData(store.getState());
    for (const trace of traces) expect(after).not.toContain(trace);
    expect(store.getState().deadlinePreview).toEqual({ kind: 'idle' });
  });

  it('is gone after logout in the middle of an application, which main keeps and offers back at the next login', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const draftId = store.getState().draft!.draftId;
    await store.getState().logout();
    for (const trace of [...PAGE_TRACES, 'Жұмабеков']) expect(serialisedData(store.getState())).not.toContain(trace);
    expect(fake.drafts.all.find((draft) => draft.draftId === draftId)?.state).toBe('open');

    await store.getState().login({ login: PSC_OPERATOR.login, password: OPERATOR_PASSWORD });
    expect(store.getState().openDrafts).toMatchObject({ kind: 'loaded', drafts: [{ draftId, applicantDisplayName: 'Жұмабеков Ерғали Өмірұлы' }] });
  });

  it('stops a running scan at logout, so the feeder does not fill a draft nobody is looking at', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    await store.getState().loadScanners();
    fake.scanner.hold();
    const scanning = store.getState().startScan();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await store.getState().logout();
    await scanning;
    expect(fake.callsTo('scanning', 'cancel')).toHaveLength(1);
    expect(store.getState().scanRun).toEqual({ kind: 'idle' });
  });

  it('drops a registry answer that arrives after logout', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    let answer: () => void = () => undefined;
    const original = fake.impl.registry.lookupApplicant;
    fake.impl.registry.lookupApplicant = (query) => new Promise((resolve) => (answer = () => resolve(original(query))));

    store.getState().editIdentifier('850415312343');
    const pending = store.getState().lookupApplicant();
    await Promise.resolve();
    await store.getState().logout();
    answer();
    await pending;

    expect(serialisedData(store.getState())).not.toContain('Жұмабеков');
    expect(store.getState().lookup).toEqual({ kind: 'idle' });
  });

  it('wipes the questionnaire\'s application and the supervisor\'s journal report at logout; the visit ends', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    const application = fake.queue.addApplication({ state: 'registered', serviceId: BOOKMAKER_2012.id });
    fake.journal.setReport({
      filter: { from: '2025-03-10', to: '2025-03-10', operatorId: null, serviceId: null },
      countsByStatus: { registered: 1 },
      visits: [
        {
          visitId: '00000000-0000-4000-8000-0000000000a1', kind: 'acceptance', operatorId: 'aigerim.s', operatorName: 'Сәрсенова Әйгерім',
          serviceId: BOOKMAKER_2012.id, applicationId: application.applicationId, localNumber: application.localNumber,
          registrationNumber: 'KZ-LIC-2025-00077', status: 'registered', startedAt: '2025-03-10T04:10:00.000Z', totalSeconds: 60,
          budgetMinutes: 15, overBudget: false, steps: [],
        },
      ],
      steps: [],
      questionnaire: [],
      operators: [],
    });
    store.getState().selectService(BOOKMAKER_2012.id);
    await store.getState().loadJournalReport();
    await store.getState().openQuestionnaire(application.applicationId);
    const before = serialisedData(store.getState());
    for (const trace of [application.applicationId, 'KZ-LIC-2025-00077']) expect(before).toContain(trace);
    const visitId = store.getState().visit?.visitId;

    await store.getState().logout();

    const after = serialisedData(store.getState());
    for (const trace of [application.applicationId, 'KZ-LIC-2025-00077', 'Сәрсенова']) expect(after).not.toContain(trace);
    expect(store.getState().questionnaire).toEqual({ kind: 'closed' });
    expect(store.getState().journalReport).toEqual({ kind: 'idle' });
    expect(store.getState().visit).toBeNull();
    expect(fake.callsTo('journal', 'endVisit').map((call) => call.args[0])).toEqual([visitId]);
  });

  it('is all gone after logout from the status and hand-over screens too: found applicants, typed IIN, result PDF', async () => {
    const urls = { made: [] as string[], revoked: [] as string[] };
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      urls.made.push(`blob:http://127.0.0.1/result-${urls.made.length + 1}`);
      return urls.made[urls.made.length - 1]!;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void urls.revoked.push(url));
    try {
      const { store, fake } = await createSignedInStore();
      const { ready } = arrangeTrackedApplications(fake);
      await store.getState().loadApplications();
      store.getState().editHandOverQuery('150840123461');
      await store.getState().findForHandOver();
      store.getState().editHandOverQuery('850415312343');
      await store.getState().findForHandOver();
      await store.getState().viewResult(ready.applicationId);
      const before = serialisedData(store.getState());
      for (const trace of ['850415312343', 'Жұмабеков', 'KZ-LIC-2025', urls.made[0]!]) expect(before).toContain(trace);

      await store.getState().logout();

      const after = serialisedData(store.getState());
      for (const trace of ['850415312343', 'Жұмабеков', 'KZ-LIC-2025', 'blob:']) expect(after).not.toContain(trace);
      expect(store.getState().handOverQuery).toBe('');
      expect(store.getState().handOverSearch).toEqual({ kind: 'idle' });
      expect(store.getState().resultViewer).toEqual({ kind: 'closed' });
      expect(urls.revoked).toEqual(urls.made);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('is wiped by "New application" but keeps the operator, the catalog and the scanners', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().loadScanners();
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().startNewApplication();
    const state = serialisedData(store.getState());
    for (const trace of [...CITIZEN_TRACES, ...PAGE_TRACES]) expect(state).not.toContain(trace);
    expect(store.getState().operator).not.toBeNull();
    expect(store.getState().services.length).toBeGreaterThan(0);
    expect(store.getState().scanners.kind).toBe('loaded');
  });
});
