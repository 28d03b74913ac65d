/**
 * Interpolation of variables into a value, as the tool that reads the value does it, with the origin
 * of every part of the result: docker compose (`${VAR}`, `$VAR`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+other}`, `${VAR+other}`, `$$` for a `$`), dotenv-expand inside
 * `.env` files (the same forms but `$$`, and `\$` for a `$`), and Spring (`${a.b}`, `${a.b:default}`).
 *
 * A variable's own value may hold references too; they are expanded in turn, at most MAX_DEPTH deep and
 * into at most MAX_LENGTH characters, and a variable met again while its own value is expanded (a cycle)
 * is not expanded again. A reference whose variable is unknown stays in the result as written, so that
 * the checks of a connection string read it as an opaque placeholder: what the editor cannot know (the
 * environment of the running process) is never an error.
 */
import type { Span } from '../api';
import { DOLLAR, BACKSLASH } from '../lex/chars';
import { offsetOf } from '../extract/decoded';
import { parseReference, type InterpolationSyntax, type Parsed } from './references';

export type { InterpolationSyntax } from './references';

export { hasReferences } from './references';


/** A variable as a source defines it: its value (decoded) and where each character of it is written. */
export interface VariableDefinition {
  name: string;
  value: string;
  /** The document the definition is in. */
  documentUri: string;
  /** The document offset of the value's first character. */
  start: number;
  /** The document offset of each character of `value` when it is not a verbatim slice from `start`. */
  offsets?: number[];
  /** How references in the value itself are read (a `.env` value by dotenv-expand, a Spring property by Spring; `none`: not at all). */
  syntax: InterpolationSyntax;
}


/** Where a part of the result comes from. */
export type PartOrigin =
  /** Text written in the value being interpolated, at these offsets of `text` (the value's own coordinates). */
  | { kind: 'text'; start: number; end: number }
  /** Text of a variable's definition, at these offsets of its document. */
  | { kind: 'definition'; definition: VariableDefinition; start: number; end: number }
  /** A reference left as written because expanding it went round in a cycle, too deep or too long (an unknown variable keeps the origin of where it is written). */
  | { kind: 'unresolved'; name: string; reason: 'cycle' | 'too-deep' | 'too-long' };

/** A run of the result and its origin; `via` is the chain of references that led to it, outermost first. */
export interface ResultPart {
  /** Offsets in the result. */
  start: number;
  end: number;
  origin: PartOrigin;
  via: readonly Reference[];
}

/** A reference to a variable in some text: its name and where it is written (`${NAME:-x}` whole). */
export interface Reference {
  name: string;
  /** In the coordinates of the text it is written in (the value, or a definition's value). */
  span: Span;
  /** The definition it resolved to, if any. */
  definition?: VariableDefinition;
  /** Written in the interpolated value itself (its span is in the value's coordinates), not in a definition. */
  written: boolean;
}

/** A `${VAR:?message}` whose variable is unset (or empty with `:`): the tool stops with the message. */
export interface RequiredMissing {
  name: string;
  message: string;
  via: readonly Reference[];
  /** The reference in the interpolated value's coordinates (the outermost one when nested). */
  span: Span;
}

export interface Interpolation {
  text: string;
  parts: ResultPart[];
  /** Every reference met, outermost first, with its definition when it resolved. */
  references: Reference[];
  required: RequiredMissing[];
  /** True when every reference resolved: the result is the string the tool makes. */
  complete: boolean;
}

/** Nested expansion beyond this depth is left as written. */
export const MAX_DEPTH = 16;
/** A result longer than this stops growing: the rest of the references are left as written. */
export const MAX_LENGTH = 1 << 16;
/** At most this many references are expanded for one value (`A=${B}${B}`, `B=${C}${C}`, … doubles at each level). */
export const MAX_EXPANSIONS = 4096;

export type Lookup = (name: string) => VariableDefinition | undefined;

/** The writer of one interpolation: the result text and its parts, within the length limit. */
class Result {
  text = '';
  readonly parts: ResultPart[] = [];
  readonly references: Reference[] = [];
  readonly required: RequiredMissing[] = [];
  complete = true;
  expansions = 0;

  /** `escaped`: where compose's `$${VAR}` is filled in, in the container (see interpolate's options). */
  constructor(
    readonly keepUnknown: boolean,
    readonly escaped?: Lookup,
  ) {}

