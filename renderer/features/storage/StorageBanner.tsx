import type { StorageStatus } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { usePollWhileVisible } from '../../ui/usePollWhileVisible';

type Translate = ReturnType<typeof useTranslator>['t'];

/** The database's state changes only at start or when a write fails; a slow poll is enough. */
export const STORAGE_POLL_MS = 10_000;

/** The lines the header shows for the database's health; empty when all is well. */
export function storageNotices(storage: StorageStatus | null, t: Translate): { readonly key: string; readonly tone: 'error' | 'warning'; readonly text: string }[] {
  if (!storage) return [];
  const notices: { key: string; tone: 'error' | 'warning'; text: string }[] = [];
  if (storage.state.kind === 'failed') notices.push({ key: 'failed', tone: 'error', text: t('storage.failed') });
  if (storage.state.kind === 'read-only') notices.push({ key: 'read-only', tone: 'error', text: t(`storage.readOnly.${storage.state.reason}`) });
  storage.damage.forEach((damage, i) => {
    const file = damage.quarantineFile ?? damage.journalFile;
    notices.push({
      key: `damage-${i}`,
      tone: 'warning',
      text:
        damage.possiblyLostLocalNumbers.length > 0
          ? t('storage.damage', { file, numbers: damage.possiblyLostLocalNumbers.join(', ') })
          : t('storage.damageNoNumbers', { file }),
    });
  });
  return notices;
}

/**
 * Under the header, before and after sign-in: a read-only start (and why), a failed write (restart
 * now), damage found at start (and which applications may be lost). Nothing when the database is well.
 */
export function StorageBanner() {
  const { t } = useTranslator();
  const storage = useWorkstation((state) => state.storage);
  usePollWhileVisible(useWorkstation((state) => state.refreshStorage), STORAGE_POLL_MS);
  const notices = storageNotices(storage, t);
  if (notices.length === 0) return null;
  return (
    <div className="storage-banner" data-testid="storage-banner">
      {notices.map((notice) => (
        <Notice key={notice.key} tone={notice.tone} testId={`storage-${notice.key}`}>
          {notice.text}
        </Notice>
      ))}
    </div>
  );
}
