/** Running the built CLI (server/out/cli.js) in a temporary project. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repo';
import { tempFolder } from './files';

export const cli = path.join(repoRoot(), 'server', 'out', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with `args`; `input` is given on standard input. */
export function lint(cwd: string, ...args: string[]): Run {
  return lintWithInput(cwd, undefined, ...args);
}

export function lintWithInput(cwd: string, input: string | Buffer | undefined, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', input: input ?? '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary project: `files` maps relative paths to contents; removed after the test file. */
export function project(files: Record<string, string | Buffer>): string {
  return tempFolder(files, 'mongodb-uri-lint-');
}
