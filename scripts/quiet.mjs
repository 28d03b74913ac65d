// Runs a command and shows its output only when it fails: `vscode:prepublish` builds through it, so
// that `npm run package` prints what vsce says and not the build's report.
//
//   node scripts/quiet.mjs <command> [args...]
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node scripts/quiet.mjs <command> [args...]');
  process.exit(2);
}
const result = spawnSync(command, args, { encoding: 'utf8', shell: process.platform === 'win32' });
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.error) console.error(String(result.error));
}
process.exit(result.status ?? 1);
