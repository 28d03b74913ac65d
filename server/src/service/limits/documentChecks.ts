/**
 * What the server refuses, or silently changes, in document literals given to driver calls (JavaScript,
 * TypeScript, playgrounds and Python): an `_id` that is an array or a regular expression or holds
 * `$` fields, in the documents an insert, a replacement or an upsert writes; and in every object
 * literal of a document call, a field given twice or a field name with the null character.
 */
import type { Problem, Span, TokenList } from '../api';
import type { Value } from '../lex/codeValues';
import { problemOf } from '../rules/ruleTable';
import { type Argument, type CallSite } from './codeCalls';
import { type ObjectValue, isRegex, isTrue, objectsIn, optionOf, propOf } from './callArgs';
import { message } from '../data/l10n';

/** How a call writes documents: the documents themselves, a replacement, or an update (with upsert). */
type Writes = 'document' | 'documents' | 'replacement' | 'update';

const WRITES: Readonly<Record<string, Writes>> = {
  insertOne: 'document',
  insert_one: 'document',
  save: 'document',
  insertMany: 'documents',
  insert_many: 'documents',
  replaceOne: 'replacement',
  replace_one: 'replacement',
  findOneAndReplace: 'replacement',
  find_one_and_replace: 'replacement',
  updateOne: 'update',
  update_one: 'update',
  updateMany: 'update',
  update_many: 'update',
  findOneAndUpdate: 'update',
  find_one_and_update: 'update',
};

function keySpan(p: { keyStart: number; keyEnd: number }): Span {
  return { start: p.keyStart, end: p.keyEnd };
}

/** Checks the documents a call of category 'document' writes, and every object literal it passes. */
export function checkDocumentCall(list: TokenList, text: string, call: CallSite, args: readonly Argument[], problems: Problem[]): void {
  for (const arg of args) for (const o of objectsIn(arg.value)) checkFields(text, o, problems);
  const writes = Object.prototype.hasOwnProperty.call(WRITES, call.method) ? WRITES[call.method] : undefined;
  if (!writes) return;
  const [first, second] = args;
  if (writes === 'document' && first) checkId(text, first.value, problems);
  else if (writes === 'documents' && first?.value.kind === 'array') for (const d of first.value.items) checkId(text, d, problems);
  else if (writes === 'replacement' || writes === 'update') {
    if (writes === 'replacement' && second) checkId(text, second.value, problems);
    if (!isTrue(text, optionOf(list, args, 2, 'upsert')?.value)) return;
    // An upsert that inserts takes the `_id` of an equality in the filter, or of $set / $setOnInsert.
    const id = propOf(first?.value, '_id');
    if (id && id.value.kind === 'array') arrayId(id, problems);
    if (writes === 'update') for (const op of ['$set', '$setOnInsert']) checkId(text, propOf(second?.value, op)?.value, problems);
  }
}

function arrayId(id: { keyStart: number; keyEnd: number }, problems: Problem[]): void {
  problems.push(problemOf('document-id-array', keySpan(id), message('document.idArray')));
}

/** The `_id` of a document literal that is written. */
function checkId(text: string, doc: Value | undefined, problems: Problem[]): void {
  const id = propOf(doc, '_id');
  if (!id) return;
  const v = id.value;
  if (v.kind === 'array') arrayId(id, problems);
  else if (isRegex(text, v)) {
    problems.push(problemOf('document-id-regex', keySpan(id), message('document.idRegex')));
  } else if (v.kind === 'object') {
    for (const p of v.props) {
      if (p.key.startsWith('$')) {
        problems.push(problemOf('document-id-dollar-field', keySpan(p), message('document.idDollarField', { field: p.key })));
      }
    }
  }
}

/** A field twice in one object literal; field names with the null character. */
function checkFields(text: string, o: ObjectValue, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const p of o.props) {
    // `{ a }`: a variable given as it is named.
    const shorthand = p.value.kind === 'other' && p.value.start === p.keyStart;
    if (!shorthand) {
      if (seen.has(p.key)) {
        problems.push(problemOf('document-duplicate-field', keySpan(p), message('document.duplicateField', { field: p.key })));
      } else seen.add(p.key);
    }
    if (hasNullCharacter(text.slice(p.keyStart, p.keyEnd))) {
      problems.push(problemOf('document-field-null-char', keySpan(p), message('document.fieldNullChar')));
    }
  }
}

function isOctal(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '7';
}

/**
 * Whether the source of a string (without its quotes) spells the null character: as it is, or as the
 * escapes `\0` (`\00`, `\000`), `\x00`, `\u0000`, `\u{0}` and (Python) `\U00000000` and `\N{NULL}`.
 */
export function hasNullCharacter(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\0') return true;
    if (c !== '\\') continue;
    const e = raw[i + 1];
    if (e === '0') {
      let j = i + 2;
      let zero = true;
      while (j < i + 4 && isOctal(raw[j])) zero = zero && raw[j++] === '0';
      if (zero) return true;
    } else if (e === 'x' && raw.startsWith('00', i + 2)) return true;
    // `\u0000`, or `\u{0}` with up to eight zeros (the longest form: `{00000000}`).
    else if (e === 'u' && /^(?:0000|\{0{1,8}\})/.test(raw.slice(i + 2, i + 2 + '{00000000}'.length))) return true;
    else if (e === 'U' && raw.startsWith('00000000', i + 2)) return true;
    else if (e === 'N' && /^\{NUL(?:L)?\}/i.test(raw.slice(i + 2, i + 9))) return true;
    i++;
  }
  return false;
}
