/**
 * Connection strings of a docker-compose file checked against what the file says about its services:
 * a client container that dials localhost for a database in another container, a host name no service
 * of the file answers to, a port the MongoDB service does not listen on (often the one it publishes on
 * the host machine), a replica set name its server is not started with, and the root user of the image
 * authenticated against another database than admin. A connection string belongs to the services whose
 * block holds it (or that take in, through an alias, the anchored block that holds it); it is read as
 * compose interpolates it with the `.env` beside the file, and a variable neither defines stays a
 * placeholder, about which nothing is said.
 */
import { LineIndex } from '../lex/lines';
import type { DocumentAnalysis, EmbeddedValue, FixData, Problem, Settings, SourceCode, Span, ValueRecord } from '../api';
import { replicasPoolProblems } from './composePool';
import { DEFAULT_PORT } from '../data/connectionString';
import { toDocumentOffset } from '../extract/offsets';
import { problemOf, type RuleId } from '../rules/ruleTable';
import { uriParseOf } from '../rules/validation';
import { closest } from '../uri/didYouMean';
import { parseConnectionString } from '../uri/parser';
import type { HostPart, ParsedUri } from '../uri/types';
import { composeFileOf, type ComposeFile, type ComposeService, type Located } from './composeFile';
import { siblingUri } from './files';
import { hasReferences, interpolate, type Interpolation, type VariableDefinition } from './interpolate';
import { DefinitionFinder, dotenvFinder } from './variables';
import { message } from '../data/l10n';

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

/** The repositories of MongoDB server images (without registry, tag or digest). */
const SERVER_IMAGES = new Set(['mongo', 'mongodb/mongodb-community-server', 'mongodb/mongodb-enterprise-server', 'bitnami/mongodb', 'percona/percona-server-mongodb']);
const LOCAL = new Set(['localhost', '127.0.0.1', '::1']);

