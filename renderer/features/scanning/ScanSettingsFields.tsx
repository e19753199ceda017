import type { ScannerDeviceView, ScanSettings } from '../../../core/contract';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { offeredResolutions } from './scanningSelectors';

const SOURCE_LABELS: Readonly<Record<ScanSettings['source'], MessageKey>> = { flatbed: 'scanner.source.flatbed', adf: 'scanner.source.adf' };
const MODE_LABELS: Readonly<Record<ScanSettings['mode'], MessageKey>> = { color: 'scanner.mode.color', gray: 'scanner.mode.gray', bw: 'scanner.mode.bw' };
const MODES = ['gray', 'bw', 'color'] as const;
/** Sheets to take from the feeder when the operator wants fewer than all of them (one slot's worth). */
const FEEDER_PAGE_COUNTS = [1, 2, 3, 4, 5, 10, 20] as const;

/** Device, paper source, resolution and colour mode; only what the chosen device offers. */
export function ScanSettingsFields({
  devices,
  device,
  settings,
  isDisabled,
}: {
  readonly devices: readonly ScannerDeviceView[];
  readonly device: ScannerDeviceView;
  readonly settings: ScanSettings;
  readonly isDisabled: boolean;
}) {
  const { t } = useTranslator();
  const chooseScanDevice = useWorkstation((state) => state.chooseScanDevice);
  const chooseScanSource = useWorkstation((state) => state.chooseScanSource);
  const chooseScanResolution = useWorkstation((state) => state.chooseScanResolution);
  const chooseScanMode = useWorkstation((state) => state.chooseScanMode);
  const chooseFeederPages = useWorkstation((state) => state.chooseFeederPages);

  return (
    <div className="scan-settings">
      <label className="field">
        <span className="field__label">{t('scanner.device')}</span>
        <select className="field__input" data-testid="scanner-device" value={device.deviceId} disabled={isDisabled} onChange={(event) => chooseScanDevice(event.target.value)}>
          {devices.map((candidate) => (
            <option key={candidate.deviceId} value={candidate.deviceId}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.source')}</span>
        <select
          className="field__input"
          data-testid="scanner-source"
          value={settings.source}
          disabled={isDisabled}
          onChange={(event) => chooseScanSource(event.target.value === 'adf' ? 'adf' : 'flatbed')}
        >
          {device.sources.map((source) => (
            <option key={source} value={source}>
              {t(SOURCE_LABELS[source])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.resolution')}</span>
        <select
          className="field__input"
          data-testid="scanner-resolution"
          value={settings.resolutionDpi}
          disabled={isDisabled}
          onChange={(event) => chooseScanResolution(Number(event.target.value))}
        >
          {offeredResolutions(device).map((dpi) => (
            <option key={dpi} value={dpi}>
              {t('scanner.dpi', { dpi })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.mode')}</span>
        <select
          className="field__input"
          data-testid="scanner-mode"
          value={settings.mode}
          disabled={isDisabled}
          onChange={(event) => chooseScanMode(MODES.find((mode) => mode === event.target.value) ?? 'gray')}
        >
          {MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(MODE_LABELS[mode])}
            </option>
          ))}
        </select>
      </label>
      {settings.source === 'adf' && (
        <label className="field">
          <span className="field__label">{t('scanner.feederPages')}</span>
          <select
            className="field__input"
            data-testid="scanner-feeder-pages"
            value={settings.maxPages ?? 'all'}
            disabled={isDisabled}
            onChange={(event) => chooseFeederPages(event.target.value === 'all' ? null : Number(event.target.value))}
          >
            <option value="all">{t('scanner.feederPages.all')}</option>
            {FEEDER_PAGE_COUNTS.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