  /** True once the result may not grow any more: too long, or too many references expanded. */
  get full(): boolean {
    return this.text.length >= MAX_LENGTH || this.expansions >= MAX_EXPANSIONS;
  }

  add(text: string, origin: PartOrigin, via: readonly Reference[]): void {
    if (text === '') return;
    const start = this.text.length;
    this.text += text;
    const last = this.parts[this.parts.length - 1];
    // A run that goes on where the last one ended, from the same place, extends it.
    if (last && last.via === via && sameSource(last.origin, origin)) {
      last.end = this.text.length;
      (last.origin as { end: number }).end = (origin as { end: number }).end;
      return;
    }
    this.parts.push({ start, end: this.text.length, origin: { ...origin }, via });
  }
}

function sameSource(a: PartOrigin, b: PartOrigin): boolean {
  if (a.kind === 'text' && b.kind === 'text') return a.end === b.start;
  if (a.kind === 'definition' && b.kind === 'definition') return a.definition === b.definition && a.end === b.start;
  return false;
}

/** The text being read at one level: the value itself, or a definition's value. */
interface Level {
  text: string;
  syntax: InterpolationSyntax;
  /** The origin of text[from, to) at this level. */
  origin(from: number, to: number): PartOrigin;
  via: readonly Reference[];
  /** Names being expanded on the way here (a cycle goes back to one of them). */
  open: ReadonlySet<string>;
  depth: number;
  /** Maps a span at this level to the outermost value's coordinates (for required-variable errors). */
  outer: (span: Span) => Span;
}

function expandLevel(level: Level, lookup: Lookup, out: Result): void {
  const { text, syntax } = level;
  let literalFrom = 0;
  const flush = (to: number) => {
    if (to > literalFrom) out.add(text.slice(literalFrom, to), level.origin(literalFrom, to), level.via);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && syntax === 'dotenv' && text.charCodeAt(i + 1) === DOLLAR) {
      // dotenv-expand: `\$` is a `$`.
      flush(i);
      out.add('$', level.origin(i + 1, i + 2), level.via);
      literalFrom = i + 2;
      i++;
      continue;
    }
    if (c !== DOLLAR) continue;
    if (syntax === 'compose' && text.charCodeAt(i + 1) === DOLLAR) {
      // `$${VAR}` reaches the container as `${VAR}`, which its shell fills in from the service's environment.
      const inner = out.escaped && level.depth === 0 ? parseReference(text, i + 1, 'dotenv') : undefined;
      if (inner && out.escaped!(inner.name)) {
        flush(i);
        reference(level, inner, { start: i, end: inner.end }, out.escaped!, out);
        literalFrom = inner.end;
        i = inner.end - 1;
        continue;
      }
      flush(i);
      out.add('$', level.origin(i + 1, i + 2), level.via);
      literalFrom = i + 2;
      i++;
      continue;
    }
    const ref = parseReference(text, i, syntax);
    if (!ref) continue;
    flush(i);
    reference(level, ref, { start: i, end: ref.end }, lookup, out);
    literalFrom = ref.end;
    i = ref.end - 1;
  }
  flush(text.length);
}

/** Writes what a reference (at `span` of the level's text) stands for. */
function reference(level: Level, ref: Parsed, span: Span, lookup: Lookup, out: Result): void {
  const definition = lookup(ref.name);
  const entry: Reference = { name: ref.name, span, written: level.depth === 0, ...(definition ? { definition } : {}) };
  out.references.push(entry);
  if (!definition && out.keepUnknown) {
    // The variable may be set where the value is used: its default or alternative is not assumed.
    out.complete = false;
    return out.add(level.text.slice(span.start, span.end), level.origin(span.start, span.end), level.via);
  }
  const set = definition !== undefined;
  const nonEmpty = set && definition.value !== '';
  // Defaults and alternatives are read at this level, with its syntax (they may hold references too).
  const operand = (): void => expandRange(level, ref.operandStart, ref.operandEnd, lookup, out);
  switch (ref.op) {
    case ':-':
      if (nonEmpty) return expandDefinition(level, entry, definition, lookup, out);
      return operand();
    // Spring's `${key:default}` takes the default only when the key is not defined at all.
    case ':':
    case '-':
      if (set) return expandDefinition(level, entry, definition, lookup, out);
      return operand();
    case ':+':
      return nonEmpty ? operand() : undefined;
    case '+':
      return set ? operand() : undefined;
    case ':?':
    case '?':
      if (ref.op === ':?' ? nonEmpty : set) return expandDefinition(level, entry, definition!, lookup, out);
      out.required.push({ name: ref.name, message: level.text.slice(ref.operandStart, ref.operandEnd), via: level.via, span: level.outer(span) });
      out.complete = false;
      return out.add(level.text.slice(span.start, span.end), level.origin(span.start, span.end), level.via);
    default:
      if (set) return expandDefinition(level, entry, definition, lookup, out);
      out.complete = false;
      return out.add(level.text.slice(span.start, span.end), level.origin(span.start, span.end), level.via);
  }
}

