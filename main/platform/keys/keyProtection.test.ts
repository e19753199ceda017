import { describe, expect, it } from 'vitest';
import { decideKeyProtection } from './keyProtection';

describe('decideKeyProtection', () => {
  it('uses the OS key store when it really protects, the administrator key when given, and asks otherwise', () => {
    expect(decideKeyProtection({ configKeyPresent: false, encryptionAvailable: true, linuxBackend: 'gnome_libsecret' })).toEqual({ kind: 'use', protection: 'os-key-store' });
    expect(decideKeyProtection({ configKeyPresent: false, encryptionAvailable: true, linuxBackend: null })).toEqual({ kind: 'use', protection: 'os-key-store' });
    expect(decideKeyProtection({ configKeyPresent: true, encryptionAvailable: false, linuxBackend: 'basic_text' })).toEqual({ kind: 'use', protection: 'administrator-key' });
    expect(decideKeyProtection({ configKeyPresent: false, encryptionAvailable: false, linuxBackend: null })).toEqual({ kind: 'ask' });
    // Linux without a keyring: "available", but with a hard-coded password.
    expect(decideKeyProtection({ configKeyPresent: false, encryptionAvailable: true, linuxBackend: 'basic_text' })).toEqual({ kind: 'ask' });
  });
});
