import type { StorageStatus } from '../../../core/contract';
import { useEffect } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { usePollWhileVisible } from '../../ui/usePollWhileVisible';
import { useRunAction } from '../../ui/useRunAction';
import { selectIsSignedIn } from '../session/sessionSelectors';

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

/** While someone works: a write that fails now shows within seconds. Stops at sign-out, like the queue's poll. */
function StoragePolling() {
  usePollWhileVisible(useWorkstation((state) => state.refreshStorage), STORAGE_POLL_MS);
  return null;
}

/**
 * Under the header, before and after sign-in: a read-only start (and why), a failed write (restart
 * now), damage found at start (and which applications may be lost). Nothing when the database is well.
 */
export function StorageBanner() {
  const { t } = useTranslator();
  const storage = useWorkstation((state) => state.storage);
  const isSignedIn = useWorkstation(selectIsSignedIn);
  const refreshStorage = useWorkstation((state) => state.refreshStorage);
  const run = useRunAction();
  // What the start found is there before anyone signs in.
  useEffect(() => run(refreshStorage()), [run, refreshStorage]);
  const notices = storageNotices(storage, t);
  return (
    <>
      {isSignedIn && <StoragePolling />}
      {notices.length > 0 && <StorageNotices notices={notices} />}
    </>
  );
}

function StorageNotices({ notices }: { readonly notices: ReturnType<typeof storageNotices> }) {
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
