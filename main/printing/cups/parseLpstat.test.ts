import { describe, expect, it } from 'vitest';
import { combinePrinters, parseAccepting, parseDefault, parseJobIds, parsePrinterBlocks, parseRequestId, problemsOfReasons } from './parseLpstat';

// Recorded from CUPS 2.4 (Debian 12) with LC_ALL=C.
const LPSTAT_LP = `printer CounterPDF is idle.  enabled since Mon Dec  7 18:39:50 2026
\tForm mounted:
\tContent types: any
\tDescription: Counter PDF
\tAlerts: none
\tLocation: 
printer StopTest disabled since Mon Dec  7 18:49:02 2026 -
\tpaused by test
\tDescription: StopTest
\tAlerts: paused
printer Laser now printing Laser-7.  enabled since Mon Dec  7 18:49:02 2026
\tDescription: Laser
\tAlerts: media-empty-error offline-report
`;
const LPSTAT_A = `CounterPDF accepting requests since Mon Dec  7 18:39:50 2026
StopTest accepting requests since Mon Dec  7 18:49:02 2026
Laser not accepting requests since Mon Dec  7 18:49:02 2026 -
\trejecting
`;

describe('parseLpstat', () => {
  it('reads each queue with its state, description and problems', () => {
    const printers = combinePrinters(parsePrinterBlocks(LPSTAT_LP), parseAccepting(LPSTAT_A), parseDefault('system default destination: CounterPDF\n'));
    expect(printers).toEqual([
      { name: 'CounterPDF', description: 'Counter PDF', isDefault: true, state: 'idle', problems: [] },
      { name: 'Laser', description: 'Laser', isDefault: false, state: 'printing', problems: ['no-paper', 'offline', 'not-accepting'] },
      { name: 'StopTest', description: 'StopTest', isDefault: false, state: 'stopped', problems: ['stopped'] },
    ]);
  });

  it('maps IPP state reasons to operator problems', () => {
    expect(problemsOfReasons(['media-jam-error', 'door-open-warning', 'toner-empty-error', 'none'])).toEqual(['paper-jam', 'door-open', 'toner-empty']);
  });

  it('reads request and job ids', () => {
    expect(parseRequestId('request id is CounterPDF-12 (0 file(s))\n')).toBe('CounterPDF-12');
    expect(parseDefault('no system default destination\n')).toBeNull();
    expect([...parseJobIds('CounterPDF-1            root              1024   Mon Dec  7 18:39:50 2026\nCounterPDF-2 root 1 x\n')]).toEqual(['CounterPDF-1', 'CounterPDF-2']);
  });
});
