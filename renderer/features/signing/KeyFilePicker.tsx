import type { ChangeEvent } from 'react';
import { keyFilePickErrorMessage } from '../../i18n/signingMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { pathOfPickedFile } from '../../platform/filePaths';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { readFileAsBase64 } from '../documents/readFileAsBase64';
import { ACCEPTED_KEY_FILE_TYPES, MAX_KEY_FILE_BYTES, type KeyFileSource } from './keyFile';
import { selectChosenKey, selectKeyPickError, selectRememberedKey } from './signingSelectors';

function toKeyFileSource(file: File): KeyFileSource {
  return { name: file.name, sizeBytes: file.size, path: pathOfPickedFile(file), readBase64: () => readFileAsBase64(file) };
}

/** Which key file signs: the one picked now, or the one used last (reopened by main where the host knows its path). */
export function KeyFilePicker({
  isDisabled,
  autoFocus,
  onPicked,
}: {
  readonly isDisabled: boolean;
  readonly autoFocus: boolean;
  /** Called before the new file is read: the password typed belongs to the previous key. */
  readonly onPicked: () => void;
}) {
  const { t, render, formatBytes } = useTranslator();
  const chosen = useWorkstationShallow(selectChosenKey);
  const remembered = useWorkstation(selectRememberedKey);
  const pickError = useWorkstation(selectKeyPickError);
  const pickKeyFile = useWorkstation((state) => state.pickKeyFile);
  const run = useRunAction();

  function onFilePicked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Cleared so that picking the same file again (after a wrong password) fires a change.
    event.currentTarget.value = '';
    if (!file) return;
    onPicked();
    run(pickKeyFile(toKeyFileSource(file)));
  }

  let keyLine: { readonly testId: string; readonly text: string };
  if (chosen?.kind === 'picked') keyLine = { testId: 'sign-key-name', text: t('sign.chosenKey', { fileName: chosen.fileName }) };
  else if (chosen?.kind === 'remembered') keyLine = { testId: 'sign-remembered-key', text: t('sign.remembered', { fileName: chosen.fileName }) };
  else if (remembered) keyLine = { testId: 'sign-remembered-key', text: t('sign.rememberedPickAgain', { fileName: remembered.fileName }) };
  else keyLine = { testId: 'sign-key-name', text: t('sign.noKey') };

  return (
    <div className="field signing__file">
      <span className="field__label">{t('sign.keyFile')}</span>
      <p className="signing__key-line" data-testid={keyLine.testId}>
        {keyLine.text}
      </p>
      <label className="file-picker">
        <input
          className="file-picker__input"
          type="file"
          data-testid="sign-key-file-input"
          accept={ACCEPTED_KEY_FILE_TYPES}
          disabled={isDisabled}
          autoFocus={autoFocus}
          onChange={onFilePicked}
        />
        <span className="button file-picker__button">{t(chosen ? 'sign.chooseOtherFile' : 'sign.chooseFile')}</span>
      </label>
      <p className="field__hint">{t('sign.fileHint', { maxKb: MAX_KEY_FILE_BYTES / 1024 })}</p>
      {pickError && (
        <Notice tone="error" testId="sign-key-file-error">
          {render(keyFilePickErrorMessage(pickError, formatBytes))}
        </Notice>
      )}
    </div>
  );
}
