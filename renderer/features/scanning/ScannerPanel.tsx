import { useEffect } from 'react';
import { commandNamed } from '../../commands/workstationCommands';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectDraftSlots } from '../draft/draftSelectors';
import { selectCanScan, selectIsScanning, selectScanDevice, selectScanDevices, selectScanners, selectScanSettings } from './scanningSelectors';
import { ScanSettingsFields } from './ScanSettingsFields';
import { ScanStatus } from './ScanStatus';

const scanCommand = commandNamed('scan');

/** Why there is nothing to scan with, and that files can still be imported. */
function NoScanner({ kind, onRefresh }: { readonly kind: 'none' | 'software-missing'; readonly onRefresh: () => void }) {
  const { t } = useTranslator();
  if (kind === 'software-missing') {
    return (
      <Notice tone="warning" testId="scanner-software-missing">
        {t('scanner.softwareMissing')}
      </Notice>
    );
  }
  return (
    <Notice tone="warning" testId="scanner-none">
      <p>{t('scanner.none')}</p>
      <button type="button" className="button button--small" data-testid="scanner-refresh" onClick={onRefresh}>
        {t('scanner.refresh')}
      </button>
    </Notice>
  );
}

/** The scanner: settings, the Scan button (F8 / Ctrl+Enter) into the active slot, live progress and errors. */
export function ScannerPanel({ slotTitle }: { readonly slotTitle: string | null }) {
  const { t, language } = useTranslator();
  const scanners = useWorkstation(selectScanners);
  const devices = useWorkstation(selectScanDevices);
  const device = useWorkstation(selectScanDevice);
  const settings = useWorkstationShallow(selectScanSettings);
  const canScan = useWorkstation(selectCanScan);
  const isScanning = useWorkstation(selectIsScanning);
  const slots = useWorkstation(selectDraftSlots);
  const loadScanners = useWorkstation((state) => state.loadScanners);
  const startScan = useWorkstation((state) => state.startScan);
  const run = useRunAction();

  useEffect(() => {
    if (scanners.kind === 'idle') run(loadScanners());
  }, [scanners.kind, loadScanners, run]);

  const titleOf = (slotId: string) => slots.find((slot) => slot.slotId === slotId)?.title[language] ?? slotId;

  return (
    <section className="scanner" aria-labelledby="scanner-title">
      <h3 className="tools__title" id="scanner-title">
        {t('scanner.title')}
      </h3>
      {scanners.kind === 'loading' && (
        <p className="progress" role="status">
          {t('scanner.loading')}
        </p>
      )}
      {scanners.kind === 'software-missing' && <NoScanner kind="software-missing" onRefresh={() => run(loadScanners())} />}
      {scanners.kind === 'loaded' && devices.length === 0 && <NoScanner kind="none" onRefresh={() => run(loadScanners())} />}
      {device && settings && <ScanSettingsFields devices={devices} device={device} settings={settings} isDisabled={isScanning} />}
      <button
        type="button"
        className="button button--primary button--wide"
        data-testid="scan-button"
        aria-keyshortcuts={scanCommand.ariaShortcut}
        title={`${t(scanCommand.labelKey)} (${scanCommand.shortcut})`}
        disabled={!canScan}
        onClick={() => run(startScan())}
      >
        {t('scanner.scan')} <kbd>F8</kbd>
      </button>
      {slotTitle !== null && <p className="field__hint">{t('scanner.scanInto', { slot: slotTitle })}</p>}
      <ScanStatus slotTitle={titleOf} />
    </section>
  );
}
