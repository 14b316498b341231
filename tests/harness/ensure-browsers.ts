// Run before `npm run demo` and `npm test` (npm's pre-scripts): the README promises two commands on a fresh machine,
// so the browsers the run needs are installed here when missing and the machine allows it (Debian packages through
// apt-get, as root or with password-less sudo); otherwise it stops with the one command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROME_CANDIDATES } from './browser';
import { FIREFOX_PATH } from './firefox';

type Package = 'chromium' | 'firefox-esr';

const present: Record<Package, () => boolean> = {
  chromium: () => CHROME_CANDIDATES().some((path) => existsSync(path)),
  'firefox-esr': () => existsSync(FIREFOX_PATH),
};

function canRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** How this process may install Debian packages: directly as root, through password-less sudo, or not at all. */
function installer(): string[] | undefined {
  if (!existsSync('/usr/bin/apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  return canRun('sudo', ['-n', 'true']) ? ['sudo', '-n'] : undefined;
}

function main(wanted: Package[]) {
  const missing = wanted.filter((pkg) => !present[pkg]());
  if (!missing.length) return;
  const command = `apt-get install -y ${missing.join(' ')}`;
  const prefix = installer();
  if (!prefix) {
    console.error(`Needs ${missing.join(' and ')}, which is not installed, and this user cannot install Debian packages.`);
    console.error(`Run once:  sudo apt-get update && sudo ${command}   (or set CHROME_PATH / FIREFOX_PATH to a browser binary)`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' and ')} from Debian's packages (${prefix.length ? 'sudo ' : ''}${command}), needed to run the extension in a real browser…`);
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', ...missing]);
  const still = missing.filter((pkg) => !present[pkg]());
  if (still.length) {
    console.error(`apt-get finished but ${still.join(' and ')} is still missing; install it by hand: ${command}`);
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const known = (arg: string): arg is Package => arg in present;
if (!args.length || !args.every(known)) {
  console.error(`usage: ensure-browsers ${Object.keys(present).join(' | ')} [...]`);
  process.exit(2);
}
main(args);
