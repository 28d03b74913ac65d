/**
 * Authentication mechanisms a connection string may name, with the credential rules of the auth
 * specification (source/auth/auth.md and its connection-string tests). Node.js driver differences are
 * noted where they change what a URI may contain.
 */
import { DOCS } from './docLinks';
import { asciiLower } from './text';

export type Requirement = 'required' | 'optional' | 'forbidden';

/** Authentication source that names no database: credentials checked outside MongoDB. */
export const EXTERNAL_AUTH_SOURCE = '$external';
const EXTERNAL = EXTERNAL_AUTH_SOURCE;

/**
 * Where credentials are looked up when authSource is not given: the database in the URI path or
 * else admin; the path database or else $external; always $external.
 */
export type DefaultSource = 'database-or-admin' | `database-or-${typeof EXTERNAL_AUTH_SOURCE}` | typeof EXTERNAL_AUTH_SOURCE;

export interface MechanismProperty {
  /** Upper-case name as the spec writes it; names are matched case-insensitively. */
  name: string;
  values?: readonly string[];
  defaultValue?: string;
  description: string;
  /** False when the property may only be set from code (or is no longer allowed at all) and is an error in a URI. */
  uriAllowed: boolean;
}

export interface AuthMechanism {
  name: string;
  username: Requirement;
  password: Requirement;
  defaultSource: DefaultSource;
  /** Only $external is allowed as authSource. */
  externalOnly: boolean;
  /** Properties allowed in authMechanismProperties; empty means none are allowed. */
  properties: readonly MechanismProperty[];
  description: string;
  notes?: readonly string[];
  docs: string;
  deprecated?: string;
  /** What the Node.js driver does with the mechanism. */
  node: NodeMechanism;
}

/**
 * The mechanism as the Node.js driver builds and checks its credential while `new MongoClient(uri)` runs
 * (lib/cmap/auth/providers.js, lib/cmap/auth/mongo_credentials.js and lib/connection_string.js).
 * Where a field is absent the driver does what the mechanism's own fields say (defaultSource and
 * externalOnly always agree with the specification).
 */
export interface NodeMechanism {
  /** False: the driver knows no mechanism of this name. */
  accepted: boolean;
  /**
   * Place in the driver's AuthMechanism list. An authMechanism value becomes the first name of that list
   * it matches as a word, case-insensitively, so SCRAM is SCRAM-SHA-1.
   */
  order: number;
  /** required: the driver throws without a username; forbidden: it throws on one. */
  username?: Requirement;
  /** forbidden: the driver throws on a non-empty password; optional: it does not check. */
  password?: Requirement;
  /** A wrong authSource is already rejected while the URI is read, before the credential itself is checked. */
  sourceCheckedWhileParsing?: boolean;
  /** ENVIRONMENT values the driver accepts. */
  environments?: readonly string[];
  /** ENVIRONMENT values a username may come with. */
  usernameEnvironments?: readonly string[];
  /** ENVIRONMENT values that need TOKEN_RESOURCE. */
  tokenResourceEnvironments?: readonly string[];
  /**
   * CANONICALIZE_HOST_NAME values the driver accepts (`true` and `false` arrive as booleans); absent when
   * the driver returns before it checks the property.
   */
  canonicalize?: readonly (string | boolean)[];
}

/** A mechanism as the Node.js driver's checks need it; the table's rows are such mechanisms too. */
export type NodeAuthMechanism = Pick<AuthMechanism, 'name' | 'username' | 'password' | 'defaultSource' | 'externalOnly' | 'node'>;

export const OIDC_ENVIRONMENTS: readonly string[] = ['test', 'azure', 'gcp', 'k8s'];
/** ENVIRONMENT values that need TOKEN_RESOURCE; with the others TOKEN_RESOURCE is an error. */
export const OIDC_TOKEN_RESOURCE_ENVIRONMENTS: readonly string[] = ['azure', 'gcp'];
/** CANONICALIZE_HOST_NAME values; true and false are the older spellings of forward and none. */
export const CANONICALIZE_HOST_NAME_VALUES: readonly string[] = ['none', 'forward', 'forwardAndReverse', 'true', 'false'];
/** ENVIRONMENT values with which MONGODB-OIDC takes a username (the client id of a managed identity). */
export const OIDC_USERNAME_ENVIRONMENTS: readonly string[] = ['azure'];

/** CANONICALIZE_HOST_NAME values as the Node.js driver compares them, after 'true' and 'false' became booleans. */
const NODE_CANONICALIZE: readonly (string | boolean)[] = CANONICALIZE_HOST_NAME_VALUES.map((v) => (v === 'true' ? true : v === 'false' ? false : v));

const SCRAM_NOTES: readonly string[] = [
  'A non-empty username is required; the password must be given too.',
  'No mechanism properties are allowed.',
  'Without authSource the database in the path is used, else admin.',
];

