import { describe, expect, it } from 'vitest';
import { pathOfPickedFile } from './filePaths';

describe('pathOfPickedFile', () => {
  const file = new File(['key'], 'operator.p12');

  it('asks the Electron preload for the path', () => {
    const host = { workstationFiles: { pathOf: (picked: File) => `/media/usb/${picked.name}` } };
    expect(pathOfPickedFile(file, host)).toBe('/media/usb/operator.p12');
  });

  it('is null in the browser host, where there is no preload', () => {
    expect(pathOfPickedFile(file, {})).toBeNull();
    expect(pathOfPickedFile(file)).toBeNull();
  });

  it('is null when the preload cannot place the file', () => {
    expect(pathOfPickedFile(file, { workstationFiles: { pathOf: () => '' } })).toBeNull();
    const throwing = { workstationFiles: { pathOf: (): string | null => { throw new Error('not a disk file'); } } };
    expect(pathOfPickedFile(file, throwing)).toBeNull();
  });
});
