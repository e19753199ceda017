import { describe, expect, it } from 'vitest';
import { chooseService, confirmApplicant, createSignedInStore, createTestStore, findApplicant } from '../test-support/arrangeStore';
import { SUPERVISOR } from '../test-support/fakeFixtures';
import { commandNamed, findCommand, WORKSTATION_COMMANDS, type KeyChord } from './workstationCommands';

const alt = (code: string): KeyChord => ({ code, altKey: true, ctrlKey: false, shiftKey: false, metaKey: false });

describe('workstation commands', () => {
  it('does nothing before login', () => {
    const { store } = createTestStore();
    expect(findCommand(alt('KeyJ'), store.getState())).toBeNull();
  });

  it('opens the journal with Alt+J by the physical key, whatever the layout', async () => {
    const { store } = await createSignedInStore();
    const command = findCommand(alt('KeyJ'), store.getState());
    expect(command?.name).toBe('open-journal');
    await command?.perform(store.getState());
    expect(store.getState().view).toBe('journal');
    expect(findCommand({ ...alt('KeyJ'), ctrlKey: true }, store.getState())).toBeNull();
  });

  it('opens the send queue with Alt+Q, signed in only', async () => {
    const { store } = createTestStore();
    expect(findCommand(alt('KeyQ'), store.getState())).toBeNull();
    const signedIn = await createSignedInStore();
    const command = findCommand(alt('KeyQ'), signedIn.store.getState());
    expect(command?.name).toBe('open-queue');
    await command?.perform(signedIn.store.getState());
    expect(signedIn.store.getState().view).toBe('queue');
  });

  it('opens the hand-over screen with Alt+R, signed in only', async () => {
    const { store } = createTestStore();
    expect(findCommand(alt('KeyR'), store.getState())).toBeNull();
    const signedIn = await createSignedInStore();
    const command = findCommand(alt('KeyR'), signedIn.store.getState());
    expect(command?.name).toBe('open-handover');
    await command?.perform(signedIn.store.getState());
    expect(signedIn.store.getState().view).toBe('handover');
  });

  it('gives every command its own shortcut', () => {
    const shortcuts = WORKSTATION_COMMANDS.map((command) => command.shortcut);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('moves to the next step only when the current one is complete', async () => {
    const { store } = await createSignedInStore();
    const next = commandNamed('next-step');
    expect(next.predicate(store.getState())).toBe(false);
    store.getState().selectService('002-a2-casino-2014');
    store.getState().selectSubtype('reissue');
    expect(next.predicate(store.getState())).toBe(true);
    await next.perform(store.getState());
    expect(store.getState().step).toBe('applicant');
    expect(store.getState().draft?.subtype).toBe('reissue');
    expect(next.predicate(store.getState())).toBe(false);
  });

  it('goes back a step with Alt+Left', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    await findCommand(alt('ArrowLeft'), store.getState())?.perform(store.getState());
    expect(store.getState().step).toBe('service');
    expect(findCommand(alt('ArrowLeft'), store.getState())).toBeNull();
  });

  it('opens the settings with Alt+S for a supervisor only', async () => {
    const { store } = await createSignedInStore();
    expect(findCommand(alt('KeyS'), store.getState())).toBeNull();
    const supervisor = await createSignedInStore({ operator: SUPERVISOR });
    await findCommand(alt('KeyS'), supervisor.store.getState())?.perform(supervisor.store.getState());
    expect(supervisor.store.getState().view).toBe('settings');
  });

  it('scans with F8 or Ctrl+Enter on the documents step only, when a scanner is ready', async () => {
    const { store } = await createSignedInStore();
    const f8: KeyChord = { code: 'F8', altKey: false, ctrlKey: false, shiftKey: false, metaKey: false };
    const ctrlEnter: KeyChord = { ...f8, code: 'Enter', ctrlKey: true };
    await chooseService(store);
    await store.getState().loadScanners();
    expect(findCommand(f8, store.getState())).toBeNull();
    await findApplicant(store, '850415312343');
    await confirmApplicant(store);
    expect(findCommand(f8, store.getState())?.name).toBe('scan');
    expect(findCommand(ctrlEnter, store.getState())?.name).toBe('scan');
    expect(findCommand({ ...f8, shiftKey: true }, store.getState())).toBeNull();
    await findCommand(f8, store.getState())?.perform(store.getState());
    expect(store.getState().draft?.slots[0]?.pages).toHaveLength(1);
  });
});
