/** The dotenv grammar: comments, export, keys, =, quoted and unquoted values. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, type Token } from './tokenizer';

function compact(line: Token[]): [string, string][] {
  return line.map((t) => [t.text, t.scopes.slice(1).join(' ')]);
}

test('comments, export, keys and values', async () => {
  const lines = await tokenize(
    'source.dotenv',
    ['# database', 'export PORT=8080', 'NAME="a b" # note', "SINGLE='x'", 'PLAIN=pa#ss  # comment', 'EMPTY='].join('\n'),
  );
  assert.deepEqual(compact(lines[0]!), [
    ['#', 'comment.line.number-sign.dotenv punctuation.definition.comment.dotenv'],
    [' database', 'comment.line.number-sign.dotenv'],
  ]);
  assert.deepEqual(compact(lines[1]!), [
    ['export', 'storage.modifier.export.dotenv'],
    [' ', ''],
    ['PORT', 'variable.other.key.dotenv'],
    ['=', 'keyword.operator.assignment.dotenv'],
    ['8080', 'string.unquoted.dotenv'],
  ]);
  assert.deepEqual(compact(lines[2]!), [
    ['NAME', 'variable.other.key.dotenv'],
    ['=', 'keyword.operator.assignment.dotenv'],
    ['"', 'string.quoted.double.dotenv punctuation.definition.string.begin.dotenv'],
    ['a b', 'string.quoted.double.dotenv'],
    ['"', 'string.quoted.double.dotenv punctuation.definition.string.end.dotenv'],
    [' ', ''],
    ['#', 'comment.line.number-sign.dotenv punctuation.definition.comment.dotenv'],
    [' note', 'comment.line.number-sign.dotenv'],
  ]);
  assert.deepEqual(compact(lines[3]!).map(([, s]) => s), [
    'variable.other.key.dotenv',
    'keyword.operator.assignment.dotenv',
    'string.quoted.single.dotenv punctuation.definition.string.begin.dotenv',
    'string.quoted.single.dotenv',
    'string.quoted.single.dotenv punctuation.definition.string.end.dotenv',
  ]);
  assert.deepEqual(compact(lines[4]!), [
    ['PLAIN', 'variable.other.key.dotenv'],
    ['=', 'keyword.operator.assignment.dotenv'],
    ['pa#ss', 'string.unquoted.dotenv'],
    ['  ', ''],
    ['#', 'comment.line.number-sign.dotenv punctuation.definition.comment.dotenv'],
    [' comment', 'comment.line.number-sign.dotenv'],
  ]);
  assert.deepEqual(compact(lines[5]!), [
    ['EMPTY', 'variable.other.key.dotenv'],
    ['=', 'keyword.operator.assignment.dotenv'],
  ]);
});

test('a double-quoted value may span lines and interpolate', async () => {
  const lines = await tokenize('source.dotenv', 'KEY="line one\n${HOME}\\n two"\nNEXT=1');
  assert.ok(lines[1]!.some((t) => t.text === '${HOME}' && t.scopes.includes('variable.other.interpolated.dotenv')));
  assert.ok(lines[1]!.some((t) => t.text === '\\n' && t.scopes.includes('constant.character.escape.dotenv')));
  assert.deepEqual(compact(lines[2]!)[0], ['NEXT', 'variable.other.key.dotenv']);
});
