/** Values found inside comments say so (EmbeddedValue.comment): credentials-in-source leaves them alone. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractValues } from '../../../server/src/service/extract';

/** The connection strings of a document, each as [text, in a comment]. */
function uris(text: string, languageId: string): Array<[string, boolean]> {
  return extractValues(text, languageId, 'file:///p/file')
    .filter((v) => v.kind === 'uri')
    .map((v) => [v.text, v.comment === true]);
}

describe('values in comments', () => {
  it('.env: comment lines and comments after a value; not a line that is something else', () => {
    const doc = [
      '# MONGODB_URI=mongodb://old:1/a',
      'MONGODB_URI=mongodb://new:1/a # was mongodb://older:1/a',
      'MONGO_URL="mongodb://q:1/a"   # mongodb://after-quote:1/a',
      'MONGO_URL="mongodb://q2:1/a" mongodb://not-a-comment:1/a',
      'some text mongodb://prose:1/a',
      '',
    ].join('\n');
    assert.deepEqual(uris(doc, 'dotenv'), [
      ['mongodb://old:1/a', true],
      ['mongodb://new:1/a', false],
      ['mongodb://older:1/a', true],
      ['mongodb://q:1/a', false],
      ['mongodb://after-quote:1/a', true],
      ['mongodb://q2:1/a', false],
      ['mongodb://not-a-comment:1/a', false],
      ['mongodb://prose:1/a', false],
    ]);
  });

  it('YAML, TOML, INI and .properties comments', () => {
    assert.deepEqual(uris('# mongodb://c:1/a\nmongo:\n  uri: mongodb://v:1/a # mongodb://c2:1/a\n  # mongodb://c3:1/a\n', 'yaml'), [
      ['mongodb://c:1/a', true],
      ['mongodb://v:1/a', false],
      ['mongodb://c2:1/a', true],
      ['mongodb://c3:1/a', true],
    ]);
    assert.deepEqual(uris('# uri = "mongodb://c:1/a"\n[mongo]\nuri = "mongodb://v:1/a" # mongodb://c2:1/a\n', 'toml'), [
      ['mongodb://c:1/a', true],
      ['mongodb://v:1/a', false],
      ['mongodb://c2:1/a', true],
    ]);
    assert.deepEqual(uris('; mongodb://c:1/a\n[mongo]\nuri = mongodb://v:1/a ; mongodb://c2:1/a\n# mongodb://c3:1/a\n', 'ini'), [
      ['mongodb://c:1/a', true],
      ['mongodb://v:1/a', false],
      ['mongodb://c2:1/a', true],
      ['mongodb://c3:1/a', true],
    ]);
    assert.deepEqual(uris('# mongo.uri=mongodb://c:1/a\n! mongodb://c2:1/a\nmongo.uri=mongodb://v:1/a\n', 'properties'), [
      ['mongodb://c:1/a', true],
      ['mongodb://c2:1/a', true],
      ['mongodb://v:1/a', false],
    ]);
  });

  it('JSON with comments, shell scripts and source code', () => {
    assert.deepEqual(uris('{\n  // "uri": "mongodb://c:1/a"\n  /* mongodb://c2:1/a */\n  "uri": "mongodb://v:1/a"\n}\n', 'jsonc'), [
      ['mongodb://c:1/a', true],
      ['mongodb://c2:1/a', true],
      ['mongodb://v:1/a', false],
    ]);
    assert.deepEqual(uris('# mongosh mongodb://c:1/a\nmongosh mongodb://v:1/a\ncat <<EOF\nmongodb://heredoc:1/a\nEOF\n', 'shellscript'), [
      ['mongodb://c:1/a', true],
      ['mongodb://v:1/a', false],
      ['mongodb://heredoc:1/a', false],
    ]);
    assert.deepEqual(uris('/**\n * connect("mongodb://doc:1/a")\n */\n// mongodb://line:1/a\nconst u = "mongodb://v:1/a";\n', 'javascript'), [
      ['mongodb://doc:1/a', true],
      ['mongodb://line:1/a', true],
      ['mongodb://v:1/a', false],
    ]);
    assert.deepEqual(uris('# URI = "mongodb://c:1/a"\nURI = "mongodb://v:1/a"\n', 'python'), [
      ['mongodb://c:1/a', true],
      ['mongodb://v:1/a', false],
    ]);
    assert.deepEqual(uris('=begin\nmongodb://c:1/a\n=end\nURI = "mongodb://v:1/a"\n', 'ruby'), [
      ['mongodb://c:1/a', true],
      ['mongodb://v:1/a', false],
    ]);
  });

  it('Markdown: HTML comments on one line or several, and comments in fenced code', () => {
    const doc = [
      'Use mongodb://prose:1/a. <!-- not mongodb://hidden:1/a --> but mongodb://after:1/a',
      '<!--',
      'Old cluster: mongodb://old:1/a',
      '-->',
      'Then mongodb://later:1/a <!-- mongodb://c1:1/a --> and <!-- mongodb://c2:1/a',
      'mongodb://c3:1/a --> mongodb://tail:1/a',
      '```bash',
      '# mongosh mongodb://fenced-comment:1/a',
      'mongosh mongodb://fenced:1/a',
      '```',
      'End mongodb://end:1/a',
      '',
    ].join('\n');
    assert.deepEqual(uris(doc, 'markdown'), [
      ['mongodb://prose:1/a', false],
      ['mongodb://hidden:1/a', true],
      ['mongodb://after:1/a', false],
      ['mongodb://old:1/a', true],
      ['mongodb://later:1/a', false],
      ['mongodb://c1:1/a', true],
      ['mongodb://c2:1/a', true],
      ['mongodb://c3:1/a', true],
      ['mongodb://tail:1/a', false],
      ['mongodb://fenced-comment:1/a', true],
      ['mongodb://fenced:1/a', false],
      ['mongodb://end:1/a', false],
    ]);
    // A comment that is not closed runs to the end of the document.
    assert.deepEqual(uris('a mongodb://a:1/x\n<!-- mongodb://b:1/x\n\nmongodb://c:1/x\n', 'markdown'), [
      ['mongodb://a:1/x', false],
      ['mongodb://b:1/x', true],
      ['mongodb://c:1/x', true],
    ]);
  });
});
