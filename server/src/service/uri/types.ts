import { Span } from '../api';
import { Decoded } from './percent';

export type SchemeKind = 'mongodb' | 'mongodb+srv' | 'invalid' | 'missing';

/** A part of the connection string with its raw span and percent-decoded value. */
export interface DecodedPart {
  span: Span;
  raw: string;
  decoded: Decoded;
  /** Shortcut for decoded.value. */
  value: string;
}

export type HostType = 'hostname' | 'ipv4' | 'ip_literal' | 'unix';

export interface HostPart {
  /** The whole `host[:port]` item. */
  span: Span;
  /** The host without brackets and port; value is decoded (socket paths). */
  host: DecodedPart;
  type: HostType;
  /** `[` ... `]` seen; `closed` false when the `]` is missing. */
  bracket?: { closed: boolean };
  /** The text after the port colon (may be empty or invalid). */
  port?: { span: Span; raw: string; value?: number };
  /** Text between `]` and the end of the item that is not `:port`. */
  junkAfterBracket?: Span;
  /** When a host that is not an IP literal has two or more `:`: the first seven and the last. */
  extraColons?: Span[];
}

export type OptionSeparator = '&' | ';';

export interface OptionPart {
  /** The whole `key=value` item. */
  span: Span;
  key: DecodedPart;
  /** ASCII-lower-cased decoded key. */
  keyLower: string;
  /** Absent when the item has no `=`. */
  value?: DecodedPart;
  /** Separator that precedes this item (`?` for the first). */
  separator: OptionSeparator | '?';
  /** Index among the options. */
  index: number;
}

export interface ParsedUri {
  text: string;
  scheme: { kind: SchemeKind; span: Span; raw: string };
  /** Offset just after `://` (or 0 when the scheme is missing). */
  bodyStart: number;
  userinfo?: {
    span: Span;
    /** Span of the `@` that ends the userinfo. */
    atSpan: Span;
    username: DecodedPart;
    /** Absent when there is no `:`; present and empty for `user:@host`. */
    password?: DecodedPart;
    /** True when the userinfo was recovered past an unescaped `/` (the spec split would cut it). */
    recoveredPastSlash: boolean;
  };
  /** The host list section (between userinfo and `/` or `?`). */
  hostsSpan: Span;
  hosts: HostPart[];
  /** Span of empty items in the host list (`a,,b`, trailing `,`). */
  emptyHosts: readonly Span[];
  /** The `/` that ends the host list, if any. */
  slash?: Span;
  /** Database between `/` and `?` (absent when empty or missing). */
  database?: DecodedPart;
  /** The `?`, if any. */
  question?: Span;
  optionsSpan?: Span;
  options: OptionPart[];
  /** Spans of `;` separators. */
  semicolons: readonly Span[];
}
