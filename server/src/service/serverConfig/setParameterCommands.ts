/**
 * `setParameter` commands in JavaScript/TypeScript, MongoDB playgrounds and Python:
 * `db.adminCommand({ setParameter: 1, maxIndexBuildMemoryUsageMegabytes: 20 })`, `runCommand(…)`,
 * pymongo's `client.admin.command({"setParameter": 1, …})` and `command("setParameter", 1, name=value)`.
 * The values of the parameters of data/serverParameters.ts are checked, with hovers on their names.
 */
import type { DocumentAnalysis, Problem, SourceCode, Span, Token, TokenList } from '../api';
import { SET_PARAMETERS } from '../data/serverParameters';
import { type Value, parseValue } from '../lex/codeValues';
import { JS_LANGUAGES } from '../limits/codeCalls';
import { wordGate } from '../lex/sourceCode';
import { problemOf } from '../rules/ruleTable';
import { type ParameterValue, checkParameter, parameterHover } from './parameterChecks';

const COMMAND_METHODS: ReadonlySet<string> = new Set(['adminCommand', 'runCommand', 'command']);
const COMMAND = 'setParameter';

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/** The command's name, searched for with the other analyzers' words (lex/sourceCode.ts). */
const WORDS = wordGate([COMMAND], (languageId) => languageId === 'python' || JS_LANGUAGES.has(languageId));

interface Hover {
  span: Span;
  contents: string;
}

function isPunct(t: Token | undefined, text: string): boolean {
  return !!t && t.kind === 'punct' && t.text === text;
}

/** A value of code as the server receives it; undefined when it is not a literal (a variable, a call). */
function parameterValue(text: string, v: Value, python: boolean): ParameterValue | undefined {
  switch (v.kind) {
    case 'number':
      return { kind: 'number', value: v.value };
    case 'string':
      return { kind: 'string', value: v.value };
    case 'literal':
      return v.value === 'true' || v.value === 'false' ? { kind: 'boolean', value: v.value === 'true' } : undefined;
    case 'object':
    case 'array':
      return { kind: 'container' };
    default: {
      const word = text.slice(v.start, v.end);
      return python && (word === 'True' || word === 'False') ? { kind: 'boolean', value: word === 'True' } : undefined;
    }
  }
}

export function analyzeSetParameterCommands(code: SourceCode): DocumentAnalysis {
  const { text, languageId } = code;
  const python = languageId === 'python';
  if ((!python && !JS_LANGUAGES.has(languageId)) || !WORDS.present(code) || text.indexOf(COMMAND) < 0) return EMPTY;
  const list = code.tokens();
  const { tokens } = list;
  const problems: Problem[] = [];
  const hovers: Hover[] = [];

  const check = (name: string, span: Span, v: Value) => {
    const p = SET_PARAMETERS.get(name);
    if (!p) return;
    hovers.push({ span, contents: parameterHover(p) });
    const value = parameterValue(text, v, python);
    const finding = value && checkParameter(p, value);
    if (finding) problems.push(problemOf(finding.ruleId, { start: v.start, end: v.end }, finding.message));
  };

  let readUntil = 0;
  for (let i = 1; i < tokens.length; i++) {
    const method = tokens[i]!;
    if (i < readUntil || method.kind !== 'ident' || !COMMAND_METHODS.has(method.text) || !isPunct(tokens[i - 1], '.') || !isPunct(tokens[i + 1], '(')) continue;
    const [arg, end] = parseValue(list, i + 2);
    readUntil = end;
    if (arg.kind === 'object' && arg.props.some((p) => p.key === COMMAND)) {
      for (const p of arg.props) check(p.key, { start: p.keyStart, end: p.keyEnd }, p.value);
    } else if (python && arg.kind === 'string' && arg.value === COMMAND) {
      readKeywordArguments(list, i + 1, end, check);
    }
  }
  return {
    problems,
    hoverAt: (offset) => hovers.find((h) => offset >= h.span.start && offset <= h.span.end) ?? null,
  };
}

/** `name=value` arguments of the Python call whose `(` is at `open`, after the argument ending at `from`. */
function readKeywordArguments(list: TokenList, open: number, from: number, check: (name: string, span: Span, v: Value) => void): void {
  const { tokens, match } = list;
  const close = match[open]! < 0 ? tokens.length : match[open]!;
  for (let k = from; k < close; ) {
    const t = tokens[k]!;
    if (t.kind === 'ident' && isPunct(tokens[k - 1], ',') && isPunct(tokens[k + 1], '=') && !isPunct(tokens[k + 2], '=')) {
      const [v, next] = parseValue(list, k + 2);
      check(t.text, { start: t.start, end: t.end }, v);
      k = Math.max(next, k + 1);
    } else k++;
  }
}
