import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, createSignedInStore, keyFileSource, pickKey } from '../../test-support/arrangeStore';
import { OPERATOR_PASSWORD, PSC_OPERATOR } from '../../test-support/fakeFixtures';
import { FAKE_KEY_PASSWORD, fakeKeyFileBase64 } from '../../test-support/fakeSigningKeys';
import { MAX_KEY_FILE_BYTES } from './keyFile';
import { selectCertificateCard, selectChosenKey, selectKeyProblem, selectKeySource } from './signingSelectors';

const serialised = (state: object) => JSON.stringify(state, (_key, value: unknown) => (typeof value === 'function' ? undefined : value));

describe('signing: the key file', () => {
  it('reads a picked file as base64 with the path the host gave, for main to remember', async () => {
    const { store } = await createSignedInStore();
    await pickKey(store, 'valid', '/media/usb/operator.p12');
    expect(selectKeySource(store.getState())).toEqual({
      kind: 'file',
      fileName: 'operator.p12',
      path: '/media/usb/operator.p12',
      bytesBase64: fakeKeyFileBase64('valid'),
    });
  });

  it('refuses a file over 64 KB without reading it, and an empty one', async () => {
    const { store } = await createSignedInStore();
    let isRead = false;
    const tooLarge = { name: 'scan.pdf', sizeBytes: MAX_KEY_FILE_BYTES + 1, path: null, readBase64: async () => ((isRead = true), '') };
    expect(await store.getState().pickKeyFile(tooLarge)).toEqual({ kind: 'too-large', fileName: 'scan.pdf', sizeBytes: 65_537, maxBytes: 65_536 });
    expect(isRead).toBe(false);
    expect(selectChosenKey(store.getState())).toBeNull();
    expect(await store.getState().pickKeyFile({ ...tooLarge, name: 'empty.p12', sizeBytes: 0 })).toEqual({ kind: 'empty', fileName: 'empty.p12' });
  });

  it('says so when the picked file cannot be read, and a refused pick drops the key picked before', async () => {
    const { store } = await createSignedInStore();
    await pickKey(store);
    const unreadable = { ...keyFileSource('valid'), readBase64: () => Promise.reject(new Error('USB stick removed')) };
    expect(await store.getState().pickKeyFile(unreadable)).toEqual({ kind: 'unreadable', fileName: 'operator.p12' });
    expect(store.getState().keyPickError).toEqual({ kind: 'unreadable', fileName: 'operator.p12' });
    expect(selectChosenKey(store.getState())).toBeNull();
  });
});

