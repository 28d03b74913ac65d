/**
 * mongodb-uri-lint: checks MongoDB connection strings in files, folders and globs.
 * Prints located messages (text, JSON or SARIF); exit code 0 = clean, 1 = problems, 2 = usage or I/O error.
 */
import { defaultSettings } from './service/languageService';
import type { DriverProfile, Settings, Severity } from './service/api';
import { parseArgs, USAGE, UsageError, type CliOptions } from './cli/args';
import { collectFiles } from './cli/files';
import { displayPath, FileChecker, STDIN_NAME, type FileResult } from './cli/lint';
import { isPoolWorker, serveAsWorker, threadsFor, WorkerPool } from './cli/pool';
import { Progress } from './cli/progress';
import { formatJson, formatSarif, formatText, type LintMessage } from './cli/report';
import { describeError, redactPasswords } from './redact';
import { version } from './version';

export { STDIN_NAME };

/** Which rules the files were checked with: " (2 with the Node.js driver's rules, 1 with the specification's)". */
function describeProfiles(profiles: Record<DriverProfile, number>): string {
  const parts: string[] = [];
  if (profiles.node > 0) parts.push(`${profiles.node} with the Node.js driver's rules`);
  if (profiles.spec > 0) parts.push(`${profiles.spec} with the specification's`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function run(argv: readonly string[]): Promise<number> {
  let pool: WorkerPool | undefined;
  try {
    return await check(argv, (p) => (pool = p));
  } finally {
    // Whatever happened, no worker is left to keep the process alive.
    pool?.stop();
  }
}

async function check(argv: readonly string[], started: (pool: WorkerPool) => void): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`mongodb-uri-lint: ${err.message}\nRun 'mongodb-uri-lint --help' for usage.\n`);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }

  const readsStdin = options.paths.includes('-');
  const settings: Settings = {
    ...defaultSettings,
    enable: true,
    driver: options.driver,
    rules: options.rules,
    maxFileSize: options.maxFileSize,
    serverPlatform: options.serverPlatform,
    atlas: { tier: options.atlasTier, clientInstances: options.atlasClientInstances },
  };
  // Workers start loading as soon as the walk has found enough files for them; the walk goes on meanwhile.
  const pool = new WorkerPool(__filename, { settings, prefilter: options.prefilter });
  started(pool);
  const { files, errors, unreadableFolders } = collectFiles(
    options.paths.filter((p) => p !== '-'),
    { ignore: options.ignore, onFound: (found) => pool.grow(threadsFor(found, options.jobs).workers) },
  );
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`mongodb-uri-lint: ${e}\n`);
    return 2;
  }
  for (const e of unreadableFolders) process.stderr.write(`mongodb-uri-lint: ${e}\n`);

  const progress = new Progress(process.stderr, files.length);
  const messages: LintMessage[] = [];
  let unreadable = unreadableFolders.length;
  let failed = 0;
  let skipped = 0;
  const profiles = { spec: 0, node: 0 };
  // `shown()`: the name of the file in a notice, worked out only for a file that gets one (most get none).
  const record = (shown: () => string, result: FileResult): void => {
    if (result.messages.length > 0) messages.push(...result.messages);
    if (result.profile) profiles[result.profile]++;
    if (result.failed !== undefined) {
      failed++;
      progress.notice(`mongodb-uri-lint: internal error while checking ${shown()}: ${result.failed}\n`);
    } else if (result.unreadable !== undefined) {
      unreadable++;
      progress.notice(`mongodb-uri-lint: cannot read ${shown()} (${result.unreadable})\n`);
    } else if (result.skipped !== undefined) {
      skipped++;
      progress.notice(`${shown()}: skipped: ${redactPasswords(result.skipped)}\n`);
    }
  };
  // Driver "auto" (a Node.js project) and tracked (no .gitignore ignores the file), per file.
  const checker = new FileChecker(settings, options.prefilter);
  if (readsStdin) record(() => options.stdinFilename ?? STDIN_NAME, checker.lintStdin(options.stdinFilename));
  const threads = threadsFor(files.length, options.jobs);
  let recorded = 0;
  if (threads.workers === 0) {
    pool.stop();
    for (const file of files) {
      record(() => displayPath(file), checker.lintFile(file));
      progress.update(++recorded);
    }
  } else {
    // Results come in any order; they are recorded in the order of the files.
    const results: Array<FileResult | undefined> = new Array(files.length);
    const flush = (): void => {
      for (; recorded < files.length && results[recorded] !== undefined; recorded++) {
        const file = files[recorded];
        record(() => displayPath(file), results[recorded] as FileResult);
        results[recorded] = undefined;
      }
    };
    let received = 0;
    const outcome = await pool.check(
      files,
      threads.workers,
      (index, result) => {
        results[index] = result;
        progress.update(++received);
        flush();
      },
      threads.main ? (file) => checker.lintFile(file) : undefined,
    );
    if (outcome.unfinished.length > 0) {
      progress.notice(`mongodb-uri-lint: the worker threads stopped (${outcome.reason}); ${plural(outcome.unfinished.length, 'file')} left are checked here\n`);
      for (const index of outcome.unfinished) {
        results[index] = checker.lintFile(files[index]);
        progress.update(++received);
      }
      flush();
    }
  }
  progress.clear();
  const checked = files.length + (readsStdin ? 1 : 0);

  const count = (severity: Severity): number => messages.filter((m) => m.severity === severity).length;
  const errorCount = count('error');
  const warningCount = count('warning');
  const shown = options.quiet ? messages.filter((m) => m.severity === 'error') : messages;
  const output = options.format === 'json' ? formatJson(shown) : options.format === 'sarif' ? formatSarif(shown, { ruleSettings: options.rules, executionSuccessful: unreadable === 0 && failed === 0 }) : formatText(shown);
  process.stdout.write(output);

  const others = messages.length - errorCount - warningCount;
  const unreadableFiles = unreadable - unreadableFolders.length;
  const summary =
    `${plural(checked - skipped - unreadableFiles - failed, 'file')} checked${describeProfiles(profiles)}: ${plural(errorCount, 'error')}, ` +
    `${plural(warningCount, 'warning')}, ${others} info/hint` +
    (skipped > 0 ? `; ${skipped} skipped` : '') +
    (unreadable > 0 ? `; ${unreadable} unreadable` : '') +
    (failed > 0 ? `; ${failed} not checked after an internal error` : '');
  process.stderr.write(`${summary}\n`);

  if (unreadable > 0 || failed > 0) return 2;
  const tooManyWarnings = warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    process.stderr.write(`Too many warnings: ${warningCount} (the maximum is ${options.maxWarnings}).\n`);
  }
  if (options.exitZero) return 0;
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}

if (isPoolWorker()) {
  serveAsWorker();
} else if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`mongodb-uri-lint: internal error: ${describeError(err)}\n`);
      process.exitCode = 2;
    },
  );
}
