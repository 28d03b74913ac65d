import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { found, texts } from './helpers';
import { loudProblems, problems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('Go extraction', () => {
  it('reads interpreted and raw strings, skips runes, finds driver calls', () => {
    const doc = `package main

// mongodb://comment:1
var mongoURI string = "localhost:27017"

const defaultURI = \`mongodb://raw:27017/app?w=majority\`

func main() {
	q := '"'
	uri := fmt.Sprintf("mongodb://%s:%s@%s:%d/app", user, pass, host, port)
	coll := client.Database("shop").Collection("orders")
	s := "mongodb://a:1\\u0040x"
}
`;
    assert.deepEqual(found(doc, 'go').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://comment:1', undefined],
      ['uri', 'localhost:27017', 'mongoURI'],
      ['uri', 'mongodb://raw:27017/app?w=majority', 'defaultURI'],
      ['uri', 'mongodb://${s}:${s}@${s}:${d}/app', undefined],
      ['database', 'shop', undefined],
      ['collection', 'orders', undefined],
      ['uri', 'mongodb://a:1@x', 's'],
    ]);
    assert.deepEqual(loudProblems(doc, 'go'), [['scheme-invalid', 'localhost:27017']]);
  });

  it('maps a problem after an escape', () => {
    const doc = 'x := "mongodb://h\\x3a70000"\n';
    assert.deepEqual(texts(doc, 'go'), ['mongodb://h:70000']);
    assert.deepEqual(problems(doc, 'go'), [['port-invalid', '70000']]);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['go-double', 'a"b\\c\n', (e) => `var mongoURI = "${e}"`],
      ['go-raw', 'C:\\x"y', (e) => `var mongoURI = \`${e}\``],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'go'), [URI_PREFIX + s], syntax);
    }
  });
});