/** The repository of an image reference: `docker.io/library/mongo:7@sha256:…` is `mongo`. */
export function imageRepository(image: string): string {
  let s = image.toLowerCase();
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const colon = s.lastIndexOf(':');
  if (colon > s.lastIndexOf('/')) s = s.slice(0, colon);
  const parts = s.split('/');
  // A first component with a dot, a port or `localhost` is a registry.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  if (parts.length === 2 && parts[0] === 'library') parts.shift();
  return parts.join('/');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A MongoDB server of the file: its service and how it is started. */
interface Server {
  service: ComposeService;
  /** The port it listens on; undefined when the file does not tell (a config file, a variable). */
  port: number | undefined;
  /** Where a port other than the default is set. */
  portAt?: Located;
  /** The replica set it runs (absent: standalone), and whether the file tells. */
  replSet?: Located;
  replSetKnown: boolean;
  /** What starts the replica set (runs `--replSet rs0`, runs `MONGODB_REPLICA_SET_NAME=rs0`). */
  replSetFact: string;
  /** The root user the image creates in the admin database, and what sets it. */
  root?: { user: string; composed: string; at: Located; by: string };
}


/** The MongoDB server a service runs, or undefined when it runs none (`compose` fills in variables). */
function serverOf(s: ComposeService, compose: (text: string) => string): Server | undefined {
  const args = [...(s.entrypoint ?? []), ...(s.command ?? [])].map((w) => ({ value: compose(w.value), span: w.span }));
  // The program: mongod; an option, for the image's entrypoint, which runs mongod; or another one (mongosh, a shell script).
  const program = args[0] && basename(args[0].value);
  const runs = program === 'mongod' ? true : program && !program.startsWith('-') && program !== 'docker-entrypoint.sh' ? false : undefined;
  const repository = s.image ? imageRepository(compose(s.image.value)) : '';
  if (!(runs ?? SERVER_IMAGES.has(repository))) return undefined;
  const bitnami = repository === 'bitnami/mongodb';
  const option = (name: string): Located | undefined => {
    for (let k = 0; k < args.length; k++) {
      const w = args[k]!;
      if (w.value === name) return args[k + 1];
      if (w.value.startsWith(`${name}=`)) return { value: w.value.slice(name.length + 1), span: w.span };
    }
    return undefined;
  };
  const env = (name: string) => s.environment.find((e) => e.name.value === name);
  const envValue = (name: string): Located | undefined => {
    const v = env(name)?.value;
    return v && { value: compose(v.value), span: v.span };
  };
  // A configuration file or an env_file may set what the command line does not show.
  const config = args.some((w) => w.value === '-f' || w.value === '--config' || w.value.startsWith('--config='));
  const hidden = config || (bitnami && s.envFiles.length > 0);
  const portAt = option('--port') ?? (bitnami ? envValue('MONGODB_PORT_NUMBER') : undefined);
  const replSet = option('--replSet') ?? (bitnami ? envValue('MONGODB_REPLICA_SET_NAME') : undefined);
  const server: Server = {
    service: s,
    port: portAt ? (/^\d{1,5}$/.test(portAt.value) ? Number(portAt.value) : undefined) : hidden ? undefined : DEFAULT_PORT,
    replSetKnown: !(replSet ? replSet.value.includes('$') : hidden),
    replSetFact: replSet ? message('compose.runs', { command: `${bitnami && !option('--replSet') ? 'MONGODB_REPLICA_SET_NAME=' : '--replSet '}${replSet.value}` }) : '',
  };
  if (portAt) server.portAt = portAt;
  if (replSet) server.replSet = replSet;
  const rootName = bitnami ? 'MONGODB_ROOT_USER' : 'MONGO_INITDB_ROOT_USERNAME';
  const root = env(rootName);
  const password = env('MONGODB_ROOT_PASSWORD');
  if (root?.value) server.root = { user: root.value.value, composed: compose(root.value.value), at: root.value, by: rootName };
  else if (bitnami && !root && password) server.root = { user: 'root', composed: 'root', at: password.name, by: 'MONGODB_ROOT_PASSWORD' };
  return server;
}

/** A connection string as the rules read it: its parse, and the way back to the value's own text. */
interface Reading {
  text: string;
  parsed: ParsedUri;
  r?: Interpolation;
}

/**
 * The span in the value's text of a span of the string read: `literal` when it is written there as it
 * reads (else the span of the reference that brought it in).
 */
function inValue(reading: Reading, span: Span): { span: Span; literal: boolean } {
  const r = reading.r;
  if (!r) return { span, literal: true };
  const parts = r.parts.filter((p) => p.start < Math.max(span.end, span.start + 1) && p.end > span.start);
  const first = parts[0] ?? r.parts[r.parts.length - 1];
  if (!first) return { span, literal: true };
  if (first.origin.kind !== 'text' || first.via.length > 0) {
    const ref = first.via[0];
    return { span: ref ? ref.span : { start: 0, end: 0 }, literal: false };
  }
  const last = parts[parts.length - 1] ?? first;
  const start = first.origin.start + Math.max(0, span.start - first.start);
  const literal = parts.every((p) => p.origin.kind === 'text' && p.via.length === 0 && p.origin.end - p.origin.start === p.end - p.start);
  const end = last.origin.kind === 'text' && last.via.length === 0 ? last.origin.start + Math.min(span.end, last.end) - last.start : start;
  return { span: { start, end: Math.max(start, end) }, literal };
}

export function analyzeComposeFacts(code: SourceCode, values: readonly EmbeddedValue[], settings: Settings, records: readonly ValueRecord[]): DocumentAnalysis {
  if (code.languageId !== 'dockercompose' || !values.some((v) => v.kind === 'uri' && !v.comment)) return EMPTY;
  const file = composeFileOf(code);
  if (file.services.length === 0) return EMPTY;
  // The `.env` beside the file, read when a variable is first looked up.
  let find: DefinitionFinder | undefined;
  const envUri = siblingUri(code.uri, '.env') ?? '';
  const known = new Map<string, VariableDefinition | undefined>();
  const lookup = (name: string): VariableDefinition | undefined => {
    if (find === undefined) {
      const envText = (envUri && code.files?.read(envUri)) || '';
      find = envText ? dotenvFinder(envText, envUri) : () => undefined;
    }
    if (!known.has(name)) known.set(name, find(name));
    return known.get(name);
  };
  const compose = (text: string): string => (hasReferences(text, 'compose') ? interpolate(text, 'compose', lookup, { keepUnknown: true }).text : text);
  const servers = new Map<ComposeService, Server>();
  for (const s of file.services) {
    const server = serverOf(s, compose);
    if (server) servers.set(s, server);
  }
  const run = checker(code, file, servers);
  const ownersAt = ownerIndex(file.services);
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (value.kind !== 'uri' || value.comment) continue;
    const owners = ownersAt(value.start);
    if (owners.length === 0) continue;
    let reading: Reading | undefined;
    if (hasReferences(value.text, 'compose')) {
      const r = interpolate(value.text, 'compose', lookup, { keepUnknown: true });
      if (r.references.some((ref) => ref.definition)) reading = { text: r.text, parsed: parseConnectionString(r.text), r };
    }
    if (!reading) {
      const p = uriParseOf(value, records[k]);
      if (!p) continue;
      reading = { text: value.text, parsed: p.checked ?? p.parsed };
    }
    for (const owner of owners) run.check(value, reading, owner);
    for (const owner of owners) run.problems.push(...replicasPoolProblems(code, value, records[k], owner, settings));
  }
  return { problems: run.problems, hoverAt: () => null };
}

