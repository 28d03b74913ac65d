/**
 * dropConnections and killOp in JavaScript/TypeScript and MongoDB playgrounds: diagnostics for the
 * command documents passed to `db.adminCommand()`, `db.runCommand()`, `<db>.command()` and
 * `db.killOp()`, and hover on their keys. Pure: text in, problems and hovers out.
 */
import { DEFAULT_PORT } from '../data/connectionString';
import { ADMIN_COMMANDS, ADMIN_DATABASE, ADMIN_KEYS, AdminCommandInfo, AdminCommandName, SHARD_OPID } from '../data/adminCommands';
import { problemOf, type RuleId } from '../rules/ruleTable';
import { CompletionResult, Problem, SourceCode, Span } from '../api';
import { findPlaceholders } from '../uri/placeholders';
import type { Token, TokenList } from '../api';
import { type DatabaseSwitch, Prop, Value, findDatabaseSwitches, parseValue, skipExpression } from '../lex/codeValues';
import { message } from '../data/l10n';
import { wordGate } from '../lex/sourceCode';

export interface AdminCommandHover {
  /** Markdown. */
  contents: string;
  span: Span;
}

export interface AdminCommandAnalysis {
  problems: Problem[];
  hoverAt(offset: number): AdminCommandHover | null;
  completeAt?(offset: number, hosts: () => readonly string[]): CompletionResult[] | undefined;
}

/** A command document read, for completion inside it. */
interface CommandDocument {
  command: AdminCommandName;
  /** From its `{` to after its `}`. */
  span: Span;
  keys: ReadonlySet<string>;
  /** The `hostAndPort` array, when it has one. */
  hostArray?: Span;
}

/** Language ids whose documents are JavaScript (MongoDB playgrounds are `*.mongodb.js` or `mongodb`). */
const JS_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'mongodb', 'js', 'ts', 'jsx', 'tsx']);

const COMMAND_METHODS = new Set(['adminCommand', 'runCommand', 'command']);

/** The database a call runs against: admin, a named one, or unknown. */
type Target = { kind: 'admin' } | { kind: 'named'; name: string; span: Span } | { kind: 'unknown' };

interface HoverTarget {
  span: Span;
  contents: string;
}

const EMPTY: AdminCommandAnalysis = { problems: [], hoverAt: () => null };

/**
 * True when a text may name one of the commands: searches for short strings first (`pConne` of
 * dropConnections), many times faster on a large text than the regular expression (and, in V8, than a
 * search for a string of seven characters or more).
 */
function mayNameCommands(text: string): boolean {
  return (text.indexOf('killOp') >= 0 || text.indexOf('pConne') >= 0) && /\b(?:dropConnections|killOp)\b/.test(text);
}

/** The words of mayNameCommands, searched for with the other analyzers' (lex/sourceCode.ts). */
const WORDS = wordGate(['dropConnections', 'killOp'], (languageId) => JS_LANGUAGES.has(languageId));

