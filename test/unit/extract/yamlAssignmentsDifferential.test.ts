/**
 * yamlAssignmentsOf (Spring's flattened key paths of a YAML file) against the `yaml` package: random
 * nested mappings written in several styles (plain, quoted, block scalars, comments, dotted keys,
 * sequences and flow collections passed over), every scalar path read as the package reads it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { yamlAssignmentsOf } from '../../../server/src/service/extract/yamlAssignments';
import { checkProperty } from '../../helpers/fuzz';

/** The scalar values of a parsed YAML mapping by flattened path (sequences and flow collections left out). */
function oraclePaths(node: Node | null | undefined, prefix: string, out: Map<string, string>): void {
  if (!isMap(node) || node.flow) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const value = pair.value as Node | null;
    if (isScalar(value) && typeof value.value === 'string') out.set(path, value.value);
    else if (isScalar(value) && value.value !== null && typeof value.value !== 'object') out.set(path, String(value.source ?? value.value));
    else oraclePaths(value, path, out);
  }
}

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
const key = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a}.${b}`));
const plainValue = fc.stringMatching(/^[a-z0-9/:@%{}$.?=&][a-z0-9/:@%{}$.?=& ]{0,20}[a-z0-9/:@%]$/).filter((v) => !/[:] |\s#|^[-?:,[\]{}#&*!|>'"%@`]|: |{|}/.test(v) && !/^(true|false|null|yes|no|on|off|~|[0-9.e+-]+)$/i.test(v));
const anyText = fc.string({ maxLength: 20 }).filter((v) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(v));

interface Entry {
  key: string;
  value: Value;
}
type Value = { plain: string } | { double: string } | { single: string } | { block: string } | { seq: string[] } | { flow: string[] } | { map: Entry[] };

const BLOCK = fc.stringMatching(/^[a-z][a-z :/@]{0,15}\n[a-z][a-z :/@]{0,15}$/);
const scalars: fc.Arbitrary<Value> = fc.oneof(
  { weight: 3, arbitrary: plainValue.map((plain) => ({ plain })) },
  { weight: 1, arbitrary: anyText.map((double) => ({ double })) },
  { weight: 1, arbitrary: anyText.map((single) => ({ single })) },
  { weight: 1, arbitrary: BLOCK.map((block) => ({ block })) },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 3 }).map((seq) => ({ seq })) },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 3 }).map((flow) => ({ flow })) },
);

/** Mappings nested at most `depth` deep. */
function entries(depth: number): fc.Arbitrary<Entry[]> {
  const value: fc.Arbitrary<Value> = depth > 1 ? fc.oneof({ weight: 3, arbitrary: scalars }, { weight: 1, arbitrary: entries(depth - 1).map((map) => ({ map })) }) : scalars;
  return fc.uniqueArray(fc.record({ key, value }), { selector: (e) => e.key, minLength: 1, maxLength: 4 });
}

function write(list: Entry[], indent: number, comments: boolean): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (const { key: k, value: v } of list) {
    const c = comments ? ' # note' : '';
    if ('plain' in v) out += `${pad}${k}: ${v.plain}${c}\n`;
    else if ('double' in v) out += `${pad}${k}: ${JSON.stringify(v.double)}${c}\n`;
    else if ('single' in v) out += `${pad}${k}: '${v.single.replace(/'/g, "''")}'${c}\n`;
    else if ('block' in v) out += `${pad}${k}: |-\n${v.block.split('\n').map((l) => `${pad}  ${l}`).join('\n')}\n`;
    else if ('seq' in v) out += `${pad}${k}:\n${v.seq.map((x) => `${pad}  - ${x}\n`).join('')}`;
    else if ('flow' in v) out += `${pad}${k}: [${v.flow.join(', ')}]\n`;
    else out += `${pad}${k}:${c}\n${write(v.map, indent + 2, comments)}`;
  }
  return out;
}

describe('yamlAssignmentsOf against the yaml package', () => {
  it('reads every scalar of block mappings under its flattened path, decoded as the package decodes it', () => {
    checkProperty(
      'yaml assignments',
      fc.property(entries(3), fc.boolean(), (list, comments) => {
        const text = write(list, 0, comments);
        const doc = parseDocument(text, { uniqueKeys: false });
        fc.pre(doc.errors.length === 0);
        const expected = new Map<string, string>();
        oraclePaths(doc.contents, '', expected);
        // Paths written twice through dotted keys (`a.b` and `a: {b}`): the last one wins in both.
        const got = yamlAssignmentsOf(text, expected.keys());
        assert.deepEqual(new Map([...got].map(([k, d]) => [k, d.text])), expected, text);
        // Every key path at once (a finder that looks up many): the same values, and no path the package does not read.
        const all = yamlAssignmentsOf(text);
        assert.deepEqual(all, got, text);
        for (const d of got.values()) {
          if (!d.offsets) assert.equal(text.slice(d.start, d.start + d.text.length), d.text);
        }
      }),
      300,
    );
  });

  it('Spring-style files: comments, documents, quoted keys, a block scalar whose lines look like keys', () => {
    const text = [
      '# defaults',
      'spring:',
      '  data:',
      '    mongodb:',
      '      host: db.internal   # the cluster',
      '      port: "27017"',
      '      "user name": \'it\'\'s\'',
      '  profiles.active: dev',
      'notes: |',
      '  mongo:',
      '    host: not-a-key',
      'list:',
      '  - mongo.host: in-a-list',
      '---',
      'mongo.user: later',
      '',
    ].join('\n');
    const got = yamlAssignmentsOf(text, ['spring.data.mongodb.host', 'spring.data.mongodb.port', 'spring.data.mongodb.user name', 'spring.profiles.active', 'notes.mongo.host', 'mongo.host', 'mongo.user']);
    assert.deepEqual(Object.fromEntries([...got].map(([k, d]) => [k, d.text])), {
      'spring.data.mongodb.host': 'db.internal',
      'spring.data.mongodb.port': '27017',
      'spring.data.mongodb.user name': "it's",
      'spring.profiles.active': 'dev',
      'mongo.user': 'later',
    });
    assert.equal(got.get('spring.data.mongodb.host')!.start, text.indexOf('db.internal'));
  });
});
