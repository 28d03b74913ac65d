/**
 * Limits of deployments configured in code (JavaScript/TypeScript, MongoDB playgrounds, Python):
 * replica set configurations (limits/replicaSets.ts), capped collections (limits/cappedCollections.ts),
 * shard keys and unique indexes on sharded collections (limits/sharding.ts). Calls inside an argument
 * list already read are not read again, so the work stays linear in the size of the document.
 */
import type { DocumentAnalysis, Problem, SourceCode, Span } from '../api';
import { JS_LANGUAGES, sortKeys } from './codeCalls';
import { wordGate } from '../lex/sourceCode';
import {
  Assignments,
  type CallArguments,
  type OptionField,
  commandOf,
  databaseAt,
  fieldsOf,
  findClusterDatabaseSwitches,
  isPunct,
  isTrue,
  namespaceOf,
  readCallArguments,
  receiverBefore,
} from './clusterCalls';
import { checkCappedOptions } from './cappedCollections';
import { type MemberCount, checkMemberAdded, checkReplicaSetConfig } from './replicaSets';
import { type ShardedCollection, checkShardKey, checkUniqueIndex, shardCollectionHover } from './sharding';

/**
 * What this analyzer needs to find anything in a file: a replica set configuration is passed to a call
 * of `initiate(` or `reconfig(` or to a replSetInitiate/replSetReconfig command (rs.add counts only
 * after one), a capped collection has a `capped:` option (`capped=` in Python, `"capped":` quoted), a
 * shard key comes with `shardCollection`, and a unique index is only related to a collection sharded in
 * the file. (The words alone are common in code: `initiated`, `uncapped`.)
 */
