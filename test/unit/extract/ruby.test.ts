import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForHost } from '../../../server/src/service/extract';
import { HostSyntax } from '../../../server/src/service/api';
import { found, texts } from './helpers';
import { loudProblems } from '../../helpers/problems';

/** Round-tripped text is put after a scheme: under a connection-string key, only a connection string is one. */
const URI_PREFIX = 'mongodb://h/?appName=';

describe('Ruby extraction', () => {
  it('reads single and double quotes, interpolation, heredocs and comments', () => {
    const doc = `# mongodb://comment:1
MONGO_URL = ENV.fetch('MONGO_URL', 'localhost:27017')
client = Mongo::Client.new("mongodb://#{user}:#{pass}@#{host}:27017/app")
uri = ENV['MONGODB_URI'] || 'mongodb://fallback:27017/app'
half = total / 2; other = "mongodb://h:1"
query = <<~SQL
  SELECT url FROM t WHERE url = 'mongodb://heredoc:27017'
SQL
=begin
mongodb://block:1
=end
cfg = { mongo_uri: "h:2", 'collection' => 'jobs' }
`;
    assert.deepEqual(found(doc, 'ruby').map((v) => [v.kind, v.text, v.key]), [
      ['uri', 'mongodb://comment:1', undefined],
      ['uri', 'localhost:27017', 'MONGO_URL'],
      ['uri', 'mongodb://${user}:${pass}@${host}:27017/app', undefined],
      ['uri', 'mongodb://fallback:27017/app', 'MONGODB_URI'],
      ['uri', 'mongodb://h:1', 'other'],
      ['uri', 'mongodb://heredoc:27017', undefined],
      ['uri', 'mongodb://block:1', undefined],
      ['uri', 'h:2', 'mongo_uri'],
      ['collection', 'jobs', 'collection'],
    ]);
    assert.deepEqual(loudProblems(doc.split('\n').slice(2, 3).join('\n'), 'ruby'), []);
  });

  it('escapes replacements and reads them back', () => {
    const cases: Array<[HostSyntax, string, (e: string) => string]> = [
      ['ruby-single', "it's \\", (e) => `MONGO_URI = '${e}'`],
      ['ruby-double', 'a"b\\c#{x}${y}\n', (e) => `MONGO_URI = "${e}"`],
    ];
    for (const [syntax, s, wrap] of cases) {
      const v = { kind: 'uri' as const, text: '', start: 0, syntax };
      assert.deepEqual(texts(wrap(encodeForHost(v, URI_PREFIX + s)), 'ruby'), [URI_PREFIX + s], syntax);
    }
  });
});
