import { useEffect, useState } from 'react';
import type { PrinterView } from '../../../core/contract';
import type { Message, MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { printFailureMessage } from './printMessages';

const PROBLEM_LABELS: Readonly<Record<PrinterView['problems'][number], MessageKey>> = {
  stopped: 'settings.printer.problem.stopped',
  offline: 'settings.printer.problem.offline',
  'no-paper': 'settings.printer.problem.no-paper',
  'paper-jam': 'settings.printer.problem.paper-jam',
  'door-open': 'settings.printer.problem.door-open',
  'toner-empty': 'settings.printer.problem.toner-empty',
  'not-accepting': 'settings.printer.problem.not-accepting',
};

/**
 * Settings → Printer (issue 15 item 1): the supervisor picks the counter's printer from the list the
 * print system gives (with each queue's state), or none for the browser's dialog.
 */
export function PrinterSettings() {
  const { t, render } = useTranslator();
  const printing = useWorkstation((state) => state.printing);
  const loadPrinting = useWorkstation((state) => state.loadPrinting);
  const choosePrinter = useWorkstation((state) => state.choosePrinter);
  const run = useRunAction();
  const [draft, setDraft] = useState<string>('');
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; message: Message } | null>(null);

  useEffect(() => {
    run(loadPrinting());
  }, [loadPrinting, run]);
  useEffect(() => setDraft(printing?.chosen ?? ''), [printing?.chosen]);

  const save = async () => {
    const result = await choosePrinter(draft === '' ? null : draft);
    setOutcome(result.ok ? { tone: 'success', message: { key: 'settings.printer.saved' } } : { tone: 'error', message: { key: 'settings.printer.notFound' } });
  };

  return (
    <section className="settings__section" aria-labelledby="settings-printer-title" data-testid="settings-printer">
      <h3 id="settings-printer-title">{t('settings.printer.title')}</h3>
      <p>{t('settings.printer.intro')}</p>
      {printing === null ? (
        <p role="status">{t('settings.loading')}</p>
      ) : printing.via === 'dialog' ? (
        <p>{t('settings.printer.noSystem')}</p>
      ) : (
        <>
          <p className="muted">{t('settings.printer.via', { via: printing.via })}</p>
          {printing.listError !== null && <Notice tone="error" testId="settings-printer-list-error">{render(printFailureMessage(printing.listError, '-'))}</Notice>}
          <div className="field">
            <label className="field__label" htmlFor="settings-printer-select">
              {t('settings.printer.title')}
            </label>
            <select id="settings-printer-select" className="field__input" data-testid="settings-printer-select" value={draft} onChange={(event) => setDraft(event.target.value)}>
              <option value="">{t('settings.printer.dialog')}</option>
              {printing.printers.map((printer) => (
                <option key={printer.name} value={printer.name}>
                  {`${printer.name}${printer.description !== printer.name ? ` — ${printer.description}` : ''}${printer.problems.length > 0 ? ` (${printer.problems.map((p) => t(PROBLEM_LABELS[p])).join(', ')})` : ''}`}
                </option>
              ))}
            </select>
          </div>
          <div className="step__actions">
            <button type="button" className="button" data-testid="settings-printer-save" disabled={draft === (printing.chosen ?? '')} onClick={() => run(save())}>
              {t('settings.printer.save')}
            </button>
          </div>
        </>
      )}
      {outcome && (
        <Notice tone={outcome.tone} testId="settings-printer-outcome">
          {render(outcome.message)}
        </Notice>
      )}
    </section>
  );
}