const TRIGGER = /\b(?:initiate|reconfig)\s*\(|replSet(?:Initiate|Reconfig)|\bcapped['"]?\s*[:=]|shardCollection/;

export function mayHaveClusterCalls(text: string): boolean {
  // The words first, in one search: an alternation of plain words is many times faster than TRIGGER, and
  // than a search for each word (five passes over the text).
  return WORDS.test(text) && TRIGGER.test(text);
}

/** What every match of TRIGGER holds. */
const WORDS = /initiate|reconfig|replSet|capped|shardCollection/;

/** The words of WORDS, searched for with the other analyzers' (lex/sourceCode.ts). */
const WORD_GATE = wordGate(['initiate', 'reconfig', 'replSet', 'capped', 'shardCollection'], (languageId) => languageId === 'python' || JS_LANGUAGES.has(languageId));

const REPLICA_SET_COMMANDS: ReadonlySet<string> = new Set(['replSetInitiate', 'replSetReconfig']);
const COMMANDS: ReadonlySet<string> = new Set(['replSetInitiate', 'replSetReconfig', 'shardCollection', 'create']);
const COMMAND_METHODS: ReadonlySet<string> = new Set(['adminCommand', 'runCommand', 'command']);
const INDEX_METHODS: ReadonlySet<string> = new Set(['createIndex', 'ensureIndex', 'create_index']);

interface Hover {
  span: Span;
  contents: string;
}

/** A unique index of the file, to be related to the collections the file shards. */
interface UniqueIndex {
  namespace: string;
  keys: Array<{ key: string; span: Span }>;
  nameSpan: Span;
}

const EMPTY: DocumentAnalysis = { problems: [], hoverAt: () => null };

export function analyzeClusterLimits(code: SourceCode): DocumentAnalysis {
  const { text, languageId } = code;
  if ((languageId !== 'python' && !JS_LANGUAGES.has(languageId)) || !WORD_GATE.present(code) || !mayHaveClusterCalls(text)) return EMPTY;
  const list = code.tokens();
  const { tokens, match } = list;
  const problems: Problem[] = [];
  const hovers: Hover[] = [];
  const hover = (span: Span, contents: string) => hovers.push({ span, contents });
  const assignments = new Assignments(list, text);
  const sharded: ShardedCollection[] = [];
  const uniqueIndexes: UniqueIndex[] = [];
  let switches: ReturnType<typeof findClusterDatabaseSwitches> | undefined;
  /** The members of the last initiate or reconfig, which rs.add calls after it count on. */
  let replicaSet: MemberCount | undefined;

  const replicaSetConfig = (config: CallArguments['positional'][number] | undefined, at: number) =>
    checkReplicaSetConfig(assignments.resolve(config, at), text, (v) => assignments.resolve(v, at), problems, hover);

  let readUntil = 0;
  for (let k = 2; k < tokens.length; k++) {
    const name = tokens[k]!;
    if (k < readUntil || name.kind !== 'ident' || !isPunct(tokens[k - 1], '.') || !isPunct(tokens[k + 1], '(')) continue;
    const method = name.text;
    const receiver = tokens[k - 2]!;
    const bare = receiver.kind === 'ident' && !isPunct(tokens[k - 3], '.');
    const nameSpan = { start: name.start, end: name.end };
    const close = match[k + 1]!;
    if (close < 0) continue;
    const read = () => {
      readUntil = close;
      return readCallArguments(list, k + 1, close);
    };
    if (bare && receiver.text === 'rs' && (method === 'initiate' || method === 'reconfig')) {
      const args = read();
      const config = args.positional[0];
      if (!config && method === 'initiate') replicaSet = { members: 1, voting: 1, partial: false, reportedMembers: false, reportedVoting: false };
      else replicaSet = replicaSetConfig(config, name.start);
    } else if (bare && receiver.text === 'rs' && (method === 'add' || method === 'addArb')) {
      const args = read();
      if (replicaSet) checkMemberAdded(replicaSet, method, assignments.resolve(args.positional[0], name.start), nameSpan, problems);
    } else if (bare && receiver.text === 'sh' && method === 'shardCollection') {
      const args = read();
      hover(nameSpan, shardCollectionHover());
      const s = checkShardKey(args.positional[0], assignments.resolve(args.positional[1], name.start), problems);
      if (s) sharded.push(s);
    } else if (COMMAND_METHODS.has(method)) {
      const args = read();
      const command = commandOf({ ...args, positional: args.positional.map((v) => assignments.resolve(v, name.start)!) }, COMMANDS);
      if (!command) continue;
      if (REPLICA_SET_COMMANDS.has(command.name)) replicaSet = replicaSetConfig(command.value, name.start);
      else if (command.name === 'shardCollection') {
        hover(command.nameSpan, shardCollectionHover());
        const s = checkShardKey(command.value, assignments.resolve(command.fields.get('key')?.value, name.start), problems);
        if (s) sharded.push(s);
      } else checkCappedOptions(command.fields, command.open, text, problems, hover);
    } else if (method === 'createCollection' || method === 'create_collection') {
      const args = read();
      const options: Map<string, OptionField> = new Map(args.keywords);
      const doc = assignments.resolve(args.positional[1], name.start);
      for (const [key, field] of fieldsOf(doc) ?? []) options.set(key, field);
      const open = args.unpacked || (doc !== undefined && (doc.kind !== 'object' || doc.hasSpread));
      checkCappedOptions(options, open, text, problems, hover);
    } else if (INDEX_METHODS.has(method)) {
      const args = read();
      const unique = args.keywords.get('unique')?.value ?? fieldsOf(args.positional[1])?.get('unique')?.value;
      if (!isTrue(unique, text)) continue;
      const first = args.positional[0];
      const keys =
        first?.kind === 'string'
          ? [{ key: first.value, span: { start: first.start + 1, end: Math.max(first.start + 1, first.end - 1) } }]
          : first
            ? sortKeys(list, { value: first, first: isPunct(tokens[k + 2], '[') ? k + 2 : -1, end: match[k + 2]! + 1 })
            : undefined;
      if (!keys || keys.length === 0) continue;
      switches ??= findClusterDatabaseSwitches(list);
      const namespace = namespaceOf(receiverBefore(list, k - 1), databaseAt(switches, name.start));
      if (namespace) uniqueIndexes.push({ namespace, keys, nameSpan });
    }
  }
  for (const index of uniqueIndexes) {
    const s = sharded.find((c) => c.namespace === index.namespace);
    if (s) checkUniqueIndex(s, index.keys, index.nameSpan, problems);
  }
  return {
    problems,
    hoverAt(offset: number) {
      const h = hovers.find((t) => offset >= t.span.start && offset <= t.span.end);
      return h ? { contents: h.contents, span: h.span } : null;
    },
  };
}
