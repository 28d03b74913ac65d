/**
 * Locates the MongoDB specification test suites: ../shared/specs beside the repository, or the folder
 * named by MONGODB_SPECS_DIR. They are not part of the repository (their licence does not allow it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './repo';

/** How many tests the suites hold: connection-string, uri-options and the auth connection strings. */
export const SPEC_TEST_COUNT = 324;

function specsLocation(): string {
  return process.env.MONGODB_SPECS_DIR ?? path.resolve(repoRoot(), '..', 'shared', 'specs');
}

export function specsDir(): string | undefined {
  const dir = specsLocation();
  return fs.existsSync(path.join(dir, 'connection-string')) ? dir : undefined;
}

/**
 * The specs folder for a conformance suite, or undefined when it is missing. Never silent: a missing
 * folder prints one line saying how many tests are skipped and why, and under CI=true it fails the run
 * with a test of its own.
 */
export function specsForSuite(suite: string, tests: number): string | undefined {
  const dir = specsDir();
  if (dir) return dir;
  const why = `the MongoDB spec test suites are not at ${specsLocation()} (set MONGODB_SPECS_DIR to their folder)`;
  process.stderr.write(`${suite}: ${tests} spec tests skipped: ${why}\n`);
  if (process.env.CI === 'true') {
    test(`${suite}: the MongoDB spec test suites are present (required under CI=true)`, () => {
      throw new Error(`${tests} spec tests cannot run: ${why}`);
    });
  }
  return undefined;
}

export interface SpecTest {
  file: string;
  description: string;
  uri: string;
  valid: boolean;
  warning?: boolean | null;
  hosts?: { type?: string; host: string; port: number | null }[] | null;
  auth?: { username: string | null; password: string | null; db: string | null } | null;
  options?: Record<string, unknown> | null;
  credential?: {
    username: string | null;
    password: string | null;
    source: string;
    mechanism: string | null;
    mechanism_properties: Record<string, unknown> | null;
  } | null;
}

/**
 * Two MONGODB-AWS auth tests contradict the authentication spec ("If credentials are provided in the
 * URI ... the driver MUST raise an error") and three newer tests that expect exactly that error.
 */
export const STALE_TESTS: Record<string, string> = {
  'should use username and password if specified (MONGODB-AWS)':
    'stale: contradicts the auth spec (credentials for MONGODB-AWS in the URI MUST raise an error) and the newer tests that require that error',
  'should use username, password and session token if specified (MONGODB-AWS)':
    'stale: contradicts the auth spec (no credentials and no AWS_SESSION_TOKEN in the URI for MONGODB-AWS) and the newer tests that require that error',
};

export function loadSpecTests(dir: string): SpecTest[] {
  const files = [
    ...fs.readdirSync(path.join(dir, 'connection-string')).filter((f) => f.endsWith('.json')).map((f) => path.join('connection-string', f)),
    ...fs.readdirSync(path.join(dir, 'uri-options')).filter((f) => f.endsWith('.json')).map((f) => path.join('uri-options', f)),
    path.join('auth', 'connection-string.json'),
  ];
  const out: SpecTest[] = [];
  for (const f of files.sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { tests: Omit<SpecTest, 'file'>[] };
    for (const t of json.tests) out.push({ ...t, file: f });
  }
  return out;
}
