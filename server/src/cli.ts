/**
 * mongodb-uri-lint: checks MongoDB connection strings in files, folders and globs.
 * Prints located messages (text, JSON or SARIF); exit code 0 = clean, 1 = problems, 2 = usage or I/O error.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, defaultSettings } from './service/languageService';
import type { DriverProfile, Settings, Severity } from './service/api';
import { parseArgs, USAGE, UsageError, type CliOptions } from './cli/args';
import { collectFiles } from './cli/files';
import { languageIdForPath } from './cli/languageId';
import { formatJson, formatSarif, formatText, type LintMessage } from './cli/report';
import { reportProblems } from './problemSink';
import { describeError, redactPasswords } from './redact';
import { version } from './version';
import { FileSettings } from './fileSettings';

interface FileResult {
  messages: LintMessage[];
  /** The driver profile the file was checked with, when it was checked. */
  profile?: DriverProfile;
  /** Why the file was not checked, if it was not. */
  skipped?: string;
  /** Why the file could not be read, if it could not. */
  unreadable?: string;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || path.isAbsolute(relative) ? file : relative;
}

function isBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\u0000');
}

/** What standard input is called in messages when --stdin-filename does not name it. */
export const STDIN_NAME = '<stdin>';

export function lintFile(file: string, settings: Settings): FileResult {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > settings.maxFileSize) {
      return { messages: [], skipped: `larger than the maximum file size (${size} > ${settings.maxFileSize} bytes)` };
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { messages: [], unreadable: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  return lintText(text, displayPath(file), path.resolve(file), settings);
}

/** Checks standard input as a file named `name` (which decides its format). */
export function lintStdin(name: string | undefined, settings: Settings): FileResult {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch (err) {
    return { messages: [], unreadable: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  if (Buffer.byteLength(text, 'utf8') > settings.maxFileSize) {
    return { messages: [], skipped: `larger than the maximum file size (${Buffer.byteLength(text, 'utf8')} > ${settings.maxFileSize} bytes)` };
  }
  return lintText(text, name ?? STDIN_NAME, path.resolve(name ?? 'stdin.txt'), settings);
}

/** Checks the text of one file; `shown` is its name in messages, `absolute` its path for the format and the URI. */
function lintText(text: string, shown: string, absolute: string, settings: Settings): FileResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isBinary(text)) return { messages: [], skipped: 'a binary file (it contains NUL bytes)' };
  const uri = `file://${encodeURI(absolute.replace(/\\/g, '/'))}`;
  const languageId = languageIdForPath(absolute);
  const analysis = analyzeDocument({ uri, languageId, text }, settings);
  if (analysis.skipped !== undefined) return { messages: [], skipped: analysis.skipped };
  const document = TextDocument.create(uri, languageId, 0, text);
  const profile = analysis.profile?.profile ?? 'spec';
  const messages = reportProblems(analysis.problems, settings).map(({ problem, severity, docs }): LintMessage => {
    const start = document.positionAt(problem.span.start);
    const end = document.positionAt(problem.span.end);
    return {
      file: shown,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity,
      ruleId: problem.ruleId,
      message: redactPasswords(problem.message),
      docs,
      driver: profile,
    };
  });
  return { messages, profile };
}

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

export function run(argv: readonly string[]): number {
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
  const { files, errors } = collectFiles(options.paths.filter((p) => p !== '-'));
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`mongodb-uri-lint: ${e}\n`);
    return 2;
  }

  const settings: Settings = {
    ...defaultSettings,
    enable: true,
    driver: options.driver,
    rules: options.rules,
    maxFileSize: options.maxFileSize,
    serverPlatform: options.serverPlatform,
    atlas: { tier: options.atlasTier, clientInstances: options.atlasClientInstances },
  };
  const messages: LintMessage[] = [];
  let unreadable = 0;
  let skipped = 0;
  const profiles = { spec: 0, node: 0 };
  const record = (shown: string, result: FileResult): void => {
    messages.push(...result.messages);
    if (result.profile) profiles[result.profile]++;
    if (result.unreadable !== undefined) {
      unreadable++;
      process.stderr.write(`mongodb-uri-lint: cannot read ${shown} (${result.unreadable})\n`);
    } else if (result.skipped !== undefined) {
      skipped++;
      process.stderr.write(`${shown}: skipped: ${redactPasswords(result.skipped)}\n`);
    }
  };
  // Driver "auto" (a Node.js project) and tracked (no .gitignore ignores the file), per file.
  const fileSettings = new FileSettings();
  const settingsFor = (file: string): Settings => fileSettings.forFile(settings, path.resolve(file));
  if (readsStdin) record(options.stdinFilename ?? STDIN_NAME, lintStdin(options.stdinFilename, options.stdinFilename ? settingsFor(options.stdinFilename) : settings));
  for (const file of files) record(displayPath(file), lintFile(file, settingsFor(file)));
  const checked = files.length + (readsStdin ? 1 : 0);

  const count = (severity: Severity): number => messages.filter((m) => m.severity === severity).length;
  const errorCount = count('error');
  const warningCount = count('warning');
  const shown = options.quiet ? messages.filter((m) => m.severity === 'error') : messages;
  const output = options.format === 'json' ? formatJson(shown) : options.format === 'sarif' ? formatSarif(shown, { ruleSettings: options.rules, executionSuccessful: unreadable === 0 }) : formatText(shown);
  process.stdout.write(output);

  const others = messages.length - errorCount - warningCount;
  const summary =
    `${plural(checked - skipped - unreadable, 'file')} checked${describeProfiles(profiles)}: ${plural(errorCount, 'error')}, ` +
    `${plural(warningCount, 'warning')}, ${others} info/hint` +
    (skipped > 0 ? `; ${skipped} skipped` : '') +
    (unreadable > 0 ? `; ${unreadable} unreadable` : '');
  process.stderr.write(`${summary}\n`);

  if (unreadable > 0) return 2;
  const tooManyWarnings = warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    process.stderr.write(`Too many warnings: ${warningCount} (the maximum is ${options.maxWarnings}).\n`);
  }
  if (options.exitZero) return 0;
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`mongodb-uri-lint: internal error: ${describeError(err)}\n`);
    process.exitCode = 2;
  }
}
