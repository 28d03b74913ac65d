/**
 * MongoDB Atlas facts used by hover and the connection-limit rule (Atlas Service Limits page,
 * "Connection Limits and Cluster Tier"). Limits apply per node (per mongos router for sharded clusters).
 */
import { DOCS } from './docLinks';
import { LIMITS } from './limits';

export interface AtlasTier {
  tier: string;
  /** Maximum concurrent incoming connections per node, general class. */
  connectionsPerNode: number;
  /** Same, low-CPU class, where the tier exists in that class. */
  lowCpuConnectionsPerNode?: number;
}

export const ATLAS_TIERS: readonly AtlasTier[] = [
  { tier: 'M0', connectionsPerNode: 500 },
  { tier: 'Flex', connectionsPerNode: 500 },
  { tier: 'M10', connectionsPerNode: 1500 },
  { tier: 'M20', connectionsPerNode: 3000 },
  { tier: 'M30', connectionsPerNode: 3000 },
  { tier: 'M40', connectionsPerNode: 6000, lowCpuConnectionsPerNode: 4000 },
  { tier: 'M50', connectionsPerNode: 16000, lowCpuConnectionsPerNode: 16000 },
  { tier: 'M60', connectionsPerNode: 32000, lowCpuConnectionsPerNode: 32000 },
  { tier: 'M80', connectionsPerNode: 96000, lowCpuConnectionsPerNode: 64000 },
  { tier: 'M140', connectionsPerNode: 96000, lowCpuConnectionsPerNode: 96000 },
  { tier: 'M200', connectionsPerNode: 128000, lowCpuConnectionsPerNode: 128000 },
  { tier: 'M300', connectionsPerNode: 128000, lowCpuConnectionsPerNode: 128000 },
  { tier: 'M400', connectionsPerNode: 128000, lowCpuConnectionsPerNode: 128000 },
  { tier: 'M700', connectionsPerNode: 128000, lowCpuConnectionsPerNode: 128000 },
];

/** Connections Atlas keeps back on every node for its own services. */
export const ATLAS_RESERVED_CONNECTIONS_PER_NODE: number = LIMITS.atlasReservedConnections.value;

export const ATLAS_HOST_SUFFIX = '.mongodb.net';

export const ATLAS_DOCS = {
  limits: DOCS.atlasLimits,
  connect: 'https://www.mongodb.com/docs/atlas/connect-to-database-deployment/',
  manual: DOCS.limits,
} as const;

export function isAtlasHost(host: string): boolean {
  return host.toLowerCase().endsWith(ATLAS_HOST_SUFFIX);
}

export function findAtlasTier(tier: string): AtlasTier | undefined {
  const t = tier.trim().toUpperCase();
  return ATLAS_TIERS.find((x) => x.tier.toUpperCase() === t);
}

/** A tier as the `mongodbUri.atlas.tier` setting names it, with the connection limit of its class. */
export interface ResolvedAtlasTier {
  /** As Atlas spells it: `M10`, `R40` (low-CPU), `Flex`. */
  name: string;
  connectionsPerNode: number;
  lowCpu: boolean;
}

/**
 * Reads a tier setting: `M10`, `m30`, `Flex`, or a low-CPU tier as Atlas names it (`R40`, also
 * written `M40 low-CPU`). Undefined when the tier is unknown or the class does not exist for it.
 */
export function resolveAtlasTier(setting: string): ResolvedAtlasTier | undefined {
  const raw = setting.trim().toUpperCase().replace(/[\s_-]+/g, ' ');
  if (raw === '') return undefined;
  const lowCpuSuffix = raw.endsWith(' LOW CPU') || raw.endsWith(' LOWCPU');
  const base = lowCpuSuffix ? raw.slice(0, raw.lastIndexOf(' LOW')).trim() : raw;
  const lowCpu = lowCpuSuffix || /^R\d+$/.test(base);
  const tier = findAtlasTier(lowCpu && base.startsWith('R') ? `M${base.slice(1)}` : base);
  if (!tier) return undefined;
  if (!lowCpu) return { name: tier.tier, connectionsPerNode: tier.connectionsPerNode, lowCpu };
  if (tier.lowCpuConnectionsPerNode === undefined) return undefined;
  return { name: `R${tier.tier.slice(1)}`, connectionsPerNode: tier.lowCpuConnectionsPerNode, lowCpu };
}
