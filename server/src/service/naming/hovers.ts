/** Hover text for database, collection and Atlas names: the rules with their limits, read from the tables. */
import { DATABASE_NAME_FORBIDDEN_UNIX, DATABASE_NAME_FORBIDDEN_WINDOWS, LIMITS, limitLink, SYSTEM_COLLECTION_PREFIX } from '../data/limits';
import { ServerPlatform } from '../api';
import { AtlasNameKind } from '../rules/atlasNames';
import { namespaceLength, utf8Length } from '../rules/names';

function chars(list: readonly string[]): string {
  return list.map((c) => (c === ' ' ? 'space' : `\`${c}\``)).join(' ');
}

function shorten(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

/** The naming rules of databases, as a list; shared by every place a database name appears. */
export function databaseRules(platform: ServerPlatform): string[] {
  const windows =
    platform === 'unix'
      ? `(A server on Windows would also refuse ${chars(DATABASE_NAME_FORBIDDEN_WINDOWS)}; \`mongodbUri.serverPlatform\` is \`unix\`.)`
      : `- none of ${chars(DATABASE_NAME_FORBIDDEN_WINDOWS)} on Windows servers (\`mongodbUri.serverPlatform\`: \`${platform}\`)`;
  return [
    `- ${LIMITS.databaseNameLength.summary}`,
    `- none of ${chars(DATABASE_NAME_FORBIDDEN_UNIX)} and no null character`,
    windows,
    '- names that differ only by case (`salesData`, `SalesData`) cannot both exist: write a name the same way everywhere',
  ];
}

export function databaseHover(name: string, platform: ServerPlatform): string {
  return [
    `**Database** \`${shorten(name)}\` · ${utf8Length(name)} of fewer than ${LIMITS.databaseNameLength.value} bytes`,
    '',
    ...databaseRules(platform),
    '',
    limitLink(LIMITS.databaseNameLength),
  ].join('\n');
}

export function collectionHover(name: string, database: string | undefined): string {
  const lines = [
    `**Collection** \`${shorten(name)}\``,
    '',
    '- should begin with a letter or `_`',
    `- no \`$\`, no null character, not empty; \`${SYSTEM_COLLECTION_PREFIX}\` at the start and \`.${SYSTEM_COLLECTION_PREFIX}\` anywhere are reserved for the server`,
    `- ${LIMITS.namespaceLength.summary}`,
    `- ${LIMITS.shardedNamespaceLength.summary}`,
  ];
  if (database !== undefined) {
    const ns = namespaceLength(database, name);
    lines.push(
      '',
      `Namespace \`${shorten(database)}.${shorten(name)}\`: ${ns.bytes} bytes (at most ${LIMITS.namespaceLength.value}; ${LIMITS.shardedNamespaceLength.value} to be shardable).`,
    );
  }
  lines.push('', limitLink(LIMITS.namespaceLength));
  return lines.join('\n');
}

export function atlasNameHover(name: string, kind: AtlasNameKind): string {
  if (kind === 'cluster') {
    return [
      `**Atlas cluster** \`${shorten(name)}\` · ${name.length} of at most ${LIMITS.atlasClusterNameLength.value} characters`,
      '',
      `- ${LIMITS.atlasClusterNameLength.summary}`,
      `- ${LIMITS.atlasClusterNamePrefix.summary}`,
      '',
      limitLink(LIMITS.atlasClusterNameLength),
    ].join('\n');
  }
  const limit = kind === 'project' ? LIMITS.atlasProjectNameLength : LIMITS.atlasOrganizationNameLength;
  return [`**Atlas ${kind}** \`${shorten(name)}\``, '', `- ${limit.summary}`, '', limitLink(limit)].join('\n');
}
