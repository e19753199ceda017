import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendConnectionCheckError, Language, SupervisorSettings } from '../../../core/contract';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { SUPERVISOR } from '../../test-support/fakeFixtures';
import {
  DEFAULT_FAKE_SETTINGS,
  FAKE_CA_CERTIFICATE,
  FAKE_CA_PEM,
  FAKE_EMBEDDED_BACKEND_URL,
  FAKE_LEAF_PEM,
  FAKE_SERVER_CERTIFICATE,
} from '../../test-support/fakeSettings';

afterEach(cleanup);

const PIN_B = 'sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** A supervisor's workstation already pointed at a production backend with its own CA and one pin. */
const CONFIGURED: SupervisorSettings = {
  ...DEFAULT_FAKE_SETTINGS,
  backendConnection: {
    url: 'https://elicense.example.kz',
    caCertificates: [FAKE_CA_CERTIFICATE],
    pins: [FAKE_SERVER_CERTIFICATE.pin],
    active: { url: 'https://elicense.example.kz', mode: 'configured', transport: 'https-custom-ca', pinCount: 1 },
    restartRequired: false,
  },
};

async function openBackend(options: { readonly language?: Language; readonly settings?: SupervisorSettings } = {}) {
  const arranged = await createSignedInStore({ operator: SUPERVISOR, language: options.language ?? 'en', settings: options.settings });
  render(<App store={arranged.store} />);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  const url = (await screen.findByTestId('settings-backend-url')) as HTMLInputElement;
  const section = url.closest('section');
  if (!section) throw new Error('backend section missing');
  const get = (testId: string) => within(section).getByTestId(testId);
  return {
    ...arranged,
    section,
    url,
    pins: get('settings-backend-pins') as HTMLTextAreaElement,
    caFile: get('settings-backend-ca-file') as HTMLInputElement,
    check: get('settings-backend-check') as HTMLButtonElement,
    save: get('settings-backend-save') as HTMLButtonElement,
  };
}

async function pickCaFile(input: HTMLInputElement, pem: string, name = 'psc-root.pem') {
  fireEvent.change(input, { target: { files: [new File([pem], name, { type: 'application/x-pem-file' })] } });
  await screen.findByTestId('settings-backend-ca-picked');
}

describe('Settings: backend connection, what is active', () => {
  it('shows the embedded demo backend over http with a warning, and what an empty address means', async () => {
    const { section, url } = await openBackend();
    expect(within(section).getByTestId('settings-backend-active-url').textContent).toBe(`Address${FAKE_EMBEDDED_BACKEND_URL}`);
    expect(within(section).getByTestId('settings-backend-active-kind').textContent).toBe('ServerBuilt-in demo server (for training; no real data)');
    expect(within(section).getByTestId('settings-backend-active-transport').textContent).toBe('Connectionhttp, not encrypted');
    expect(within(section).getByTestId('settings-backend-http-warning').textContent).toMatch(/^The connection is not encrypted \(http\)/);
    expect(url.value).toBe('');
    expect(within(section).getByText('Leave empty to use the built-in demo server (for training; no real data).')).toBeTruthy();
    expect(within(section).getByTestId('settings-backend-ca-none').textContent).toBe("The system's trusted certificates are used.");
    expect(within(section).queryByTestId('settings-backend-restart')).toBeNull();
  });

  it('shows a configured https server with its CA certificates (fingerprint in blocks of four) and its pins', async () => {
    const { section, url, pins } = await openBackend({ settings: CONFIGURED, language: 'ru' });
    expect(within(section).getByTestId('settings-backend-active-transport').textContent).toBe('Соединениеhttps, проверка по заданным сертификатам CA');
    expect(within(section).getByTestId('settings-backend-active-pins').textContent).toBe('Количество пинов1');
    expect(within(section).queryByTestId('settings-backend-http-warning')).toBeNull();
    expect(url.value).toBe('https://elicense.example.kz');
    expect(pins.value).toBe(FAKE_SERVER_CERTIFICATE.pin);
    expect(within(section).getAllByTestId('settings-backend-ca-row').map((row) => row.textContent)).toEqual([
      'PSC Test Root CA31.12.20353F2A 9C41 D07B E855 96E1 C0A4 B7D2 3F68 6C5E 0B19 A2F4 7D83 E6C9 B105 2D7A 4E90',
    ]);
  });

  it('labels every control, so each is reached and named from the keyboard', async () => {
    const { section, url, pins, caFile, check, save } = await openBackend();
    expect(within(section).getByLabelText('Server address')).toBe(url);
    expect(within(section).getByLabelText('Public key pins (optional)')).toBe(pins);
    expect(caFile.closest('label')?.textContent).toBe('Choose a CA file');
    expect(caFile.getAttribute('accept')).toBe('.pem,.crt,.cer');
    for (const control of [url, pins, caFile, check, save, within(section).getByTestId('settings-backend-ca-system')]) {
      expect(control.tabIndex).not.toBe(-1);
    }
  });
});

