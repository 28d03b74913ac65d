/** Random YAML-ish documents for the property tests of the YAML extractor. */
import fc from 'fast-check';
import { documentText } from './arbitraries';

const INDENTS = ['', '', ' ', '  ', '  ', '    ', '    ', '      ', '        ', '\t', '   '];
const ITEMS = ['', '', '', '- ', '- ', '-  ', '- - ', '-\t', '-'];
const KEYS = [
  'MONGODB_URI', 'MONGO_URL', 'mongo', 'mongodb', 'uri', 'url', 'database', 'db', 'collection', 'name', 'value', 'env', 'environment',
  'spring', 'data', 'ConnectionStrings', 'Mongo', 'DATABASE_URL', 'atlas', 'clusterName', 'projectName', 'image', 'ports', 'labels',
  'command', 'args', 'a.b.mongodb.uri', 'Mongo:Uri', 'Mongo__Uri', '"MONGO_URI"', "'uri'", '"a\\"b"', 'x y', 'key', 'services', 'api',
  '? k', '{{ .Values.key }}', 'k#c', 'very_long_key_name_without_meaning', 'MongoDBName', 'mongoUri', 'DB_NAME', '',
];
const SEPARATORS = [': ', ': ', ':', ':\t', ' : ', ':  ', '=', ': &a ', ': !!str ', ': !Ref ', ': &a !t '];
const VALUES = [
  '', '', 'mongodb://u:p@h:27017/db?w=1', 'mongodb+srv://c.abc.mongodb.net/app', 'mongo:27017', 'localhost:27017', 'shop', 'shop_1',
  '"mongodb://a@h/db"', "'mongodb://h/db'", '"a\\u0040b\\n\\x40"', "'it''s'", '"unterminated', "'unterminated", '"multi\n  line"',
  '[a, b, "mongodb://h/db"]', '{ uri: mongodb://h/db, database: shop }', '{ "k": "v", k2: [x, y] }', '[', '{', '{{ .Values.uri }}',
  '|', '|-', '>', '>+', '|2', '> # c', '*alias', '&anchor value', '!!str mongodb://h', 'null', '~', 'true', 'no', 'On', '1.5e3', '-1',
  '0x10', '+12', 'MONGO_URL=mongodb://h/db', '--mongo-uri=mongodb://h', 'A=$(B)', '$(HOST):27017', '$$(X)', '${MONGO_URI:-mongodb://h/db}',
  '${X}', 'text mongodb://h/db more', 'mongosh "mongodb://localhost/admin" --eval x', 'a # comment mongodb://h', 'a #b', '# mongodb://h/x',
  '[a, [b, {c: d}], e] # c', '{a: {b: mongodb://h}}', 'v: w', 'a: b: c', '- x', 'mongodb://', 'mongodb+srv://', 'MONGODB://H/D',
  '"mongodb://h/\\\n  db"', '"\\U0001F600"', '"\\xZZ"', '"\\', 'é€\u{1F600}', '\uD800', '[a,\n  b]', '{a: b,\n c: mongodb://h}',
];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\n\n', ' # c\n', ' #mongodb://h/x\n', '\r', ''];
const SPECIAL_LINES = ['---\n', '--- # mongodb://h/doc\n', '...\n', '%YAML 1.2\n', '{{- if .Values.x }}\n', '{{- end }}\n', '# comment\n', '\n', '   \n'];

const line: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...ITEMS), fc.constantFrom(...KEYS), fc.constantFrom(...SEPARATORS), fc.constantFrom(...VALUES), fc.constantFrom(...LINE_ENDS))
      .map(([i, item, k, s, v, e]) => `${i}${item}${k}${s}${v}${e}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...ITEMS), fc.constantFrom(...VALUES), fc.constantFrom(...LINE_ENDS))
      .map(([i, item, v, e]) => `${i}${item}${v}${e}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_LINES) },
);

/** YAML-ish documents: keys that matter and not, items, every kind of scalar, flow collections, markers, broken input. */
export const yamlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(line, { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: documentText },
);


