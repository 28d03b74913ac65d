/**
 * The database names of every open document, so that names differing only by case across documents
 * (`salesData` in one, `SalesData` in another) are reported in both. The core decides what clashes;
 * this keeps the names in an index from case key to spelling to documents, and says which documents'
 * clashes changed when a document's names change.
 *
 * Every operation costs what the document shares with others, never the number of open documents: a
 * thousand documents all naming `shop` are as cheap as a thousand naming different databases.
 */
import { databaseCaseKey, type DocumentNames, type NameOccurrence } from './service/languageService';

interface Entry {
  names: readonly NameOccurrence[];
  /** Case key → the spellings the document writes under it, each with its first occurrence. */
  byKey: Map<string, Map<string, NameOccurrence>>;
  /** When the document was first recorded: other documents are named in this order. */
  order: number;
  /** Index in `names` of each spelling's first occurrence. */
  rank: Map<string, number>;
}

const NO_SPELLINGS: ReadonlyMap<string, NameOccurrence> = new Map();

export class OpenDocumentNames {
  private readonly byUri = new Map<string, Entry>();
  /** Case key → spelling → the documents that write it. */
  private readonly index = new Map<string, Map<string, Set<string>>>();
  private nextOrder = 0;
  /** Index entries read so far (keys, spellings and documents visited): tests count work with it, not time. */
  lookups = 0;

  /** Records a document's names; returns the other documents whose clashes changed. */
  set(uri: string, names: readonly NameOccurrence[]): string[] {
    const before = this.byUri.get(uri);
    const byKey = new Map<string, Map<string, NameOccurrence>>();
    const rank = new Map<string, number>();
    names.forEach((occurrence, i) => {
      if (rank.has(occurrence.name)) return;
      rank.set(occurrence.name, i);
      const key = databaseCaseKey(occurrence.name);
      let spellings = byKey.get(key);
      if (!spellings) byKey.set(key, (spellings = new Map()));
      spellings.set(occurrence.name, occurrence);
    });
    if (!before && byKey.size === 0) return [];
    this.byUri.set(uri, { names, byKey, order: before?.order ?? this.nextOrder++, rank });
    return this.reindex(uri, before?.byKey, byKey);
  }

  /** Forgets a closed document; returns the documents whose clashes changed. */
  delete(uri: string): string[] {
    const before = this.byUri.get(uri);
    if (!before) return [];
    this.byUri.delete(uri);
    return this.reindex(uri, before.byKey, new Map());
  }

  /**
   * The other documents with a name that clashes with one of `uri`'s (same case key, another spelling),
   * each with only those names, in the order the documents were first recorded.
   */
  conflicting(uri: string): DocumentNames[] {
    const entry = this.byUri.get(uri);
    if (!entry) return [];
    const found = new Map<string, Set<string>>();
    for (const [key, mine] of entry.byKey) {
      this.lookups++;
      const spellings = this.index.get(key);
      // Only this document's one spelling under the key: nothing clashes, whoever else writes it.
      if (!spellings || (spellings.size === 1 && mine.size === 1)) continue;
      for (const [spelling, uris] of spellings) {
        this.lookups++;
        // Documents that write this document's only spelling add nothing.
        if (mine.size === 1 && mine.has(spelling)) continue;
        for (const other of uris) {
          this.lookups++;
          if (other === uri) continue;
          let names = found.get(other);
          if (!names) found.set(other, (names = new Set()));
          names.add(spelling);
        }
      }
    }
    const others = [...found].map(([other, spellings]) => ({ other, entry: this.byUri.get(other)!, spellings: [...spellings] }));
    others.sort((a, b) => a.entry.order - b.entry.order);
    return others.map(({ other, entry: e, spellings }) => {
      spellings.sort((a, b) => e.rank.get(a)! - e.rank.get(b)!);
      return { uri: other, names: spellings.map((s) => e.names[e.rank.get(s)!]) };
    });
  }

  /**
   * Moves a document's spellings in the index from `before` to `after`; returns the other documents
   * whose clashes changed. Under a key where the document's spellings changed by a set Δ (added or
   * removed), another document's clashes change unless all it writes there is the one spelling of Δ.
   */
  private reindex(uri: string, before: ReadonlyMap<string, ReadonlyMap<string, NameOccurrence>> | undefined, after: ReadonlyMap<string, ReadonlyMap<string, NameOccurrence>>): string[] {
    const affected = new Set<string>();
    const keys = new Set([...(before?.keys() ?? []), ...after.keys()]);
    for (const key of keys) {
      this.lookups++;
      const old = before?.get(key) ?? NO_SPELLINGS;
      const now = after.get(key) ?? NO_SPELLINGS;
      const delta: string[] = [];
      for (const s of old.keys()) if (!now.has(s)) delta.push(s);
      for (const s of now.keys()) if (!old.has(s)) delta.push(s);
      if (delta.length === 0) continue;
      let spellings = this.index.get(key);
      if (!spellings) this.index.set(key, (spellings = new Map()));
      for (const s of delta) {
        this.lookups++;
        let uris = spellings.get(s);
        if (now.has(s)) {
          if (!uris) spellings.set(s, (uris = new Set()));
          uris.add(uri);
        } else if (uris) {
          uris.delete(uri);
          if (uris.size === 0) spellings.delete(s);
        }
      }
      if (spellings.size === 0) this.index.delete(key);
      for (const [spelling, uris] of spellings) {
        this.lookups++;
        if (delta.length === 1 && spelling === delta[0]) continue;
        for (const other of uris) {
          this.lookups++;
          if (other !== uri) affected.add(other);
        }
      }
    }
    return [...affected];
  }
}
