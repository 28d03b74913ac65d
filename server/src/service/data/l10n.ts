/**
 * The formatter of every message a user reads in the editor: `message(id, args)` fills the `{name}`
 * placeholders of the ACTIVE catalogue's template for `id` (English unless another catalogue is installed).
 * The language server installs a catalogue once, from the client's locale (`catalogueFor`); the CLI never does.
 */
import { MESSAGES, type MessageId } from './messages';

/** A translation: id → template (with the same `{placeholders}` as the English one); missing ids fall back to English. */
export type Catalogue = Readonly<Partial<Record<MessageId, string>>>;

/** The placeholder names of a template: `'Port {port} of {host}'` → `'port' | 'host'`. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The arguments `message(id, ...)` takes: none for a template without placeholders, else one value per placeholder. */
export type MessageArgs<K extends MessageId> = [Placeholders<(typeof MESSAGES)[K]>] extends [never]
  ? []
  : [args: Record<Placeholders<(typeof MESSAGES)[K]>, string | number>];

/** The ids of the messages without placeholders (a table can name one, and `message(id)` needs no args). */
export type PlainMessageId = { [K in MessageId]: MessageArgs<K> extends [] ? K : never }[MessageId];

let active: Catalogue | undefined;

/** The English templates by id, in a map: a lookup by a variable id in the large table object costs more. */
const ENGLISH: ReadonlyMap<string, string> = new Map(Object.entries(MESSAGES));

/** Installs a catalogue (`undefined`: English). */
export function setCatalogue(catalogue: Catalogue | undefined): void {
  active = catalogue;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Templates split once into text (even indices) and placeholder names (odd indices): a message is then a concatenation. */
const compiled = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) {
    const out: string[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      out.push(template.slice(last, m.index), m[1]!);
      last = m.index! + m[0].length;
    }
    out.push(template.slice(last));
    compiled.set(template, (parts = out));
  }
  return parts;
}

/** The message `id` in the active catalogue, its placeholders filled from `args` (a placeholder without an arg stays as it is). */
export function message<K extends MessageId>(id: K, ...rest: MessageArgs<K>): string {
  const template: string = (active === undefined ? undefined : active[id]) ?? ENGLISH.get(id)!;
  const args = rest[0] as Record<string, string | number> | undefined;
  if (!args) return template;
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!;
    out += (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : `{${name}}`) + parts[k + 1]!;
  }
  return out;
}

/**
 * Texts that a key fixes, made once per key and catalogue, then the same string every time (it is not
 * built again, and the masking of secrets reads it without copying it first). Bounded.
 */
export class TextMemo {
  protected readonly texts = new Map<unknown, string>();
  private catalogue: Catalogue | undefined = active;

  /** The text remembered for `key`, or undefined (forgetting every text once the catalogue changed). */
  protected known(key: unknown): string | undefined {
    if (this.catalogue !== active) {
      this.texts.clear();
      this.catalogue = active;
    }
    return this.texts.get(key);
  }

  protected remember(key: unknown, text: string): string {
    if (this.texts.size >= 512) this.texts.clear();
    this.texts.set(key, text);
    return text;
  }

  /** make(), once per key and catalogue. */
  text(key: unknown, make: () => string): string {
    return this.known(key) ?? this.remember(key, make());
  }
}

/** The messages of one id whose arguments a key fixes (an option's name, a constant). */
export class MessageMemo<K extends MessageId> extends TextMemo {
  constructor(private readonly id: K) {
    super();
  }

  /** message(id, ...rest), where `rest` depends only on `key`. */
  get(key: unknown, ...rest: MessageArgs<K>): string {
    return this.known(key) ?? this.remember(key, message(this.id, ...rest));
  }
}

/** `a`, `a and b`, `a, b and c`: values listed together. */
export function listAnd(values: readonly unknown[]): string {
  const texts = values.map(String);
  return texts.length > 1 ? message('list.and', { list: texts.slice(0, -1).join(', '), last: texts[texts.length - 1]! }) : texts.join('');
}

/** `a`, `a or b`, `a, b or c`: values listed as alternatives. */
export function listOr(values: readonly unknown[]): string {
  const texts = values.map(String);
  return texts.length > 1 ? message('list.or', { list: texts.slice(0, -1).join(', '), last: texts[texts.length - 1]! }) : texts.join('');
}

/** The pseudo-locale of VS Code: every message visibly translated, so that a string that bypasses the catalogue stands out. */
export const PSEUDO_LOCALE = 'qps-ploc';

const ACCENTED: Record<string, string> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'ï', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŗ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Ï', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Ṗ', Q: 'Ǫ', R: 'Ŗ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** A template pseudo-translated: its letters accented, its placeholders kept, the whole between ⟦ and ⟧. */
export function pseudoTemplate(template: string): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += accent(template.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return `⟦${out}${accent(template.slice(last))}⟧`;
}

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c]!);
}

/** The pseudo-locale's catalogue: every English template pseudo-translated. */
export function pseudoCatalogue(): Catalogue {
  const out: Partial<Record<MessageId, string>> = {};
  for (const id of Object.keys(MESSAGES) as MessageId[]) out[id] = pseudoTemplate(MESSAGES[id]);
  return out;
}

/** The catalogues shipped with the server, by lower-case locale (`de`, `pt-br`); none yet: English everywhere. */
const CATALOGUES: Readonly<Record<string, Catalogue>> = {};

/** The catalogue of a locale (`de-CH` falls back to `de`), or undefined for English and every locale without one. */
export function catalogueFor(locale: string | undefined): Catalogue | undefined {
  if (!locale) return undefined;
  const lower = locale.toLowerCase();
  if (lower === PSEUDO_LOCALE) return pseudoCatalogue();
  if (Object.prototype.hasOwnProperty.call(CATALOGUES, lower)) return CATALOGUES[lower];
  const language = lower.split('-')[0]!;
  return Object.prototype.hasOwnProperty.call(CATALOGUES, language) ? CATALOGUES[language] : undefined;
}