/*
 * Well-formed YAML streams, built from a tree of nodes: block mappings and sequences nested by
 * indentation, compose `environment:` lists (`- KEY=value`), Kubernetes `env:` lists (`- name:` /
 * `value:`), flow collections, and scalars written plain, single-quoted, double-quoted (with escapes,
 * folded and escaped line breaks), as literal or folded block scalars, or plain over several lines;
 * comments, anchors and tags, several documents, CRLF line ends. A value that a style cannot hold is
 * written double-quoted. Nearly all of them are valid YAML (the differential tests count those that are not).
 */

/** Connection strings, some with characters that need escapes or quotes. */
const CONNECTION_STRINGS = [
  'mongodb://u:p@h:27017/db?w=1', 'mongodb+srv://user:pw@c.abc.mongodb.net/app?retryWrites=true', 'mongodb://h1:27017,h2:27018/db?replicaSet=rs0',
  'mongodb://user:p%40ss@h/db', 'MONGODB://H:1/D', 'mongodb://$(MONGO_HOST):27017/db', 'mongodb://${HOST:-localhost}:27017', 'mongodb://a:70000/db',
  'mongodb://h/db?appName="x y"', "mongodb://it's@h/db", 'mongodb://é.h/€', 'mongodb://h/\u{1F600}', 'mongodb://h/db#frag', 'mongodb://h:1/db\\x',
  'mongodb://h/db # not a comment', 'mongodb://h/db\ttab', 'mongodb+srv://c.x.net', 'mongodb://u:@h/@db',
];

/** Other values: names, hosts, placeholders, text that mentions connection strings, several lines. */
const OTHER_STRINGS = [
  'shop', 'orders', 'localhost:27017', 'mongo:27017', 'info', '3000', 'true', '', '${MONGO_URI:-mongodb://h/db}', '${X}', '$(MONGO_URI)',
  'mongosh "mongodb://localhost/admin" --eval x', 'see mongodb://a:1/b, mongodb+srv://c/d', 'line one\nmongodb://h/two', 'a\tb', 'it said "hi"',
  'node server.js --port 3000', 'first\n\nmongodb://h/after-empty-line\n', ' leading', 'trailing ', 'a: b', 'x #y', 'C:\\path\\to',
];

const BLOCK_KEYS = [
  'MONGODB_URI', 'MONGO_URL', 'uri', 'url', 'database', 'db', 'collection', 'name', 'value', 'env', 'environment', 'services', 'api', 'worker',
  'spring', 'data', 'mongodb', 'ConnectionStrings', 'Mongo', 'DATABASE_URL', 'clusterName', 'projectName', 'image', 'command', 'args',
  'healthcheck', 'test', 'labels', 'a.b', 'Mongo:Uri', 'Mongo__Uri', 'x y', 'k#c', 'app.mongo.uri', 'connectionString', 'MONGO_DB', "mongo's",
];
const ENV_NAMES = ['MONGODB_URI', 'MONGO_URL', 'DB_NAME', 'MONGO_COLLECTION', 'LOG_LEVEL', 'PORT', 'DATABASE_URL', 'ATLAS_CLUSTER_NAME'];
const COMMENTS = ['# c', '# mongodb://h/comment', '#see mongodb+srv://c.x.net/db', '# key: value'];
const PROPERTIES = ['', '', '', '', '&a1 ', '!!str ', '!Ref ', '&a2 !!str ', '!Sub '];

type ScalarStyle = 'plain' | 'plainFolded' | 'single' | 'double' | 'literal' | 'folded';

interface ScalarNode {
  kind: 'scalar';
  value: string;
  style: ScalarStyle;
  /** Small random numbers the renderer picks from (escapes, folds, chomping). */
  choices: number[];
  props: string;
  comment: string;
}
interface MapNode {
  kind: 'map';
  entries: Array<{ key: string; keyStyle: number; value: YamlNode; comment: string }>;
}
interface SeqNode {
  kind: 'seq';
  items: YamlNode[];
  /** `key:\n- item` (the items at the key's indentation) rather than indented. */
  sameIndent: boolean;
}
type FlowNode =
  | { kind: 'fscalar'; value: string; style: 'plain' | 'single' | 'double'; choices: number[] }
  | { kind: 'fseq'; items: FlowNode[] }
  | { kind: 'fmap'; entries: Array<[string, FlowNode]> };
