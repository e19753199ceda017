import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_CA_BUNDLE_CHARS, type BackendConnectionSettings as SavedConnection } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { ActiveBackendConnection } from './ActiveBackendConnection';
import { BackendCheckResult } from './BackendCheckResult';
import {
  connectionInputOf,
  fingerprintBlocks,
  formOfSaved,
  isFormChanged,
  parseBackendUrl,
  parsePins,
  withPin,
  type BackendConnectionForm,
  type CaChoice,
} from './backendConnectionForm';
import { selectBackendCheck, selectSettingsActivity } from './settingsSelectors';
import { LockedNotice, SettingsOutcomeNotice } from './SettingsNotices';

type CaFileProblem = { readonly kind: 'too-large'; readonly sizeBytes: number } | { readonly kind: 'unreadable' };

/**
 * The licensing backend this workstation talks to (issue #8): the connection in use now, and the
 * saved setting (URL, CA certificates, pins) that main applies at the next start. A candidate can
 * be checked first; nothing is saved by a check. A connection the administrator fixed can still be
 * checked as it stands (main supplies the CA bundle in force), but not changed.
 */
export function BackendConnectionSettings({
  connection,
  locked,
  lockSource,
}: {
  readonly connection: SavedConnection;
  readonly locked: boolean;
  readonly lockSource: string | null;
}) {
  const { t, formatDate, formatBytes } = useTranslator();
  const activity = useWorkstation(selectSettingsActivity);
  const check = useWorkstation(selectBackendCheck);
  const saveBackendConnection = useWorkstation((state) => state.saveBackendConnection);
  const checkBackendConnection = useWorkstation((state) => state.checkBackendConnection);
  const forgetBackendCheck = useWorkstation((state) => state.forgetBackendCheck);
  const run = useRunAction();
  const pinsField = useRef<HTMLTextAreaElement>(null);
  const [form, setForm] = useState<BackendConnectionForm>(() => formOfSaved(connection));
  const [fileProblem, setFileProblem] = useState<CaFileProblem | null>(null);

  const input = connectionInputOf(form);
  const urlProblem = !parseBackendUrl(form.url).ok;
  const pins = parsePins(form.pinsText);
  const isSaving = activity.kind === 'saving-backend-connection';
  const isBusy = activity.kind !== 'idle' || check.kind === 'checking';
  const savedCas = connection.caCertificates;

  /** A different candidate: the last check no longer describes it. */
  function changeCandidate(next: Partial<Pick<BackendConnectionForm, 'url' | 'ca'>>) {
    setForm((current) => ({ ...current, ...next }));
    forgetBackendCheck();
  }

  async function readCaFile(file: File) {
    if (file.size > MAX_CA_BUNDLE_CHARS) return setFileProblem({ kind: 'too-large', sizeBytes: file.size });
    let pem: string;
    try {
      pem = await file.text();
    } catch {
      return setFileProblem({ kind: 'unreadable' });
    }
    if (pem.trim() === '' || pem.length > MAX_CA_BUNDLE_CHARS) return setFileProblem({ kind: 'unreadable' });
    setFileProblem(null);
    changeCandidate({ ca: { kind: 'file', fileName: file.name, pem } });
  }

  function onCaFilePicked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Cleared so that picking the same file again (after fixing it) fires a change.
    event.currentTarget.value = '';
    if (file) run(readCaFile(file));
  }

  function chooseSystemTrust() {
    setFileProblem(null);
    changeCandidate({ ca: { kind: 'system' } });
  }

  function addPin(pin: string) {
    setForm((current) => ({ ...current, pinsText: withPin(current.pinsText, pin) }));
    pinsField.current?.focus();
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (locked || isBusy || !input.ok || !isFormChanged(form, connection)) return;
    run(
      saveBackendConnection(input.value).then((result) => {
        // The saved CA bundle is now the one described by main; the picked file is no longer pending.
        if (result.ok) setForm((current) => ({ ...current, ca: { kind: 'saved' } }));
      }),
    );
  }

  return (
    <section className="settings__section" aria-labelledby="settings-backend-title">
      <h3 id="settings-backend-title">{t('settings.backend.title')}</h3>
      {locked && <LockedNotice source={lockSource} testId="settings-backend-locked" />}
      <ActiveBackendConnection active={connection.active} />
      {connection.restartRequired && (
        <Notice tone="info" testId="settings-backend-restart">
          {t('settings.backend.restart')}
        </Notice>
      )}

      <h4>{t('settings.backend.form')}</h4>
      <form onSubmit={save} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="settings-backend-url">
            {t('settings.backend.url')}
          </label>
          <input
            id="settings-backend-url"
            className="field__input"
            data-testid="settings-backend-url"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://"
            readOnly={locked}
            aria-invalid={urlProblem}
            aria-describedby="settings-backend-url-hint"
            value={form.url}
            onChange={(event) => changeCandidate({ url: event.target.value })}
          />
          <span id="settings-backend-url-hint" className={urlProblem ? 'field__feedback field__feedback--error' : 'field__hint'} data-testid={urlProblem ? 'settings-backend-url-error' : undefined}>
            {urlProblem ? t('settings.backend.urlInvalid') : t('settings.backend.urlHint')}
          </span>
        </div>

        <fieldset className="settings__versions" data-testid="settings-backend-ca">
          <legend className="settings__legend">{t('settings.backend.ca')}</legend>
          <SavedCaCertificates certificates={savedCas} formatDate={formatDate} />
          <CaChoiceLine choice={form.ca} hasSaved={savedCas.length > 0} />
          <div className="notice__actions">
            <label className="file-picker">
              <input
                className="file-picker__input"
                type="file"
                data-testid="settings-backend-ca-file"
                accept=".pem,.crt,.cer"
                aria-describedby="settings-backend-ca-hint"
                disabled={locked || isBusy}
                onChange={onCaFilePicked}
              />
              <span className="button file-picker__button">{t('settings.backend.ca.choose')}</span>
            </label>
            <button
              type="button"
              className="button"
              data-testid="settings-backend-ca-system"
              disabled={locked || isBusy || form.ca.kind === 'system' || (form.ca.kind === 'saved' && savedCas.length === 0)}
              onClick={chooseSystemTrust}
            >
              {t('settings.backend.ca.useSystem')}
            </button>
          </div>
          <p id="settings-backend-ca-hint" className="field__hint">
            {t('settings.backend.ca.hint')}
          </p>
          {fileProblem && (
            <Notice tone="error" testId="settings-backend-ca-error">
              {fileProblem.kind === 'too-large' ? t('settings.backend.ca.tooLarge', { size: formatBytes(fileProblem.sizeBytes) }) : t('settings.backend.ca.unreadable')}
            </Notice>
          )}
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor="settings-backend-pins">
            {t('settings.backend.pins')}
          </label>
          <textarea
            id="settings-backend-pins"
            ref={pinsField}
            className="field__input settings__pins"
            data-testid="settings-backend-pins"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            readOnly={locked}
            aria-invalid={!pins.ok}
            aria-describedby={pins.ok ? 'settings-backend-pins-hint' : 'settings-backend-pins-hint settings-backend-pins-error'}
            value={form.pinsText}
            onChange={(event) => setForm((current) => ({ ...current, pinsText: event.target.value }))}
          />
          <span id="settings-backend-pins-hint" className="field__hint">
            {t('settings.backend.pins.hint')}
          </span>
          {!pins.ok && (
            <span id="settings-backend-pins-error" className="field__feedback field__feedback--error" data-testid="settings-backend-pins-error">
              {pins.error.kind === 'invalid-pin' ? t('settings.backend.pins.invalid', { line: pins.error.line }) : t('settings.backend.pins.tooMany', { max: pins.error.max })}
            </span>
          )}
        </div>

        <div className="step__actions step__actions--start">
          <button
            type="button"
            className="button"
            data-testid="settings-backend-check"
            disabled={isBusy || !input.ok}
            onClick={() => input.ok && run(checkBackendConnection(input.value))}
          >
            {check.kind === 'checking' ? t('settings.backend.checking') : t('settings.backend.check')}
          </button>
          <button type="submit" className="button button--primary" data-testid="settings-backend-save" disabled={locked || isBusy || !input.ok || !isFormChanged(form, connection)}>
            {isSaving ? t('settings.backend.saving') : t('settings.backend.save')}
          </button>
        </div>
      </form>
      <BackendCheckResult check={check} hasPin={(pin) => pins.ok && pins.value.includes(pin)} onUsePin={addPin} />
      <SettingsOutcomeNotice setting="backend-connection" showSaved={!connection.restartRequired} />
    </section>
  );
}

