import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../core/contract';
import { App } from '../../app/App';
import { chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant } from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, PROVIDER_EMPLOYEE, SECURITY_2012 } from '../../test-support/fakeFixtures';
import { FAKE_KEY_PASSWORD, fakeKeyFile, type FakeKeyName } from '../../test-support/fakeSigningKeys';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';
import { MAX_KEY_FILE_BYTES } from './keyFile';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'workstationFiles');
});

/** Signed in as the PSC operator, a complete casino application (operator's EDS required), on the review step. */
async function renderReview(options: FakeWorkstationOptions = {}) {
  const arranged = await createSignedInStore({ language: 'en', ...options });
  const { store } = arranged;
  await chooseService(store);
  await findApplicant(store, '850415312343');
  await confirmApplicant(store);
  await fillRequiredSlots(store);
  store.getState().goToStep('review');
  render(<App store={store} />);
  await screen.findByTestId('sign-section');
  return arranged;
}

const submitButton = () => screen.getByTestId('submit-application') as HTMLButtonElement;
const passwordField = () => screen.getByTestId('sign-password') as HTMLInputElement;

async function chooseKeyFile(file: File): Promise<void> {
  fireEvent.change(screen.getByTestId('sign-key-file-input'), { target: { files: [file] } });
  await waitFor(() => expect(screen.queryByTestId('sign-key-name')?.textContent).toContain(file.name));
}

function typePassword(password: string): void {
  fireEvent.change(passwordField(), { target: { value: password } });
}

/** Picks the key, types the password and presses Enter in the password field (the form's submit: Check key). */
async function checkKey(name: FakeKeyName, password = FAKE_KEY_PASSWORD): Promise<void> {
  await chooseKeyFile(fakeKeyFile(name));
  typePassword(password);
  fireEvent.submit(passwordField().form!);
  await waitFor(() => expect(screen.queryByTestId('sign-check-progress')).toBeNull());
}

async function problemText(): Promise<string | null> {
  return (await screen.findByTestId('sign-problem')).textContent;
}

describe('SignSection: the key and its certificate', () => {
  it('shows the certificate card after a successful check and moves on to "Sign and submit"', async () => {
    await renderReview();
    await checkKey('valid');
    const text = (testId: string) => screen.getByTestId(testId).textContent;
    expect(text('sign-cert-owner')).toBe('СЕЙІТОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ');
    expect(text('sign-cert-iin')).toBe('901120412340');
    expect(text('sign-cert-algorithm')).toBe('RSA');
    expect(screen.getAllByTestId('sign-cert-chain-link')).toHaveLength(2);
    expect(text('sign-cert-organization')).toBe('«АЗАМАТТАРҒА АРНАЛҒАН ҮКІМЕТ» МЕМЛЕКЕТТІК КОРПОРАЦИЯСЫ» КЕАҚ, BIN 160440007161');
    expect(text('sign-cert-validity')).toBe('from 03.06.2024 to 03.06.2026');
    expect(text('sign-cert-issuer')).toBe('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)');
    expect(text('sign-cert-purpose')).toBe('Signing key');
    expect(text('sign-key-ready')).toBe('Key checked: you can sign with it.');
    expect(screen.queryByTestId('sign-problem')).toBeNull();
    expect(document.activeElement).toBe(submitButton());
  });

  it('says the password is wrong, clears it and puts the cursor back in it', async () => {
    await renderReview();
    await checkKey('valid', 'Kilt#2024');
    expect(await problemText()).toBe('Wrong password for this key file. Type the password again.');
    expect(passwordField().value).toBe('');
    expect(document.activeElement).toBe(passwordField());
    expect(screen.queryByTestId('sign-certificate-card')).toBeNull();
  });

  it('says when the certificate expired and what to do', async () => {
    await renderReview();
    await checkKey('expired');
    expect(await problemText()).toBe('The certificate expired on 10.01.2024 — use your current key.');
    expect(screen.queryByTestId('sign-key-ready')).toBeNull();
  });

  it('refuses another person’s key, in Kazakh by default', async () => {
    await renderReview({ language: 'kk' });
    await checkKey('wrongIin');
    expect(await problemText()).toBe('Бұл кілт басқа адамға тиесілі (ЖСН 780223304561) — тек өз кілтіңізбен қол қоя аласыз.');
    expect(screen.getByTestId('sign-cert-owner').textContent).toBe('ОМАРОВ БАҚЫТ СӘКЕНҰЛЫ');
  });

  it('refuses a revoked key, in Russian', async () => {
    await renderReview({ language: 'ru' });
    await checkKey('revoked');
    expect(await problemText()).toBe('Сертификат отозван: этим ключом подписывать нельзя. Используйте действующий ключ или получите новый в НУЦ РК.');
  });

  it('tells an authentication key from a signing key by its certificate', async () => {
    await renderReview();
    await checkKey('authOnly');
    expect(screen.getByTestId('sign-cert-purpose').textContent).toBe('Authentication key (cannot sign)');
    expect(await problemText()).toBe('This is an authentication key, not a signing key. Choose your signing key file.');
  });

  it('refuses a file over 64 KB before reading it', async () => {
    const { fake } = await renderReview();
    const scan = new File([new Uint8Array(MAX_KEY_FILE_BYTES * 3)], 'passport-scan.pdf');
    fireEvent.change(screen.getByTestId('sign-key-file-input'), { target: { files: [scan] } });
    expect((await screen.findByTestId('sign-key-file-error')).textContent).toBe(
      '“passport-scan.pdf” cannot be a key file: it is 192 KB, and a key file is at most 64 KB. Choose your key file.',
    );
    expect(screen.getByTestId('sign-key-name').textContent).toBe('No key file chosen yet.');
    expect(passwordField().disabled).toBe(true);
    expect(fake.callsTo('signing', 'inspectKey')).toHaveLength(0);
  });

  it('warns before signing that the revocation list is out of date', async () => {
    await renderReview({ signing: { revocationList: 'stale' } });
    const warning = await screen.findByText(/^The revocation list is out of date \(last updated \d{2}\.\d{2}\.2025 \d{2}:\d{2}\); connect to the network and try again\.$/);
    expect(warning).toBe(screen.getByTestId('sign-revocation'));
  });

  it('gives main the key file’s path in the Electron host, so it can remember it', async () => {
    Object.defineProperty(window, 'workstationFiles', { configurable: true, value: { pathOf: (file: File) => `/media/usb/${file.name}` } });
    const { fake } = await renderReview();
    await checkKey('valid');
    expect(fake.callsTo('signing', 'inspectKey')[0]?.args[0]).toMatchObject({ kind: 'file', fileName: 'operator.p12', path: '/media/usb/operator.p12' });
    expect(fake.signing.rememberedOf('op-001')).toEqual({ fileName: 'operator.p12', path: '/media/usb/operator.p12', key: 'valid' });
  });
});

