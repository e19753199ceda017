/**
 * The helpdesk text of a diagnostics report: plain lines, in English whatever the interface language
 * (the helpdesk reads many workstations' reports), redacted last. Pure, so main and the renderer
 * (which appends its user agent) produce the same layout.
 */
import type { DiagnosticsReport } from '../contract/diagnostics';
import { redactDiagnosticsText } from './redactDiagnostics';

export type DiagnosticsFacts = Omit<DiagnosticsReport, 'text'>;

const orDash = (value: string | number | null): string => (value === null ? '-' : String(value));

function connectivityLine(connectivity: DiagnosticsFacts['backend']['connectivity']): string {
  switch (connectivity.state) {
    case 'unknown':
      return 'unknown (no check finished yet)';
    case 'online':
      return `online since ${connectivity.since}`;
    case 'offline': {
      const tls = connectivity.tlsProblem === undefined ? '' : `, TLS refused: ${connectivity.tlsProblem}`;
      return `offline since ${connectivity.since}, next check ${connectivity.nextCheckAt}${tls}`;
    }
  }
}

function scanimageLines(listing: DiagnosticsFacts['scanners']['scanimage']): string[] {
  switch (listing.kind) {
    case 'missing':
      return [`scanimage -L: ${listing.program} is not installed (Debian package sane-utils)`];
    case 'timed-out':
      return [`scanimage -L: no answer within ${listing.afterMs} ms`, ...indent(listing.output)];
    case 'ran':
      return [`scanimage -L (exit ${listing.exitCode}):`, ...indent(listing.output)];
  }
}

function indent(output: string): string[] {
  const lines = output.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');
  return lines.length === 0 ? ['  (no output)'] : lines.map((line) => `  ${line}`);
}

function storageLines(storage: DiagnosticsFacts['storage']): string[] {
  const state = storage.state.kind === 'ok' ? 'working' : storage.state.kind === 'read-only' ? `read-only (${storage.state.reason})` : 'a write failed, restart needed';
  return [
    `Storage: ${state} since ${storage.openedAt}`,
    ...storage.damage.map(
      (d) =>
        `Damage found at start: ${d.journalFile} at byte ${d.offset}, ${d.bytes} bytes (${d.reason}), kept in ${orDash(d.quarantineFile)}; applications that may be lost: ${d.possiblyLostLocalNumbers.join(', ') || 'none legible'}`,
    ),
    `Quarantined files: ${storage.quarantineFiles.join(', ') || 'none'}`,
  ];
}

export function formatDiagnosticsText(facts: DiagnosticsFacts): string {
  const { app, runtime, os, backend, revocationList: crl, scanners, queue, database } = facts;
  const lines = [
    'PSC Workstation diagnostics',
    `Generated: ${facts.generatedAt}`,
    '',
    '[Application]',
    `Version: ${app.version}`,
    `Host: ${app.host}`,
    `Data directory: ${app.dataDir}`,
    `Operator: ${facts.operator.operatorId} (${facts.operator.role})`,
    '',
    '[Runtime]',
    `Node: ${orDash(runtime.node)}`,
    `Electron: ${orDash(runtime.electron)}`,
    `Chromium: ${orDash(runtime.chromium)}`,
    `V8: ${orDash(runtime.v8)}`,
    '',
    '[Libraries]',
    ...facts.libraries.map((library) => `${library.name}: ${library.version ?? 'not found'}`),
    '',
    '[Operating system]',
    `${os.type} ${os.release} (${os.arch})`,
    `CPUs: ${os.cpuCount}`,
    `Memory: ${os.freeMemoryMb} MB free of ${os.totalMemoryMb} MB`,
    '',
    '[Backend]',
    `Mode: ${backend.mode}`,
    `URL: ${backend.url}`,
    `Connectivity: ${connectivityLine(backend.connectivity)}`,
    `Health check: ${backend.health.reachable ? 'reachable' : `unreachable (${orDash(backend.health.problem)})`} in ${backend.health.latencyMs} ms`,
    '',
    '[Revocation list]',
    ...(crl
      ? [`Fetched: ${orDash(crl.fetchedAt)}`, `Age: ${crl.ageMinutes === null ? '-' : `${crl.ageMinutes} min`}`, `Next update: ${orDash(crl.nextUpdate)}`, `Stale: ${crl.stale ? 'yes' : 'no'}`]
      : ['unavailable']),
    '',
    '[Scanners]',
    ...(scanners.error !== null ? [`Device list failed: ${scanners.error}`] : []),
    ...(scanners.devices.length === 0 && scanners.error === null ? ['No devices'] : []),
    ...scanners.devices.map((device) => `${device.id}: ${device.description} [${device.adapter}]`),
    ...scanimageLines(scanners.scanimage),
    '',
    '[Queue]',
    ...(queue
      ? [
          `Paused: ${queue.paused ? 'yes' : 'no'}`,
          `Last sync: ${orDash(queue.lastSyncAt)}`,
          `Accepted: ${queue.accepted}, sending: ${queue.sending}, registered: ${queue.registered}, needs attention: ${queue.needsAttention}, withdrawn: ${queue.withdrawn}`,
        ]
      : ['unavailable']),
    '',
    '[Database]',
    `Size: ${database.sizeBytes} bytes`,
    `Last saved: ${orDash(database.lastSavedAt)}`,
    ...storageLines(facts.storage),
    '',
    '[Log]',
    `Folder: ${facts.log.dir}`,
    `Warnings and errors (last ${facts.log.recentProblems.length}):`,
    ...(facts.log.recentProblems.length === 0 ? ['  (none)'] : facts.log.recentProblems.map((line) => `  ${line.json}`)),
    `Last lines:`,
    ...(facts.log.lastLines.length === 0 ? ['  (none)'] : facts.log.lastLines.map((line) => `  ${line}`)),
  ];
  return redactDiagnosticsText(`${lines.join('\n')}\n`);
}

/** The renderer's own line (the browser host's user agent), appended and redacted like the rest. */
export function appendRendererLines(text: string, userAgent: string | null): string {
  if (!userAgent) return text;
  return redactDiagnosticsText(`${text}\n[Renderer]\nUser agent: ${userAgent}\n`);
}
