/**
 * Keyboard commands as data (code-style §13): one list read by the shortcut hook and by the
 * buttons that show the shortcut. predicate and perform are plain functions over store state.
 * Shortcuts match `event.code` (the physical key), so they work in the Kazakh and Russian layouts too.
 */
import type { MessageKey } from '../i18n/messageCatalog';
import type { WorkstationState } from '../store/storeTypes';
import { previousStepOf } from '../features/workflow/applicationSteps';
import { selectIsSupervisor } from '../features/session/sessionSelectors';
import { selectCanScan } from '../features/scanning/scanningSelectors';
import { selectCanAdvance, selectIsApplicationFinished } from '../features/workflow/workflowSelectors';

export type CommandName =
  | 'next-step'
  | 'previous-step'
  | 'open-journal'
  | 'open-queue'
  | 'open-application'
  | 'open-settings'
  | 'scan'
  | 'open-handover'
  | 'open-supervisor-journal'
  | 'open-diagnostics';

export type KeyChord = Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey'>;

export interface WorkstationCommand {
  readonly name: CommandName;
  readonly labelKey: MessageKey;
  /** As shown to the operator next to the label. */
  readonly shortcut: string;
  /** The shortcut for aria-keyshortcuts (WAI-ARIA key names). */
  readonly ariaShortcut: string;
  keyTest(chord: KeyChord): boolean;
  predicate(state: WorkstationState): boolean;
  /** A promise is an action on main: the shortcut hook hands its failure to the error boundary. */
  perform(state: WorkstationState): void | Promise<unknown>;
}

const altWith = (code: string) => (chord: KeyChord) =>
  chord.altKey && !chord.ctrlKey && !chord.shiftKey && !chord.metaKey && chord.code === code;

const isPlain = (chord: KeyChord) => !chord.altKey && !chord.ctrlKey && !chord.shiftKey && !chord.metaKey;
const isCtrlEnter = (chord: KeyChord) =>
  chord.ctrlKey && !chord.altKey && !chord.shiftKey && !chord.metaKey && (chord.code === 'Enter' || chord.code === 'NumpadEnter');

const isTakingApplication = (state: WorkstationState) =>
  state.operator !== null && state.view === 'application' && !selectIsApplicationFinished(state);

export const WORKSTATION_COMMANDS: readonly WorkstationCommand[] = [
  {
    name: 'next-step',
    labelKey: 'command.nextStep',
    shortcut: 'Alt+→',
    ariaShortcut: 'Alt+ArrowRight',
    keyTest: altWith('ArrowRight'),
    predicate: (state) => isTakingApplication(state) && selectCanAdvance(state),
    perform: (state) => state.advance(),
  },
  {
    name: 'previous-step',
    labelKey: 'command.previousStep',
    shortcut: 'Alt+←',
    ariaShortcut: 'Alt+ArrowLeft',
    keyTest: altWith('ArrowLeft'),
    predicate: (state) => isTakingApplication(state) && previousStepOf(state.step) !== null,
    perform(state) {
      const previous = previousStepOf(state.step);
      if (previous) state.goToStep(previous);
    },
  },
  {
    name: 'open-journal',
    labelKey: 'command.openJournal',
    shortcut: 'Alt+J',
    ariaShortcut: 'Alt+J',
    keyTest: altWith('KeyJ'),
    predicate: (state) => state.operator !== null,
    perform: (state) => state.openJournal(),
  },
  {
    // Q for queue; not one of Chromium's or Electron's default menu accelerators (Alt+F/E/V/W/H).
    name: 'open-queue',
    labelKey: 'command.openQueue',
    shortcut: 'Alt+Q',
    ariaShortcut: 'Alt+Q',
    keyTest: altWith('KeyQ'),
    predicate: (state) => state.operator !== null,
    perform: (state) => state.openQueue(),
  },
  {
    // R for result: Alt+H would be Electron's default Help menu accelerator (see open-queue).
    name: 'open-handover',
    labelKey: 'command.openHandover',
    shortcut: 'Alt+R',
    ariaShortcut: 'Alt+R',
    keyTest: altWith('KeyR'),
    predicate: (state) => state.operator !== null,
    perform: (state) => state.openHandOver(),
  },
  {
    name: 'open-application',
    labelKey: 'command.openApplication',
    shortcut: 'Alt+N',
    ariaShortcut: 'Alt+N',
    keyTest: altWith('KeyN'),
    predicate: (state) => state.operator !== null,
    perform: (state) => state.openApplication(),
  },
  {
    name: 'open-settings',
    labelKey: 'command.openSettings',
    shortcut: 'Alt+S',
    ariaShortcut: 'Alt+S',
    keyTest: altWith('KeyS'),
    predicate: selectIsSupervisor,
    perform(state) {
      state.openSettings();
    },
  },
  {
    // T for times (Alt+R is the hand-over); not one of Chromium's or Electron's default menu accelerators.
    name: 'open-supervisor-journal',
    labelKey: 'command.openSupervisorJournal',
    shortcut: 'Alt+T',
    ariaShortcut: 'Alt+T',
    keyTest: altWith('KeyT'),
    predicate: selectIsSupervisor,
    perform(state) {
      state.openSupervisorJournal();
    },
  },
  {
    // I for information: every signed-in user, for the helpdesk call. Not a Chromium or Electron menu accelerator.
    name: 'open-diagnostics',
    labelKey: 'command.openDiagnostics',
    shortcut: 'Alt+I',
    ariaShortcut: 'Alt+I',
    keyTest: altWith('KeyI'),
    predicate: (state) => state.operator !== null,
    perform: (state) => state.openDiagnostics(),
  },
  {
    // F8 as on the scanner stations of most counters; Ctrl+Enter for keyboards without F-keys in reach.
    name: 'scan',
    labelKey: 'command.scan',
    shortcut: 'F8 / Ctrl+Enter',
    ariaShortcut: 'F8 Control+Enter',
    keyTest: (chord) => (chord.code === 'F8' && isPlain(chord)) || isCtrlEnter(chord),
    predicate: (state) => isTakingApplication(state) && state.step === 'documents' && selectCanScan(state),
    perform: (state) => state.startScan(),
  },
];

/** The command a key press triggers in this state, if any. */
export function findCommand(chord: KeyChord, state: WorkstationState): WorkstationCommand | null {
  return WORKSTATION_COMMANDS.find((command) => command.keyTest(chord) && command.predicate(state)) ?? null;
}

export function commandNamed(name: CommandName): WorkstationCommand {
  const command = WORKSTATION_COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw new Error(`No command ${name}`);
  return command;
}