describe('Settings: backend connection, saving', () => {
  it('saves an https server with a CA file and a pin; main applies it after a restart', async () => {
    const { section, url, pins, caFile, save, fake } = await openBackend();
    expect(save.disabled).toBe(true);
    fireEvent.change(url, { target: { value: ' https://elicense.example.kz ' } });
    await pickCaFile(caFile, FAKE_CA_PEM);
    expect(within(section).getByTestId('settings-backend-ca-picked').textContent).toBe(
      'Chosen file: psc-root.pem. It is checked when you check the connection or save.',
    );
    fireEvent.change(pins, { target: { value: `${FAKE_SERVER_CERTIFICATE.pin}\n` } });
    fireEvent.click(save);

    expect((await within(section).findByTestId('settings-backend-restart')).textContent).toBe(
      'Saved. The workstation connects to the new server after it is restarted.',
    );
    expect(fake.callsTo('settings', 'setBackendConnection').map((call) => call.args)).toEqual([
      [{ url: 'https://elicense.example.kz', caBundle: { kind: 'pem', pem: FAKE_CA_PEM }, pins: [FAKE_SERVER_CERTIFICATE.pin] }],
    ]);
    expect(within(section).getAllByTestId('settings-backend-ca-row')).toHaveLength(1);
    expect(within(section).queryByTestId('settings-backend-ca-picked')).toBeNull();
    expect(save.disabled).toBe(true);
    // The running workstation still talks to the embedded backend until it is restarted.
    expect(within(section).getByTestId('settings-backend-active-url').textContent).toBe(`Address${FAKE_EMBEDDED_BACKEND_URL}`);
  });

  it('says plainly "saved" when the saved connection is the one already in use', async () => {
    const { section, url, save } = await openBackend();
    fireEvent.change(url, { target: { value: 'http://127.0.0.1:47100' } });
    fireEvent.click(save);
    await within(section).findByTestId('settings-backend-restart');
    fireEvent.change(url, { target: { value: '' } });
    fireEvent.click(save);
    expect((await within(section).findByTestId('settings-saved')).textContent).toBe('Saved.');
    expect(within(section).queryByTestId('settings-backend-restart')).toBeNull();
  });

  it('blocks save and check while a pin line is not a pin', async () => {
    const { section, url, pins, check, save, fake } = await openBackend();
    fireEvent.change(url, { target: { value: 'https://elicense.example.kz' } });
    fireEvent.change(pins, { target: { value: `${FAKE_SERVER_CERTIFICATE.pin}\nsha256/not-a-pin` } });
    expect(within(section).getByTestId('settings-backend-pins-error').textContent).toBe('Line 2 is not a pin: it must be sha256/ followed by 44 base64 characters.');
    expect(pins.getAttribute('aria-invalid')).toBe('true');
    expect(save.disabled).toBe(true);
    expect(check.disabled).toBe(true);
    fireEvent.submit(save.closest('form') as HTMLFormElement);
    expect(fake.callsTo('settings', 'setBackendConnection')).toHaveLength(0);

    fireEvent.change(pins, { target: { value: `${FAKE_SERVER_CERTIFICATE.pin}\n${PIN_B}` } });
    expect(within(section).queryByTestId('settings-backend-pins-error')).toBeNull();
    expect(save.disabled).toBe(false);
  });

  it('explains an address that is not one', async () => {
    const { section, url, check, save } = await openBackend({ language: 'kk' });
    fireEvent.change(url, { target: { value: 'elicense.example.kz' } });
    expect(within(section).getByTestId('settings-backend-url-error').textContent).toBe('Мекенжайды толық енгізіңіз, мысалы: https://elicense.example.kz');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(check.disabled).toBe(true);
    expect(save.disabled).toBe(true);
  });

  it('keeps the saved CA certificates when only the address changes (main holds their file)', async () => {
    const { section, url, check, save, fake } = await openBackend({ settings: CONFIGURED });
    expect(within(section).queryByTestId('settings-backend-ca-choose-again')).toBeNull();
    expect(check.disabled).toBe(false);
    expect(save.disabled).toBe(true);
    fireEvent.change(url, { target: { value: 'https://elicense2.example.kz' } });
    const kept = { url: 'https://elicense2.example.kz', caBundle: { kind: 'keep-current' }, pins: [FAKE_SERVER_CERTIFICATE.pin] };

    fireEvent.click(check);
    await within(section).findByTestId('settings-backend-check-result');
    expect(fake.callsTo('settings', 'checkBackendConnection').map((call) => call.args)).toEqual([[kept]]);
    fireEvent.click(save);
    await within(section).findByTestId('settings-backend-restart');
    expect(fake.callsTo('settings', 'setBackendConnection').map((call) => call.args)).toEqual([[kept]]);
    expect(within(section).getAllByTestId('settings-backend-ca-row').map((row) => row.textContent)).toEqual([
      'PSC Test Root CA31.12.20353F2A 9C41 D07B E855 96E1 C0A4 B7D2 3F68 6C5E 0B19 A2F4 7D83 E6C9 B105 2D7A 4E90',
    ]);
  });

  it("drops the saved CA certificates for the system's trust store", async () => {
    const { section, pins, save, fake } = await openBackend({ settings: CONFIGURED });
    fireEvent.change(pins, { target: { value: '' } });
    fireEvent.click(within(section).getByTestId('settings-backend-ca-system'));
    expect(within(section).getByTestId('settings-backend-ca-will-use-system').textContent).toBe("After saving, the system's trusted certificates are used.");
    fireEvent.click(save);
    await within(section).findByTestId('settings-backend-restart');
    expect(fake.callsTo('settings', 'setBackendConnection')[0]?.args).toEqual([{ url: 'https://elicense.example.kz', caBundle: { kind: 'system-trust' }, pins: [] }]);
    expect(within(section).queryAllByTestId('settings-backend-ca-row')).toHaveLength(0);
  });

  it('refuses a file too large to be a CA bundle without reading it', async () => {
    const { section, caFile } = await openBackend();
    fireEvent.change(caFile, { target: { files: [new File(['x'.repeat(256 * 1024 + 1)], 'backup.pem')] } });
    expect((await within(section).findByTestId('settings-backend-ca-error')).textContent).toBe('This is not a CA file: it is too large (256 KB).');
    expect(within(section).queryByTestId('settings-backend-ca-picked')).toBeNull();
  });

  it.each([
    ['en', 'http://licensing.example.kz', null, 'The server must be reached over https: http is allowed only for this computer\'s own address (127.0.0.1, localhost).'],
    ['ru', '', PIN_B, 'Пины и файл CA применяются только к серверу, доступному по https. Укажите адрес с https:// или уберите их.'],
  ] as const)('shows main refusing the save (%s): %s', async (language, address, pin, message) => {
    const { section, url, pins, save } = await openBackend({ language });
    fireEvent.change(url, { target: { value: address } });
    if (pin) fireEvent.change(pins, { target: { value: pin } });
    fireEvent.click(save);
    expect((await within(section).findByTestId('settings-error')).textContent).toBe(message);
    expect(within(section).queryByTestId('settings-backend-restart')).toBeNull();
  });
});

