import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { chooseService, createSignedInStore, pdfFileSource } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, CASINO_2014, PROVIDER_EMPLOYEE, SECURITY_2012 } from '../../test-support/fakeFixtures';

afterEach(cleanup);

async function renderServicePicker(options: Parameters<typeof createSignedInStore>[0] = {}) {
  const arranged = await createSignedInStore(options);
  render(<App store={arranged.store} />);
  const search = (await screen.findByTestId('service-search')) as HTMLInputElement;
  return { ...arranged, search };
}

describe('ServicePicker', () => {
  it('lists the PSC services with title, provider and regulation source, and focuses the search', async () => {
    const { search } = await renderServicePicker({ language: 'ru' });
    expect(document.activeElement).toBe(search);
    const casino = screen.getByTestId(`service-option-${CASINO_2014.id}`);
    expect(casino.textContent).toContain(CASINO_2014.title.ru);
    expect(casino.textContent).toContain('Услугодатель: Агентство Республики Казахстан по делам спорта и физической культуры');
    expect(casino.textContent).toContain('Регламент 2014 г.: 002_9149a4a58fa77cb3.txt, 2-қосымша');
    expect(screen.queryByTestId(`service-option-${SECURITY_2012.id}`)).toBeNull();
  });

  it('shows each service\'s version and that only the current versions are listed', async () => {
    await renderServicePicker();
    const versions = screen.getAllByTestId('service-version').map((badge) => badge.textContent);
    expect(versions).toEqual(['2012 ж. нұсқасы', '2014 ж. нұсқасы']);
    expect(screen.getByText('Әр қызмет жетекші ағымдағы деп белгілеген регламент нұсқасымен ұсынылады.')).toBeTruthy();
    expect(screen.queryByTestId('service-option-000-a1-casino-2012')).toBeNull();
  });

  it('offers a provider employee only the provider services', async () => {
    await renderServicePicker({ operator: PROVIDER_EMPLOYEE });
    expect(screen.getByTestId(`service-option-${SECURITY_2012.id}`)).toBeTruthy();
    expect(screen.queryByTestId(`service-option-${CASINO_2014.id}`)).toBeNull();
    expect(screen.getByTestId(`service-option-${SECURITY_2012.id}`).textContent).toContain('2012 ж. регламенті: 001_b92f528bf720474f.txt');
  });

  it('filters by a word in any language and picks the first match with Enter', async () => {
    const { search, store } = await renderServicePicker();
    fireEvent.change(search, { target: { value: 'bookmaker' } });
    expect(screen.queryByTestId(`service-option-${CASINO_2014.id}`)).toBeNull();
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(store.getState().selectedServiceId).toBe(BOOKMAKER_2012.id);

    fireEvent.change(search, { target: { value: 'лотерея' } });
    expect(screen.getByText('Іздеуге сәйкес қызмет табылмады.')).toBeTruthy();
  });

  it('shows each subtype with its deadline, or that the regulation states none', async () => {
    await renderServicePicker({ language: 'ru' });
    fireEvent.click(screen.getByTestId(`service-option-${CASINO_2014.id}`));
    expect(screen.getByTestId('subtype-issue').textContent).toBe('Выдача лицензииСрок: 15 рабочих дней');
    expect(screen.getByTestId('subtype-duplicate').textContent).toBe('Выдача дубликатаСрок: 2 рабочих дня');
    expect(document.activeElement).toBe(screen.getByTestId('subtype-issue'));

    fireEvent.click(screen.getByTestId(`service-option-${BOOKMAKER_2012.id}`));
    expect(screen.getByTestId('subtype-reissue').textContent).toBe('ПереоформлениеСрок в регламенте не указан');
  });

  it('enables Next once a subtype is chosen, and shows the norm times of that regulation', async () => {
    await renderServicePicker();
    expect(screen.getByTestId('service-next')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId(`service-option-${BOOKMAKER_2012.id}`));
    fireEvent.click(screen.getByTestId('subtype-reissue'));
    expect(screen.getByTestId('service-next')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('step-service').textContent).toContain('Норма: 30 сек');
    expect(screen.getByTestId('step-service').textContent).toContain('Регламентте: «30 сек»');
    expect(screen.getByTestId('step-review').textContent).toContain('Норма: 30 сек – 5 мин');

    fireEvent.click(screen.getByTestId(`service-option-${CASINO_2014.id}`));
    expect(screen.getByTestId('step-service').textContent).not.toContain('Норма');
    expect(screen.getByText('Сұрауды өңдеу ұзақтығы — 15 минут')).toBeTruthy();
  });

  it('renders the norm in the interface language beside the printed words', async () => {
    await renderServicePicker({ language: 'en' });
    fireEvent.click(screen.getByTestId(`service-option-${BOOKMAKER_2012.id}`));
    expect(screen.getByTestId('step-review').textContent).toContain('Norm time: 30 s – 5 min');
    expect(screen.getByTestId('step-review').textContent).toContain('As printed: «30 сек – 5 мин»');
  });

  it('opens the draft in main with Next, and warns before another choice discards its pages', async () => {
    const { store, fake } = await createSignedInStore({ language: 'en' });
    await chooseService(store);
    await store.getState().importFiles([pdfFileSource('form.pdf', 2)]);
    store.getState().goToStep('service');
    render(<App store={store} />);
    await screen.findByTestId('service-search');
    expect(screen.queryByTestId('service-change-warning')).toBeNull();

    fireEvent.click(screen.getByTestId('subtype-reissue'));
    expect(screen.getByTestId('service-change-warning').textContent).toBe(
      'Another service or application type opens a new application: the 2 pages scanned for the previous choice will be discarded.',
    );
    fireEvent.click(screen.getByTestId('service-next'));
    expect(await screen.findByTestId('applicant-id')).toBeTruthy();
    expect(fake.callsTo('drafts', 'discard')).toHaveLength(1);
    expect(fake.callsTo('drafts', 'start').map((call) => call.args[0])).toEqual([
      { serviceId: CASINO_2014.id, subtype: 'issue' },
      { serviceId: CASINO_2014.id, subtype: 'reissue' },
    ]);
  });

  it('says when main no longer offers the service', async () => {
    const { fake } = await renderServicePicker({ language: 'en' });
    fake.impl.drafts.start = async () => ({ ok: false, error: { kind: 'unknown-service' } });
    fireEvent.click(screen.getByTestId(`service-option-${CASINO_2014.id}`));
    fireEvent.click(screen.getByTestId('subtype-issue'));
    fireEvent.click(screen.getByTestId('service-next'));
    await waitFor(() =>
      expect(screen.getByTestId('draft-error').textContent).toBe('This service is no longer offered at this workplace. Choose the service again.'),
    );
  });
});
