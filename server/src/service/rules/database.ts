import { rawSpan } from '../uri/percent';
import { RuleContext } from './context';

const FORBIDDEN: Record<string, string> = { '/': '"/"', '\\': '"\\"', ' ': 'a space', '"': '"\\""', $: '"$"', '\0': 'a null character' };

/** The database in the path: decodable, none of `/ \ space " $`, under 64 bytes. */
export function checkDatabase(ctx: RuleContext): void {
  const db = ctx.uri.database;
  if (!db) return;
  // The Node.js driver decodes the path itself and checks nothing else about the name.
  const nodeEscape = ctx.node?.path?.rejection ? 'error' : 'warning';
  for (const bad of db.decoded.badEscapes) {
    ctx.report('database-invalid-escape', bad, 'The "%" in the database name does not start a %XX escape. Write a literal percent sign as %25.', { node: nodeEscape });
  }
  const v = db.value;
  for (let i = 0; i < v.length; i++) {
    const what = FORBIDDEN[v[i]];
    if (what) {
      const extra = v[i] === '/' && !db.decoded.map ? ' (everything after the first "/" is the database name)' : '';
      ctx.report('database-invalid-char', rawSpan(db.decoded, db.span.start, i, i + 1), `A database name cannot contain ${what}${extra}.`, { node: 'warning' });
    }
  }
  const bytes = new TextEncoder().encode(v).length;
  if (bytes >= 64) {
    ctx.report('database-too-long', db.span, `The database name is ${bytes} bytes long; it must be shorter than 64 bytes.`, { node: 'warning' });
  }
}