interface FlowRoot {
  kind: 'flow';
  node: FlowNode;
  multiline: boolean;
}
type YamlNode = ScalarNode | MapNode | SeqNode | FlowRoot | { kind: 'null' };

function pick(choices: readonly number[], i: number, n: number): number {
  const len = choices.length;
  return len === 0 ? 0 : (choices[i % len] + 37 * Math.floor(i / len)) % n;
}

const spaces = (n: number): string => ' '.repeat(n);

/** True when a value can be written as a plain scalar (on one line). */
function plainOk(v: string, inFlow: boolean): boolean {
  if (v === '' || /^\s|\s$|[\n\r\t]|[\u0000-\u001f\u007f]/.test(v)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]|^(?:---|\.\.\.)/.test(v)) return false;
  if (/: |:$| #/.test(v)) return false;
  return !inFlow || !/[,[\]{}]/.test(v);
}

function hex(cp: number, digits: number): string {
  return cp.toString(16).toUpperCase().padStart(digits, '0');
}

/** A double-quoted scalar: escapes here and there, and (unless `cont` is undefined) folded and escaped line breaks. */
function doubleQuoted(v: string, choices: readonly number[], cont: string | undefined): string {
  const chars = Array.from(v);
  let out = '"';
  chars.forEach((ch, i) => {
    const r = pick(choices, i, 24);
    const cp = ch.codePointAt(0) as number;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += r < 12 ? '\\t' : '\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp > 0xffff) out += r < 12 ? `\\U${hex(cp, 8)}` : ch;
    else if (cp >= 0x80) out += r < 8 ? `\\u${hex(cp, 4)}` : ch;
    else if (ch === '@' && r < 10) out += r < 5 ? '\\u0040' : '\\x40';
    else if (ch === '/' && r < 4) out += '\\/';
    else if (ch === ' ' && r < 3) out += '\\ ';
    else if (ch === ' ' && cont !== undefined && r < 7 && prev !== undefined && next !== undefined && !/\s/.test(prev) && !/\s/.test(next)) {
      out += `\n${cont}`;
    } else if (cont !== undefined && r === 23 && !/\s/.test(ch)) out += `\\\n${cont}${ch}`;
    else if (/[a-z]/i.test(ch) && r === 22) out += `\\x${hex(cp, 2)}`;
    else out += ch;
  });
  return out + '"';
}

/** A single-quoted scalar, folded at some single spaces; undefined when the value cannot be one. */
function singleQuoted(v: string, choices: readonly number[], cont: string | undefined): string | undefined {
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(v) && (cont === undefined || /[ \t]\n|\n[ \t]|\r|[\u0000-\u0008\u000b-\u001f]/.test(v))) return undefined;
  let out = "'";
  const chars = Array.from(v);
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (ch === "'") out += "''";
    else if (ch === '\n') out += `\n\n${cont}`;
    else if (ch === ' ' && cont !== undefined && pick(choices, i, 5) === 0 && prev !== undefined && next !== undefined && !/\s/.test(prev) && !/\s/.test(next)) {
      out += `\n${cont}`;
    } else out += ch;
  });
  return out + "'";
}

/** A plain scalar over several lines (folded at some spaces before a letter); undefined when the value cannot be one. */
function plainFolded(v: string, choices: readonly number[], cont: string): string | undefined {
  if (!plainOk(v, false)) return undefined;
  let folds = 0;
  const out = v.replace(/ (?=[A-Za-z0-9])/g, (m, at: number) => {
    if (pick(choices, at, 2) !== 0 || v[at - 1] === ' ') return m;
    folds++;
    return `\n${cont}`;
  });
  return folds > 0 ? out : v;
}