describe('SignSection: the remembered key', () => {
  it('signs with the key used last without picking it, where main can reopen it', async () => {
    const { fake } = await renderReview({ signing: { rememberedKey: { key: 'valid', reopenable: true } } });
    expect((await screen.findByTestId('sign-remembered-key')).textContent).toBe('Last used: operator.p12');
    await waitFor(() => expect(passwordField().disabled).toBe(false));
    typePassword(FAKE_KEY_PASSWORD);
    fireEvent.click(submitButton());
    await screen.findByTestId('registration-number');
    expect(fake.callsTo('submissions', 'submitDraft')[0]?.args[1]).toEqual({ kind: 'key-file', key: { kind: 'remembered' }, password: FAKE_KEY_PASSWORD });
  });

  it('names the key used last as a hint in the browser host, where it must be picked again', async () => {
    await renderReview({ signing: { rememberedKey: { key: 'valid', reopenable: false } } });
    expect((await screen.findByTestId('sign-remembered-key')).textContent).toBe(
      'Last used: operator.p12. This workstation cannot reopen it by itself — choose it again.',
    );
    expect(passwordField().disabled).toBe(true);
    expect(submitButton().disabled).toBe(true);
  });
});

describe('SignSection: sign and submit', () => {
  it('keeps "Sign and submit" disabled until a key is chosen and its password typed', async () => {
    await renderReview({ language: 'kk' });
    expect(submitButton().textContent).toBe('Қол қою және жіберу');
    expect(submitButton().disabled).toBe(true);
    await chooseKeyFile(fakeKeyFile('valid'));
    expect(submitButton().disabled).toBe(true);
    typePassword(FAKE_KEY_PASSWORD);
    expect(submitButton().disabled).toBe(false);
    typePassword('');
    expect(submitButton().disabled).toBe(true);
  });

  it('clears the password when another key file is picked', async () => {
    await renderReview();
    await chooseKeyFile(fakeKeyFile('expired'));
    typePassword(FAKE_KEY_PASSWORD);
    await chooseKeyFile(fakeKeyFile('valid'));
    expect(passwordField().value).toBe('');
    expect(submitButton().disabled).toBe(true);
  });

  it('shows progress while signing and submitting, and submits once however often it is pressed', async () => {
    const { fake } = await renderReview();
    let answer: () => void = () => undefined;
    const original = fake.impl.submissions.submitDraft;
    fake.impl.submissions.submitDraft = (draftId, signing) => new Promise((resolve) => (answer = () => resolve(original(draftId, signing))));
    await chooseKeyFile(fakeKeyFile('valid'));
    typePassword(FAKE_KEY_PASSWORD);
    fireEvent.click(submitButton());
    expect((await screen.findByTestId('submit-progress')).textContent).toBe('Signing and submitting…');
    expect(submitButton().disabled).toBe(true);
    fireEvent.click(submitButton());
    answer();
    await screen.findByTestId('registration-number');
    expect(fake.callsTo('submissions', 'submitDraft')).toHaveLength(1);
  });

  it('clears the password after a failed attempt, shows why at the key and keeps the draft', async () => {
    const { store, fake } = await renderReview();
    await chooseKeyFile(fakeKeyFile('notYetValid'));
    typePassword(FAKE_KEY_PASSWORD);
    fireEvent.click(submitButton());
    expect(await problemText()).toBe('The certificate is valid only from 01.06.2025 — use your current key.');
    expect(screen.getByTestId('submit-error').textContent).toBe('The application was not signed, so nothing was sent; it is kept. The reason is shown at the key.');
    expect(passwordField().value).toBe('');
    expect(document.activeElement).toBe(passwordField());
    expect(submitButton().disabled).toBe(true);
    expect(store.getState().draft).not.toBeNull();
    expect(await fake.api.submissions.list()).toEqual({ ok: true, value: [] });
  });

  it('signs through NCALayer without a password', async () => {
    const { fake } = await renderReview();
    fireEvent.click(screen.getByTestId('sign-method-ncalayer'));
    expect(screen.queryByTestId('sign-password')).toBeNull();
    expect(screen.getByTestId('sign-ncalayer-hint').textContent).toContain('NCALayer opens its window');
    expect(submitButton().disabled).toBe(false);
    fireEvent.click(submitButton());
    await screen.findByTestId('registration-number');
    expect(fake.callsTo('submissions', 'submitDraft')[0]?.args[1]).toEqual({ kind: 'ncalayer' });
  });

  it("shows the card of a key NCALayer signed with that may not sign: whose, which algorithm, which chain, and why", async () => {
    await renderReview({ signing: { agent: { kind: 'signs', key: 'expired' } } });
    fireEvent.click(screen.getByTestId('sign-method-ncalayer'));
    expect(screen.queryByTestId('sign-certificate-card')).toBeNull();
    fireEvent.click(submitButton());
    expect(await problemText()).toBe('The certificate expired on 10.01.2024 — use your current key.');
    expect(screen.getByTestId('sign-cert-owner').textContent).toBe('СЕЙІТОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ');
    expect(screen.getByTestId('sign-cert-algorithm').textContent).toBe('RSA');
    expect(screen.getAllByTestId('sign-cert-chain-link').map((link) => link.textContent)).toEqual([
      'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)',
      'НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) (root)',
    ]);
    expect(screen.queryByTestId('sign-key-ready')).toBeNull();
    // Back to a key file: the refused agent key's card goes.
    fireEvent.click(screen.getByTestId('sign-method-key-file'));
    expect(screen.queryByTestId('sign-certificate-card')).toBeNull();
  });

  it('explains when NCALayer is not running', async () => {
    await renderReview({ signing: { agent: { kind: 'unavailable' } } });
    fireEvent.click(screen.getByTestId('sign-method-ncalayer'));
    fireEvent.click(submitButton());
    expect(await problemText()).toBe('NCALayer is not running or does not answer. Start NCALayer and try again, or sign with a key file.');
  });

  it('shows no signing for a provider employee’s service and sends no signature', async () => {
    const { store, fake } = await createSignedInStore({ language: 'en', operator: PROVIDER_EMPLOYEE });
    await chooseService(store, SECURITY_2012.id);
    await findApplicant(store, ACTIVE_COMPANY.bin, 'legal-entity');
    await confirmApplicant(store);
    await fillRequiredSlots(store);
    store.getState().goToStep('review');
    render(<App store={store} />);
    await screen.findByTestId('submit-application');
    expect(screen.queryByTestId('sign-section')).toBeNull();
    expect(submitButton().textContent).toBe('Submit application');
    fireEvent.click(submitButton());
    await screen.findByTestId('registration-number');
    expect(fake.callsTo('submissions', 'submitDraft')[0]?.args[1]).toBeNull();
    expect(fake.callsTo('signing', 'rememberedKey')).toHaveLength(0);
  });
});

describe('SignSection: languages', () => {
  it.each([
    ['kk', 'Кілт файлы', 'Құпиясөз', 'Кілтті тексеру'],
    ['ru', 'Файл ключа', 'Пароль', 'Проверить ключ'],
    ['en', 'Key file', 'Password', 'Check key'],
  ] as const)('labels the key file, password and check in %s', async (language: Language, keyFile, password, check) => {
    await renderReview({ language });
    expect(screen.getByTestId('sign-method-key-file').parentElement?.textContent).toBe(keyFile);
    expect(screen.getByLabelText(password)).toBe(passwordField());
    expect(screen.getByTestId('sign-check-key').textContent).toBe(check);
  });
});
