import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { chooseService, createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, UNKNOWN_VALID_IIN } from '../../test-support/fakeFixtures';

afterEach(cleanup);

async function renderApplicantStep(options: { serviceId?: string; language?: 'kk' | 'ru' | 'en' } = {}) {
  const arranged = await createSignedInStore({ language: options.language });
  await chooseService(arranged.store, options.serviceId);
  render(<App store={arranged.store} />);
  const input = (await screen.findByTestId('applicant-id')) as HTMLInputElement;
  return { ...arranged, input };
}

function type(input: HTMLInputElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

function lookUpWithEnter(input: HTMLInputElement) {
  fireEvent.submit(input.closest('form')!);
}

describe('ApplicantStep: IIN/BIN input', () => {
  it('focuses the number field and shows the IIN hint', async () => {
    const { input } = await renderApplicantStep();
    expect(document.activeElement).toBe(input);
    expect(screen.getByText('Жеке сәйкестендіру нөмірі — 12 цифр, жеке куәлікте көрсетілген.')).toBeTruthy();
  });

  it.each(['850415312343', '150840123461'])('accepts the valid number %s without an error', async (identifier) => {
    const { input } = await renderApplicantStep();
    type(input, identifier);
    expect(screen.queryByTestId('applicant-id-error')).toBeNull();
    expect(screen.getByText('Нөмір дұрыс.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('says the check digit does not match for 850415312344', async () => {
    const { input } = await renderApplicantStep({ language: 'en' });
    type(input, '850415312344');
    expect(screen.getByTestId('applicant-id-error').textContent).toBe(
      'The check digit does not match: the number was mistyped. Compare it with the document.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('gives distinct messages for letters, for a short number on lookup, and for a long number', async () => {
    const { input } = await renderApplicantStep({ language: 'ru' });
    type(input, '85041531234O');
    expect(screen.getByTestId('applicant-id-error').textContent).toBe('Вводите только цифры: без букв, пробелов и знаков.');

    type(input, '8504153');
    expect(screen.queryByTestId('applicant-id-error')).toBeNull();
    expect(screen.getByText('7 из 12 цифр')).toBeTruthy();
    lookUpWithEnter(input);
    expect(screen.getByTestId('applicant-id-error').textContent).toBe('Номер должен состоять из 12 цифр, введено: 7.');

    type(input, '8504153123430');
    expect(screen.getByTestId('applicant-id-error').textContent).toBe('Номер должен состоять из 12 цифр, введено: 13.');
  });

  it('offers only the applicant kinds the service allows', async () => {
    await renderApplicantStep({ serviceId: BOOKMAKER_2012.id });
    expect(screen.queryByTestId('applicant-kind-individual')).toBeNull();
    expect(screen.getByTestId('applicant-kind-legal-entity').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('БСН')).toBeTruthy();
  });
});

describe('ApplicantStep: hints from the number', () => {
  it('shows what an IIN suggests, marked as a hint, without blocking anything', async () => {
    const { input } = await renderApplicantStep({ language: 'en' });
    expect(screen.queryByTestId('identifier-hint')).toBeNull();
    type(input, '850415312343');
    const hint = screen.getByTestId('identifier-hint');
    expect(hint.textContent).toBe('Hint from the number: born 15.04.1985, male');
    expect(hint.getAttribute('title')).toBe('Only a guess from the digits: the registry alone is authoritative.');
    fireEvent.click(screen.getByTestId('applicant-lookup'));
    expect(await screen.findByTestId('applicant-card')).toBeTruthy();
  });

  it('shows what a BIN suggests', async () => {
    await renderApplicantStep();
    fireEvent.click(screen.getByTestId('applicant-kind-legal-entity'));
    type(screen.getByTestId('applicant-id') as HTMLInputElement, '150840123461');
    expect(screen.getByTestId('identifier-hint').textContent).toBe('Нөмір бойынша болжам: резидент заңды тұлға, бас бөлімше, тіркелген 08.2015');
  });

  it('points out a BIN typed as an IIN, and still lets the operator ask the registry', async () => {
    const { input, fake } = await renderApplicantStep({ language: 'ru' });
    type(input, '150840123461');
    expect(screen.getByTestId('identifier-hint').textContent).toBe('Подсказка по номеру: это похоже на БИН, а не на ИИН.');
    fireEvent.click(screen.getByTestId('applicant-lookup'));
    expect((await screen.findByTestId('lookup-error')).textContent).toContain('Получение данных невозможно.');
    expect(fake.callsTo('registry', 'lookupApplicant')).toHaveLength(1);
  });
});

describe('ApplicantStep: registry lookup', () => {
  it('shows the card of an active person and lets the operator go on with Enter', async () => {
    const { input } = await renderApplicantStep();
    type(input, '850415312343');
    lookUpWithEnter(input);

    const card = await screen.findByTestId('applicant-card');
    expect(card.textContent).toContain('Жұмабеков Ерғали Өмірұлы');
    expect(card.textContent).toContain('15.04.1985');
    expect(card.textContent).toContain('Белсенді');
    expect(card.textContent).toContain('Жеңіс даңғылы');
    expect(card.textContent).toContain('«Ұлытау Ойын», тіркелген күні 01.03.2019');
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', false);

    lookUpWithEnter(input);
    expect(await screen.findByTestId('document-file-input')).toBeTruthy();
  });

  it('shows a legal entity with BIN, registration date and head', async () => {
    await renderApplicantStep();
    fireEvent.click(screen.getByTestId('applicant-kind-legal-entity'));
    const input = screen.getByTestId('applicant-id') as HTMLInputElement;
    type(input, '150840123461');
    fireEvent.click(screen.getByTestId('applicant-lookup'));

    const card = await screen.findByTestId('applicant-card');
    expect(card.textContent).toContain('«Көкшетау Лото» ЖШС');
    expect(card.textContent).toContain('150840123461');
    expect(card.textContent).toContain('10.08.2015');
    expect(card.textContent).toContain('Жұмабеков Ерғали Өмірұлы');
  });

  it('stops the application with the regulation message when the registry has no data', async () => {
    const { input, store } = await renderApplicantStep({ language: 'ru' });
    type(input, UNKNOWN_VALID_IIN);
    fireEvent.click(screen.getByTestId('applicant-lookup'));

    const error = await screen.findByTestId('lookup-error');
    expect(error.textContent).toContain('Получение данных невозможно.');
    expect(error.textContent).toContain('По регламенту приём заявления на этом прекращается.');
    expect(screen.queryByTestId('applicant-card')).toBeNull();
    expect(screen.queryByTestId('applicant-next')).toBeNull();
    expect(screen.getByTestId('step-documents')).toHaveProperty('disabled', true);

    lookUpWithEnter(input);
    expect(store.getState().step).toBe('applicant');
  });

  it('warns that a deceased person cannot apply and blocks the next step', async () => {
    const { input } = await renderApplicantStep();
    type(input, '901120412403');
    fireEvent.click(screen.getByTestId('applicant-lookup'));

    expect((await screen.findByTestId('applicant-card')).textContent).toContain('Қайтыс болған');
    expect(screen.getByTestId('applicant-blocker').textContent).toContain('Тізілім бойынша бұл адам қайтыс болған.');
    expect(screen.queryByTestId('applicant-next')).toBeNull();
    expect(screen.getByTestId('step-documents')).toHaveProperty('disabled', true);
  });

  it('warns that a liquidated company cannot apply', async () => {
    await renderApplicantStep({ language: 'en' });
    fireEvent.click(screen.getByTestId('applicant-kind-legal-entity'));
    type(screen.getByTestId('applicant-id') as HTMLInputElement, '180241123459');
    fireEvent.click(screen.getByTestId('applicant-lookup'));

    expect((await screen.findByTestId('applicant-blocker')).textContent).toContain('The legal entity is not active');
    expect(screen.getByTestId('applicant-card').textContent).toContain('Liquidated');
    expect(screen.queryByTestId('applicant-next')).toBeNull();
  });

  it('explains a registry outage and lets the operator retry', async () => {
    const { input, fake } = await renderApplicantStep({ language: 'en' });
    const original = fake.impl.registry.lookupApplicant;
    fake.impl.registry.lookupApplicant = async () => ({ ok: false, error: { kind: 'registry-unavailable' } });
    type(input, '850415312343');
    fireEvent.click(screen.getByTestId('applicant-lookup'));
    expect((await screen.findByTestId('lookup-error')).textContent).toBe(
      'The state database is temporarily unavailable. Try the lookup again shortly.',
    );

    fake.impl.registry.lookupApplicant = original;
    fireEvent.click(screen.getByTestId('applicant-lookup'));
    expect(await screen.findByTestId('applicant-card')).toBeTruthy();
    expect(screen.queryByTestId('lookup-error')).toBeNull();
  });

  it('offers a new application from the stop message, which clears the draft', async () => {
    const { input, store } = await renderApplicantStep();
    type(input, UNKNOWN_VALID_IIN);
    fireEvent.click(screen.getByTestId('applicant-lookup'));
    fireEvent.click(await screen.findByTestId('restart-application'));

    expect(await screen.findByTestId('service-search')).toBeTruthy();
    expect(store.getState().identifierInput).toBe('');
    expect(store.getState().selectedServiceId).toBeNull();
  });
});
