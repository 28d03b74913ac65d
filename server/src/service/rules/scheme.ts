import { RuleContext } from './context';
import { message } from '../data/l10n';

/** The scheme must be exactly `mongodb://` or `mongodb+srv://`. */
export function checkScheme(ctx: RuleContext): void {
  const { scheme, text } = ctx.uri;
  if (scheme.kind === 'mongodb' || scheme.kind === 'mongodb+srv') return;
  if (text.length === 0) {
    ctx.report('scheme-invalid', { start: 0, end: 0 }, message('scheme.empty'));
    return;
  }
  if (scheme.kind === 'missing') {
    const end = Math.min(text.length, Math.max(1, ctx.uri.hostsSpan.end));
    ctx.report('scheme-invalid', { start: 0, end }, message('scheme.missing'), {
      data: { replacement: 'mongodb://', replaceSpan: { start: 0, end: 0 }, title: message('fix.addScheme') },
    });
    return;
  }
  const raw = scheme.raw;
  const lower = raw.toLowerCase();
  // The separator: "://", or ":/" with a slash missing (then the fix rewrites the separator too).
  const oneSlash = ctx.uri.bodyStart === scheme.span.end + 2;
  let suggestion = 'mongodb';
  let why = message('scheme.notMongoDb', { scheme: raw });
  if ((lower === 'mongodb' || lower === 'mongodb+srv') && raw === lower) {
    suggestion = lower;
    why = message('scheme.oneSlash');
  } else if (lower === 'mongodb' || lower === 'mongodb+srv') {
    suggestion = lower;
    why = message('scheme.lowerCase');
  } else if (lower.includes('srv')) {
    suggestion = 'mongodb+srv';
  }
  const span = oneSlash ? { start: scheme.span.start, end: ctx.uri.bodyStart } : scheme.span;
  ctx.report('scheme-invalid', span, message('scheme.use', { why, scheme: suggestion }), {
    data: oneSlash
      ? { replacement: `${suggestion}://`, replaceSpan: span, title: message('fix.changeScheme', { scheme: suggestion }) }
      : { replacement: suggestion, title: message('fix.changeScheme', { scheme: suggestion }) },
  });
}
