import { parseConnectionString } from '../uri/parser';
import { OptionIndex, resolveOptions } from '../uri/options';
import { ParsedUri } from '../uri/types';
import { maskSecrets, secretMasker, secretTexts } from '../uri/secrets';
import { Problem, Settings, Span } from '../api';
import { createContext, Rule } from './context';
import { driverProfile } from './profile';
import { checkScheme } from './scheme';
import { checkUserinfo } from './userinfo';
import { checkHosts } from './hosts';
import { checkSrv } from './srv';
import { checkDatabase } from './database';
import { checkOptions } from './options';
import { checkCrossOptions } from './crossOptions';
import { checkAuth } from './auth';
import { checkAdvice } from './advice';
import { checkNodeDriver } from './nodeDriver';
import { readAsNodeDriver } from '../uri/nodeUri';
import { resolveNodeOptions } from './nodeOptions';

/** checkNodeDriver runs last: it adds what only the Node.js driver rejects and nothing said so far covers. */
const RULE_GROUPS: readonly Rule[] = [
  checkScheme, checkUserinfo, checkHosts, checkSrv, checkDatabase, checkOptions, checkCrossOptions, checkAuth, checkAdvice, checkNodeDriver,
];

export interface UriCheck {
  parsed: ParsedUri;
  options: OptionIndex;
  problems: Problem[];
}

/** Parses and checks one connection string; problems are in the string's own offsets. */
export function checkConnectionString(
  text: string,
  settings: Pick<Settings, 'driver'> & Partial<Pick<Settings, 'serverPlatform' | 'nodeProject'>>,
  languageId?: string,
  /** The string's placeholders, when the caller drops the problems that overlap them (see RuleContext.hidden). */
  placeholders?: () => readonly Span[],
  /** The document it is written in (RuleContext.documentUri). */
  documentUri?: string,
): UriCheck {
  const driver = driverProfile(settings, languageId, documentUri);
  const parsed = parseConnectionString(text);
  const options = resolveOptions(parsed);
  const problems: Problem[] = [];
  // Under the Node profile the rules judge the options the driver reads (its URL layer splits the query
  // differently); when that layer already rejects the string, the specification's reading is kept.
  const node = driver === 'node' ? readAsNodeDriver(text) : undefined;
  const nodeOptions = node && !node.rejection ? resolveNodeOptions(parsed, node, options) : undefined;
  const ctx = createContext(parsed, nodeOptions ? nodeOptions.index : options, driver, problems, node, placeholders);
  if (nodeOptions) ctx.nodeShadowed = nodeOptions.shadowed;
  if (settings.serverPlatform) ctx.serverPlatform = settings.serverPlatform;
  if (languageId) ctx.languageId = languageId;
  if (documentUri) ctx.documentUri = documentUri;
  for (const rule of RULE_GROUPS) rule(ctx);
  maskProblemSecrets(problems, parsed);
  if (problems.length > 1) problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { parsed, options, problems };
}

/**
 * No message or fix title repeats a secret of the string, whatever rule built it (a misread password
 * echoed as a host, an option value quoted back). Secrets shorter than 3 characters are left: masking
 * them would mask letters of every word.
 */
function maskProblemSecrets(problems: Problem[], parsed: ParsedUri): void {
  if (problems.length === 0) return;
  let secrets = secretTexts(parsed);
  if (secrets.length === 0) return;
  // Nearly always one password of 3 characters or more: kept as it is, without a copy of the list.
  if (secrets.length !== 1 || secrets[0].length < 3) {
    secrets = secrets.filter((s) => s.length >= 3);
    if (secrets.length === 0) return;
  }
  // A few secrets are masked as secretMasker would, without the function it makes for them.
  const mask = secrets.length <= 8 ? undefined : secretMasker(secrets);
  if (mask === undefined) {
    for (const p of problems) {
      p.message = maskSecrets(p.message, secrets);
      if (p.data && typeof p.data.title === 'string') p.data.title = maskSecrets(p.data.title, secrets);
    }
    return;
  }
  for (const p of problems) {
    p.message = mask(p.message);
    if (p.data && typeof p.data.title === 'string') p.data.title = mask(p.data.title);
  }
}

export function validateConnectionString(text: string, settings: Pick<Settings, 'driver'>, languageId?: string): Problem[] {
  return checkConnectionString(text, settings, languageId).problems;
}
