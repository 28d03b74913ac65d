import { parseConnectionString } from '../uri/parser';
import { OptionIndex, resolveOptions } from '../uri/options';
import { ParsedUri } from '../uri/types';
import { Problem, Settings } from '../types';
import { createContext, Rule } from './context';
import { checkScheme } from './scheme';
import { checkUserinfo } from './userinfo';
import { checkHosts } from './hosts';
import { checkSrv } from './srv';
import { checkDatabase } from './database';
import { checkOptions } from './options';
import { checkCrossOptions } from './crossOptions';
import { checkAuth } from './auth';
import { checkAdvice } from './advice';

const RULE_GROUPS: readonly Rule[] = [checkScheme, checkUserinfo, checkHosts, checkSrv, checkDatabase, checkOptions, checkCrossOptions, checkAuth, checkAdvice];

export interface UriCheck {
  parsed: ParsedUri;
  options: OptionIndex;
  problems: Problem[];
}

/** Parses and checks one connection string; problems are in the string's own offsets. */
export function checkConnectionString(text: string, settings: Pick<Settings, 'driver'>): UriCheck {
  const parsed = parseConnectionString(text);
  const options = resolveOptions(parsed);
  const problems: Problem[] = [];
  const ctx = createContext(parsed, options, settings.driver, problems);
  for (const rule of RULE_GROUPS) rule(ctx);
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { parsed, options, problems };
}

export function validateConnectionString(text: string, settings: Pick<Settings, 'driver'>): Problem[] {
  return checkConnectionString(text, settings).problems;
}
