import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { found } from './helpers';
import { loudProblems } from '../../helpers/problems';

describe('Markdown extraction', () => {
  it('reads prose, inline code and fenced blocks in their own language', () => {
    const doc = `# App
Set \`MONGODB_URI\` (for example \`mongodb://localhost:27017/app\`). See [the docs](mongodb://link:1).

\`\`\`yaml
mongo:
  uri: "mongodb://yaml:27017/app"
  database: app
\`\`\`

~~~
mongodb://plain:1
~~~

   \`\`\`json
   { "MONGO_URI": "mongodb:\\/\\/json:70000" }
   \`\`\`

\`\`\`bash
export MONGO_URL=mongo:27017
\`\`\`
Last mongodb://prose:2.
`;
    assert.deepEqual(found(doc, 'markdown').map((v) => [v.kind, v.source, v.key]), [
      ['uri', 'mongodb://localhost:27017/app', undefined],
      ['uri', 'mongodb://link:1', undefined],
      ['uri', 'mongodb://yaml:27017/app', 'mongo.uri'],
      ['database', 'app', 'mongo.database'],
      ['uri', 'mongodb://plain:1', undefined],
      ['uri', 'mongodb:\\/\\/json:70000', 'MONGO_URI'],
      ['uri', 'mongo:27017', 'MONGO_URL'],
      ['uri', 'mongodb://prose:2', undefined],
    ]);
    assert.deepEqual(loudProblems(doc, 'markdown'), [
      ['port-invalid', '70000'],
      ['scheme-invalid', 'mongo:27017'],
    ]);
  });

  it('reads an unterminated fence to the end', () => {
    assert.deepEqual(found('```python\nuri = "mongodb://h:1"\n', 'markdown').map((v) => v.text), ['mongodb://h:1']);
  });
});
