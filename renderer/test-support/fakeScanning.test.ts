import { describe, expect, it } from 'vitest';
import type { ScanJobView, ScanSettings } from '../../core/contract';
import { createSignedInStore } from './arrangeStore';
import { CASINO_2014 } from './fakeFixtures';
import { FAKE_SCANNER } from './fakeScanning';
import type { FakeWorkstation } from './fakeWorkstationApi';

const ADF: ScanSettings = { deviceId: FAKE_SCANNER.deviceId, source: 'adf', resolutionDpi: 300, mode: 'gray' };

async function scanUntilEnd(fake: FakeWorkstation, job: ScanJobView): Promise<ScanJobView[]> {
  const seen: ScanJobView[] = [];
  for (let poll = 0; poll < 20; poll++) {
    const next = await fake.api.scanning.job(job.jobId);
    if (!next.ok) throw new Error(next.error.kind);
    seen.push(next.value);
    if (next.value.state !== 'running') break;
  }
  return seen;
}

async function startScan(settings: ScanSettings = ADF) {
  const { fake } = await createSignedInStore();
  const draft = await fake.api.drafts.start({ serviceId: CASINO_2014.id, subtype: 'issue' });
  if (!draft.ok) throw new Error('fake refused to start');
  const draftId = draft.value.draftId;
  return { fake, draftId, start: () => fake.api.scanning.start(draftId, 'application', settings) };
}

describe('fake scanning', () => {
  it('stores one page per poll until the feeder is empty', async () => {
    const { fake, draftId, start } = await startScan();
    const job = await start();
    if (!job.ok) throw new Error(job.error.kind);
    const polls = await scanUntilEnd(fake, job.value);
    expect(polls.map((poll) => poll.pagesDone)).toEqual([1, 2, 3, 3]);
    expect(polls.at(-1)).toMatchObject({ state: 'completed', endedBy: 'feeder-empty' });
    const draft = await fake.api.drafts.get(draftId);
    expect(draft.ok && draft.value.slots[0]?.pages.map((page) => [page.source, page.widthPx])).toEqual([
      ['scanner', 2481],
      ['scanner', 2481],
      ['scanner', 2481],
    ]);
  });

  it('jams after N pages and keeps them; refuses a second scan while one runs', async () => {
    const { fake, draftId, start } = await startScan();
    fake.scanner.loadBatch({ pages: 5, jamAfter: 2 });
    const job = await start();
    if (!job.ok) throw new Error(job.error.kind);
    expect(await start()).toEqual({ ok: false, error: { kind: 'scan-in-progress' } });
    const polls = await scanUntilEnd(fake, job.value);
    expect(polls.at(-1)).toMatchObject({ state: 'failed', failure: 'paper-jam', pagesDone: 2 });
    const draft = await fake.api.drafts.get(draftId);
    expect(draft.ok && draft.value.slots[0]?.pages).toHaveLength(2);
  });

  it('fails with unsupported-setting for what the device does not offer, and can be cancelled', async () => {
    const unsupported = await startScan({ ...ADF, resolutionDpi: 400 });
    const job = await unsupported.start();
    if (!job.ok) throw new Error(job.error.kind);
    expect((await scanUntilEnd(unsupported.fake, job.value)).at(-1)).toMatchObject({ state: 'failed', failure: 'unsupported-setting', pagesDone: 0 });

    const held = await startScan();
    held.fake.scanner.hold();
    const running = await held.start();
    if (!running.ok) throw new Error(running.error.kind);
    expect(await held.fake.api.scanning.cancel(running.value.jobId)).toMatchObject({ ok: true, value: { state: 'cancelled', pagesDone: 0 } });
  });

  it('says when the scanner software is missing', async () => {
    const { fake } = await createSignedInStore({ isScannerSoftwareMissing: true });
    expect(await fake.api.scanning.listDevices()).toEqual({ ok: false, error: { kind: 'scanner-software-missing' } });
  });
});
