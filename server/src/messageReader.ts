/**
 * The reader of the LSP messages that come in over stdio (after the framing check of framing.ts).
 *
 * vscode-jsonrpc's own reader keeps the chunks of a message, concatenates them into one Buffer, decodes
 * that to one string and parses it: a 50 MB didOpen holds the chunks, the Buffer, the JSON string and the
 * document's text at once. Here the body is copied into one Buffer as it arrives (each chunk is free once
 * copied), and a large body is parsed without the JSON string: each long string value in it (a document's
 * text) is unescaped in place in the Buffer and decoded straight from there; the rest of the message, with
 * those strings left out, is parsed by JSON.parse. So a message costs its body and its text, no more.
 *
 * Messages are UTF-8 JSON (the LSP's only encoding); they are passed on in the order they came.
 */
import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;

/** A body of at least this many bytes is parsed by parseLargeMessage; smaller ones by JSON.parse. */
export const LARGE_BODY_BYTES = 1 << 20;
/** In a large body, a string value of at least this many bytes is decoded on its own, from the Buffer. */
export const LARGE_STRING_BYTES = 1 << 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class StdioMessageReader extends AbstractMessageReader {
  /** Bytes of a header not yet complete. */
  private header: Buffer = Buffer.alloc(0);
  /** The body being read, and how much of it has arrived; undefined while reading a header. */
  private body: Buffer | undefined;
  private filled = 0;
  private callback: DataCallback | undefined;
  /** A `shutdown` request has been read (the server then ends successfully with its input). */
  shutdownRead = false;

  constructor(private readonly readable: Readable) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.receive(chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
      },
    };
  }

  private receive(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, data.length);
        data.copy(this.body, this.filled, 0, n);
        this.filled += n;
        data = data.subarray(n);
        if (this.filled === this.body.length) {
          const body = this.body;
          this.body = undefined;
          this.deliver(body);
        }
        continue;
      }
      this.header = this.header.length === 0 ? data : Buffer.concat([this.header, data]);
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) return;
      const block = this.header.subarray(0, end).toString('ascii');
      data = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      const match = CONTENT_LENGTH.exec(block);
      if (!match) {
        this.fireError(new Error(`Header must provide a Content-Length property: ${JSON.stringify(block.slice(0, 200))}`));
        continue;
      }
      const length = Number(match[1]);
      if (length === 0) {
        this.deliver(Buffer.alloc(0));
        continue;
      }
      // A body that is all in this chunk is read where it is; a longer one is copied in as it comes.
      if (data.length >= length) {
        const body = data.subarray(0, length);
        data = data.subarray(length);
        this.deliver(body);
        continue;
      }
      this.body = Buffer.allocUnsafe(length);
      this.filled = 0;
    }
  }

  private deliver(body: Buffer): void {
    let message: Message;
    try {
      message = parseMessage(body) as Message;
    } catch (error) {
      this.fireError(error);
      return;
    }
    if ((message as { method?: unknown } | null)?.method === 'shutdown') this.shutdownRead = true;
    this.callback?.(message);
  }
}

/** The JSON value of a message body (UTF-8); a large body's bytes are changed (see parseLargeMessage). */
export function parseMessage(body: Buffer): unknown {
  return body.length < LARGE_BODY_BYTES ? JSON.parse(body.toString('utf8')) : parseLargeMessage(body);
}

/**
 * The JSON value of `body`, as JSON.parse(body.toString('utf8')) makes it, without that string: every
 * string value of at least `largeString` bytes is unescaped in place in `body` (whose bytes are garbage
 * afterwards) and decoded from there; the rest is parsed with those strings replaced by placeholders.
 * Throws a SyntaxError on malformed JSON, as JSON.parse does.
 */
export function parseLargeMessage(body: Buffer, largeString = LARGE_STRING_BYTES): unknown {
  const large: string[] = [];
  /** The body's text around the large strings: `skeleton[k]` comes before `large[k]`. */
  const skeleton: string[] = [];
  let copied = 0;
  for (let open = body.indexOf(QUOTE); open >= 0; ) {
    const close = closingQuote(body, open);
    if (close < 0) break;
    if (close - open - 1 >= largeString && !isKey(body, close + 1)) {
      skeleton.push(body.toString('utf8', copied, open));
      large.push(unescapeInPlace(body, open + 1, close));
      copied = close + 1;
    }
    open = body.indexOf(QUOTE, close + 1);
  }
  skeleton.push(body.toString('utf8', copied));
  if (large.length === 0) return JSON.parse(skeleton[0]);
  // The placeholders are strings no other string of the message equals: if one did, they are made longer.
  for (let attempt = 0; ; attempt++) {
    const mark = `\uf8ff${'#'.repeat(attempt)}large string `;
    let text = skeleton[0];
    for (let k = 0; k < large.length; k++) text += JSON.stringify(mark + k) + skeleton[k + 1];
    let replaced = 0;
    let clash = false;
    const value: unknown = JSON.parse(text, (_key, v: unknown) => {
      if (typeof v !== 'string' || !v.startsWith(mark)) return v;
      const k = Number(v.slice(mark.length));
      if (!Number.isInteger(k) || k < 0 || k >= large.length || String(k) !== v.slice(mark.length)) clash = true;
      else replaced++;
      return clash ? v : large[k];
    });
    if (!clash && replaced === large.length) return value;
  }
}

