import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { chooseService, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, BOOKMAKER_2012, PROVIDER_EMPLOYEE, REPRESENTATIVE_PERSON, SECURITY_2012, UNKNOWN_VALID_IIN } from '../../test-support/fakeFixtures';
import {
  POA_EXPIRED,
  POA_FOR_COMPANY,
  POA_FOR_PERSON,
  POA_NOT_YET_VALID,
  POA_REVOKED,
  POA_TO_OTHER_PERSON,
  UNKNOWN_POA_NUMBER,
} from '../../test-support/fakeNotaryFixtures';

afterEach(cleanup);

type Options = NonNullable<Parameters<typeof createSignedInStore>[0]> & {
  readonly serviceId?: string;
  readonly applicant?: readonly [string, 'individual' | 'legal-entity'];
};

/** Signed in, service chosen, applicant found, applicant step on screen. */
async function renderWithApplicant(options: Options = {}) {
  const arranged = await createSignedInStore(options);
  await chooseService(arranged.store, options.serviceId);
  const [identifier, kind] = options.applicant ?? ['850415312343', 'individual'];
  await findApplicant(arranged.store, identifier, kind);
  render(<App store={arranged.store} />);
  await screen.findByTestId('applicant-card');
  return arranged;
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

/** Enter in the representative's fields. */
function checkWithEnter() {
  fireEvent.submit(screen.getByTestId('representative-iin').closest('form')!);
}

async function checkRepresentative(iin: string, poaNumber: string | null) {
  fireEvent.click(screen.getByTestId('representative-toggle'));
  type('representative-iin', iin);
  if (poaNumber === null) fireEvent.click(screen.getByTestId('poa-kind-other'));
  else type('poa-number', poaNumber);
  checkWithEnter();
}

describe('RepresentativeSection: where it is offered', () => {
  it('appears after the applicant card, unticked: the applicant applies in person by default', async () => {
    await renderWithApplicant({ language: 'en' });
    const toggle = screen.getByTestId('representative-toggle') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText('Leave unticked when the applicant (or the head of the legal entity) applies in person.')).toBeTruthy();
    expect(screen.queryByTestId('representative-iin')).toBeNull();
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', false);
  });

  it('is not shown before the applicant is found', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    render(<App store={store} />);
    await screen.findByTestId('applicant-id');
    expect(screen.queryByTestId('representative-toggle')).toBeNull();
  });

  it('is not offered under the provider regulations, which have no representative', async () => {
    await renderWithApplicant({ operator: PROVIDER_EMPLOYEE, serviceId: SECURITY_2012.id, applicant: [ACTIVE_COMPANY.bin, 'legal-entity'] });
    expect(screen.queryByTestId('representative-toggle')).toBeNull();
  });

  it('asks for a notarised PoA number under the 2014 regulations, and explains a PoA certified otherwise', async () => {
    await renderWithApplicant({ language: 'ru' });
    fireEvent.click(screen.getByTestId('representative-toggle'));
    expect(document.activeElement).toBe(screen.getByTestId('representative-iin'));
    expect((screen.getByTestId('poa-kind-notarised') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('poa-number')).toBeTruthy();
    expect(screen.getByText(/Регламент 2014 г\.: ИИН представителя проверяется в реестре физических лиц/)).toBeTruthy();

    type('poa-number', '0117/2025');
    fireEvent.click(screen.getByTestId('poa-kind-other'));
    expect(screen.queryByTestId('poa-number')).toBeNull();
    expect(screen.getByTestId('poa-other-explained').textContent).toBe(
      'По регламенту, если доверенность удостоверена иным образом, её данные не заполняются и в ЕНИС не проверяются: представитель проверяется только в реестре физических лиц.',
    );
    fireEvent.click(screen.getByTestId('poa-kind-notarised'));
    expect((screen.getByTestId('poa-number') as HTMLInputElement).value).toBe('');
  });

  it('asks only for the IIN under the 2012 regulations', async () => {
    await renderWithApplicant({ language: 'en', serviceId: BOOKMAKER_2012.id, applicant: [ACTIVE_COMPANY.bin, 'legal-entity'] });
    fireEvent.click(screen.getByTestId('representative-toggle'));
    expect(screen.queryByTestId('poa-kind-notarised')).toBeNull();
    expect(screen.queryByTestId('poa-number')).toBeNull();
    expect(screen.getByText(/2012 regulations: only the representative's data are checked/)).toBeTruthy();

    type('representative-iin', REPRESENTATIVE_PERSON.iin);
    checkWithEnter();
    const card = await screen.findByTestId('representative-card');
    expect(card.textContent).toContain('The 2012 regulations do not provide for entering power-of-attorney data');
  });
});

describe('RepresentativeSection: input', () => {
  it('checks the IIN checksum live and shows what the digits suggest', async () => {
    await renderWithApplicant({ language: 'en' });
    fireEvent.click(screen.getByTestId('representative-toggle'));
    type('representative-iin', '920710401235');
    expect(screen.getByTestId('representative-iin-error').textContent).toBe(
      'The check digit does not match: the number was mistyped. Compare it with the document.',
    );
    type('representative-iin', REPRESENTATIVE_PERSON.iin);
    expect(screen.queryByTestId('representative-iin-error')).toBeNull();
    const section = screen.getByTestId('representative-iin').closest('.field') as HTMLElement;
    expect(within(section).getByTestId('identifier-hint').textContent).toBe('Hint from the number: born 10.07.1992, female');
  });

  it('says what is wrong with the PoA number before asking anyone', async () => {
    const { fake } = await renderWithApplicant({ language: 'en' });
    fireEvent.click(screen.getByTestId('representative-toggle'));
    type('representative-iin', REPRESENTATIVE_PERSON.iin);
    checkWithEnter();
    expect(screen.getByTestId('poa-number-error').textContent).toBe('Enter the power of attorney number.');
    type('poa-number', '№ 117');
    expect(screen.getByTestId('poa-number-error').textContent).toBe('The number may contain only letters, digits, «/» and «-».');
    expect(fake.callsTo('registry', 'lookupRepresentative')).toHaveLength(0);
  });
});

describe('RepresentativeSection: the answer', () => {
  it('shows the representative and the notarised PoA, then moves on with Enter', async () => {
    const { store } = await renderWithApplicant();
    await checkRepresentative(REPRESENTATIVE_PERSON.iin, POA_FOR_PERSON.number);

    const card = await screen.findByTestId('representative-card');
    expect(card.textContent).toContain('Сейдахметова Дана Қайратқызы');
    expect(card.textContent).toContain(REPRESENTATIVE_PERSON.iin);
    expect(card.textContent).toContain('10.07.1992');
    expect(card.textContent).toContain('№ 0117/2025, нотариат куәландырған');
    expect(card.textContent).toContain('Нотариус Бекова Ләззат Маратқызы');
    expect(card.textContent).toContain('20.01.2025 берілген, 19.01.2026 қоса алғанда жарамды');
    expect(card.textContent).toContain('Жұмабеков Ерғали Өмірұлы (ЖСН 850415312343)');
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', false);

    checkWithEnter();
    expect(await screen.findByTestId('document-file-input')).toBeTruthy();
    expect(store.getState().step).toBe('documents');
  });

  it('keeps Next closed while a ticked representative is not checked yet', async () => {
    await renderWithApplicant();
    fireEvent.click(screen.getByTestId('representative-toggle'));
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('step-documents')).toHaveProperty('disabled', true);
  });

  it('shows a PoA certified otherwise as having no data', async () => {
    await renderWithApplicant({ language: 'en' });
    await checkRepresentative(REPRESENTATIVE_PERSON.iin, null);
    expect((await screen.findByTestId('representative-card')).textContent).toContain(
      'Certified otherwise: under the regulations its data are not entered',
    );
  });

  it.each([
    [UNKNOWN_VALID_IIN, null, 'The data cannot be obtained: the representative is not in the individuals registry.'],
    [REPRESENTATIVE_PERSON.iin, UNKNOWN_POA_NUMBER, 'The data cannot be obtained: the power of attorney is not in the notary system.'],
  ])('stops the application when %s / %s cannot be obtained', async (iin, poaNumber, message) => {
    await renderWithApplicant({ language: 'en' });
    await checkRepresentative(iin, poaNumber);
    const error = await screen.findByTestId('representative-error');
    expect(error.textContent).toContain(message);
    expect(error.textContent).toContain('Under the regulation, taking the application stops here.');
    expect(within(error).getByTestId('restart-application')).toBeTruthy();
    expect(screen.queryByTestId('applicant-next')).toBeNull();
    expect(screen.queryByTestId('representative-remove')).toBeNull();
  });

  it.each([
    [POA_EXPIRED.number, 'The power of attorney is not valid: it was valid until 31.12.2024 and has expired.'],
    [POA_REVOKED.number, 'The power of attorney is not valid: it has been revoked.'],
    [POA_NOT_YET_VALID.number, 'The power of attorney is not valid: it is dated 10.03.2025 and is not valid yet.'],
    [POA_FOR_COMPANY.number, 'The power of attorney is not valid: it was issued by someone other than the applicant.'],
    [POA_TO_OTHER_PERSON.number, "The power of attorney is not valid: it was issued to another person: the representative's IIN does not match it."],
  ])('names why PoA %s is not valid and offers to correct it', async (poaNumber, message) => {
    await renderWithApplicant({ language: 'en' });
    await checkRepresentative(REPRESENTATIVE_PERSON.iin, poaNumber);
    const error = await screen.findByTestId('representative-error');
    expect(error.textContent).toContain(message);
    expect(error.textContent).toContain('Correct the number or remove the representative.');
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByTestId('poa-correct'));
    expect(document.activeElement).toBe(screen.getByTestId('poa-number'));
    type('poa-number', POA_FOR_PERSON.number);
    expect(screen.queryByTestId('representative-error')).toBeNull();
    checkWithEnter();
    expect(await screen.findByTestId('representative-card')).toBeTruthy();
  });

  it('removes the representative from an invalid-PoA message', async () => {
    const { store } = await renderWithApplicant();
    await checkRepresentative(REPRESENTATIVE_PERSON.iin, POA_REVOKED.number);
    fireEvent.click(await screen.findByTestId('representative-remove'));
    expect((screen.getByTestId('representative-toggle') as HTMLInputElement).checked).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('representative-toggle'));
    expect(store.getState().poaNumberInput).toBe('');
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', false);
  });

  it('explains that the applicant themself needs no representative', async () => {
    await renderWithApplicant({ language: 'ru' });
    await checkRepresentative('850415312343', null);
    expect((await screen.findByTestId('representative-error')).textContent).toContain(
      'Это ИИН самого заявителя (для юридического лица — его руководителя). Если заявитель обратился лично, представитель не нужен',
    );
  });

  it('refuses a person the registry lists as deceased', async () => {
    await renderWithApplicant({ language: 'en' });
    await checkRepresentative('901120412403', null);
    expect((await screen.findByTestId('representative-error')).textContent).toBe(
      'According to the registry this person cannot act as a representative (for example, registered as deceased).Remove the representative',
    );
  });

  it('explains a registry outage and lets the operator check again', async () => {
    const { fake } = await renderWithApplicant({ language: 'en' });
    const original = fake.impl.registry.lookupRepresentative;
    fake.impl.registry.lookupRepresentative = async () => ({ ok: false, error: { kind: 'registry-unavailable' } });
    await checkRepresentative(REPRESENTATIVE_PERSON.iin, null);
    expect((await screen.findByTestId('representative-error')).textContent).toBe(
      'The state database is temporarily unavailable. Try the lookup again shortly.',
    );
    fake.impl.registry.lookupRepresentative = original;
    fireEvent.click(screen.getByTestId('representative-lookup'));
    expect(await screen.findByTestId('representative-card')).toBeTruthy();
  });

  it('is cleared with the applicant', async () => {
    const { store } = await renderWithApplicant();
    await checkRepresentative(REPRESENTATIVE_PERSON.iin, POA_FOR_PERSON.number);
    await screen.findByTestId('representative-card');
    type('applicant-id', '85041531234');
    expect(screen.queryByTestId('representative-toggle')).toBeNull();
    type('applicant-id', '850415312343');
    fireEvent.click(screen.getByTestId('applicant-lookup'));
    expect(((await screen.findByTestId('representative-toggle')) as HTMLInputElement).checked).toBe(false);
    expect(store.getState().representativeIinInput).toBe('');
  });
});
