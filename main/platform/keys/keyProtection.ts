/**
 * How the blob key is protected at rest in the Electron host (issue 15 item 7). The OS key store
 * (Electron safeStorage: DPAPI, Keychain, libsecret/kwallet) wraps the key file when it is really
 * there; on Linux without a keyring safeStorage either is unavailable or falls back to `basic_text`,
 * a fixed password — no protection. Then the administrator's key (config.json `blobKeyBase64`) is
 * used if given; otherwise someone must decide, in a dialog, between quitting (and asking the
 * administrator) and a deliberate fallback: the key file unwrapped, with a warning on screen.
 */
export type KeyProtection = 'os-key-store' | 'administrator-key' | 'unprotected-fallback';

export interface KeyStoreFacts {
  readonly configKeyPresent: boolean;
  /** safeStorage.isEncryptionAvailable() (after ready). */
  readonly encryptionAvailable: boolean;
  /** Linux only: safeStorage.getSelectedStorageBackend(), e.g. gnome_libsecret, kwallet5, basic_text; null elsewhere. */
  readonly linuxBackend: string | null;
}

export type KeyProtectionDecision = { readonly kind: 'use'; readonly protection: KeyProtection } | { readonly kind: 'ask' };

export function decideKeyProtection(facts: KeyStoreFacts): KeyProtectionDecision {
  if (facts.configKeyPresent) return { kind: 'use', protection: 'administrator-key' };
  const osStore = facts.encryptionAvailable && facts.linuxBackend !== 'basic_text' && facts.linuxBackend !== 'unknown';
  return osStore ? { kind: 'use', protection: 'os-key-store' } : { kind: 'ask' };
}

/** The dialog's text, in the three interface languages (the operator may be the one who reads it). */
export const NO_KEY_STORE_DIALOG = {
  title: 'PSC Workstation',
  message: [
    'Операциялық жүйенің кілт қоймасы жоқ. / Нет хранилища ключей операционной системы. / No operating-system key store (keyring).',
  ].join('\n'),
  detail: [
    'Сақталған құжаттарды шифрлайтын кілтті қорғайтын ештеңе жоқ. Әкімшіге хабарласыңыз.',
    'Ключ, которым шифруются сохранённые документы, нечем защитить. Обратитесь к администратору.',
    'The key that encrypts the stored documents cannot be protected by the system. The administrator can put the key in config.json ("blobKeyBase64"), or start a keyring.',
    '',
    'Continue: the key is kept unprotected in the data folder and a warning stays on screen until this is fixed.',
  ].join('\n'),
  buttons: ['Шығу / Выйти / Quit', 'Жалғастыру / Продолжить / Continue without protection'],
} as const;