function SavedCaCertificates({ certificates, formatDate }: { readonly certificates: SavedConnection['caCertificates']; readonly formatDate: (iso: string) => string }) {
  const { t } = useTranslator();
  if (certificates.length === 0) return null;
  return (
    <>
      <p>{t('settings.backend.ca.savedList')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.backend.ca.subject')}</th>
            <th scope="col">{t('settings.backend.validTo')}</th>
            <th scope="col">{t('settings.backend.ca.fingerprint')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => (
            <tr key={certificate.sha256} data-testid="settings-backend-ca-row">
              <td>{certificate.subject}</td>
              <td className="data-table__number">{formatDate(certificate.notAfter)}</td>
              <td>
                <code data-testid="settings-backend-ca-fingerprint">{fingerprintBlocks(certificate.sha256)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Which CA certificates a check or a save will use, in one sentence (the saved ones are listed above it). */
function CaChoiceLine({ choice, hasSaved }: { readonly choice: CaChoice; readonly hasSaved: boolean }) {
  const { t } = useTranslator();
  if (choice.kind === 'file') return <p data-testid="settings-backend-ca-picked">{t('settings.backend.ca.picked', { fileName: choice.fileName })}</p>;
  if (choice.kind === 'system' && hasSaved) return <p data-testid="settings-backend-ca-will-use-system">{t('settings.backend.ca.willUseSystem')}</p>;
  if (!hasSaved) return <p data-testid="settings-backend-ca-none">{t('settings.backend.ca.system')}</p>;
  return null;
}