/** Expands text[from, to) of a level (a default or an alternative). */
function expandRange(level: Level, from: number, to: number, lookup: Lookup, out: Result): void {
  const text = level.text.slice(from, to);
  expandLevel(
    {
      ...level,
      text,
      origin: (a, b) => level.origin(from + a, from + b),
      outer: (s) => level.outer({ start: from + s.start, end: from + s.end }),
    },
    lookup,
    out,
  );
}

/** Writes a definition's value, its own references expanded, unless that goes round or too deep. */
function expandDefinition(level: Level, ref: Reference, definition: VariableDefinition, lookup: Lookup, out: Result): void {
  const reason = level.open.has(definition.name) ? 'cycle' : level.depth >= MAX_DEPTH ? 'too-deep' : out.full ? 'too-long' : undefined;
  if (reason) {
    out.complete = false;
    out.add(level.text.slice(ref.span.start, ref.span.end), { kind: 'unresolved', name: ref.name, reason }, level.via);
    return;
  }
  out.expansions++;
  const open = new Set(level.open);
  open.add(definition.name);
  const outerSpan = level.outer(ref.span);
  expandLevel(
    {
      text: definition.value,
      syntax: definition.syntax,
      origin: (a, b) => ({ kind: 'definition', definition, start: offsetOf(definition, a), end: b > a ? offsetOf(definition, b - 1) + 1 : offsetOf(definition, a) }),
      via: [...level.via, ref],
      open,
      depth: level.depth + 1,
      outer: () => outerSpan,
    },
    lookup,
    out,
  );
}

/**
 * What `interpolate(text, syntax, lookup, { keepUnknown: true, escaped })` makes of the references of
 * `text`, without making the result: `resolved` when at least one has a definition, `unknown` when there
 * are references but none has (the value stays as written), `none` when there is none. It reads the text
 * as expandLevel reads it at the top level: with unknown variables kept, nothing deeper is read.
 */
export function referencesResolve(text: string, syntax: InterpolationSyntax, lookup: Lookup, escaped?: Lookup): 'resolved' | 'unknown' | 'none' {
  let found = false;
  for (let i = text.indexOf('$'); i >= 0 && i < text.length; i = text.indexOf('$', i + 1)) {
    // dotenv-expand's `\$` is a `$`, no reference (a backslash before a `$` is read as nothing else).
    if (syntax === 'dotenv' && i > 0 && text.charCodeAt(i - 1) === BACKSLASH) continue;
    if (syntax === 'compose' && text.charCodeAt(i + 1) === DOLLAR) {
      const inner = escaped ? parseReference(text, i + 1, 'dotenv') : undefined;
      if (inner && escaped!(inner.name)) return 'resolved';
      i++;
      continue;
    }
    const ref = parseReference(text, i, syntax);
    if (!ref) continue;
    if (lookup(ref.name)) return 'resolved';
    found = true;
    i = ref.end - 1;
  }
  return found ? 'unknown' : 'none';
}

/**
 * `text` interpolated by the rules of `syntax`, variables read through `lookup`. With `keepUnknown`, a
 * reference to a variable `lookup` does not know stays as written even when it has a default (the
 * environment where the value is used may set it); by default it takes its default as the tool would.
 * With `escaped` (compose only), an escaped `$${VAR}` that it defines is filled in from it: the
 * container's environment, where the value is finally expanded.
 */
export function interpolate(text: string, syntax: InterpolationSyntax, lookup: Lookup, options: { keepUnknown?: boolean; escaped?: Lookup } = {}): Interpolation {
  const out = new Result(options.keepUnknown === true, options.escaped);
  expandLevel(
    { text, syntax, origin: (start, end) => ({ kind: 'text', start, end }), via: [], open: new Set(), depth: 0, outer: (s) => s },
    lookup,
    out,
  );
  if (out.full) out.complete = false;
  return { text: out.text, parts: out.parts, references: out.references, required: out.required, complete: out.complete };
}
