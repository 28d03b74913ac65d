import { Problem, Settings } from '../types';

/** Temporary minimal checks; replaced by the full rule set. */
export function validateConnectionString(text: string, _settings: Settings): Problem[] {
  const problems: Problem[] = [];
  const m = /^mongodb(\+srv)?:\/\/[^/?]*?:(\d+)(?=[/?,]|$)/.exec(text);
  if (m) {
    const port = Number(m[2]);
    const start = m[0].length - m[2].length;
    if (port < 1 || port > 65535) {
      problems.push({
        ruleId: 'port-invalid',
        severity: 'error',
        span: { start, end: start + m[2].length },
        message: `Port ${m[2]} is out of range (1–65535).`,
      });
    }
  }
  return problems;
}