export function analyzeAdminCommands(code: SourceCode): AdminCommandAnalysis {
  if (!JS_LANGUAGES.has(code.languageId) || !WORDS.present(code) || !mayNameCommands(code.text)) return EMPTY;
  const list = code.tokens();
  const { tokens } = list;
  const problems: Problem[] = [];
  const hovers: HoverTarget[] = [];
  const documents: CommandDocument[] = [];
  const databaseSwitches = findAdminDatabaseSwitches(list);
  const report = (ruleId: RuleId, span: Span, message: string, data?: Problem['data']) => {
    problems.push(problemOf(ruleId, span, message, data));
  };

  // Calls inside an argument already read are skipped, so that every token is read a bounded number of times.
  let readUntil = 0;
  for (let i = 2; i < tokens.length; i++) {
    const method = tokens[i]!;
    if (method.kind !== 'ident' || !isPunct(tokens[i - 1], '.') || !isPunct(tokens[i + 1], '(') || i < readUntil) continue;
    const receiver = receiverOf(tokens, i - 2);
    if (method.text === 'killOp' && receiver.isDb) {
      hovers.push({ span: spanOf(method), contents: helperHover() });
      readUntil = checkKillOpHelper(list, i, report);
      continue;
    }
    if (!COMMAND_METHODS.has(method.text)) continue;
    const [arg, argEnd] = parseValue(list, i + 2);
    readUntil = argEnd;
    if (arg.kind !== 'object') continue;
    const command = commandOf(arg);
    if (!command) continue;
    const info = ADMIN_COMMANDS[command.name];
    const hostArray = arg.props.find((p) => p.key === 'hostAndPort' && p.value.kind === 'array')?.value;
    documents.push({ command: command.name, span: { start: arg.start, end: arg.end }, keys: new Set(arg.props.map((p) => p.key)), ...(hostArray ? { hostArray: { start: hostArray.start, end: hostArray.end } } : {}) });
    for (const p of arg.props) {
      if ((ADMIN_KEYS[p.key] ?? []).includes(command.name)) hovers.push({ span: { start: p.keyStart, end: p.keyEnd }, contents: keyHover(info, p.key) });
    }
    if (command.name === 'dropConnections') checkDropConnections(arg, command.prop, report);
    else checkKillOp(arg, command.prop, report);
    if (method.text === 'adminCommand') continue;
    const target = method.text === 'runCommand' && receiver.isDb ? databaseAt(databaseSwitches, method.start) : receiver.target;
    if (target.kind === 'named' && target.name !== ADMIN_DATABASE) {
      const call = receiver.isDb ? { start: tokens[i - 2]!.start, end: method.end } : undefined;
      report(
        'admin-command-not-admin-db',
        spanOf(method),
        message('admin.notAdminDb', { command: command.name, method: method.text, database: target.name }),
        call ? { replacement: 'db.adminCommand', title: message('fix.use', { value: 'db.adminCommand()' }), replaceSpan: call, database: target.name } : { database: target.name },
      );
    }
  }

  return {
    problems,
    hoverAt(offset: number) {
      const h = hovers.find((t) => offset >= t.span.start && offset <= t.span.end);
      return h ? { contents: h.contents, span: h.span } : null;
    },
    completeAt: (offset, hosts) => completeInCommand(code.text, documents, offset, hosts),
  };
}

function isIdentChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}

/**
 * Completion inside a dropConnections or killOp document: its keys where a key starts (after `{` or
 * `,`), with their documentation; `host:port` targets inside a string of its `hostAndPort` array.
 */
function completeInCommand(text: string, documents: readonly CommandDocument[], offset: number, hosts: () => readonly string[]): CompletionResult[] | undefined {
  const doc = documents.find((d) => d.span.start < offset && offset < d.span.end);
  if (!doc) return undefined;
  if (doc.hostArray && doc.hostArray.start < offset && offset < doc.hostArray.end) {
    // Inside a string of the array: from its opening quote to the cursor.
    const lineStart = Math.max(doc.hostArray.start, text.lastIndexOf('\n', offset - 1) + 1);
    let quote = -1;
    for (let k = offset - 1; k >= lineStart; k--) {
      const c = text[k];
      if (c === '"' || c === "'" || c === '`') {
        quote = k;
        break;
      }
      if (c === ',' || c === '[') break;
    }
    if (quote < 0) return [];
    const close = text.indexOf(text[quote]!, offset);
    const end = close >= 0 && !text.slice(offset, close).includes('\n') ? close : offset;
    return hosts().map((h) => ({ label: h, kind: 'value' as const, detail: 'host:port of a connection string of the workspace', insertText: h, replace: { start: quote + 1, end } }));
  }
  let start = offset;
  while (start > doc.span.start && isIdentChar(text.charCodeAt(start - 1))) start--;
  let before = start - 1;
  while (before > doc.span.start && /\s/.test(text[before]!)) before--;
  if (text[before] !== '{' && text[before] !== ',') return undefined;
  const typed = text.slice(start, offset);
  const info = ADMIN_COMMANDS[doc.command];
  return info.fields
    .filter((f) => f.name !== doc.command && (!doc.keys.has(f.name) || f.name === typed))
    .map((f) => ({
      label: f.name,
      kind: 'key' as const,
      detail: `${f.type}${f.required ? '' : ', optional'} · ${doc.command}`,
      documentation: keyHover(info, f.name),
      insertText: `${f.name}: `,
      replace: { start, end: offset },
    }));
}

type Report = (ruleId: RuleId, span: Span, message: string, data?: Problem['data']) => void;

function isPunct(t: Token | undefined, text: string): boolean {
  return !!t && t.kind === 'punct' && t.text === text;
}

function spanOf(v: { start: number; end: number }): Span {
  return { start: v.start, end: v.end };
}

/** The command a document names: its first key, or a later key that is one of ours. */
function commandOf(doc: Extract<Value, { kind: 'object' }>): { name: AdminCommandName; prop: Prop } | undefined {
  const prop = doc.props.find((p) => p.key === 'dropConnections' || p.key === 'killOp');
  return prop ? { name: prop.key as AdminCommandName, prop } : undefined;
}

