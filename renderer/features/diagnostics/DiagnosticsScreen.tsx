import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DiagnosticsReport } from '../../../core/contract';
import { ShortcutHints } from '../../commands/ShortcutHints';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { copyText } from './copyText';

const SCREEN_SHORTCUTS = ['open-application', 'open-diagnostics'] as const;

type Translate = ReturnType<typeof useTranslator>['t'];

function Row({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <div className="diagnostics__row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function StorageLines({ storage, t }: { readonly storage: DiagnosticsReport['storage']; readonly t: Translate }) {
  const state = storage.state;
  return (
    <>
      <p data-testid="diagnostics-storage-state">
        {state.kind === 'ok' ? t('diagnostics.storage.ok') : state.kind === 'read-only' ? t('diagnostics.storage.readOnly', { reason: state.reason }) : t('diagnostics.storage.failed')}
      </p>
      {storage.damage.map((damage) => (
        <p key={`${damage.journalFile}-${damage.offset}`} data-testid="diagnostics-storage-damage">
          {t('diagnostics.storage.damage', {
            journal: damage.journalFile,
            bytes: damage.bytes,
            reason: damage.reason,
            quarantine: damage.quarantineFile ?? '-',
            numbers: damage.possiblyLostLocalNumbers.join(', ') || '-',
          })}
        </p>
      ))}
      {storage.quarantineFiles.length > 0 && <p>{t('diagnostics.storage.quarantine', { files: storage.quarantineFiles.join(', ') })}</p>}
    </>
  );
}

function Sections({ report, t }: { readonly report: DiagnosticsReport; readonly t: Translate }) {
  const { app, runtime, os, backend, revocationList: crl, scanners, queue, database } = report;
  const runtimeLine = [`Node ${runtime.node ?? '-'}`, runtime.electron && `Electron ${runtime.electron}`, runtime.chromium && `Chromium ${runtime.chromium}`].filter(Boolean).join(', ');
  return (
    <div className="diagnostics__sections">
      <section aria-labelledby="diagnostics-app">
        <h3 id="diagnostics-app">{t('diagnostics.section.app')}</h3>
        <dl>
          <Row label={t('diagnostics.version')}>{`${app.version} (${app.host}); ${runtimeLine}`}</Row>
          <Row label={t('diagnostics.os')}>{`${os.type} ${os.release} (${os.arch}), CPU ${os.cpuCount}, ${os.freeMemoryMb}/${os.totalMemoryMb} MB`}</Row>
          <Row label={t('diagnostics.dataDir')}>{app.dataDir}</Row>
        </dl>
      </section>
      <section aria-labelledby="diagnostics-backend">
        <h3 id="diagnostics-backend">{t('diagnostics.section.backend')}</h3>
        <dl>
          <Row label={t('diagnostics.backendUrl')}>{`${backend.url} (${backend.mode})`}</Row>
          <Row label={t('diagnostics.health')} testId="diagnostics-health">
            {backend.health.reachable ? t('diagnostics.reachable', { ms: backend.health.latencyMs }) : t('diagnostics.unreachable', { problem: backend.health.problem ?? '-' })}
          </Row>
          <Row label={t('diagnostics.crl')}>
            {crl === null ? t('diagnostics.crlUnavailable') : crl.ageMinutes === null ? t('diagnostics.crlNever') : t('diagnostics.crlAge', { minutes: crl.ageMinutes })}
          </Row>
        </dl>
      </section>
      <section aria-labelledby="diagnostics-scanners">
        <h3 id="diagnostics-scanners">{t('diagnostics.section.scanners')}</h3>
        {scanners.devices.length === 0 ? (
          <p>{t('diagnostics.noScanners')}</p>
        ) : (
          <ul data-testid="diagnostics-scanners">
            {scanners.devices.map((device) => (
              <li key={device.id}>{`${device.id}: ${device.description}`}</li>
            ))}
          </ul>
        )}
        {scanners.scanimage.kind === 'missing' ? <p>{t('diagnostics.scanimageMissing')}</p> : <pre className="diagnostics__raw">{scanners.scanimage.output}</pre>}
      </section>
      <section aria-labelledby="diagnostics-storage">
        <h3 id="diagnostics-storage">{t('diagnostics.section.storage')}</h3>
        {queue && <p>{t('diagnostics.queueCounts', { accepted: queue.accepted, sending: queue.sending, registered: queue.registered, needsAttention: queue.needsAttention })}</p>}
        <p>{t('diagnostics.database', { size: Math.ceil(database.sizeBytes / 1024), time: database.lastSavedAt ?? '-' })}</p>
        <StorageLines storage={report.storage} t={t} />
      </section>
      <section aria-labelledby="diagnostics-log">
        <h3 id="diagnostics-log">{t('diagnostics.section.log')}</h3>
        <p>{t('diagnostics.logFolder', { dir: report.log.dir })}</p>
        {report.log.recentProblems.length === 0 ? (
          <p data-testid="diagnostics-log-problems">{t('diagnostics.logNone')}</p>
        ) : (
          <ul data-testid="diagnostics-log-problems">
            {report.log.recentProblems.map((line, index) => (
              <li key={`${line.time}-${index}`}>{`${line.time} ${line.level} ${line.event}`}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * The helpdesk screen (issue #8 item 6), open to every signed-in user: the facts in sections, the
 * redacted text in a read-only field, "Copy diagnostics" and "Refresh". Nothing here names a citizen.
 */
export function DiagnosticsScreen() {
  const { t } = useTranslator();
  const diagnostics = useWorkstation((state) => state.diagnostics);
  const loadDiagnostics = useWorkstation((state) => state.loadDiagnostics);
  const run = useRunAction();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'selected'>('idle');

  // Opened by a shortcut or a test without openDiagnostics: collect once.
  useEffect(() => {
    if (diagnostics.kind === 'idle') run(loadDiagnostics());
  }, [diagnostics.kind, loadDiagnostics, run]);

  const text = diagnostics.kind === 'loaded' ? diagnostics.text : '';
  const copy = async () => setCopyState(await copyText(text, field.current));

  return (
    <section className="journal diagnostics" aria-labelledby="diagnostics-title" data-testid="diagnostics-screen">
      <div className="journal__header">
        <h2 id="diagnostics-title" className="step__title">
          {t('diagnostics.title')}
        </h2>
        <button type="button" className="button" data-testid="diagnostics-refresh" disabled={diagnostics.kind === 'loading'} onClick={() => {
          setCopyState('idle');
          run(loadDiagnostics());
        }}>
          {t('diagnostics.refresh')}
        </button>
        <button type="button" className="button button--primary" data-testid="diagnostics-copy" disabled={diagnostics.kind !== 'loaded'} onClick={() => run(copy())}>
          {t('diagnostics.copy')}
        </button>
      </div>
      <p>{t('diagnostics.intro')}</p>
      {copyState === 'copied' && (
        <Notice tone="success" testId="diagnostics-copied">
          {t('diagnostics.copied')}
        </Notice>
      )}
      {copyState === 'selected' && (
        <Notice tone="info" testId="diagnostics-select-manually">
          {t('diagnostics.copyManually')}
        </Notice>
      )}
      {diagnostics.kind === 'loaded' ? <Sections report={diagnostics.report} t={t} /> : <p role="status">{t('diagnostics.loading')}</p>}
      <h3>{t('diagnostics.section.text')}</h3>
      <textarea ref={field} className="diagnostics__text" data-testid="diagnostics-text" readOnly rows={16} value={text} aria-label={t('diagnostics.section.text')} />
      <ShortcutHints names={SCREEN_SHORTCUTS} />
    </section>
  );
}