/** A literal or folded block scalar (header, comment, content lines); undefined when the value cannot be one. */
function blockScalar(v: string, folded: boolean, choices: readonly number[], n: number, step: number, comment: string, explicitOk: boolean): string | undefined {
  if (/[\r\u0000-\u0008\u000b-\u001f\u007f]/.test(v)) return undefined;
  const lines = v.split('\n');
  const firstContent = lines.find((l) => l !== '');
  const leadingBlank = firstContent !== undefined && /^[ \t]/.test(firstContent);
  if (lines.some((l) => /^\t/.test(l))) return undefined;
  if (folded && lines.some((l) => /^ /.test(l))) return undefined;
  const chomp = ['', '', '-', '+'][pick(choices, 0, 4)];
  let indicator = '';
  if (leadingBlank || pick(choices, 1, 5) === 0) {
    if (!explicitOk) return undefined;
    indicator = String(step);
  }
  const indent = spaces(n + step);
  const body: string[] = [];
  lines.forEach((line, i) => {
    if (folded && i > 0) body.push(''); // a line break in folded content is an empty line
    if (line === '') {
      if (!folded) body.push('');
      return;
    }
    // Folded content: some spaces become line breaks (before a letter, after a non-blank).
    const text = folded ? line.replace(/(?<=\S) (?=[A-Za-z0-9])/g, (m, at: number) => (pick(choices, at + 2, 3) === 0 ? `\n${indent}` : m)) : line;
    body.push(indent + text);
  });
  if (body.length > 0 && body[body.length - 1] === '' && chomp !== '+') body.pop();
  const header = (folded ? '>' : '|') + (pick(choices, 2, 2) === 0 ? chomp + indicator : indicator + chomp);
  return `${header}${comment ? ` ${comment}` : ''}${body.map((l) => `\n${l}`).join('')}`;
}

/** A scalar after `key: ` or `- ` in block context, at indentation n; comment included. */
function blockScalarText(s: ScalarNode, n: number, step: number, explicitOk: boolean): string {
  const cont = spaces(n + step);
  const comment = s.comment ? ` ${s.comment}` : '';
  let text: string | undefined;
  switch (s.style) {
    case 'literal':
    case 'folded': {
      const b = blockScalar(s.value, s.style === 'folded', s.choices, n, step, s.comment, explicitOk);
      if (b !== undefined) return s.props + b;
      break;
    }
    case 'plain':
      if (s.value === '') return s.props.trimEnd() + comment;
      if (plainOk(s.value, false)) text = s.value;
      break;
    case 'plainFolded':
      text = plainFolded(s.value, s.choices, cont);
      break;
    case 'single':
      text = singleQuoted(s.value, s.choices, cont);
      break;
  }
  return s.props + (text ?? doubleQuoted(s.value, s.choices, cont)) + comment;
}

function renderKey(key: string, style: number): string {
  if (style === 1) return `"${key.replace(/_/g, (m, at: number) => (at % 2 === 0 ? '\\u005f' : m))}"`;
  if (style === 2) return `'${key.replace(/'/g, "''")}'`;
  return key;
}

function renderFlow(f: FlowNode, n: number, step: number, multiline: boolean): string {
  const sep = multiline ? `,\n${spaces(n + step)}` : ', ';
  switch (f.kind) {
    case 'fseq':
      return `[${f.items.map((x) => renderFlow(x, n, step, multiline)).join(sep)}]`;
    case 'fmap':
      return `{${f.entries.map(([k, v]) => `${k}: ${renderFlow(v, n, step, multiline)}`).join(sep)}}`;
    default: {
      const cont = multiline ? spaces(n + step) : undefined;
      if (f.style === 'plain' && plainOk(f.value, true)) return f.value;
      if (f.style === 'single') {
        const s = singleQuoted(f.value, f.choices, cont);
        if (s !== undefined && !(cont === undefined && f.value.includes('\n'))) return s;
      }
      return doubleQuoted(f.value, f.choices, cont);
    }
  }
}