export const AUTH_MECHANISMS: readonly AuthMechanism[] = [
  {
    name: 'SCRAM-SHA-1',
    username: 'required',
    password: 'required',
    defaultSource: 'database-or-admin',
    externalOnly: false,
    properties: [],
    description:
      'Salted challenge-response login with a username and password, using SHA-1. Still supported; choose it only for users that lack SHA-256 credentials.',
    notes: SCRAM_NOTES,
    docs: DOCS.scram,
    node: { accepted: true, order: 4, password: 'optional', canonicalize: NODE_CANONICALIZE },
  },
  {
    name: 'SCRAM-SHA-256',
    username: 'required',
    password: 'required',
    defaultSource: 'database-or-admin',
    externalOnly: false,
    properties: [],
    description:
      'Salted challenge-response login with a username and password, using SHA-256. This is what the driver negotiates by default when the server offers it.',
    notes: [...SCRAM_NOTES, 'The password is normalised with SASLprep before hashing.'],
    docs: DOCS.scram,
    node: { accepted: true, order: 5, password: 'optional', canonicalize: NODE_CANONICALIZE },
  },
  {
    name: 'MONGODB-X509',
    username: 'optional',
    password: 'forbidden',
    defaultSource: EXTERNAL,
    externalOnly: true,
    properties: [],
    description:
      'Authenticates with the TLS client certificate; the certificate subject is the user. Needs TLS and a client certificate (tlsCertificateKeyFile).',
    notes: [
      'The username may be left out; if given it must equal the certificate subject, percent-encoded.',
      'A password is an error (Node treats an empty one as absent).',
      `authSource may only be ${EXTERNAL}.`,
      'No mechanism properties are allowed.',
    ],
    docs: DOCS.x509,
    node: { accepted: true, order: 6, sourceCheckedWhileParsing: true },
  },
  {
    name: 'GSSAPI',
    username: 'required',
    password: 'optional',
    defaultSource: EXTERNAL,
    externalOnly: true,
    properties: [
      {
        name: 'SERVICE_NAME',
        defaultValue: 'mongodb',
        description: 'Kerberos service name of the server principal; change it only if the server runs under a different name.',
        uriAllowed: true,
      },
      {
        name: 'CANONICALIZE_HOST_NAME',
        values: CANONICALIZE_HOST_NAME_VALUES,
        defaultValue: 'none',
        description:
          'How the host name is resolved before building the service principal: not at all, by forward DNS, or forward then reverse DNS. true and false are older spellings.',
        uriAllowed: true,
      },
      {
        name: 'SERVICE_REALM',
        description: 'Kerberos realm of the service principal when it differs from the user\'s realm.',
        uriAllowed: true,
      },
      {
        name: 'SERVICE_HOST',
        description: 'Host name to use in the service principal instead of the host being connected to.',
        uriAllowed: true,
      },
    ],
    description: 'Kerberos login (MongoDB Enterprise). The user principal is the username; the password is optional when a ticket is available.',
    notes: [
      'A non-empty username is required; a realm may be included as user%40REALM.',
      `authSource may only be ${EXTERNAL}; the database in the path is ignored for authentication.`,
      'Any CANONICALIZE_HOST_NAME value outside the listed ones is an error.',
      'gssapiServiceName is the older way to set SERVICE_NAME.',
    ],
    docs: DOCS.kerberos,
    node: { accepted: true, order: 2, sourceCheckedWhileParsing: true, canonicalize: NODE_CANONICALIZE },
  },
  {
    name: 'PLAIN',
    username: 'required',
    password: 'required',
    defaultSource: 'database-or-$external',
    externalOnly: false,
    properties: [],
    description:
      'SASL PLAIN login, used for LDAP users (MongoDB Enterprise, Atlas). The password travels as clear text inside the connection, so use it only over TLS.',
    notes: [
      'A non-empty username is required; the password must be given too.',
      `Without authSource the database in the path is used, else ${EXTERNAL}.`,
      'No mechanism properties are allowed.',
    ],
    docs: DOCS.ldap,
    node: { accepted: true, order: 3, password: 'optional', canonicalize: NODE_CANONICALIZE },
  },
  {
    name: 'MONGODB-AWS',
    username: 'forbidden',
    password: 'forbidden',
    defaultSource: EXTERNAL,
    externalOnly: true,
    properties: [
      {
        name: 'AWS_SESSION_TOKEN',
        description: 'Session token of temporary AWS credentials. No longer allowed: credentials come from the AWS environment.',
        uriAllowed: false,
      },
      {
        name: 'AWS_CREDENTIAL_PROVIDER',
        description: 'Custom provider of AWS credentials; it can only be passed from code.',
        uriAllowed: false,
      },
    ],
    description:
      'Authenticates with AWS IAM credentials taken from the environment (environment variables, shared config, ECS or EC2 roles, web identity), never from the URI.',
    notes: [
      'A username or password in the URI is an error; so is AWS_SESSION_TOKEN.',
      `authSource may only be ${EXTERNAL}.`,
    ],
    docs: DOCS.awsIam,
    node: { accepted: true, order: 0, canonicalize: NODE_CANONICALIZE },
  },
  {
    name: 'MONGODB-OIDC',
    username: 'optional',
    password: 'forbidden',
    defaultSource: EXTERNAL,
    externalOnly: true,
    properties: [
      {
        name: 'ENVIRONMENT',
        values: OIDC_ENVIRONMENTS,
        description: 'Built-in way to obtain a token: test (a file for testing), azure, gcp or k8s.',
        uriAllowed: true,
      },
      {
        name: 'TOKEN_RESOURCE',
        description: 'Audience of the token requested from Azure or Google Cloud; it may contain colons but not commas.',
        uriAllowed: true,
      },
      {
        name: 'OIDC_CALLBACK',
        description: 'Function that fetches a token for machine workflows; it can only be passed from code.',
        uriAllowed: false,
      },
      {
        name: 'OIDC_HUMAN_CALLBACK',
        description: 'Function that runs an interactive login for human workflows; it can only be passed from code.',
        uriAllowed: false,
      },
      {
        name: 'ALLOWED_HOSTS',
        description: 'Hosts the human workflow may send tokens to; it must never appear in a URI.',
        uriAllowed: false,
      },
    ],
    description:
      'Authenticates with an OpenID Connect token from an identity provider, obtained through a built-in cloud environment or a callback in code.',
    notes: [
      'With only a URI, ENVIRONMENT is required and must be test, azure, gcp or k8s.',
      'TOKEN_RESOURCE is required with azure and gcp and an error with the other environments.',
      'A username is the managed identity client ID with azure; it is an error with test (Node also rejects it with gcp and k8s).',
      'A password is always an error; so is an unknown property.',
      `authSource may only be ${EXTERNAL}.`,
    ],
    docs: DOCS.oidc,
    node: {
      accepted: true, order: 7, environments: OIDC_ENVIRONMENTS, usernameEnvironments: OIDC_USERNAME_ENVIRONMENTS,
      tokenResourceEnvironments: OIDC_TOKEN_RESOURCE_ENVIRONMENTS, canonicalize: NODE_CANONICALIZE,
    },
  },
];

