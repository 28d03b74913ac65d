/**
 * The value after a key or a sequence item's `- ` in block context: a block scalar, a quoted or plain
 * scalar (over several lines when it goes on), a flow collection or an alias; and where a value that
 * cannot be reported ends, so that it is skipped without reading it.
 */
import { HostSyntax } from '../api';
import { APOSTROPHE, ASTERISK, GREATER_THAN, PIPE, QUOTE } from '../lex/chars';
import { lineEnd, nextLine } from './decoded';
import { readBlockScalar } from './yamlBlockScalars';
import { droppedFlowEnd, FlowReader, opensFlow } from './yamlFlow';
import { afterEol, Key } from './yamlKeys';
import { hasPlainComment, lastPlainComment, plainContinues, plainOneLineEnd, quotedVerbatimEnd, readPlain, readQuoted, Scalar, StopAt } from './yamlScalars';
import { YamlValues } from './yamlValues';

/** Reads values for the scanner of the block structure (see yaml.ts), which says where a plain scalar stops. */
export abstract class YamlValueReader extends YamlValues {
  private readonly flows = new FlowReader(this.text, this);
  /** Where the main loop goes on after a value: the start of the line after it. */
  protected resumeAt = 0;

  /** True when a continuation line would rather start a key or a sequence item. */
  protected abstract readonly stopsPlain: StopAt;

  /**
   * Where to go on after a value at `v` of a key that says nothing, on a line ending at `eol` without
   * "mongo" from the key on, when the value is all on that line: nothing on the line can be reported
   * then. -1 when the value may go on over the following lines (then value reads it).
   */
  protected droppedValueEnd(v: number, eol: number, parentIndent: number, quietPath: boolean): number {
    const text = this.text;
    const c = text.charCodeAt(v);
    if (c === QUOTE || c === APOSTROPHE) return quotedVerbatimEnd(text, v) >= 0 ? afterEol(text, eol) : -1;
    if (c === PIPE || c === GREATER_THAN) return -1;
    if (opensFlow(text, v, c)) return droppedFlowEnd(text, v, eol, quietPath);
    if (c === ASTERISK /* an alias */) return afterEol(text, eol);
    // A plain scalar: on one line when the next line does not go on with it, or when a comment ends it.
    if (!plainContinues(text, eol, parentIndent, this.stopsPlain) || hasPlainComment(text, v, eol)) return afterEol(text, eol);
    return -1;
  }

  /**
   * Reads a value at `v` (on a line ending at `eol`) whose own key (if any) is `key`; returns its
   * decoded text when it is a scalar and `wantText` is set.
   */
  protected value(v: number, eol: number, parentIndent: number, key: Key, isItem: boolean, wantText: boolean): string | undefined {
    const text = this.text;
    const c = text.charCodeAt(v);
    let scalar: Scalar | undefined;
    let syntax: HostSyntax = 'yaml-plain';
    if (c === PIPE || c === GREATER_THAN) {
      scalar = readBlockScalar(text, v, parentIndent);
      syntax = 'yaml-block';
    } else if (c === QUOTE || c === APOSTROPHE) {
      syntax = c === QUOTE ? 'yaml-double' : 'yaml-single';
      const close = quotedVerbatimEnd(text, v);
      if (close >= 0) return this.verbatimValue(v + 1, close, close + 1, -1, eol, syntax, key, isItem, wantText);
      scalar = readQuoted(text, v, parentIndent);
    } else if (opensFlow(text, v, c)) {
      this.resumeAt = nextLine(text, this.flows.read(v, eol, parentIndent, key));
      return undefined;
    } else if (c === ASTERISK /* an alias */) {
      this.resumeAt = nextLine(text, v);
      return undefined;
    }
    if (!scalar) {
      syntax = 'yaml-plain';
      const end = plainOneLineEnd(text, v, eol, parentIndent, this.stopsPlain);
      if (end >= 0) return this.verbatimValue(v, end, end, lastPlainComment(), eol, syntax, key, isItem, wantText);
      scalar = readPlain(text, v, parentIndent, false, this.stopsPlain, eol);
    }
    this.emit(scalar.d, syntax, key, undefined, isItem);
    const end = scalar.end <= eol ? eol : lineEnd(text, scalar.end);
    this.mentions(scalar.comment ?? scalar.end, end);
    this.resumeAt = afterEol(text, end);
    return scalar.d.text;
  }

  /**
   * A scalar that is the document text [from, to) of the line ending at `eol`, ending at `end` (after a
   * closing quote), with a comment after it at `comment` (-1: none).
   */
  private verbatimValue(
    from: number,
    to: number,
    end: number,
    comment: number,
    eol: number,
    syntax: HostSyntax,
    key: Key,
    isItem: boolean,
    wantText: boolean,
  ): string | undefined {
    this.emitRange(from, to, syntax, key, undefined, isItem);
    this.mentions(comment >= 0 ? comment : end, eol);
    this.resumeAt = afterEol(this.text, eol);
    return wantText ? this.text.slice(from, to) : undefined;
  }
}