function renderMap(m: MapNode, n: number, step: number): string[] {
  const lines: string[] = [];
  m.entries.forEach((e, idx) => {
    if (e.comment && idx > 0) lines.push(spaces(n) + e.comment);
    const head = spaces(n) + renderKey(e.key, e.keyStyle) + ':';
    const v = e.value;
    switch (v.kind) {
      case 'scalar':
        lines.push(`${head} ${blockScalarText(v, n, step, true)}`);
        break;
      case 'null':
        lines.push(head);
        break;
      case 'map':
        lines.push(head, ...renderMap(v, n + step, step));
        break;
      case 'seq':
        lines.push(head, ...renderSeq(v, v.sameIndent ? n : n + step, step));
        break;
      case 'flow':
        lines.push(`${head} ${renderFlow(v.node, n, step, v.multiline)}`);
        break;
    }
  });
  return lines;
}

/** Puts `- ` in front of the first line of a collection rendered at n + 2. */
function asItem(lines: string[], n: number): string[] {
  lines[0] = `${spaces(n)}- ${lines[0].slice(n + 2)}`;
  return lines;
}

function renderSeq(s: SeqNode, n: number, step: number): string[] {
  const lines: string[] = [];
  for (const item of s.items) {
    switch (item.kind) {
      case 'scalar':
        lines.push(`${spaces(n)}- ${blockScalarText(item, n, step, false)}`);
        break;
      case 'null':
        lines.push(`${spaces(n)}-`);
        break;
      case 'map':
        lines.push(...asItem(renderMap(item, n + 2, step), n));
        break;
      case 'seq':
        lines.push(...asItem(renderSeq({ ...item, sameIndent: false }, n + 2, step), n));
        break;
      case 'flow':
        lines.push(`${spaces(n)}- ${renderFlow(item.node, n, step, item.multiline)}`);
        break;
    }
  }
  return lines;
}

const choices = fc.array(fc.nat(99), { minLength: 8, maxLength: 24 });
const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONNECTION_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...OTHER_STRINGS) },
  { weight: 1, arbitrary: fc.constant('') },
);
const scalarStyle = fc.constantFrom<ScalarStyle>('plain', 'plain', 'plain', 'plainFolded', 'single', 'single', 'double', 'double', 'double', 'literal', 'folded');
const trailingComment = fc.constantFrom('', '', '', '', ...COMMENTS);

const scalarNode: fc.Arbitrary<ScalarNode> = fc
  .record({ value: anyString, style: scalarStyle, choices, props: fc.constantFrom(...PROPERTIES), comment: trailingComment })
  .map((r) => ({ kind: 'scalar', ...r }));

/** A compose `environment:` list: `- KEY=value` items, plain or quoted. */
const composeEnv: fc.Arbitrary<SeqNode> = fc
  .array(fc.tuple(fc.constantFrom(...ENV_NAMES), anyString, fc.constantFrom<ScalarStyle>('plain', 'plain', 'single', 'double'), choices, trailingComment), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((items) =>
    fc.boolean().map((sameIndent) => ({
      kind: 'seq' as const,
      sameIndent,
      items: items.map(([name, value, style, c, comment]): ScalarNode => ({ kind: 'scalar', value: `${name}=${value}`, style, choices: c, props: '', comment })),
    })),
  );

/** A Kubernetes `env:` list: `- name: NAME` / `value: …` entries. */
const kubernetesEnv: fc.Arbitrary<SeqNode> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...ENV_NAMES), scalarNode), { minLength: 1, maxLength: 3, selector: ([name]) => name })
  .map((items) => ({
    kind: 'seq',
    sameIndent: false,
    items: items.map(
      ([name, value]): MapNode => ({
        kind: 'map',
        entries: [
          { key: 'name', keyStyle: 0, value: { kind: 'scalar', value: name, style: 'plain', choices: [0], props: '', comment: '' }, comment: '' },
          { key: 'value', keyStyle: 0, value, comment: '' },
        ],
      }),
    ),
  }));