/** The mechanism names, in the order of the table. */
export const AUTH_MECHANISM_NAMES: readonly string[] = AUTH_MECHANISMS.map((m) => m.name);

/**
 * DEFAULT: the Node.js driver's own name for "negotiate with the server" (SCRAM), which no
 * specification knows. It needs no username.
 */
export const NODE_DEFAULT_MECHANISM: NodeAuthMechanism = {
  name: 'DEFAULT',
  username: 'optional',
  password: 'optional',
  defaultSource: 'database-or-admin',
  externalOnly: false,
  node: { accepted: true, order: 1, canonicalize: NODE_CANONICALIZE },
};

/** The mechanisms the Node.js driver knows, in the order of its AuthMechanism list. */
export const NODE_AUTH_MECHANISMS: readonly NodeAuthMechanism[] = [...AUTH_MECHANISMS, NODE_DEFAULT_MECHANISM]
  .filter((m) => m.node.accepted)
  .sort((a, b) => a.node.order - b.node.order);

/** Mechanisms that once existed and are no longer accepted. */
export const REMOVED_MECHANISMS: readonly { name: string; note: string; replacement: string }[] = [
  {
    name: 'MONGODB-CR',
    note: 'The old challenge-response mechanism was removed from MongoDB 4.0 and from current drivers; migrate the user to SCRAM.',
    replacement: 'SCRAM-SHA-256',
  },
];

const BY_LOWER_NAME: ReadonlyMap<string, AuthMechanism> = new Map(AUTH_MECHANISMS.map((m) => [asciiLower(m.name), m]));

/** Exact, case-sensitive match, as the spec writes mechanism names. */
export function findMechanism(name: string): AuthMechanism | undefined {
  return AUTH_MECHANISMS.find((m) => m.name === name);
}

/** Case-insensitive match (ASCII only), to suggest the right spelling. */
export function findMechanismIgnoreCase(name: string): AuthMechanism | undefined {
  return BY_LOWER_NAME.get(asciiLower(name));
}

/** A property of a mechanism by name; property names are case-insensitive. */
export function findMechanismProperty(mechanism: AuthMechanism, key: string): MechanismProperty | undefined {
  const lower = asciiLower(key);
  return mechanism.properties.find((p) => asciiLower(p.name) === lower);
}
