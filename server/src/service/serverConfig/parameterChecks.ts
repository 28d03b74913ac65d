/**
 * The value checks and hovers of server parameters (data/serverParameters.ts), shared by mongod.conf
 * (serverConfig/mongodConf.ts) and setParameter commands in code (serverConfig/setParameterCommands.ts).
 */
import type { ParameterType, ServerParameter } from '../data/serverParameters';
import type { RuleId } from '../rules/ruleTable';
import { message, type PlainMessageId } from '../data/l10n';

/**
 * A value as the server reads it: the configuration file gives every setParameter value as text (the
 * server parses it by the parameter's type); a command document gives typed BSON values.
 */
export type ParameterValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'container' };

export interface ParameterFinding {
  ruleId: RuleId;
  message: string;
}

const TYPE_NAMES: Record<ParameterType, PlainMessageId> = {
  boolean: 'serverParameter.typeBoolean',
  integer: 'serverParameter.typeInteger',
  number: 'serverParameter.typeNumber',
};

/** The units of the parameter table, as messages name them (a unit missing here is shown as the table spells it). */
const UNITS: Readonly<Record<string, PlainMessageId>> = {
  megabytes: 'serverParameter.unitMegabytes',
  keys: 'serverParameter.unitKeys',
  seconds: 'serverParameter.unitSeconds',
  milliseconds: 'serverParameter.unitMilliseconds',
};

/** What happens below the documented minimum of a parameter whose minimum is advice, by parameter name. */
const BELOW_MINIMUM: Readonly<Record<string, PlainMessageId>> = {
  'replication.oplogSizeMB': 'serverParameter.oplogBelowMinimum',
};

function unitOf(p: ServerParameter): string {
  if (!p.unit) return '';
  return ` ${Object.prototype.hasOwnProperty.call(UNITS, p.unit) ? message(UNITS[p.unit]!) : p.unit}`;
}

function belowMinimumOf(p: ServerParameter): string {
  return Object.prototype.hasOwnProperty.call(BELOW_MINIMUM, p.name) ? message(BELOW_MINIMUM[p.name]!) : (p.belowMinimum ?? '');
}

function wrongType(p: ServerParameter, what: string): ParameterFinding {
  return { ruleId: 'server-parameter-type', message: message('serverParameter.wrongType', { name: p.name, type: message(TYPE_NAMES[p.type]), what }) };
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const WHOLE = /^[+-]?\d+$/;

function quoted(s: string): string {
  return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
}

/** The number a value stands for, or a finding when its type is wrong. */
function numberOf(p: ServerParameter, v: ParameterValue): number | ParameterFinding {
  const wrong = (what: string): ParameterFinding => wrongType(p, what);
  switch (v.kind) {
    case 'text':
      if (p.type === 'integer' ? !WHOLE.test(v.text) : !DECIMAL.test(v.text)) return wrong(quoted(v.text));
      return Number(v.text);
    case 'number':
      if (p.type === 'integer' && !Number.isInteger(v.value)) return wrong(String(v.value));
      return v.value;
    case 'boolean':
      return wrong(String(v.value));
    case 'string':
      return wrong(message('serverParameter.string', { value: quoted(v.value) }));
    default:
      return wrong(message('serverParameter.container'));
  }
}

/** Why the server refuses (or works badly with) a value of the parameter; undefined when it is fine. */
export function checkParameter(p: ServerParameter, v: ParameterValue): ParameterFinding | undefined {
  if (p.type === 'boolean') {
    if (v.kind === 'boolean') return undefined;
    if (v.kind === 'text' && /^(?:true|false|1|0)$/.test(v.text)) return undefined;
    if (v.kind === 'number' && (v.value === 0 || v.value === 1)) return undefined;
    const what =
      v.kind === 'text'
        ? quoted(v.text)
        : v.kind === 'string'
          ? message('serverParameter.string', { value: quoted(v.value) })
          : v.kind === 'number'
            ? String(v.value)
            : message('serverParameter.container');
    return wrongType(p, what);
  }
  const n = numberOf(p, v);
  if (typeof n !== 'number') return n;
  const unit = unitOf(p);
  if (p.minimumAdvice && p.min !== undefined) {
    if (n <= 0) return { ruleId: 'server-parameter-range', message: message('serverParameter.positive', { name: p.name, value: n }) };
    if (n < p.min) {
      return {
        ruleId: 'oplog-size-small',
        message: message('serverParameter.belowMinimum', { name: p.name, value: n, unit, min: p.min, consequence: belowMinimumOf(p) }),
      };
    }
    return undefined;
  }
  if (p.min !== undefined && n < p.min) {
    const range = p.max !== undefined ? message('serverParameter.rangeBetween', { min: p.min, max: p.max }) : message('serverParameter.rangeAtLeast', { min: p.min, unit });
    return { ruleId: 'server-parameter-range', message: message('serverParameter.range', { name: p.name, value: n, range }) };
  }
  if (p.max !== undefined && n > p.max) {
    const range = p.min !== undefined ? message('serverParameter.rangeBetween', { min: p.min, max: p.max }) : message('serverParameter.rangeAtMost', { max: p.max, unit });
    return { ruleId: 'server-parameter-range', message: message('serverParameter.range', { name: p.name, value: n, range }) };
  }
  return undefined;
}

/** Markdown: what the parameter does, its type, default and bounds, and where it is set. */
export function parameterHover(p: ServerParameter): string {
  const type = `${p.type === 'boolean' ? 'boolean' : p.type}${p.unit ? `, in ${p.unit}` : ''}`;
  const lines = [`**${p.name}** (${p.kind === 'setParameter' ? 'server parameter' : 'configuration option'}, ${type})`, '', p.summary, '', `- Default: ${p.default}`];
  if (p.min !== undefined && p.max !== undefined) lines.push(`- Accepted values: ${p.min} to ${p.max}`);
  else if (p.min !== undefined) lines.push(`- ${p.minimumAdvice ? 'Documented minimum' : 'Minimum'}: ${p.min}${p.unit ? ` ${p.unit}` : ''}`);
  if (p.belowMinimum && p.min !== undefined) lines.push(`- Below that: ${p.belowMinimum}.`);
  if (p.kind === 'setParameter') {
    lines.push(
      p.runtime
        ? '- Set at startup (`setParameter:` in mongod.conf, `--setParameter`) or while the server runs (`db.adminCommand({ setParameter: 1, … })`).'
        : '- Set at startup only (`setParameter:` in mongod.conf, `--setParameter`); the server refuses to change it while it runs.',
    );
  }
  lines.push('', `[${p.name} in the MongoDB manual](${p.docs})`);
  return lines.join('\n');
}