// -------------------------------------------------------------------------------------------
// Which database

/**
 * What the call is made on, from the tokens before the `.`: `db`, `db.getSiblingDB("x")`,
 * `client.db("x")`, or something else.
 */
function receiverOf(tokens: readonly Token[], k: number): { isDb: boolean; target: Target } {
  const t = tokens[k];
  if (t?.kind === 'ident') return { isDb: t.text === 'db' && !isPunct(tokens[k - 1], '.'), target: { kind: 'unknown' } };
  if (!isPunct(t, ')')) return { isDb: false, target: { kind: 'unknown' } };
  // `<x>.getSiblingDB("name")` or `<x>.db("name")`: a call with one string argument.
  const arg = tokens[k - 1];
  const callee = tokens[k - 3];
  if (arg?.kind === 'string' && isPunct(tokens[k - 2], '(') && callee?.kind === 'ident' && isPunct(tokens[k - 4], '.')) {
    if (callee.text === 'getSiblingDB' || callee.text === 'db' || callee.text === 'getDB') {
      const name = arg.text;
      return { isDb: false, target: name === ADMIN_DATABASE ? { kind: 'admin' } : { kind: 'named', name, span: spanOf(arg) } };
    }
  }
  return { isDb: false, target: { kind: 'unknown' } };
}

/** `use("sales")`, `use sales` and `db = db.getSiblingDB("sales")`, in document order. */
function findAdminDatabaseSwitches(list: TokenList): DatabaseSwitch[] {
  return findDatabaseSwitches(list, (l, from) => {
    const call = l.tokens.slice(from, skipExpression(l, from));
    const last = call.length >= 4 ? call[call.length - 2] : undefined;
    const callee = call[call.length - 4];
    return last?.kind === 'string' && isPunct(call[call.length - 1], ')') && (callee?.text === 'getSiblingDB' || callee?.text === 'getDB') ? last : undefined;
  });
}

function databaseAt(switches: readonly DatabaseSwitch[], offset: number): Target {
  let current: DatabaseSwitch | undefined;
  for (const s of switches) if (s.offset < offset) current = s;
  if (!current) return { kind: 'unknown' };
  return current.name === ADMIN_DATABASE ? { kind: 'admin' } : { kind: 'named', name: current.name, span: spanOf(current.token) };
}

// -------------------------------------------------------------------------------------------
// Checks

function checkDropConnections(doc: Extract<Value, { kind: 'object' }>, commandProp: Prop, report: Report): void {
  const v = commandProp.value;
  if (v.kind !== 'other' && !(v.kind === 'number' && v.value === 1)) {
    report('admin-drop-connections-value', spanOf(v), message('admin.dropValue', { value: describe(v) }), {
      replacement: '1',
      title: message('fix.dropConnections'),
    });
  }
  const hosts = doc.props.find((p) => p.key === 'hostAndPort')?.value;
  if (!hosts || hosts.kind === 'other') return;
  if (hosts.kind !== 'array') {
    report('admin-host-not-string', spanOf(hosts), message('admin.hostsNotArray', { value: describe(hosts) }));
    return;
  }
  for (const item of hosts.items) {
    if (item.kind === 'other') continue;
    if (item.kind !== 'string') {
      report('admin-host-not-string', spanOf(item), message('admin.hostNotString', { value: describe(item) }));
      continue;
    }
    const problem = hostPortProblem(item.value);
    if (problem) report('admin-host-without-port', contentSpan(item), problem);
  }
}

/** Why a hostAndPort element would be skipped by the server, or undefined when it is fine. */
export function hostPortProblem(element: string): string | undefined {
  if (findPlaceholders(element).length > 0) return undefined;
  const ignored = message('admin.skipped');
  if (element === '') return message('admin.hostEmpty', { skipped: ignored });
  let host = element;
  let port: string | undefined;
  if (element.startsWith('[')) {
    const close = element.indexOf(']');
    host = close < 0 ? element : element.slice(0, close + 1);
    if (close >= 0 && element[close + 1] === ':') port = element.slice(close + 2);
    else if (close >= 0 && close + 1 < element.length) return message('admin.hostBracket', { element, skipped: ignored });
  } else {
    const colon = element.lastIndexOf(':');
    if (colon >= 0 && element.indexOf(':') !== colon) {
      return message('admin.hostIpv6', { element, port: DEFAULT_PORT, skipped: ignored });
    }
    if (colon >= 0) {
      host = element.slice(0, colon);
      port = element.slice(colon + 1);
    }
  }
  if (host === '' || host === '[]') return message('admin.hostNoName', { element, skipped: ignored });
  if (port === undefined || port === '') return message('admin.hostNoPort', { element, host, port: DEFAULT_PORT, skipped: ignored });
  if (!/^\d+$/.test(port)) return message('admin.portNotNumber', { element, skipped: ignored });
  if (Number(port) < 1 || Number(port) > 65535) return message('admin.portRange', { element, skipped: ignored });
  return undefined;
}

