/**
 * A strict fake of the `electron` module for driving the built main bundle (out/electron/main.cjs)
 * under plain Node, as the static review of issue 15 did. It refuses — records and throws — every
 * API that Electron only allows after 'ready' when called before it, and the before-ready-only ones
 * (privileged schemes, the sandbox switch) when called after. It records what the bundle did: windows
 * opened and loaded, dialogs, exits, IPC handlers, so a test can call the contract as the renderer would.
 */
import { EventEmitter } from 'node:events';

export interface FakeElectronOptions {
  readonly packaged: boolean;
  readonly userData: string;
  /** requestSingleInstanceLock's answer: false = another instance already runs. */
  readonly gotLock?: boolean;
  readonly encryptionAvailable?: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux. */
  readonly linuxBackend?: string;
  /** The button showMessageBoxSync answers. */
  readonly messageBoxAnswer?: number;
}

export interface FakeWindow {
  readonly options: Record<string, unknown>;
  readonly loaded: string[];
  readonly events: string[];
}

export function createFakeElectron(options: FakeElectronOptions) {
  let ready = false;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const violations: string[] = [];
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const messageBoxes: Record<string, unknown>[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (request: { url: string }) => unknown>();
  const appEvents = new EventEmitter();
  let exitCode: number | null = null;
  let resolveEnded: (how: string) => void = () => undefined;
  const ended = new Promise<string>((resolve) => (resolveEnded = resolve));

  const afterReady = (name: string) => {
    calls.push(name);
    if (!ready) {
      violations.push(`${name} before ready`);
      throw new Error(`fake electron: ${name} used before the app is ready`);
    }
  };
  const beforeReady = (name: string) => {
    calls.push(name);
    if (ready) {
      violations.push(`${name} after ready`);
      throw new Error(`fake electron: ${name} must be called before the app is ready`);
    }
  };

  const app = {
    isPackaged: options.packaged,
    enableSandbox: () => beforeReady('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      calls.push('app.requestSingleInstanceLock');
      return options.gotLock ?? true;
    },
    getPath: (name: string) => {
      calls.push(`app.getPath ${name}`);
      if (name !== 'userData') throw new Error(`fake electron: no path ${name}`);
      return options.userData;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      appEvents.on(event, listener);
      return app;
    },
    whenReady: () => readyPromise,
    isReady: () => ready,
    quit: () => {
      calls.push('app.quit');
      resolveEnded('quit');
    },
    exit: (code = 0) => {
      calls.push(`app.exit ${code}`);
      exitCode = code;
      resolveEnded(`exit ${code}`);
    },
  };

  const encryptionAvailable = options.encryptionAvailable ?? true;
  const safeStorage = {
    isEncryptionAvailable: () => (afterReady('safeStorage.isEncryptionAvailable'), encryptionAvailable),
    getSelectedStorageBackend: () => (afterReady('safeStorage.getSelectedStorageBackend'), options.linuxBackend ?? 'gnome_libsecret'),
    encryptString: (text: string) => {
      afterReady('safeStorage.encryptString');
      if (!encryptionAvailable) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
      return Buffer.from(`fake-os-wrapped:${text}`);
    },
    decryptString: (bytes: Buffer) => {
      afterReady('safeStorage.decryptString');
      const text = bytes.toString();
      if (!encryptionAvailable || !text.startsWith('fake-os-wrapped:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice('fake-os-wrapped:'.length);
    },
  };

  class BrowserWindow {
    readonly record: FakeWindow;
    readonly webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      getPrintersAsync: async () => [],
      print: (_options: unknown, callback: (success: boolean, reason: string) => void) => callback(true, ''),
    };
    private readonly emitter = new EventEmitter();

    constructor(windowOptions: Record<string, unknown>) {
      afterReady('new BrowserWindow');
      this.record = { options: windowOptions, loaded: [], events: [] };
      windows.push(this.record);
    }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      setImmediate(() => this.emitter.emit('ready-to-show'));
    }
    once(event: string, listener: () => void) {
      this.emitter.once(event, listener);
      return this;
    }
    on(event: string, listener: () => void) {
      this.emitter.on(event, listener);
      return this;
    }
    show() {
      this.record.events.push('show');
    }
    focus() {
      this.record.events.push('focus');
    }
    restore() {
      this.record.events.push('restore');
    }
    isMinimized() {
      return false;
    }
    destroy() {
      this.record.events.push('destroy');
    }
  }

  const electron = {
    app,
    BrowserWindow,
    safeStorage,
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        afterReady('ipcMain.handle');
        ipcHandlers.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => beforeReady('protocol.registerSchemesAsPrivileged'),
      handle: (scheme: string, handler: (request: { url: string }) => unknown) => {
        afterReady('protocol.handle');
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      get defaultSession() {
        afterReady('session.defaultSession');
        return { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined };
      },
    },
    Menu: { setApplicationMenu: (menu: unknown) => afterReady(`Menu.setApplicationMenu ${menu === null ? 'null' : 'menu'}`) },
    dialog: {
      // Electron documents showErrorBox as safe before ready.
      showErrorBox: (title: string, content: string) => {
        calls.push('dialog.showErrorBox');
        errorBoxes.push({ title, content });
      },
      showMessageBoxSync: (box: Record<string, unknown>) => {
        afterReady('dialog.showMessageBoxSync');
        messageBoxes.push(box);
        return options.messageBoxAnswer ?? 0;
      },
    },
  };

  return {
    electron,
    violations,
    calls,
    windows,
    errorBoxes,
    messageBoxes,
    ipcHandlers,
    protocolHandlers,
    exitCode: () => exitCode,
    /** Resolves with 'quit' or 'exit <code>' once the bundle quits or exits. */
    ended,
    emitReady() {
      ready = true;
      resolveReady();
    },
    emitApp(event: string, ...args: unknown[]) {
      appEvents.emit(event, ...args);
    },
    /** Calls a contract method as the window's top frame would through the preload. */
    async call(area: string, method: string, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(`workstation:${area}.${method}`);
      if (!handler) throw new Error(`no IPC handler for ${area}.${method}`);
      return handler({ senderFrame: { url: 'app://workstation/index.html', parent: null } }, ...args);
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
