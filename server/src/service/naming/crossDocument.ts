/**
 * Database names that differ only by case across documents: the LSP layer keeps the names of every
 * open document and asks, for one document, which of its names clash with the others'.
 */
import { uriFileName } from '../data/text';
import { rule } from '../rules/ruleTable';
import { Problem } from '../api';
import { caseKey } from '../rules/names';
import type { NameOccurrence } from './analyzeNames';
import { message } from '../data/l10n';

export interface DocumentNames {
  uri: string;
  names: readonly NameOccurrence[];
}


/**
 * Problems (in the document's offsets) for the names of `current` that another document writes with
 * a different case: one per spelling, at its first occurrence. Names clashing inside `current` itself
 * are the core's per-document rule and are not repeated here.
 */
export function crossDocumentCaseConflicts(current: DocumentNames, others: readonly DocumentNames[]): Problem[] {
  if (current.names.length === 0 || others.length === 0) return [];
  const mine = new Map<string, Map<string, NameOccurrence>>();
  for (const o of current.names) {
    const key = caseKey(o.name);
    let spellings = mine.get(key);
    if (!spellings) mine.set(key, (spellings = new Map()));
    if (!spellings.has(o.name)) spellings.set(o.name, o);
  }
  /** Per case key and own spelling: the other documents' different spellings. */
  const clashes = new Map<NameOccurrence, Map<string, string[]>>();
  for (const other of others) {
    if (other.uri === current.uri) continue;
    for (const o of other.names) {
      const spellings = mine.get(caseKey(o.name));
      if (!spellings) continue;
      for (const [spelling, occurrence] of spellings) {
        if (spelling === o.name) continue;
        let byName = clashes.get(occurrence);
        if (!byName) clashes.set(occurrence, (byName = new Map()));
        const files = byName.get(o.name) ?? [];
        const file = uriFileName(other.uri);
        if (!files.includes(file)) files.push(file);
        byName.set(o.name, files);
      }
    }
  }
  const severity = rule('database-case-conflict').severity;
  const out: Problem[] = [];
  for (const [occurrence, byName] of clashes) {
    const list = [...byName].map(([name, files]) => message('naming.inFiles', { name, files: files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '') })).join('; ');
    out.push({
      ruleId: 'database-case-conflict',
      severity,
      span: occurrence.span,
      message: message('naming.caseConflictFiles', { name: occurrence.name, list }),
      data: { otherDocuments: [...new Set([...byName.values()].flat())] },
    });
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