describe('Settings: backend connection, checking', () => {
  it("shows the latency and the server's certificate, and 'use this pin' adds its pin", async () => {
    const { section, url, pins, check, save, fake } = await openBackend();
    fireEvent.change(url, { target: { value: 'https://elicense.example.kz' } });
    fireEvent.change(pins, { target: { value: PIN_B } });
    fireEvent.click(check);
    const result = await within(section).findByTestId('settings-backend-check-result');
    expect(within(result).getByTestId('settings-backend-check-latency').textContent).toBe('The server answered in 42 ms.');
    expect(within(result).getByTestId('settings-backend-cert-subject').textContent).toBe('Issued tolicensing.example.kz');
    expect(within(result).getByTestId('settings-backend-cert-issuer').textContent).toBe('Issued byPSC Test Root CA');
    expect(within(result).getByTestId('settings-backend-cert-valid-to').textContent).toBe('Valid until01.03.2027');
    expect(within(result).getByTestId('settings-backend-cert-pin').textContent).toBe(`Public key pin${FAKE_SERVER_CERTIFICATE.pin}`);
    expect(fake.callsTo('settings', 'checkBackendConnection').map((call) => call.args)).toEqual([[{ url: 'https://elicense.example.kz', caBundle: { kind: 'keep-current' }, pins: [PIN_B] }]]);
    expect(fake.callsTo('settings', 'setBackendConnection')).toHaveLength(0);

    const usePin = within(result).getByTestId('settings-backend-use-pin') as HTMLButtonElement;
    fireEvent.click(usePin);
    expect(pins.value).toBe(`${PIN_B}\n${FAKE_SERVER_CERTIFICATE.pin}`);
    expect(document.activeElement).toBe(pins);
    expect(usePin.disabled).toBe(true);
    fireEvent.click(save);
    await within(section).findByTestId('settings-backend-restart');
    expect(fake.callsTo('settings', 'setBackendConnection')[0]?.args).toEqual([{ url: 'https://elicense.example.kz', caBundle: { kind: 'keep-current' }, pins: [PIN_B, FAKE_SERVER_CERTIFICATE.pin] }]);
  });

  it('says the embedded backend answers unencrypted, and forgets a result when the address changes', async () => {
    const { section, url, check } = await openBackend();
    fireEvent.click(check);
    expect((await within(section).findByTestId('settings-backend-check-plain')).textContent).toBe('The connection is not encrypted (http), so there is no server certificate.');
    fireEvent.change(url, { target: { value: 'https://elicense.example.kz' } });
    expect(within(section).queryByTestId('settings-backend-check-result')).toBeNull();
  });

  it('shows what main found wrong with the CA file', async () => {
    const { section, url, caFile, check } = await openBackend();
    fireEvent.change(url, { target: { value: 'https://elicense.example.kz' } });
    await pickCaFile(caFile, FAKE_LEAF_PEM, 'server.crt');
    fireEvent.click(check);
    expect((await within(section).findByTestId('settings-backend-check-error')).textContent).toBe(
      "The CA file cannot be used: certificate 1 is not a CA certificate. Choose the certificate authority's certificate in PEM format.",
    );
  });

  const failures: readonly (readonly [BackendConnectionCheckError, string, string])[] = [
    [{ kind: 'unreachable' }, 'Could not connect to the server: the address is wrong, or the server or the network is down.', 'Серверге қосылу мүмкін болмады: мекенжай қате, не сервер немесе желі қолжетімсіз.'],
    [{ kind: 'timeout' }, 'The server did not answer in time. Check the network and try again later.', 'Сервер уақытында жауап бермеді. Желіні тексеріп, кейінірек қайталаңыз.'],
    [{ kind: 'not-a-backend' }, 'Something answered at this address, but it is not an E-licensing server. Check the address.', 'Бұл мекенжайда бір сервер жауап берді, бірақ ол «Е-лицензиялау» сервері емес. Мекенжайды тексеріңіз.'],
    [{ kind: 'tls', reason: 'untrusted-certificate' }, "The server's certificate is not trusted: it was issued neither by the chosen CA nor by an authority the system trusts.", 'Сервердің сертификатына сенім жоқ: оны таңдалған CA да, жүйе сенетін орталық та бермеген.'],
    [{ kind: 'tls', reason: 'expired-certificate' }, "The server's certificate has expired or is not valid yet.", 'Сервер сертификатының мерзімі өтіп кеткен немесе әлі басталмаған.'],
    [{ kind: 'tls', reason: 'hostname-mismatch' }, "The server's certificate was issued for another address: the address entered does not match the name in the certificate.", 'Сервердің сертификаты басқа мекенжайға берілген: енгізілген мекенжай сертификаттағы атауға сәйкес келмейді.'],
    [{ kind: 'tls', reason: 'pin-mismatch' }, "None of the server's certificates matches the pins given. Saved like this, the workstation could not connect to the server.", 'Сервер сертификаттарының ешқайсысы көрсетілген пиндерге сәйкес келмейді. Осылай сақталса, жұмыс орны серверге қосыла алмайды.'],
    [{ kind: 'tls', reason: 'handshake-failed' }, 'A secure connection (TLS) could not be set up. Check that the address and port lead to an https service.', 'Сервермен қорғалған байланыс (TLS) орнатылмады. Мекенжай мен порт https қызметіне апаратынын тексеріңіз.'],
  ];
  it.each(failures)('explains a failed check: %o', async (error, english, kazakh) => {
    for (const [language, text] of [['en', english], ['kk', kazakh]] as const) {
      const { section, url, check, fake } = await openBackend({ language });
      fake.settings.answerChecksWith({ ok: false, error });
      fireEvent.change(url, { target: { value: 'https://elicense.example.kz' } });
      fireEvent.click(check);
      expect((await within(section).findByTestId('settings-backend-check-error')).textContent).toBe(text);
      cleanup();
    }
  });
});

