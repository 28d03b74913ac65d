/**
 * The compose reader against an independent YAML parser (the `yaml` package, merge keys on) on random
 * compose documents: services in every form (block and flow mappings, map and list environments,
 * commands as lists and as strings, ports short and long), scalars plain, single- and double-quoted,
 * comments, indentation widths, anchors and merge keys. Service names, images, environments, commands
 * and ports must be equal; the names' spans must read the names.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readComposeFile } from '../../../server/src/service/compose/composeFile';
import { checkProperty } from '../../helpers/fuzz';

// ------------------------------------------------------------------------------------------
// Rendering scalars (independent of the reader: YAML's own rules)

/** Plain in block and flow context: starts with a letter, no indicator that ends or changes a plain scalar. */
const PLAIN = /^[A-Za-z][A-Za-z0-9_./@+=-]*(?: [A-Za-z0-9_./@+=-]+)*$/;
const RESERVED = /^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL|y|n|yes|no|on|off)$/i;

type Style = 'plain' | 'single' | 'double';
function render(v: string, style: Style): string {
  if (style === 'plain' && PLAIN.test(v) && !RESERVED.test(v)) return v;
  if (style === 'single' && !/[\n\r]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

/** Shell quoting of one word for a command string (compose splits it back). */
function shellQuote(w: string): string {
  if (/^[A-Za-z0-9_./=:@-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'"'"'`)}'`;
}

/** An independent reading of a shell-quoted command string: words of unquoted, '…' and "…" runs. */
function shellSplit(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/(?:[^\s'"\\]+|'[^']*'|"(?:\\.|[^"\\])*"|\\.)+/g)) {
    out.push(m[0].replace(/'([^']*)'|"((?:\\.|[^"\\])*)"|\\(.)/g, (_, a, b, c) => a ?? (b !== undefined ? b.replace(/\\(.)/g, '$1') : c)));
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Generated services

const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'q', '0', '7', ' ', ':', '#', '"', "'", '\\', '$', '{', '}', '=', '/', '@', '-', ',', '[', 'é', '\n'), maxLength: 12 });
const plainish = fc.string({ unit: fc.constantFrom('a', 'b', 'm', 'o', 'g', '0', '1', '.', '/', '-', '_', '='), minLength: 1, maxLength: 8 }).map((s: string) => `v${s}`);
const value = fc.oneof(text, plainish);
const style = fc.constantFrom<Style>('plain', 'single', 'double');
const envName = fc.constantFrom('MONGODB_URI', 'A', 'B_2', 'MONGO_INITDB_ROOT_USERNAME', 'DEBUG', 'X');
const word = fc.oneof(fc.constantFrom('mongod', '--replSet', 'rs0', '--port', '27018', '--bind_ip_all', 'node', 'a b', "it's", ''), plainish);

interface Service {
  name: string;
  image?: [string, Style];
  env?: { form: 'map' | 'list' | 'flow'; entries: Array<[string, string | null, Style]> };
  command?: { form: 'list' | 'flow' | 'string'; words: string[]; style: Style };
  ports?: Array<{ form: 'short' | 'number' | 'long'; published?: number; target: number; ip?: boolean }>;
  merge?: boolean;
}

const service: fc.Arbitrary<Service> = fc.record(
  {
    name: fc.string({ unit: fc.constantFrom('a', 'p', 'i', 'm', 'o', '-', '_', '1'), minLength: 1, maxLength: 6 }).map((s: string) => `s${s}`),
    image: fc.tuple(fc.constantFrom('mongo', 'mongo:7', 'docker.io/bitnami/mongodb:7.0', 'node:20-alpine', 'registry.local:5000/app@sha256:abc'), style),
    env: fc.record({
      form: fc.constantFrom('map', 'list', 'flow'),
      entries: fc.uniqueArray(fc.tuple(envName, fc.option(value, { nil: null }), style), { selector: (e) => e[0], maxLength: 4 }),
    }),
    command: fc.record({ form: fc.constantFrom('list', 'flow', 'string'), words: fc.array(word, { minLength: 1, maxLength: 5 }), style }),
    ports: fc.array(
      fc.record({ form: fc.constantFrom('short', 'number', 'long'), published: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), target: fc.integer({ min: 1, max: 65535 }), ip: fc.boolean() }),
      { maxLength: 3 },
    ),
    merge: fc.boolean(),
  },
  { requiredKeys: ['name'] },
);

const documentShape = fc.record({
  services: fc.uniqueArray(service, { selector: (s) => s.name, minLength: 1, maxLength: 4 }),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  comments: fc.boolean(),
  anchor: fc.boolean(),
});

function renderDocument(d: { services: Service[]; indent: number; indentSeq: boolean; comments: boolean; anchor: boolean }): string {
  const ind = (n: number) => ' '.repeat(n * d.indent);
  const seq = (n: number) => (d.indentSeq ? ind(n + 1) : ind(n));
  const comment = (s: string) => (d.comments ? `${s} # note: x` : s);
  const lines: string[] = [];
  if (d.comments) lines.push('# generated compose file', '');
  if (d.anchor) lines.push('x-common: &common', `${ind(1)}restart: always`, `${ind(1)}environment:`, `${ind(2)}SHARED: "yes"`, `${ind(2)}A: from-anchor`, '');
  lines.push('services:');
  for (const s of d.services) {
    lines.push(`${ind(1)}${s.name}:`);
    if (d.comments) lines.push(`${ind(2)}# the ${s.name} service`);
    if (d.anchor && s.merge) lines.push(`${ind(2)}<<: *common`);
    if (s.image) lines.push(comment(`${ind(2)}image: ${render(...s.image)}`));
    if (s.env) {
      const { form, entries } = s.env;
      if (form === 'flow') {
        const items = entries.map(([k, v, st]) => `${k}: ${v === null ? 'null' : render(v, st === 'plain' ? 'double' : st)}`);
        lines.push(`${ind(2)}environment: {${items.join(', ')}}`);
      } else if (form === 'map') {
        lines.push(`${ind(2)}environment:`);
        for (const [k, v, st] of entries) lines.push(v === null ? `${ind(3)}${k}:` : comment(`${ind(3)}${k}: ${render(v, st)}`));
      } else {
        lines.push(`${ind(2)}environment:`);
        for (const [k, v, st] of entries) lines.push(`${seq(2)}- ${render(v === null ? k : `${k}=${v}`, st)}`);
      }
    }
    if (s.command) {
      const { form, words, style: st } = s.command;
      if (form === 'string') lines.push(`${ind(2)}command: ${JSON.stringify(words.map(shellQuote).join(' '))}`);
      else if (form === 'flow') lines.push(comment(`${ind(2)}command: [${words.map((w) => render(w, st === 'plain' ? 'single' : st)).join(', ')}]`));
      else {
        lines.push(`${ind(2)}command:`);
        for (const w of words) lines.push(`${seq(2)}- ${render(w, st)}`);
      }
    }
    if (s.ports && s.ports.length > 0) {
      lines.push(`${ind(2)}ports:`);
      for (const p of s.ports) {
        if (p.form === 'long') {
          lines.push(`${seq(2)}- target: ${p.target}`);
          if (p.published !== undefined) lines.push(`${seq(2)}  published: "${p.published}"`);
        } else if (p.form === 'number' || p.published === undefined) lines.push(`${seq(2)}- ${p.form === 'number' ? p.target : `"${p.target}"`}`);
        else lines.push(comment(`${seq(2)}- "${p.ip ? '127.0.0.1:' : ''}${p.published}:${p.target}/tcp"`));
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** What the oracle says of a service, in the model's terms. */
function expected(obj: Record<string, unknown> | null) {
  const s = (obj ?? {}) as Record<string, unknown>;
  const env = s.environment;
  const environment: Record<string, string | null> = {};
  if (Array.isArray(env)) for (const item of env) {
    const t = String(item);
    const eq = t.indexOf('=');
    environment[eq < 0 ? t : t.slice(0, eq)] = eq < 0 ? null : t.slice(eq + 1);
  } else if (env && typeof env === 'object') for (const [k, v] of Object.entries(env)) environment[k] = v === null ? null : String(v);
  const command = typeof s.command === 'string' ? shellSplit(s.command) : Array.isArray(s.command) ? s.command.map(String) : undefined;
  const ports = Array.isArray(s.ports)
    ? s.ports.map((p) => {
        if (p && typeof p === 'object') return { published: (p as { published?: unknown }).published === undefined ? undefined : String((p as { published: unknown }).published), target: String((p as { target: unknown }).target) };
        const m = /^(?:\d+\.\d+\.\d+\.\d+:)?(?:(\d+):)?(\d+)(?:\/\w+)?$/.exec(String(p))!;
        return { published: m[1], target: m[2]! };
      })
    : [];
  return { image: s.image === undefined ? undefined : String(s.image), environment, command, ports };
}

describe('readComposeFile against the yaml package', () => {
  it('service names, images, environments, commands and ports are equal on generated compose files', () => {
    checkProperty(
      'compose file vs yaml',
      fc.property(documentShape, (d) => {
        const text = renderDocument(d);
        const oracle = parse(text, { merge: true }) as { services: Record<string, Record<string, unknown> | null> };
        const file = readComposeFile(text);
        assert.deepEqual(file.services.map((s) => s.name), Object.keys(oracle.services), text);
        for (const s of file.services) {
          const want = expected(oracle.services[s.name]!);
          assert.equal(text.slice(s.nameSpan.start, s.nameSpan.end), s.name);
          assert.equal(s.image?.value, want.image, text);
          assert.deepEqual(Object.fromEntries(s.environment.map((e) => [e.name.value, e.value?.value ?? null])), want.environment, text);
          for (const e of s.environment) assert.equal(text.slice(e.name.span.start, e.name.span.end), e.name.value, text);
          assert.deepEqual(s.command?.map((w) => w.value), want.command, text);
          assert.deepEqual(s.ports.map((p) => ({ published: p.published, target: p.target })), want.ports, text);
        }
      }),
      150,
    );
  });
});
