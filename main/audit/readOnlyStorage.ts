import { nodeDbStorage, type DbStorage, type JournalHandle } from '../db/dbStorage';

const inertJournal: JournalHandle = {
  append: async () => undefined,
  sync: async () => undefined,
  truncate: async () => undefined,
  close: async () => undefined,
};

/**
 * Storage that reads the real snapshot and journal files and writes nothing: opening a database
 * with it replays the journal in memory (the latest committed state) and leaves the files exactly
 * as found, so a verifier can inspect a live or copied data directory.
 */
export const readOnlyDbStorage: DbStorage = {
  read: (file) => nodeDbStorage.read(file),
  replaceAtomically: async () => undefined,
  openJournal: async () => inertJournal,
  removeStaleTemp: async () => 0,
  probeWritable: async () => undefined,
};
