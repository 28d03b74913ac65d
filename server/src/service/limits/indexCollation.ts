/**
 * Text and 2d indexes support only the simple collation: a createIndex / create_index call (or an index
 * model of createIndexes) that builds one with a collation of another locale is refused by the server.
 */
import type { Problem, TokenList } from '../api';
import { problemOf } from '../rules/ruleTable';
import type { Argument, CallSite } from './codeCalls';
import { type Option, optionOf, propOf } from './callArgs';
import { message } from '../data/l10n';

/** Index types that take no collation but the simple one, by how code names them. */
const SIMPLE_ONLY: Readonly<Record<string, string>> = { text: 'text', '2d': '2d', TEXT: 'text', GEO2D: '2d' };

function simpleOnly(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(SIMPLE_ONLY, name) ? SIMPLE_ONLY[name] : undefined;
}

/** The simple-collation-only type of an index key: a JS object (`{ f: "text" }`) or a Python list of tuples. */
function keyType(list: TokenList, key: Argument): string | undefined {
  const v = key.value;
  if (v.kind === 'object') {
    for (const p of v.props) if (p.value.kind === 'string' && (p.value.value === 'text' || p.value.value === '2d')) return p.value.value;
    return undefined;
  }
  if (v.kind !== 'array' || key.first < 0) return undefined;
  // `[("body", TEXT)]`, `[("loc", pymongo.GEO2D)]`, `[("body", "text")]`: the last token of each tuple.
  const { tokens, match } = list;
  for (let k = key.first + 1; k < key.end - 1; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct' || !'([{'.includes(t.text) || match[k]! < 0) continue;
    const close = match[k]!;
    const last = tokens[close - 1]!;
    if (t.text === '(') {
      const type = last.kind === 'string' || last.kind === 'ident' ? simpleOnly(last.text) : undefined;
      // `"TEXT"` is no index type; the constants are identifiers.
      if (type && (last.kind === 'ident') === (last.text !== type)) return type;
    }
    k = close;
  }
  return undefined;
}

/** The locale a collation names: `{ locale: "fr" }`, Python `Collation("fr")`, `Collation(locale="fr")` or a dict. */
function localeOf(list: TokenList, option: Option): { locale: string; start: number; end: number } | undefined {
  const v = option.value;
  const literal = propOf(v, 'locale')?.value;
  if (literal) return literal.kind === 'string' ? { locale: literal.value, start: literal.start, end: literal.end } : undefined;
  if (v.kind !== 'other') return undefined;
  // `Collation(...)`: the first string of its arguments, or the one after `locale=`.
  const { tokens } = list;
  let k = 0;
  while (k < tokens.length && tokens[k]!.start < v.start) k++;
  for (; k < tokens.length && tokens[k]!.end <= v.end; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && t.text === '(') {
      const first = tokens[k + 1];
      if (first?.kind === 'string') return { locale: first.text, start: first.start, end: first.end };
      const s = tokens[k + 3];
      if (first?.kind === 'ident' && first.text === 'locale' && tokens[k + 2]?.text === '=' && s?.kind === 'string') return { locale: s.text, start: s.start, end: s.end };
      return undefined;
    }
  }
  return undefined;
}

function check(list: TokenList, key: Argument, collation: Option | undefined, problems: Problem[]): void {
  if (!collation) return;
  const type = keyType(list, key);
  if (!type) return;
  const locale = localeOf(list, collation);
  if (!locale || locale.locale === 'simple') return;
  problems.push(
    problemOf(
      'index-collation-not-simple',
      collation.keySpan,
      message('index.collationNotSimple', { type, locale: locale.locale }),
    ),
  );
}

/** Checks a createIndex / create_index / ensureIndex call, or the index models of createIndexes. */
export function checkIndexCollation(list: TokenList, call: CallSite, args: readonly Argument[], problems: Problem[]): void {
  const first = args[0];
  if (!first) return;
  if (call.category === 'index') {
    check(list, first, optionOf(list, args, 1, 'collation'), problems);
    return;
  }
  if (first.value.kind !== 'array') return;
  for (const model of first.value.items) {
    const key = propOf(model, 'key');
    const collation = propOf(model, 'collation');
    if (key && collation) {
      check(list, { value: key.value, first: -1, end: -1 }, { value: collation.value, keySpan: { start: collation.keyStart, end: collation.keyEnd } }, problems);
    }
  }
}
