import { describe } from 'vitest';
import { FakePrinter } from './FakePrinter';
import { printerPortContract } from './printerPortContract';

describe('FakePrinter keeps the printer port contract', () => {
  const port = new FakePrinter();
  const down = new FakePrinter();
  down.setSystemDown(true);
  printerPortContract(() => ({
    port,
    workingPrinter: 'CounterPDF',
    stop: async (name) => port.setProblems(name, ['stopped']),
    start: async (name) => port.setProblems(name, []),
    unreachablePort: down,
  }));
});
