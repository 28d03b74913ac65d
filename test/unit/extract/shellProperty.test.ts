/**
 * Shell script extraction against values written in known ways: `NAME=value` (also after `export`,
 * `readonly`, `local`, before a command, as a `--name=value` option) with the value written as one or
 * more parts, unquoted, '…', "…" or $'…', among filler commands, comments and heredocs; and connection
 * strings mentioned in comments, heredoc bodies and command arguments. The extractor must return
 * exactly those values, with the offset of every character, the key, kind and syntax.
 *
 * The shell's rules, and how values are written: shellWriting.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractShell } from '../../../server/src/service/extract/shell';
import { documentText } from '../fuzz/arbitraries';
import { found } from './helpers';
import { entry, item, writeDocument } from './shellWriting';
import { describeAnyText, describeKnownValues } from './sourceWriting';

const extract = (doc: string) => extractShell(doc);

describeKnownValues('shell', 'shell', { items: fc.array(item, { maxLength: 10 }), entry, one: (e) => ({ entry: e }), write: (items, pick) => writeDocument(items, pick) }, extract);

const PIECES = [
  'mongodb://h:27017/db', 'mongodb+srv://u:p@c.x.net/app', 'MONGO_URL=', 'MONGODB_URI=', 'DB_NAME=', '--uri=', '--mongo-uri=', 'export ',
  'mongosh ', 'mongodump ', 'echo ', ' ', ' ', '\t', '\n', '\n', '\\\n', '"', '"', "'", "'", "$'", '\\n', '\\t', '\\"', '\\\\', '\\$',
  '$', '${X}', '${X:-mongodb://d/x}', '$(hostname)', '$(cmd "a b")', '`date`', '$((1+2))', '{', '}', '(', ')', ';', '&', '|', '<', '>',
  '<<EOF\n', 'EOF\n', "<<-'END'\n", '\tEND\n', '#', '# mongodb://c/x\n', '=', ':', '@', '%40', 'x', 'abc', 'é', '\u{1F600}', '\r\n',
];
const script = fc.oneof(
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
);

describeAnyText('shell', 'shell', script, extract, { sane: 2000, shifted: 1000 });

describe('shell extraction: what the known values found', () => {
  it('finds a mention in a heredoc once when its terminator ends the script', () => {
    assert.deepEqual(found('cat <<EOF\nConnect to mongodb://h:1/db\nEOF', 'shellscript'), [{ kind: 'uri', text: 'mongodb://h:1/db', source: 'mongodb://h:1/db' }]);
  });

  it("gives $'…' values a syntax of their own", () => {
    assert.deepEqual(extract("MONGO_URI=$'mongodb://h:1/db\\n'x").map((v) => [v.text, v.syntax]), [['mongodb://h:1/db\nx', 'shell-ansi']]);
  });
});
