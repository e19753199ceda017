// `npm start`: launches the Electron host. Where the Electron runtime cannot be obtained (no
// binary, and it cannot be downloaded here) it says so in one line and serves the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { exitStatusOf } from './launcherExit.mjs';

const require = createRequire(import.meta.url);

/** Path of the Electron executable, downloading it once if the package allows; null with a reason otherwise. */
function locateElectron() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const binary = () => path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  if (existsSync(pathFile) && existsSync(binary())) return { path: binary(), reason: null };
  // electron 45 downloads its binary lazily; try once, bounded in time, quietly.
  const attempt = spawnSync(process.execPath, [path.join(dir, 'install.js')], { encoding: 'utf8', timeout: 60_000 });
  if (attempt.status === 0 && existsSync(pathFile) && existsSync(binary())) return { path: binary(), reason: null };
  const detail = `${attempt.stderr ?? ''}${attempt.stdout ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /error|fail|ENOTFOUND|EAI_AGAIN/i.test(l));
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  return { path: null, reason: `the Electron ${version} runtime is not installed and could not be downloaded${detail ? ` (${detail.slice(0, 120)})` : ''}` };
}

const electron = locateElectron();
if (electron.path) {
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
  // Ctrl+C / a service stop reach the child, which closes the workstation cleanly.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(exitStatusOf(code, signal)));
} else {
  console.log(`Electron runtime unavailable: ${electron.reason}; starting the browser host instead.`);
  await import('../out/web/main.mjs');
}
