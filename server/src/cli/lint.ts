/**
 * Checking one file of mongodb-uri-lint: read its bytes, skip it when it is too large or binary, rule
 * it out cheaply when the analysis cannot find anything in it (prefilter.ts), else analyse its text.
 * The same in the main thread and in the workers of the pool.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, chooseProfile, normalizeLanguageId } from '../service/languageService';
import type { DriverProfile, FileAccess, RelatedPlace, Settings } from '../service/api';
import { fileURLToPath } from 'node:url';
import { FileSettings } from '../fileSettings';
import { listFromDisk, readFromDisk } from '../nodePlatform';
import { reportProblems } from '../problemSink';
import { describeError, redactPasswords } from '../redact';
import { languageIdForPath } from './languageId';
import { mayHaveProblems } from './prefilter';
import type { LintMessage } from './report';

export interface FileResult {
  messages: LintMessage[];
  /** The driver profile the file was checked with, when it was checked. */
  profile?: DriverProfile;
  /** Why the file was not checked, if it was not. */
  skipped?: string;
  /** Why the file could not be read, if it could not. */
  unreadable?: string;
  /** What went wrong inside the checker (a bug), if something did: the file is not checked. */
  failed?: string;
}

/** What standard input is called in messages when --stdin-filename does not name it. */
export const STDIN_NAME = '<stdin>';

/** Characters of a text looked at for a NUL, which makes it binary. */
const BINARY_PREFIX = 8000;
const BINARY = 'a binary file (it contains NUL bytes)';

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || path.isAbsolute(relative) ? file : relative;
}

/** The URI the core gets for a file. */
function uriOf(absolute: string): string {
  return `file://${encodeURI(absolute.replace(/\\/g, '/'))}`;
}

