/**
 * Checks the framing of the LSP messages that come in over stdio before the JSON-RPC reader sees them.
 * A header block without a valid Content-Length would leave the reader out of step with the stream (it
 * drops the bad header, then reads the next message's header as garbage); here such a block is dropped
 * with a log line and reading resumes at the next `Content-Length:`, so the message after it is served.
 * Bodies pass through as they arrive, never copied or joined; a body larger than MAX_BODY_BYTES is
 * dropped as it arrives instead of being buffered whole, so memory stays bounded whatever the client sends.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d{1,10})[ \t]*$/im;
/** A header block is a few dozen bytes; past this without its end, what came is not a header. */
const MAX_HEADER_BYTES = 8192;
/** The largest message passed on: far above any document worth opening, far below the memory it would take. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export class FrameChecker extends Transform {
  /** Bytes of a header block not yet complete. */
  private header: Buffer = Buffer.alloc(0);
  /** Bytes of the current message's body still to pass on (or drop); -1 while reading a header. */
  private bodyLeft = -1;
  /** The current body is too large: its bytes are dropped, not passed on. */
  private dropping = false;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let data: Buffer = chunk;
    while (data.length > 0) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        if (!this.dropping) this.push(n === data.length ? data : data.subarray(0, n));
        this.bodyLeft -= n;
        data = data.subarray(n);
        if (this.bodyLeft === 0) this.bodyLeft = -1;
        continue;
      }
      this.header = this.header.length === 0 ? data : Buffer.concat([this.header, data]);
      data = this.readHeader();
    }
    callback();
  }

  /** Reads the header block at the start of `this.header`; returns what follows it (the body's start). */
  private readHeader(): Buffer {
    for (;;) {
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) this.skipToNextHeader(`no end of header in ${this.header.length} bytes`);
        return Buffer.alloc(0);
      }
      const block = this.header.subarray(0, end).toString('ascii');
      const match = CONTENT_LENGTH.exec(block);
      if (!match) {
        this.skipToNextHeader(`a header without a valid Content-Length: ${JSON.stringify(block.slice(0, 200))}`);
        continue;
      }
      const length = Number(match[1]);
      this.dropping = length > MAX_BODY_BYTES;
      if (this.dropping) this.report(`Ignored a message of ${length} bytes: the limit is ${MAX_BODY_BYTES} bytes.`);
      else this.push(this.header.subarray(0, end + HEADER_END.length));
      const rest = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      this.bodyLeft = length;
      if (length === 0) this.bodyLeft = -1;
      return rest;
    }
  }

  /** Drops bytes up to the next `Content-Length:` after the start (or keeps a tail that may begin one). */
  private skipToNextHeader(problem: string): void {
    this.report(`Ignored input that is not a well-formed LSP message: ${problem}.`);
    const lower = this.header.toString('latin1').toLowerCase();
    const next = lower.indexOf('content-length:', 1);
    if (next >= 0) {
      this.header = this.header.subarray(next);
      return;
    }
    // Keep a tail that may be the start of the next header, but no complete header end (or this repeats).
    let tail = this.header.subarray(Math.max(0, this.header.length - 15));
    const end = tail.lastIndexOf(HEADER_END);
    if (end >= 0) tail = tail.subarray(end + HEADER_END.length);
    this.header = tail;
  }
}
