import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisitTimer } from '../../../core/contract';
import { App } from '../../app/App';
import { StoreProvider } from '../../store/StoreProvider';
import { chooseService, createSignedInStore, createTestStore } from '../../test-support/arrangeStore';
import { formatMinutesSeconds, visitClockAt } from './visitClock';
import { VisitTimerBadge } from './VisitTimerBadge';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const VISIT_START = '2025-03-10T04:00:00.000Z';

function timerAt(visitSeconds: number, overrides: Partial<VisitTimer> = {}): VisitTimer {
  return {
    visitId: '00000000-0000-4000-8000-00000000000a',
    visitStartedAt: VISIT_START,
    step: 'documents',
    stepStartedAt: new Date(Date.parse(VISIT_START) + visitSeconds * 1000).toISOString(),
    stepNorm: { minSeconds: 30, maxSeconds: 300 },
    budgetMinutes: 15,
    ...overrides,
  };
}

function renderBadgeWith(timer: VisitTimer | null) {
  const { store } = createTestStore();
  store.setState({ visit: timer && { visitId: timer.visitId, kind: 'acceptance', step: timer.step, applicationId: null, timer, timerReceivedAt: Date.now() } });
  render(
    <StoreProvider store={store}>
      <VisitTimerBadge />
    </StoreProvider>,
  );
}

describe('visitClockAt', () => {
  it('counts on from main\'s instants with the local clock, whatever the local clock says', () => {
    const clock = visitClockAt(timerAt(372), 1_000_000, 1_005_400);
    expect(clock).toMatchObject({ visitSeconds: 377, stepSeconds: 5, budgetSeconds: 900, isOverBudget: false, isOverNorm: false });
    expect(formatMinutesSeconds(372)).toBe('06:12');
    expect(formatMinutesSeconds(4503)).toBe('75:03');
  });
});

describe('the header visit timer', () => {
  it('is hidden without a visit', () => {
    renderBadgeWith(null);
    expect(screen.queryByTestId('visit-timer')).toBeNull();
  });

  it('shows the visit against the budget, ticks every second and warns past the budget', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-10T09:20:00+05:00'));
    renderBadgeWith(timerAt(14 * 60 + 55));
    const timer = screen.getByTestId('visit-timer');
    expect(timer.textContent).toBe('14:55 / 15:00');
    expect(timer.getAttribute('data-warning')).toBe('false');
    expect(timer.title).toContain('00:30–05:00');

    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(timer.textContent).toBe('15:00 / 15:00');
    expect(timer.getAttribute('data-warning')).toBe('false');

    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(timer.textContent).toBe('15:01 / 15:00');
    expect(timer.getAttribute('data-warning')).toBe('true');
    expect(timer.className).toContain('visit-timer--warning');
  });

  it('warns when the step runs past its norm, with the step and its norm in the tooltip', () => {
    vi.useFakeTimers();
    renderBadgeWith(timerAt(60, { step: 'applicant', stepNorm: { minSeconds: 10, maxSeconds: 15 } }));
    const timer = screen.getByTestId('visit-timer');
    act(() => {
      vi.advanceTimersByTime(15_000);
    });
    expect(timer.getAttribute('data-warning')).toBe('false');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(timer.getAttribute('data-warning')).toBe('true');
    expect(timer.title).toContain('Өтініш беруші: 00:16');
    expect(timer.title).toContain('00:10–00:15');
  });

  it('appears in the header once the operator starts on an applicant', async () => {
    const { store } = await createSignedInStore({ language: 'en' });
    render(<App store={store} />);
    await screen.findByTestId('nav-applications');
    expect(screen.queryByTestId('visit-timer')).toBeNull();
    await act(async () => {
      await chooseService(store);
      await store.getState().settleVisitMarks();
    });
    const timer = await screen.findByTestId('visit-timer');
    expect(timer.textContent).toMatch(/^\d\d:\d\d \/ 15:00$/);
    expect(timer.title).toContain('Applicant');
  });
});
