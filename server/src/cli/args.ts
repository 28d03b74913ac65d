/** Command-line arguments of mongodb-uri-lint. */
import { defaultSettings, type DriverSetting, type ServerPlatform, type SeveritySetting } from '../service/api';
import { RULES, ruleInfo } from '../service/rules/ruleTable';
import { editDistance } from '../service/uri/didYouMean';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  /** The name standard input (`-`) is checked as: its format comes from it. */
  stdinFilename: string | undefined;
  format: OutputFormat;
  driver: DriverSetting;
  rules: Record<string, SeveritySetting>;
  maxWarnings: number;
  maxFileSize: number;
  serverPlatform: ServerPlatform;
  atlasTier: string;
  atlasClientInstances: number;
  quiet: boolean;
  exitZero: boolean;
  /** Respect .gitignore files while walking folders. */
  ignore: boolean;
  /** Rule out files cheaply before analysing them. */
  prefilter: boolean;
  /** Threads to check files on (1: the main thread only); undefined: as many as pay off. */
  jobs: number | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: mongodb-uri-lint [options] <file|folder|glob>...

Checks MongoDB connection strings in files: .env, JSON, YAML, TOML, properties, source code, ...
Folders are walked: node_modules and .git are skipped, and so is what a .gitignore ignores
(files named as arguments are always checked); globs support *, ** and ?; - reads standard
input. Binary files and files over the maximum size are skipped with a notice.

Options:
  --format <text|json|sarif>  Output format (default: text)
  --driver <auto|spec|node>   Which driver's rules decide what is an error: the Node.js
                              driver's (node), the specifications' (spec), or auto (default):
                              node for JavaScript/TypeScript files and Node.js projects that
                              depend on mongodb or mongoose, spec elsewhere
  --rule <id>=<severity>      Set a rule's severity: off, hint, info, warning, error (repeatable)
  --stdin-filename <name>     With - as a path: check standard input as a file of this name
                              (its name decides the format, e.g. .env or app.yaml)
  --max-warnings <n>          Exit 1 when there are more than n warnings
  --max-file-size <bytes>     Skip larger files (default: ${defaultSettings.maxFileSize})
  --server-platform <any|unix|windows>
                              Operating system of the MongoDB servers, for database names
                              (default: ${defaultSettings.serverPlatform})
  --atlas-tier <tier>         Atlas cluster tier (M10, R40, ...) to check maxPoolSize against
  --atlas-client-instances <n>
                              Application instances sharing the connection string (default: ${defaultSettings.atlas.clientInstances})
  --no-ignore                 Walk into what .gitignore files ignore too
  --jobs <n>, -j <n>          Check files on n worker threads (1: on the main thread alone;
                              default: the main thread and a worker for each other idle
                              core, from 1,000 files on)
  --no-prefilter              Analyse every file, also those a quick test of their bytes
                              rules out (slower; the results are the same)
  --quiet                     Report errors only
  --exit-zero                 Exit 0 even when problems are found
  --help                      Show this help
  --version                   Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable path.
`;

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    stdinFilename: undefined,
    format: 'text',
    driver: defaultSettings.driver,
    rules: {},
    maxWarnings: Number.POSITIVE_INFINITY,
    maxFileSize: defaultSettings.maxFileSize,
    serverPlatform: defaultSettings.serverPlatform,
    atlasTier: defaultSettings.atlas.tier,
    atlasClientInstances: defaultSettings.atlas.clientInstances,
    quiet: false,
    exitZero: false,
    ignore: true,
    prefilter: true,
    jobs: undefined,
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inlineValue = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value.`);
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inlineValue !== undefined) throw new UsageError(`${name} takes no value.`);
    };
    switch (name) {
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json' && format !== 'sarif') {
          throw new UsageError(`--format must be text, json or sarif, not '${format}'.`);
        }
        options.format = format;
        break;
      }
      case '--driver': {
        const driver = value();
        if (driver !== 'auto' && driver !== 'spec' && driver !== 'node') throw new UsageError(`--driver must be auto, spec or node, not '${driver}'.`);
        options.driver = driver;
        break;
      }
      case '--rule': {
        const rule = value();
        const m = /^([^=\s]+)=(\w+)$/.exec(rule);
        if (!m || !SEVERITIES.has(m[2])) {
          throw new UsageError(`--rule expects <id>=<off|hint|info|warning|error>, not '${rule}'.`);
        }
        if (!ruleInfo(m[1])) throw new UsageError(unknownRule(m[1]));
        options.rules[m[1]] = m[2] as SeveritySetting;
        break;
      }
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--max-warnings':
        options.maxWarnings = nonNegativeInteger(name, value());
        break;
      case '--max-file-size':
        options.maxFileSize = nonNegativeInteger(name, value());
        break;
      case '--server-platform': {
        const platform = value();
        if (platform !== 'any' && platform !== 'unix' && platform !== 'windows') {
          throw new UsageError(`--server-platform must be any, unix or windows, not '${platform}'.`);
        }
        options.serverPlatform = platform;
        break;
      }
      case '--atlas-tier':
        options.atlasTier = value();
        break;
      case '--atlas-client-instances': {
        const n = nonNegativeInteger(name, value());
        if (n < 1) throw new UsageError(`${name} must be 1 or more.`);
        options.atlasClientInstances = n;
        break;
      }
      case '--quiet':
        noValue();
        options.quiet = true;
        break;
      case '--exit-zero':
        noValue();
        options.exitZero = true;
        break;
      case '--no-ignore':
        noValue();
        options.ignore = false;
        break;
      case '--no-prefilter':
        noValue();
        options.prefilter = false;
        break;
      case '--jobs':
      case '-j': {
        const n = nonNegativeInteger(name, value());
        if (n < 1) throw new UsageError(`${name} must be 1 or more.`);
        options.jobs = n;
        break;
      }
      case '--help':
      case '-h':
        noValue();
        options.help = true;
        break;
      case '--version':
      case '-v':
        noValue();
        options.version = true;
        break;
      default:
        throw new UsageError(`Unknown option: ${name}`);
    }
  }
  if (!options.help && !options.version && options.paths.length === 0) {
    throw new UsageError('No files, folders or globs given.');
  }
  if (options.paths.filter((p) => p === '-').length > 1) throw new UsageError('Standard input (-) can be read once.');
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) {
    throw new UsageError('--stdin-filename names standard input: give - as a path too.');
  }
  return options;
}

/** The message for a rule id that does not exist, with the ids closest to it. */
function unknownRule(id: string): string {
  const close = RULES.map((r) => ({ id: r.id, d: editDistance(id, r.id, 6) }))
    .filter((r) => r.d <= Math.max(2, Math.floor(id.length / 3)))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((r) => r.id);
  const related = close.length > 0 ? close : RULES.filter((r) => r.id.startsWith(id.split('-')[0] + '-')).slice(0, 3).map((r) => r.id);
  const hint = related.length > 0 ? ` Did you mean ${related.map((r) => `'${r}'`).join(', ')}?` : '';
  return `--rule: there is no rule '${id}'.${hint} The rules are listed in the README.`;
}

function nonNegativeInteger(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} expects a whole number, not '${text}'.`);
  return Number(text);
}