describe('signing: checking the key', () => {
  it('shows the certificate card of a key that may sign', async () => {
    const { store, fake } = await createSignedInStore();
    await pickKey(store);
    const result = await store.getState().checkKey(FAKE_KEY_PASSWORD);
    expect(result?.ok).toBe(true);
    expect(fake.callsTo('signing', 'inspectKey')[0]?.args[1]).toBe(FAKE_KEY_PASSWORD);
    expect(selectCertificateCard(store.getState())).toMatchObject({
      owner: { fullName: 'СЕЙІТОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ', iin: PSC_OPERATOR.iin, bin: '160440007161' },
      isSigningKey: true,
    });
    expect(selectKeyProblem(store.getState())).toBeNull();
  });

  it('keeps the card and names the problem of a key that may not sign today', async () => {
    const { store } = await createSignedInStore();
    await pickKey(store, 'wrongIin');
    await store.getState().checkKey(FAKE_KEY_PASSWORD);
    expect(selectCertificateCard(store.getState())?.owner.iin).toBe('780223304561');
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'iin-mismatch', certificateIin: '780223304561' });
  });

  it('reports a wrong password without a card', async () => {
    const { store } = await createSignedInStore();
    await pickKey(store);
    await store.getState().checkKey('wrong');
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'wrong-password' });
    expect(selectCertificateCard(store.getState())).toBeNull();
  });

  it('asks nothing without a key or a password', async () => {
    const { store, fake } = await createSignedInStore();
    expect(await store.getState().checkKey(FAKE_KEY_PASSWORD)).toBeNull();
    await pickKey(store);
    expect(await store.getState().checkKey('')).toBeNull();
    expect(fake.callsTo('signing', 'inspectKey')).toHaveLength(0);
  });

  it('drops the answer about a key the operator has replaced meanwhile', async () => {
    const { store, fake } = await createSignedInStore();
    await pickKey(store, 'expired');
    let answer: () => void = () => undefined;
    const original = fake.impl.signing.inspectKey;
    fake.impl.signing.inspectKey = (key, password) => new Promise((resolve) => (answer = () => resolve(original(key, password))));
    const pending = store.getState().checkKey(FAKE_KEY_PASSWORD);
    await pickKey(store, 'valid');
    answer();
    await pending;
    expect(store.getState().keyCheck).toEqual({ kind: 'idle' });
    expect(selectKeyProblem(store.getState())).toBeNull();
  });

  it('uses the remembered key file when main can reopen it, and only as a hint when it cannot', async () => {
    const reopenable = await createSignedInStore({ signing: { rememberedKey: { key: 'valid', reopenable: true } } });
    await reopenable.store.getState().loadRememberedKey();
    expect(selectChosenKey(reopenable.store.getState())).toEqual({ kind: 'remembered', fileName: 'operator.p12' });
    expect(selectKeySource(reopenable.store.getState())).toEqual({ kind: 'remembered' });
    expect((await reopenable.store.getState().checkKey(FAKE_KEY_PASSWORD))?.ok).toBe(true);

    const browser = await createSignedInStore({ signing: { rememberedKey: { key: 'valid', reopenable: false } } });
    await browser.store.getState().loadRememberedKey();
    expect(browser.store.getState().rememberedKey).toEqual({ kind: 'loaded', key: { fileName: 'operator.p12', reopenable: false } });
    expect(selectKeySource(browser.store.getState())).toBeNull();
  });

  it('tells the operator to pick the remembered file again when its USB stick is gone', async () => {
    const { store, fake } = await createSignedInStore({ signing: { rememberedKey: { key: 'valid', reopenable: true } } });
    await store.getState().loadRememberedKey();
    fake.signing.unplugRememberedKey();
    await store.getState().checkKey(FAKE_KEY_PASSWORD);
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'key-file-unavailable' });
  });

  it('loads how current the revocation list is', async () => {
    const { store } = await createSignedInStore({ signing: { revocationList: 'stale' } });
    await store.getState().loadRevocationStatus();
    expect(store.getState().revocation).toEqual({
      kind: 'loaded',
      status: { fetchedAt: '2025-02-20T09:00:00.000Z', nextUpdate: '2025-02-21T09:00:00.000Z', stale: true },
    });
  });
});

describe('signing: what is kept', () => {
  it('never holds the password, and forgets the key file and card at logout', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().checkKey(FAKE_KEY_PASSWORD);
    await store.getState().submitApplication('not-the-password');
    const during = serialised(store.getState());
    expect(during).not.toContain(FAKE_KEY_PASSWORD);
    expect(during).not.toContain('not-the-password');
    expect(during).toContain(fakeKeyFileBase64('valid'));

    await store.getState().logout();
    const after = serialised(store.getState());
    for (const trace of [fakeKeyFileBase64('valid'), 'operator.p12', 'СЕЙІТОВА']) expect(after).not.toContain(trace);
    expect(store.getState().signingChoice).toBe('key-file');

    await store.getState().login({ login: PSC_OPERATOR.login, password: OPERATOR_PASSWORD });
    expect(selectChosenKey(store.getState())).toBeNull();
  });

  it('forgets the key when main locks the session', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    fake.expireSession();
    await store.getState().checkKey(FAKE_KEY_PASSWORD);
    expect(store.getState().sessionNotice).toBe('session-expired');
    expect(store.getState().pickedKey).toBeNull();
    expect(store.getState().keyCheck).toEqual({ kind: 'idle' });
  });

  it('keeps the key file for the next application of the same session', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().checkKey(FAKE_KEY_PASSWORD);
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().startNewApplication();
    expect(selectChosenKey(store.getState())).toEqual({ kind: 'picked', fileName: 'operator.p12' });
    expect(selectCertificateCard(store.getState())).not.toBeNull();
  });
});
