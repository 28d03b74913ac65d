/** Locates the MongoDB specification test suites (../shared/specs beside the repository). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function specsDir(): string | undefined {
  const dir = process.env.MONGODB_SPECS_DIR ?? path.resolve(repoRoot(), '..', 'shared', 'specs');
  return fs.existsSync(path.join(dir, 'connection-string')) ? dir : undefined;
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