describe('Settings: backend connection fixed by the administrator', () => {
  it('shows the saved values read-only and names the source, and checks them as they stand', async () => {
    const arranged = await createSignedInStore({ operator: SUPERVISOR, language: 'en', settings: CONFIGURED });
    arranged.fake.settings.lock(['backendConnection'], '/etc/psc-workstation/admin.json');
    render(<App store={arranged.store} />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    const notice = await screen.findByTestId('settings-backend-locked');
    expect(notice.textContent).toBe('Set by the administrator (/etc/psc-workstation/admin.json); it cannot be changed here.');
    const section = notice.closest('section') as HTMLElement;
    expect((within(section).getByTestId('settings-backend-url') as HTMLInputElement).readOnly).toBe(true);
    expect((within(section).getByTestId('settings-backend-pins') as HTMLTextAreaElement).readOnly).toBe(true);
    for (const testId of ['settings-backend-ca-file', 'settings-backend-ca-system', 'settings-backend-save']) {
      expect((within(section).getByTestId(testId) as HTMLInputElement | HTMLButtonElement).disabled).toBe(true);
    }
    expect(within(section).getAllByTestId('settings-backend-ca-row')).toHaveLength(1);
    expect(screen.queryByTestId('settings-retention-locked')).toBeNull();

    const check = within(section).getByTestId('settings-backend-check') as HTMLButtonElement;
    expect(check.disabled).toBe(false);
    fireEvent.click(check);
    expect(within(await within(section).findByTestId('settings-backend-check-result')).getByTestId('settings-backend-check-latency').textContent).toBe('The server answered in 42 ms.');
    expect(arranged.fake.callsTo('settings', 'checkBackendConnection').map((call) => call.args)).toEqual([
      [{ url: 'https://elicense.example.kz', caBundle: { kind: 'keep-current' }, pins: [FAKE_SERVER_CERTIFICATE.pin] }],
    ]);
    fireEvent.submit(within(section).getByTestId('settings-backend-save').closest('form') as HTMLFormElement);
    expect(arranged.fake.callsTo('settings', 'setBackendConnection')).toHaveLength(0);
  });
});
