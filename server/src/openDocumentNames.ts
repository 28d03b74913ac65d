/**
 * The database names of every open document, so that names differing only by case across documents
 * (`salesData` in one, `SalesData` in another) are reported in both. The core decides what clashes;
 * this keeps the names and says which documents must be published again when a document's names change.
 */
import { databaseCaseKey, type DocumentNames, type NameOccurrence } from './service/languageService';

interface Entry {
  names: readonly NameOccurrence[];
  /** The distinct names, sorted and joined: equal when the document names the same databases. */
  signature: string;
  keys: ReadonlySet<string>;
}

export class OpenDocumentNames {
  private readonly byUri = new Map<string, Entry>();

  /** Records a document's names; returns the other documents whose clashes may have changed. */
  set(uri: string, names: readonly NameOccurrence[]): string[] {
    const before = this.byUri.get(uri);
    const signature = [...new Set(names.map((n) => n.name))].sort().join('\u0000');
    const keys = new Set(names.map((n) => databaseCaseKey(n.name)));
    this.byUri.set(uri, { names, signature, keys });
    if (before && before.signature === signature) return [];
    if (!before && names.length === 0) return [];
    return this.sharing(uri, before?.keys, keys);
  }

  /** Forgets a closed document; returns the documents whose clashes may have changed. */
  delete(uri: string): string[] {
    const before = this.byUri.get(uri);
    if (!before) return [];
    this.byUri.delete(uri);
    return this.sharing(uri, before.keys, undefined);
  }

  /** The names of every open document but `uri`. */
  others(uri: string): DocumentNames[] {
    const out: DocumentNames[] = [];
    for (const [other, entry] of this.byUri) if (other !== uri && entry.names.length > 0) out.push({ uri: other, names: entry.names });
    return out;
  }

  /** Open documents other than `uri` with a name whose case key is in `a` or `b`. */
  private sharing(uri: string, a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): string[] {
    const out: string[] = [];
    for (const [other, entry] of this.byUri) {
      if (other === uri) continue;
      for (const key of entry.keys) {
        if (a?.has(key) || b?.has(key)) {
          out.push(other);
          break;
        }
      }
    }
    return out;
  }
}
