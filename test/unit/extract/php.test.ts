import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { found, texts } from './helpers';
import { loudProblems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('PHP extraction', () => {
  it('reads quotes, interpolation, heredocs, attributes and comments', () => {
    const doc = `<?php
// mongodb://comment:1
#[Attribute]
$uri = getenv('MONGODB_URI') ?: 'mongodb://localhost:27017/app';
$client = new MongoDB\\Client("mongodb://{$user}:$pass@{$host}:27017/app");
$db = $client->selectDatabase('shop');
$orders = $db->selectCollection('orders');
$partial = 'mongodb://' . $host;
$config = ['mongo_uri' => 'h:3', 'mongodb' => ['uri' => 'mongodb://nested:1']];
$text = <<<EOT
  Use mongodb://heredoc:27017 here
  EOT;
`;
    assert.deepEqual(found(doc, 'php').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://comment:1', undefined],
      ['uri', 'mongodb://localhost:27017/app', 'MONGODB_URI'],
      ['uri', 'mongodb://${user}:$pass@${host}:27017/app', undefined],
      ['database', 'shop', undefined],
      ['collection', 'orders', undefined],
      // A concatenation: its operand is a placeholder.
      ['uri', 'mongodb://${$host}', undefined],
      ['uri', 'h:3', 'mongo_uri'],
      ['uri', 'mongodb://nested:1', 'uri'],
      ['uri', 'mongodb://heredoc:27017', undefined],
    ]);
    assert.deepEqual(loudProblems(doc.split('\n').slice(4, 5).join('\n'), 'php'), []);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['php-single', "it's \\", (e) => `$mongoUri = '${e}';`],
      ['php-double', 'a"b\\c\n', (e) => `$mongoUri = "${e}";`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'php'), [URI_PREFIX + s], syntax);
    }
  });
});
