/** Markdown for options, values and mechanisms: written once, shown by hover and completion. */
import { AuthMechanism } from '../data/authMechanisms';
import { OPTION_VALUE_DOCS, readersOf, UriOption } from '../data/uriOptions';
import { message } from '../data/l10n';

function typeText(o: UriOption): string {
  switch (o.type) {
    case 'boolean':
      return 'boolean (`true` or `false`)';
    case 'integer': {
      const min = o.min !== undefined ? `${o.min}` : undefined;
      const max = o.max !== undefined ? `${o.max}` : undefined;
      const range = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : '';
      const special = o.specialValues?.length ? `, or ${o.specialValues.join(', ')}` : '';
      return `integer${o.int64 ? ' (64-bit)' : ''}${range ? `, ${range}${special}` : ''}`;
    }
    case 'enum':
      return 'one of ' + (o.values ?? []).map((v) => `\`${v}\``).join(', ');
    case 'stringList':
      return `comma-separated list${o.values ? ' of ' + o.values.map((v) => `\`${v}\``).join(', ') : ''}`;
    case 'keyValueList':
      return '`KEY:value` pairs separated by commas';
    case 'tagSet':
      return 'a tag set `key:value,key:value`; repeat the option for fallbacks; empty means any member';
    case 'writeConcern':
      return 'a non-negative integer, `majority`, or a custom write concern name';
    default:
      return o.values?.length ? `string (for example ${o.values.map((v) => `\`${v}\``).join(', ')})` : 'string';
  }
}

function driversText(o: UriOption): string {
  // The Node.js driver's rejection is its note (NodeSupport.note), which follows.
  if (o.origin === 'drivers') return `read by the ${readersOf(o)} drivers; other drivers ignore it with a warning.`;
  if (o.origin === 'node') return o.node.accepted ? 'Node.js driver only; other drivers ignore it with a warning.' : 'Rejected by the Node.js driver in a connection string.';
  const node = o.node.accepted ? 'accepted by the Node.js driver' : '**not supported by the Node.js driver** (MongoClient throws)';
  const optional = o.optionalInSpec ? `Optional in the specification${o.specNote ? ` (${o.specNote})` : ''}; ` : 'All spec-conformant drivers; ';
  return optional + node + '.';
}

/** Rendered documentation by option: the tables never change, and completion shows every option's. */
const renderedDocs = new WeakMap<UriOption, string>();

/** Full documentation of an option (hover on a key; completion item documentation). */
export function optionDoc(o: UriOption): string {
  let doc = renderedDocs.get(o);
  if (doc === undefined) {
    doc = renderOptionDoc(o);
    renderedDocs.set(o, doc);
  }
  return doc;
}

function renderOptionDoc(o: UriOption): string {
  const lines = [`**${o.name}** — ${typeText(o)}`, '', o.description, ''];
  if (o.defaultValue) lines.push(`Default: ${o.defaultValue}${o.node.defaultValue ? ` (Node.js driver: ${o.node.defaultValue})` : ''}`, '');
  if (o.deprecated) lines.push(`Deprecated: ${message(o.deprecated.note)}`, '');
  if (o.srvOnly) lines.push('Only with `mongodb+srv://`.', '');
  if (o.repeatable) lines.push('May be given more than once; order matters.', '');
  lines.push(`Drivers: ${driversText(o)}${o.node.note ? ' ' + o.node.note : ''}`, '', `[Documentation](${o.docs})`);
  return lines.join('\n');
}

/** One line for completion details. */
export function optionDetail(o: UriOption): string {
  const t = o.type === 'enum' ? 'enum' : o.type;
  const only = o.origin === 'node' ? ' · Node.js only' : o.origin === 'drivers' ? ` · ${readersOf(o)} only` : '';
  return `${t}${o.defaultValue ? ` · default ${o.defaultValue}` : ''}${only}${o.deprecated ? ' · deprecated' : ''}`;
}

export function valueDoc(o: UriOption, value: string): string | undefined {
  return OPTION_VALUE_DOCS[o.name]?.[value];
}

export function mechanismDoc(m: AuthMechanism): string {
  const req = (r: string) => (r === 'required' ? 'required' : r === 'forbidden' ? 'not allowed' : 'optional');
  const lines = [`**${m.name}**`, '', m.description, '', `Username: ${req(m.username)} · Password: ${req(m.password)} · authSource: ${m.externalOnly ? '`$external` only' : m.defaultSource === 'database-or-admin' ? 'defaults to the path database, else `admin`' : m.defaultSource === 'database-or-$external' ? 'defaults to the path database, else `$external`' : '`$external`'}`];
  const props = m.properties.filter((p) => p.uriAllowed);
  if (props.length) lines.push('', 'Properties: ' + props.map((p) => `\`${p.name}\``).join(', '));
  if (m.notes?.length) lines.push('', ...m.notes.map((n) => `- ${n}`));
  lines.push('', `[Documentation](${m.docs})`);
  return lines.join('\n');
}