/**
 * The services whose regions hold an offset (file order), for offsets asked about in increasing order
 * (values in document order): the regions are swept once, those open at the offset kept, rather than
 * every region of every service looked at for each value. An offset before the last one asked about
 * is answered by looking at them all.
 */
function ownerIndex(services: readonly ComposeService[]): (offset: number) => ComposeService[] {
  const regions: Array<{ start: number; end: number; service: number }> = [];
  services.forEach((s, service) => {
    for (const r of s.regions) regions.push({ start: r.start, end: r.end, service });
  });
  regions.sort((a, b) => a.start - b.start);
  let next = 0;
  let last = -1;
  let open: typeof regions = [];
  return (offset) => {
    if (offset < last) return services.filter((s) => s.regions.some((r) => r.start <= offset && offset < r.end));
    last = offset;
    while (next < regions.length && regions[next]!.start <= offset) open.push(regions[next++]!);
    if (open.length > 0) open = open.filter((r) => offset < r.end);
    if (open.length === 0) return [];
    const indexes = [...new Set(open.map((r) => r.service))].sort((a, b) => a - b);
    return indexes.map((i) => services[i]!);
  };
}

/** The checks of one file's connection strings: `check` each, then read `problems`. */
function checker(code: SourceCode, file: ComposeFile, byService: ReadonlyMap<ComposeService, Server>) {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  /** Every name a container of the file answers to on the network (lower case). */
  const names = new Set<string>();
  /** The first service (in file order) that answers to each of its names, its aliases included (lower case). */
  const byName = new Map<string, ComposeService>();
  for (const s of file.services) {
    for (const n of [s.name, s.containerName?.value, s.hostname?.value, ...s.aliases.map((a) => a.value)]) {
      const lower = n?.toLowerCase();
      if (lower === undefined) continue;
      if (!byName.has(lower)) byName.set(lower, s);
      if (lower) names.add(lower);
    }
    for (const h of s.extraHosts) if (h.host.value) names.add(h.host.value.toLowerCase());
    for (const l of s.links) names.add((l.alias ?? l.service).value.toLowerCase());
  }
  const servers = [...byService.values()];
  const hostNetwork = servers.some((s) => s.service.networkMode?.value === 'host');
  const lines = new LineIndex(code.text);
  /** The service name closest to each unknown host, worked out once per host. */
  const suggestions = new Map<string, string | undefined>();
  return { problems, check };

  function line(offset: number): number {
    return lines.lineOf(offset);
  }

  function report(ruleId: RuleId, span: Span, message: string, facts: Array<{ span: Span; message: string }>, fix?: FixData): void {
    const key = `${ruleId}@${span.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    const p = problemOf(ruleId, span, message, fix);
    p.related = facts.map((f) => ({ documentUri: code.uri, span: f.span, message: f.message }));
    problems.push(p);
  }

  /** The service a host name reaches from `owner`: by a link alias of owner, or a name of the service. */
  function serviceNamed(host: string, owner: ComposeService): ComposeService | undefined {
    const link = owner.links.find((l) => l.alias?.value.toLowerCase() === host);
    return byName.get(link ? link.service.value.toLowerCase() : host);
  }

  function check(value: EmbeddedValue, reading: Reading, owner: ComposeService): void {
    const { parsed, text } = reading;
    const doc = (span: Span): { span: Span; literal: boolean } => {
      const v = inValue(reading, span);
      return { span: { start: toDocumentOffset(value, v.span.start), end: toDocumentOffset(value, v.span.end) }, literal: v.literal };
    };
    const mode = owner.networkMode?.value;
    const targets: Server[] = [];
    for (const host of parsed.hosts) {
      const written = text.slice(host.span.start, host.span.end);
      if (host.type === 'unix' || /[${}<>%]/.test(written)) continue;
      const name = host.host.value.toLowerCase();
      let target: Server | undefined;
      if (LOCAL.has(name)) {
        const shared = /^service:(.+)$/.exec(mode ?? '')?.[1];
        target = byService.get(owner) ?? (shared ? servers.find((s) => s.service.name === shared) : undefined);
        if (!target && mode === undefined && servers.length > 0 && !hostNetwork) localhost(host, owner, servers, doc);
      } else if (host.type === 'hostname' && mode !== 'host') {
        const service = serviceNamed(name, owner);
        target = service && byService.get(service);
        if (!service && !name.includes('.') && file.servicesSpan && !file.includes && file.externalNetworks.length === 0 && !names.has(name)) {
          unknownHost(host, owner, doc);
        }
      }
      if (!target) continue;
      if (!targets.includes(target)) targets.push(target);
      if (parsed.scheme.kind === 'mongodb') port(host, target, doc);
    }
    if (targets.length === 0) return;
    replicaSet(parsed, targets, doc);
    rootUser(value, reading, targets, doc);
  }

  /** Rule compose-localhost. */
  function localhost(host: HostPart, owner: ComposeService, servers: Server[], doc: (s: Span) => { span: Span; literal: boolean }): void {
    const at = doc(host.host.span);
    const one = servers.length === 1 ? servers[0]! : undefined;
    const where = one ? message('compose.serviceAtLine', { service: one.service.name, line: line(one.service.nameSpan.start) }) : message('compose.mongoServices');
    let fix: FixData | undefined;
    if (one) {
      const item = doc(host.span);
      const port = one.port !== undefined ? `:${one.port}` : host.port ? `:${host.port.raw}` : '';
      const replacement = `${one.service.name}${port}`;
      if (item.literal) fix = { replacement, replaceSpan: item.span, title: message('fix.connectTo', { value: replacement }) };
    }
    report(
      'compose-localhost',
      at.span,
      message('compose.localhost', { owner: owner.name, host: host.host.value, where }),
      servers.map((s) => ({ span: s.service.nameSpan, message: message('related.mongoService', { service: s.service.name }) })),
      fix,
    );
  }

  /** Rule compose-host-unknown. */
  function unknownHost(host: HostPart, owner: ComposeService, doc: (s: Span) => { span: Span; literal: boolean }): void {
    const at = doc(host.host.span);
    if (!suggestions.has(host.host.value)) suggestions.set(host.host.value, closest(host.host.value, file.services.map((s) => s.name)));
    const suggestion = suggestions.get(host.host.value);
    report(
      'compose-host-unknown',
      at.span,
      suggestion ? message('compose.unknownHostNear', { host: host.host.value, near: suggestion, owner: owner.name }) : message('compose.unknownHost', { host: host.host.value, owner: owner.name }),
      [{ span: file.servicesSpan!, message: message('related.services') }],
      suggestion && at.literal ? { replacement: suggestion, replaceSpan: at.span, title: message('fix.changeHost', { host: suggestion }) } : undefined,
    );
  }

  /** Rule compose-port-mismatch. */
  function port(host: HostPart, target: Server, doc: (s: Span) => { span: Span; literal: boolean }): void {
    const port = host.port ? host.port.value : DEFAULT_PORT;
    if (target.port === undefined || port === undefined || port === target.port || (host.port && host.port.raw.includes('$'))) return;
    const name = target.service.name;
    const facts = [{ span: target.service.nameSpan, message: message('related.mongoService', { service: name }) }];
    let how = '';
    if (target.portAt) {
      facts.push({ span: target.portAt.span, message: message('related.port') });
      how = message('compose.atLine', { line: line(target.portAt.span.start) });
    }
    let text = message('compose.portMismatch', { service: name, line: line(target.service.nameSpan.start), port: target.port, how, wanted: port });
    const published = target.service.ports.find((p) => p.published !== undefined && inRange(p.published, port));
    if (published) {
      facts.push({ span: published.span, message: message('related.publishedPort') });
      text = message('compose.published', { text, port, line: line(published.span.start) });
    }
    const at = doc(host.port ? host.port.span : host.host.span);
    let fix: FixData | undefined;
    if (at.literal) {
      fix = host.port
        ? { replacement: String(target.port), replaceSpan: at.span, title: message('fix.usePort', { port: target.port }) }
        : { replacement: `:${target.port}`, replaceSpan: { start: at.span.end, end: at.span.end }, title: message('fix.usePort', { port: target.port }) };
    }
    report('compose-port-mismatch', at.span, text, facts, fix);
  }

  /** Rule compose-replica-set-mismatch. */
  function replicaSet(parsed: ParsedUri, targets: Server[], doc: (s: Span) => { span: Span; literal: boolean }): void {
    const option = parsed.options.find((o) => o.keyLower === 'replicaset' && o.value);
    if (!option?.value || /[${]/.test(option.value.raw)) return;
    const wanted = option.value.value;
    const off = targets.find((t) => t.replSetKnown && t.replSet?.value !== wanted);
    if (!off) return;
    const name = off.service.name;
    const at = doc(option.span);
    const facts = [off.replSet ? { span: off.replSet.span, message: message('related.replSet', { service: name, fact: off.replSetFact }) } : { span: off.service.nameSpan, message: message('related.mongoService', { service: name }) }];
    if (off.replSet) {
      const value = doc(option.value.span);
      report(
        'compose-replica-set-mismatch',
        at.span,
        message('compose.replicaSet', { service: name, fact: off.replSetFact, line: line(off.replSet.span.start), wanted }),
        facts,
        value.literal ? { replacement: off.replSet.value, replaceSpan: value.span, title: message('fix.use', { value: `replicaSet=${off.replSet.value}` }) } : undefined,
      );
    } else {
      report(
        'compose-replica-set-mismatch',
        at.span,
        message('compose.noReplSet', { service: name, line: line(off.service.nameSpan.start), wanted }),
        facts,
      );
    }
  }

  /** Rule compose-root-auth-source. */
  function rootUser(value: EmbeddedValue, reading: Reading, targets: Server[], doc: (s: Span) => { span: Span; literal: boolean }): void {
    const { parsed, text } = reading;
    const user = parsed.userinfo?.username;
    const db = parsed.database;
    if (!user || !db || db.value === 'admin' || /[${]/.test(db.raw)) return;
    if (parsed.options.some((o) => o.keyLower === 'authsource' || (o.keyLower === 'authmechanism' && !/^(SCRAM-SHA-(1|256)|DEFAULT)$/i.test(o.value?.value ?? '')))) return;
    // The same literal, the same reference, or the same name once both are filled in.
    const written = inValue(reading, user.span).span;
    const raw = value.text.slice(written.start, written.end);
    const target = targets.find((t) => t.root && (t.root.user === raw || (!user.value.includes('$') && t.root.composed === user.value)));
    if (!target?.root) return;
    const root = target.root;
    const at = doc(user.span);
    const end = inValue(reading, { start: text.length, end: text.length });
    const sep = /[?&]$/.test(text) ? '' : parsed.question ? '&' : '?';
    const insertAt = toDocumentOffset(value, value.text.length);
    report(
      'compose-root-auth-source',
      at.span,
      message('compose.rootUser', { user: user.value, service: target.service.name, by: root.by, line: line(root.at.span.start), database: db.value }),
      [{ span: root.at.span, message: message('related.rootUser') }],
      end.literal ? { replacement: `${sep}authSource=admin`, replaceSpan: { start: insertAt, end: insertAt }, title: message('fix.add', { value: 'authSource=admin' }) } : undefined,
    );
  }
}

/** True when `port` is `range` (`27018`) or in it (`27018-27020`). */
function inRange(range: string, port: number): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(range);
  return !!m && port >= Number(m[1]) && port <= Number(m[2] ?? m[1]);
}