function checkKillOp(doc: Extract<Value, { kind: 'object' }>, commandProp: Prop, report: Report): void {
  const op = doc.props.find((p) => p.key === 'op');
  if (!op) {
    if (!doc.hasSpread) {
      report('admin-killop-missing-op', { start: commandProp.keyStart, end: commandProp.keyEnd }, message('admin.killOpMissing'));
    }
    return;
  }
  checkOpValue(op.value, report);
}

/** Checks `db.killOp(<op>)` at method token `i`; returns the index after the argument. */
function checkKillOpHelper(list: TokenList, i: number, report: Report): number {
  if (isPunct(list.tokens[i + 2], ')')) {
    report('admin-killop-missing-op', spanOf(list.tokens[i]!), message('admin.killOpHelperMissing'));
    return i + 3;
  }
  const [op, end] = parseValue(list, i + 2);
  checkOpValue(op, report);
  return end;
}

function checkOpValue(v: Value, report: Report): void {
  if (v.kind === 'other') return;
  if (v.kind === 'number') {
    if (Number.isInteger(v.value) && v.value >= 0) return;
    report('admin-killop-invalid-op', spanOf(v), message('admin.opNegative', { value: v.value }));
    return;
  }
  if (v.kind === 'string') {
    if (SHARD_OPID.test(v.value) || findPlaceholders(v.value).length > 0) return;
    const text = /^\d+$/.test(v.value)
      ? message('admin.opString', { value: v.value })
      : message('admin.opInvalid', { value: v.value });
    report('admin-killop-invalid-op', contentSpan(v), text);
    return;
  }
  report('admin-killop-invalid-op', spanOf(v), message('admin.opType', { value: describe(v) }));
}

/** The characters inside the quotes, or the whole literal when it is empty. */
function contentSpan(v: Extract<Value, { kind: 'string' }>): Span {
  return v.end - v.start > 2 ? { start: v.start + 1, end: v.end - 1 } : spanOf(v);
}

function describe(v: Value): string {
  switch (v.kind) {
    case 'object':
      return message('value.object');
    case 'array':
      return message('value.array');
    case 'string':
      return message('value.string', { value: v.value.length > 40 ? `${v.value.slice(0, 40)}…` : v.value });
    case 'number':
      return String(v.value);
    case 'literal':
      return v.value;
    default:
      return message('value.this');
  }
}

// -------------------------------------------------------------------------------------------
// Hover

function commandSection(info: AdminCommandInfo): string[] {
  const privileges = info.privileges.map((p) => `- \`${p.action}\` on the \`${p.resource}\` resource: ${p.when}.`);
  return [
    `**${info.name}** (MongoDB ${info.since}+) — ${info.summary}`,
    '',
    `Runs against the **admin** database: \`db.adminCommand({ ${info.name}: 1, … })\` or \`db.getSiblingDB("admin").runCommand(…)\`.`,
    '',
    '**Privileges**',
    ...privileges,
    '',
    '**Cautions**',
    ...info.cautions.map((c) => `- ${c}`),
    '',
    `[${info.name} in the MongoDB manual](${info.docs})`,
  ];
}

function keyHover(info: AdminCommandInfo, key: string): string {
  if (key === info.name) return commandSection(info).join('\n');
  const field = info.fields.find((f) => f.name === key);
  const head = field ? [`**${key}** (${field.type}${field.required ? '' : ', optional'}) — ${field.description}`, '', '---', ''] : [];
  return [...head, ...commandSection(info)].join('\n');
}

function helperHover(): string {
  const info = ADMIN_COMMANDS.killOp;
  return [`**db.killOp(opid)** — mongosh helper that runs \`{ killOp: 1, op: opid }\` on the admin database.`, '', '---', '', ...commandSection(info)].join('\n');
}
