/**
 * maxPoolSize against the per-node connection limit of the Atlas tier given in
 * `mongodbUri.atlas.tier`: every application instance may open up to maxPoolSize connections to each
 * node, and Atlas keeps some connections of every node for itself.
 */
import { ATLAS_RESERVED_CONNECTIONS_PER_NODE, isAtlasHost, resolveAtlasTier, ResolvedAtlasTier } from '../data/atlas';
import { findOption } from '../data/uriOptions';
import { LIMITS } from '../data/limits';
import { problemOf } from './ruleTable';
import type { UriCheck } from '.';
import { AtlasSettings, Problem } from '../api';
import { message } from '../data/l10n';

/** The driver default when a connection string gives no maxPoolSize (the option table's default). */
export const DEFAULT_MAX_POOL_SIZE = Number(findOption('maxPoolSize')?.defaultValue ?? NaN);

export interface PoolBudget {
  tier: ResolvedAtlasTier;
  /** Connections per node left to applications. */
  available: number;
  maxPoolSize: number;
  explicit: boolean;
  clientInstances: number;
  /** maxPoolSize × clientInstances; Infinity when maxPoolSize is 0 (no cap). */
  demand: number;
}

/** The pool budget of a connection string, or undefined when no tier is set or its hosts are not Atlas hosts. */
export function poolBudget(check: UriCheck, atlas: AtlasSettings): PoolBudget | undefined {
  if (!atlas.tier) return undefined;
  const tier = resolveAtlasTier(atlas.tier);
  if (!tier || !check.parsed.hosts.some((h) => isAtlasHost(h.host.value))) return undefined;
  const given = check.options.byName.get('maxpoolsize') ?? [];
  const last = given[given.length - 1];
  // A value that is not a number (a placeholder, a typo) is not ours to judge here.
  if (last && typeof last.value !== 'number') return undefined;
  const explicit = last !== undefined;
  const maxPoolSize = explicit ? (last.value as number) : DEFAULT_MAX_POOL_SIZE;
  const clientInstances = Number.isFinite(atlas.clientInstances) && atlas.clientInstances >= 1 ? Math.floor(atlas.clientInstances) : 1;
  return {
    tier,
    available: tier.connectionsPerNode - ATLAS_RESERVED_CONNECTIONS_PER_NODE,
    maxPoolSize,
    explicit,
    clientInstances,
    demand: maxPoolSize === 0 ? Infinity : maxPoolSize * clientInstances,
  };
}

export function checkAtlasConnections(check: UriCheck, atlas: AtlasSettings): Problem[] {
  const budget = poolBudget(check, atlas);
  if (!budget || budget.demand <= budget.available) return [];
  const { tier, available, maxPoolSize, clientInstances } = budget;
  const option = check.options.byName.get('maxpoolsize')?.at(-1);
  const span = option ? option.part.span : check.parsed.hostsSpan;
  const reserved = LIMITS.atlasReservedConnections.value;
  const pool = budget.explicit ? `maxPoolSize=${maxPoolSize}` : message('atlas.poolDefault', { size: maxPoolSize });
  const instances = clientInstances === 1 ? message('atlas.oneInstance') : message('atlas.instances', { count: clientInstances });
  const limit = message('atlas.tierLimit', { tier: tier.name, perNode: tier.connectionsPerNode, reserved, available });
  const text =
    maxPoolSize === 0
      ? message('atlas.poolUncapped', { instances, limit })
      : message('atlas.poolExceeds', { pool, instances, demand: budget.demand, limit });
  return [problemOf('atlas-connections-exceed-tier', span, text, { tier: tier.name, demand: budget.demand, available })];
}
