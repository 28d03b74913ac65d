import { RuleContext } from './context';

/** The scheme must be exactly `mongodb://` or `mongodb+srv://`. */
export function checkScheme(ctx: RuleContext): void {
  const { scheme, text } = ctx.uri;
  if (scheme.kind === 'mongodb' || scheme.kind === 'mongodb+srv') return;
  if (text.length === 0) {
    ctx.report('scheme-invalid', { start: 0, end: 0 }, 'The connection string is empty. It must start with mongodb:// or mongodb+srv://.');
    return;
  }
  if (scheme.kind === 'missing') {
    const end = Math.min(text.length, Math.max(1, ctx.uri.hostsSpan.end));
    ctx.report('scheme-invalid', { start: 0, end }, 'The connection string has no scheme. Start it with mongodb:// (or mongodb+srv:// for a DNS seed list).', {
      data: { replacement: 'mongodb://', replaceSpan: { start: 0, end: 0 }, title: 'Add mongodb://' },
    });
    return;
  }
  const raw = scheme.raw;
  const lower = raw.toLowerCase();
  // The separator: "://", or ":/" with a slash missing (then the fix rewrites the separator too).
  const oneSlash = ctx.uri.bodyStart === scheme.span.end + 2;
  let suggestion = 'mongodb';
  let why = `"${raw}" is not a MongoDB scheme`;
  if ((lower === 'mongodb' || lower === 'mongodb+srv') && raw === lower) {
    suggestion = lower;
    why = 'The scheme is followed by one slash';
  } else if (lower === 'mongodb' || lower === 'mongodb+srv') {
    suggestion = lower;
    why = `The scheme must be written in lower case`;
  } else if (lower.includes('srv')) {
    suggestion = 'mongodb+srv';
  }
  const span = oneSlash ? { start: scheme.span.start, end: ctx.uri.bodyStart } : scheme.span;
  ctx.report('scheme-invalid', span, `${why}: use ${suggestion}://.`, {
    data: oneSlash
      ? { replacement: `${suggestion}://`, replaceSpan: span, title: `Change the scheme to ${suggestion}://` }
      : { replacement: suggestion, title: `Change the scheme to ${suggestion}://` },
  });
}