/** Where the text of a UTF-8 file starts: after its byte order mark, if it has one. */
function textStart(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Whether the text of the bytes (from `start`) has a NUL among its first BINARY_PREFIX characters.
 * A byte decodes to one character at most, so a NUL that early in the bytes is that early in the text;
 * a later one is counted in characters.
 */
function isBinary(bytes: Buffer, start: number): boolean {
  const nul = bytes.indexOf(0, start);
  if (nul < 0) return false;
  if (nul - start < BINARY_PREFIX) return true;
  return bytes.toString('utf8', start, nul).length < BINARY_PREFIX;
}

/** A buffer reused for reading files (one per thread). */
let scratch = Buffer.allocUnsafe(1 << 16);

/** The bytes of a file (a view of `scratch`, valid until the next read), or its size when it is larger than `max`. */
function readBytes(file: string, max: number): { bytes: Buffer } | { size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return { size };
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    let length = 0;
    while (length < size) {
      const n = readSync(fd, scratch, length, size - length, null);
      if (n === 0) break; // the file shrank meanwhile
      length += n;
    }
    return { bytes: scratch.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

/** Checks files with one set of settings; each file gets its own (driver auto, tracked) from its path. */
export class FileChecker {
  private readonly fileSettings = new FileSettings();
  private readonly files = new DiskFiles();

  /** `prefilter`: rule out files cheaply (false: analyse every file, as a check of the prefilter). */
  constructor(
    private readonly settings: Settings,
    private readonly prefilter = true,
  ) {}

  /** Checks one file; never throws (a failure of the checker is the result's `failed`). */
  lintFile(file: string): FileResult {
    try {
      return this.lintFileOrThrow(file);
    } catch (err) {
      return { messages: [], failed: describeError(err) };
    }
  }

  /** Checks standard input as a file named `name` (which decides its format). */
  lintStdin(name: string | undefined): FileResult {
    let text: string;
    try {
      text = readFileSync(0, 'utf8');
    } catch (err) {
      return { messages: [], unreadable: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
    }
    const max = this.settings.maxFileSize;
    if (Buffer.byteLength(text, 'utf8') > max) {
      return { messages: [], skipped: `larger than the maximum file size (${Buffer.byteLength(text, 'utf8')} > ${max} bytes)` };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.slice(0, BINARY_PREFIX).includes('\u0000')) return { messages: [], skipped: BINARY };
    const settings = name ? this.settingsFor(name) : this.settings;
    try {
      return lintText(text, name ?? STDIN_NAME, path.resolve(name ?? 'stdin.txt'), settings, this.files);
    } catch (err) {
      return { messages: [], failed: describeError(err) };
    }
  }

  private settingsFor(file: string): Settings {
    return this.fileSettings.forFile(this.settings, path.resolve(file));
  }

  /**
   * The driver profile the analysis would choose for a file: the settings', the language's, or (driver
   * auto, other languages) the project's. What a .gitignore says does not matter to it.
   */
  private profileOf(absolute: string, languageId: string): DriverProfile {
    const uri = uriOf(absolute);
    const choice = chooseProfile(this.settings, languageId, uri);
    if (choice.reason !== 'default') return choice.profile;
    return chooseProfile({ driver: this.settings.driver, nodeProject: this.fileSettings.isNodeProjectFile(absolute) }, languageId, uri).profile;
  }

  private lintFileOrThrow(file: string): FileResult {
    const max = this.settings.maxFileSize;
    let read;
    try {
      read = readBytes(file, max);
    } catch (err) {
      return { messages: [], unreadable: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
    }
    if ('size' in read) return { messages: [], skipped: `larger than the maximum file size (${read.size} > ${max} bytes)` };
    const { bytes } = read;
    const start = textStart(bytes);
    if (isBinary(bytes, start)) return { messages: [], skipped: BINARY };
    const absolute = path.resolve(file);
    const uri = uriOf(absolute);
    const languageId = languageIdForPath(absolute);
    const analysedAs = normalizeLanguageId(languageId, uri);
    const body = bytes.subarray(start);
    let text: string | undefined;
    // Text that is all ASCII reads the same as latin1, which decodes several times faster than UTF-8.
    const decode = (): string => (text ??= body.toString(isAscii(body) ? 'latin1' : 'utf8'));
    // Invalid UTF-8 decodes to U+FFFD, three bytes each: such a text may outgrow the maximum size the
    // analysis allows, and be skipped by it. Those few files are analysed.
    const mayOutgrow = body.length * 3 > max && !isUtf8(body);
    if (this.prefilter && !mayOutgrow && !mayHaveProblems(body, analysedAs, decode, () => this.fileSettings.usesDriver(absolute))) {
      return { messages: [], profile: this.profileOf(absolute, analysedAs) };
    }
    const settings = this.fileSettings.forFile(this.settings, absolute);
    return lintText(decode(), displayPath(file), absolute, settings, this.files);
  }
}

/**
 * Checks the text of one file (without its byte order mark); `shown` is its name in messages, `absolute`
 * its path for the format and the URI.
 */
function lintText(text: string, shown: string, absolute: string, settings: Settings, files?: DiskFiles): FileResult {
  const uri = uriOf(absolute);
  const languageId = languageIdForPath(absolute);
  const analysis = analyzeDocument({ uri, languageId, text, ...(files ? { files } : {}) }, settings);
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
      ...(problem.related ? { related: problem.related.flatMap((r) => relatedAt(document, r, files)) } : {}),
    };
  });
  return { messages, profile };
}

/** A related place as the CLI prints it (its message holds no value): in this file, or in one the analysis read. */
function relatedAt(document: TextDocument, r: RelatedPlace, files: DiskFiles | undefined): NonNullable<LintMessage['related']> {
  const message = redactPasswords(r.message);
  if (r.documentUri === document.uri) {
    const at = document.positionAt(r.span.start);
    return [{ line: at.line + 1, column: at.character + 1, message }];
  }
  const file = files?.pathOf(r.documentUri);
  if (!file || !r.range) return [];
  return [{ file: displayPath(file), line: r.range.start.line + 1, column: r.range.start.character + 1, message }];
}

/**
 * The files an analysis reads beside the one it checks (a compose file's `.env`), from the disk, each
 * read once per run (a thread).
 */
export class DiskFiles implements FileAccess {
  private readonly texts = new Map<string, string | undefined>();

  read(uri: string): string | undefined {
    if (this.texts.has(uri)) return this.texts.get(uri);
    // Absent or unreadable: undefined, and the analysis goes on without it.
    const text = readFromDisk(uri);
    this.texts.set(uri, text);
    return text;
  }

  list(folderUri: string): string[] | undefined {
    return listFromDisk(folderUri);
  }

  pathOf(uri: string): string | undefined {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  }
}