const flowKey = fc.constantFrom('uri', 'url', 'database', 'name', 'a', 'MONGO_URL', 'x y', 'k-1');
const { flowNode } = fc.letrec<{ flowNode: FlowNode }>((tie) => ({
  flowNode: fc.oneof(
    { depthIdentifier: 'yaml-flow', maxDepth: 2 },
    {
      weight: 4,
      arbitrary: fc
        .record({ value: anyString, style: fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'plain', 'single', 'double'), choices })
        .map((r): FlowNode => ({ kind: 'fscalar', ...r })),
    },
    { weight: 1, arbitrary: fc.array(tie('flowNode'), { maxLength: 4 }).map((items): FlowNode => ({ kind: 'fseq', items })) },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.tuple(flowKey, tie('flowNode')), { maxLength: 4, selector: ([k]) => k })
        .map((entries): FlowNode => ({ kind: 'fmap', entries })),
    },
  ),
}));
const flowCollection: fc.Arbitrary<FlowRoot> = fc
  .tuple(fc.boolean(), fc.array(flowNode, { maxLength: 4 }), fc.uniqueArray(fc.tuple(flowKey, flowNode), { maxLength: 4, selector: ([k]) => k }), fc.nat(4))
  .map(([isSeq, items, entries, m]) => ({ kind: 'flow', node: isSeq ? { kind: 'fseq', items } : { kind: 'fmap', entries }, multiline: m === 0 }));

const { yamlMap, yamlSeq } = fc.letrec<{ yamlNode: YamlNode; yamlMap: MapNode; yamlSeq: SeqNode }>((tie) => ({
  yamlNode: fc.oneof(
    { depthIdentifier: 'yaml-block', maxDepth: 4 },
    { weight: 8, arbitrary: scalarNode },
    { weight: 1, arbitrary: fc.constant({ kind: 'null' as const }) },
    { weight: 3, arbitrary: tie('yamlMap') },
    { weight: 1, arbitrary: tie('yamlSeq') },
    { weight: 1, arbitrary: flowCollection },
    { weight: 1, arbitrary: composeEnv },
    { weight: 1, arbitrary: kubernetesEnv },
  ),
  yamlMap: fc
    .uniqueArray(
      fc.record({
        key: fc.constantFrom(...BLOCK_KEYS),
        keyStyle: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2),
        value: tie('yamlNode'),
        comment: fc.constantFrom('', '', '', ...COMMENTS),
      }),
      { minLength: 1, maxLength: 5, selector: (e) => e.key },
    )
    .map((entries): MapNode => ({ kind: 'map', entries })),
  yamlSeq: fc
    .record({ items: fc.array(tie('yamlNode'), { minLength: 1, maxLength: 4 }), sameIndent: fc.boolean() })
    .map((r): SeqNode => ({ kind: 'seq', ...r })),
}));

const yamlDocument = fc.record({
  root: fc.oneof({ weight: 6, arbitrary: yamlMap }, { weight: 1, arbitrary: yamlSeq }, { weight: 1, arbitrary: composeEnv }, { weight: 1, arbitrary: kubernetesEnv }),
  step: fc.constantFrom(2, 2, 2, 4, 1, 3),
  start: fc.constantFrom('', '', '', '---\n', '--- # mongodb://h/doc\n', '# top comment\n'),
  end: fc.constantFrom('', '', '', '...\n', '# end mongodb://h/end\n'),
});

/** Well-formed YAML streams of one to three documents (see above). */
export const yamlStream: fc.Arbitrary<string> = fc
  .record({
    docs: fc.array(yamlDocument, { minLength: 1, maxLength: 3 }),
    directive: fc.constantFrom<string>('', '', '', '', '%YAML 1.2\n'),
    crlf: fc.nat(4).map((n) => n === 0),
    finalNewline: fc.nat(5).map((n) => n > 0),
  })
  .map(({ docs, directive, crlf, finalNewline }) => {
    let out = directive;
    docs.forEach((d, i) => {
      const lines = d.root.kind === 'map' ? renderMap(d.root, 0, d.step) : renderSeq(d.root, 0, d.step);
      const start = i > 0 || directive !== '' ? (d.start.startsWith('---') ? d.start : `---\n${d.start}`) : d.start;
      out += start + lines.join('\n') + '\n' + d.end;
    });
    if (!finalNewline) out = out.replace(/\n$/, '');
    return crlf ? out.replace(/\n/g, '\r\n') : out;
  });
