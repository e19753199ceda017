// The set-up half of `npm test` (issue 15 item 6), so the README's one test command works on a fresh
// Debian machine:
//   1. the Debian packages the tests use: installed when run as root, otherwise the one `apt-get`
//      line to run is printed and the run stops (exit 1);
//   2. AirSane (the eSCL test scanner) built once into .cache/airsane from ../shared/tools/airsane;
//   3. the CUPS scheduler started on localhost (browsing off: nothing is announced on the network).
// Idempotent and quick when everything is there already. Never touches anything but this machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AIRSANE_TOOLS = path.resolve(ROOT, '..', 'shared', 'tools', 'airsane');
const AIRSANED = path.join(ROOT, '.cache', 'airsane', 'airsaned');

/** What the tests use, by Debian package (see the README's Requirements). */
const PACKAGES = [
  'chromium', // E2E browser
  'xvfb', 'xauth', // headful runs
  'sane-utils', // scanimage and the SANE test device
  'poppler-utils', 'qpdf', // reading PDFs back
  'openssl', // signature verification
  'fonts-dejavu-core', // Kazakh/Cyrillic rendering
  'cups', 'cups-client', 'printer-driver-cups-pdf', // the real print queue (cups-pdf)
  // AirSane's build (../shared/tools/airsane/build.sh installs the same list itself when it can).
  'cmake', 'g++', 'make', 'libsane-dev', 'libjpeg-dev', 'libpng-dev', 'libavahi-client-dev', 'libusb-1.0-0-dev',
];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', ...options });
const say = (line) => console.log(`prepare: ${line}`);

function installed(pkg) {
  const answer = run('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return answer.status === 0 && answer.stdout.includes('install ok installed');
}

function ensurePackages() {
  if (run('dpkg-query', ['--version']).error) {
    say('not a Debian machine (no dpkg): install the equivalents of these packages yourself: ' + PACKAGES.join(' '));
    return true;
  }
  const missing = PACKAGES.filter((pkg) => !installed(pkg));
  if (missing.length === 0) return true;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot) {
    console.error(`prepare: missing Debian packages. Run this, then the tests again:\n\n  sudo apt-get update && sudo ${line}\n`);
    return false;
  }
  say(`installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status !== 0) return false;
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

function ensureAirsane() {
  if (existsSync(AIRSANED)) return true;
  const script = path.join(AIRSANE_TOOLS, 'build.sh');
  if (!existsSync(script)) {
    console.error(`prepare: AirSane is not built and ${script} is missing: the eSCL tests need ../shared/tools/airsane beside this repository`);
    return false;
  }
  say('building AirSane (about a minute, once)');
  return run('bash', [script, path.join(ROOT, '.cache', 'airsane')], { stdio: 'inherit' }).status === 0;
}

function ensureCups() {
  const status = run('lpstat', ['-r'], { env: { ...process.env, LC_ALL: 'C' } });
  if (!status.error && /scheduler is running/.test(status.stdout)) return true;
  if (!isRoot) {
    console.error('prepare: the CUPS scheduler is not running: start it as root (`sudo cupsd`), then run the tests again');
    return false;
  }
  // Printer browsing off: a test machine announces nothing on the network.
  const conf = '/etc/cups/cupsd.conf';
  if (existsSync(conf)) {
    const text = readFileSync(conf, 'utf8');
    if (/^Browsing Yes/m.test(text)) writeFileSync(conf, text.replace(/^Browsing Yes/m, 'Browsing No'));
  }
  say('starting the CUPS scheduler');
  run('cupsd', [], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    if (/scheduler is running/.test(run('lpstat', ['-r'], { env: { ...process.env, LC_ALL: 'C' } }).stdout)) return true;
    run('sleep', ['0.1']);
  }
  console.error('prepare: cupsd did not start (see /var/log/cups/error_log)');
  return false;
}

const started = Date.now();
const ok = ensurePackages() && ensureAirsane() && ensureCups();
if (!ok) process.exit(1);
say(`machine ready in ${Date.now() - started} ms`);