/** The index of the quote that closes the string opened at `open` (not preceded by an odd run of backslashes), or -1. */
function closingQuote(body: Buffer, open: number): number {
  for (let at = body.indexOf(QUOTE, open + 1); at >= 0; at = body.indexOf(QUOTE, at + 1)) {
    let backslashes = 0;
    while (at - 1 - backslashes > open && body[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** Whether a string ending before `at` is an object key (a colon follows it, after white space). */
function isKey(body: Buffer, at: number): boolean {
  while (at < body.length && (body[at] === 0x20 || body[at] === 0x09 || body[at] === 0x0a || body[at] === 0x0d)) at++;
  return body[at] === 0x3a;
}

const ESCAPES: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09 };

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** The code unit of the `\uXXXX` escape at `at` (the backslash), or -1 when there is none. */
function unicodeEscape(body: Buffer, at: number, end: number): number {
  if (at + 6 > end || body[at] !== BACKSLASH || body[at + 1] !== 0x75) return -1;
  let unit = 0;
  for (let i = at + 2; i < at + 6; i++) {
    const d = hexDigit(body[i]);
    if (d < 0) return -1;
    unit = unit * 16 + d;
  }
  return unit;
}

/**
 * The string of the JSON string literal whose contents are body[start, end): its escapes are written
 * back as UTF-8 in place (never longer than the escape), and the result decoded. A lone surrogate
 * (`\ud800` without its pair), which UTF-8 cannot hold, is put in the string as it is.
 */
function unescapeInPlace(body: Buffer, start: number, end: number): string {
  let w = start;
  let r = start;
  /** Lone surrogates: where they go in the unescaped bytes, and the code unit. */
  const lone: number[] = [];
  while (r < end) {
    // The run up to the next escape moves down as it is (it is checked for control characters).
    let next = body.indexOf(BACKSLASH, r);
    if (next < 0 || next > end) next = end;
    for (let i = r; i < next; i++) {
      if (body[i] < 0x20) throw new SyntaxError(`Bad control character in string literal in JSON at position ${i}`);
    }
    if (w !== r) body.copyWithin(w, r, next);
    w += next - r;
    r = next;
    if (r >= end) break;
    const e = body[r + 1];
    const simple = ESCAPES[e];
    if (simple !== undefined && r + 1 < end) {
      body[w++] = simple;
      r += 2;
      continue;
    }
    const unit = unicodeEscape(body, r, end);
    if (unit < 0) throw new SyntaxError(`Bad escaped character in JSON at position ${r + 1}`);
    r += 6;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = unicodeEscape(body, r, end);
      if (low >= 0xdc00 && low <= 0xdfff) {
        r += 6;
        const cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        body[w++] = 0xf0 | (cp >> 18);
        body[w++] = 0x80 | ((cp >> 12) & 0x3f);
        body[w++] = 0x80 | ((cp >> 6) & 0x3f);
        body[w++] = 0x80 | (cp & 0x3f);
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      lone.push(w, unit);
    } else if (unit < 0x80) {
      body[w++] = unit;
    } else if (unit < 0x800) {
      body[w++] = 0xc0 | (unit >> 6);
      body[w++] = 0x80 | (unit & 0x3f);
    } else {
      body[w++] = 0xe0 | (unit >> 12);
      body[w++] = 0x80 | ((unit >> 6) & 0x3f);
      body[w++] = 0x80 | (unit & 0x3f);
    }
  }
  if (lone.length === 0) return body.toString('utf8', start, w);
  let text = '';
  let from = start;
  for (let k = 0; k < lone.length; k += 2) {
    text += body.toString('utf8', from, lone[k]) + String.fromCharCode(lone[k + 1]);
    from = lone[k];
  }
  return text + body.toString('utf8', from, w);
}
