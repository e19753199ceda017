import path from 'node:path';
import type { PrintVia } from '../../core/contract/printing';
import type { AuditLog } from '../audit/AuditLog';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';
import type { Logger } from '../platform/log/Logger';
import type { OperatorSession } from '../services/OperatorSession';
import { CupsPrinter } from './cups/CupsPrinter';
import type { PrinterPort } from './PrinterPort';
import { PrintingService, type PrintableDocuments, type PrinterChoice } from './PrintingService';
import { WindowsSpoolerPrinter, type PdfToPrinter } from './windows/WindowsSpoolerPrinter';

const CHOSEN_PRINTER_KEY = 'printing.printer';

export type PrintingChoice = PrintVia | 'auto';

export interface PrintingWiring {
  readonly via: PrintingChoice;
  readonly host: 'electron' | 'browser';
  readonly platform: NodeJS.Platform;
  readonly dataDir: string;
  /** The Electron host's silent-print adapter (main/host/electron/ElectronPdfPrinter.ts); absent in the browser host. */
  readonly electronPrinter?: PrinterPort;
  /** Replaces the adapter (tests); null = the dialog only. */
  readonly printer?: PrinterPort | null;
  readonly db: SqlJsDatabase;
  readonly session: OperatorSession;
  readonly documents: PrintableDocuments;
  readonly audit: AuditLog;
  readonly logger: Logger;
}

/**
 * Which print system a workstation uses (`printing.via` in config.json; `auto` by default):
 * CUPS on Linux and macOS in either host; on Windows Electron's silent print in the Electron host and
 * the spooler (pdf-to-printer) in the browser host. `dialog` turns silent printing off.
 */
export function choosePrintVia(choice: PrintingChoice, host: 'electron' | 'browser', platform: NodeJS.Platform): PrintVia {
  if (choice !== 'auto') return choice;
  if (platform === 'win32') return host === 'electron' ? 'electron' : 'windows-spooler';
  return 'cups';
}

export async function composePrinting(wiring: PrintingWiring): Promise<PrintingService> {
  const printer = wiring.printer !== undefined ? wiring.printer : await createPrinter(wiring);
  const choice: PrinterChoice = {
    get: () => wiring.db.read((r) => getSetting(r, CHOSEN_PRINTER_KEY)) || null,
    set: (name) => wiring.db.write((w) => putSetting(w, CHOSEN_PRINTER_KEY, name ?? '')),
  };
  return new PrintingService({ session: wiring.session, printer, documents: wiring.documents, choice, audit: wiring.audit, logger: wiring.logger.child({ area: 'printing' }) });
}

async function createPrinter(wiring: PrintingWiring): Promise<PrinterPort | null> {
  const via = choosePrintVia(wiring.via, wiring.host, wiring.platform);
  switch (via) {
    case 'cups':
      return new CupsPrinter();
    case 'windows-spooler': {
      // Loaded only on Windows: the package throws on other systems and ships a Windows executable.
      const driver = (await import('pdf-to-printer')) as unknown as PdfToPrinter;
      return new WindowsSpoolerPrinter(driver, path.join(wiring.dataDir, 'print-tmp'));
    }
    case 'electron':
      return wiring.electronPrinter ?? null;
    case 'dialog':
      return null;
  }
}
