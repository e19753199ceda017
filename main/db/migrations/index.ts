import type { WritableDb } from '../SqlJsDatabase';
import { migration0001Initial } from './0001-initial';
import { migration0002RepresentativesAndDeadlines } from './0002-representatives-and-deadlines';
import { migration0003Drafts } from './0003-drafts';
import { migration0004OperatorSignatures } from './0004-operator-signatures';
import { migration0005Withdrawals } from './0005-withdrawals';
import { migration0006ApplicationsByAcceptance } from './0006-applications-by-acceptance';
import { migration0007StatusTracking } from './0007-status-tracking';
import { migration0008JournalAndQuestionnaire } from './0008-journal-and-questionnaire';
import { migration0009AuditLog } from './0009-audit-log';
import { migration0010OperatorVerifiers } from './0010-operator-verifiers';
import { migration0011Retention } from './0011-retention';
import { migration0012PdfPages } from './0012-pdf-pages';
import { migration0013StatusDueRows } from './0013-status-due-rows';

/** A numbered schema step; `up` runs inside the transaction that also bumps `user_version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: WritableDb): void;
}

export const MIGRATIONS: readonly Migration[] = [migration0001Initial, migration0002RepresentativesAndDeadlines, migration0003Drafts, migration0004OperatorSignatures, migration0005Withdrawals, migration0006ApplicationsByAcceptance, migration0007StatusTracking, migration0008JournalAndQuestionnaire, migration0009AuditLog, migration0010OperatorVerifiers, migration0011Retention, migration0012PdfPages, migration0013StatusDueRows];
