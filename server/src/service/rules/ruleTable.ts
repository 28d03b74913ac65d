/**
 * Every rule, once: its id (also the diagnostic `code` and the `mongodbUri.rules.<id>` setting key),
 * its default severity under the MongoDB specifications, and what it checks.
 * Severity policy: what a driver MUST reject is an error; what it must ignore with a warning is a
 * warning; opinions are information or hints.
 */
import { Severity } from '../types';
import { DOCS } from '../data/docs';
import { ADMIN_DOCS } from '../data/adminCommands';
import { LIMITS as L } from '../data/limits';

export interface RuleInfo {
  id: string;
  severity: Severity;
  group: 'scheme' | 'userinfo' | 'hosts' | 'srv' | 'database' | 'options' | 'cross-option' | 'auth' | 'advice' | 'node' | 'admin' | 'naming' | 'atlas' | 'limits';
  title: string;
  /**
   * What the rule finds, what the driver or server does about it at run time, and what to write instead:
   * one to three plain sentences (SARIF fullDescription, the help of the CLI's SARIF output).
   */
  description: string;
  docs: string;
  /** A security finding (credentials or traffic exposed): tagged `security` in SARIF. */
  security?: true;
}

// Every URL comes from the documentation table: each fact lives once.
const CS = DOCS.connectionString;
const OPTS = DOCS.options;
const AUTH = DOCS.auth;
const SRV = DOCS.srvFormat;
const LIMITS = DOCS.namingRestrictions;
const TLS = DOCS.tlsOptions;
const PROXY = DOCS.nodeSocks;
const READPREF = DOCS.readPreference;
const WC = DOCS.writeConcern;
const NODE = DOCS.nodeOptions;
const NODE_AUTH = DOCS.nodeAuth;
const NAMES = DOCS.namingRestrictions;
const BSON = DOCS.limitsBson;
const INDEXES = DOCS.limitsIndexes;
const OPERATIONS = DOCS.limitsOperations;
const ATLAS = DOCS.atlasLimits;
const LB = DOCS.loadBalanced;

const rules: RuleInfo[] = [
  {
    id: 'scheme-invalid', severity: 'error', group: 'scheme', docs: CS,
    title: 'The scheme must be mongodb:// or mongodb+srv://',
    description: 'The string does not begin with mongodb:// or mongodb+srv://: the scheme is missing, misspelled or not in lower case. Drivers refuse such a string when the client is created, so the application never connects. Write the scheme exactly as mongodb://, or mongodb+srv:// for a DNS seed list.',
  },
  {
    id: 'host-missing', severity: 'error', group: 'hosts', docs: CS,
    title: 'At least one host is required',
    description: 'Nothing stands between the scheme (and credentials) and the path or options, so there is no server to contact. Drivers reject the string when the client is created. Add at least one host, for example localhost:27017.',
  },
  {
    id: 'host-empty', severity: 'error', group: 'hosts', docs: CS,
    title: 'Empty entry in the host list',
    description: 'The host list has an empty entry, as in a,,b or a trailing comma. Drivers that follow the specification reject the string; the Node.js driver keeps the entry as a host named "" (a warning under the Node.js profile). Remove the extra comma.',
  },
  {
    id: 'host-invalid', severity: 'error', group: 'hosts', docs: CS,
    title: 'Malformed host',
    description: 'A host cannot be parsed: it holds a character no host name may contain, a second ":" outside brackets, an IPv6 literal without its closing "]", a bad % escape, or a port after a socket path. Drivers refuse the string at start-up. Correct the host name and write IPv6 addresses in brackets, as in [::1]:27017.',
  },
  {
    id: 'host-unescaped-slash', severity: 'error', group: 'hosts', docs: CS,
    title: 'UNIX socket paths must be percent-encoded',
    description: 'A UNIX domain socket path is written with plain slashes (mongodb:///tmp/mongodb-27017.sock), so it is read as the database in the path and the string is left without a host, which drivers reject. Percent-encode every "/" of the socket path as %2F.',
  },
  {
    id: 'host-socket-invalid', severity: 'error', group: 'hosts', docs: CS,
    title: 'A UNIX socket path must end in .sock',
    description: 'A host that contains an encoded slash (%2F) is taken as a UNIX domain socket path, and drivers accept such a path only when it ends in .sock. Check that the host names the socket file, for example %2Ftmp%2Fmongodb-27017.sock.',
  },
  {
    id: 'port-invalid', severity: 'error', group: 'hosts', docs: CS,
    title: 'Port must be an integer from 1 to 65535',
    description: 'The port after a host is empty, not a number, or outside 1 to 65535, and drivers reject the string. Text that is not a number often means a password whose "@" is missing, so that user:password was read as host:port. Give a port from 1 to 65535, or drop the ":" to use the default 27017.',
  },
  {
    id: 'host-duplicate', severity: 'info', group: 'hosts', docs: CS,
    title: 'The same host is listed twice',
    description: 'The same host and port appear twice in the host list (names compared without regard to case, a missing port counted as 27017). Drivers simply contact it once, so this is information only, but the repeat often hides a member that was meant to be listed. Remove the duplicate or correct the intended host.',
  },
  {
    id: 'userinfo-unescaped', severity: 'error', group: 'userinfo', docs: CS,
    title: 'Reserved character in username or password must be percent-encoded',
    description: 'The username or password contains "@", ":", "/", "?", "#", "[" or "]" without percent-encoding. These characters separate the parts of a connection string, so drivers reject it or read a different user, password or host. Percent-encode them (@ is %40, : is %3A, / is %2F); the quick fix encodes the whole part.',
  },
  {
    id: 'userinfo-invalid-escape', severity: 'error', group: 'userinfo', docs: CS,
    title: '% in username or password is not a valid escape',
    description: 'A "%" in the username or password is not followed by two hexadecimal digits, so the credentials cannot be decoded and drivers reject the string before any authentication. Write a literal percent sign as %25.',
  },
  {
    id: 'userinfo-unencoded', severity: 'warning', group: 'userinfo', docs: CS,
    title: 'Character in username or password should be percent-encoded',
    description: 'The username or password contains a character that a URI may not carry unencoded, such as a space, a quote or a non-ASCII letter, although it does not change how the string is split. Some drivers accept it as it is and stricter URL parsers refuse it. Percent-encode it so that every driver reads the same credentials.',
  },
  {
    id: 'srv-host-count', severity: 'error', group: 'srv', docs: SRV,
    title: 'mongodb+srv takes exactly one host name',
    description: 'A mongodb+srv:// string names a single DNS name whose SRV records list the servers, but several hosts are given here, and drivers reject the string. Keep the one SRV name, or switch to mongodb:// to list the servers yourself.',
  },
  {
    id: 'srv-port', severity: 'error', group: 'srv', docs: SRV,
    title: 'mongodb+srv host names take no port',
    description: 'The ports of a mongodb+srv:// cluster come from its SRV records, so the host name may not carry a port; drivers reject the string when it does. Remove the ":port".',
  },
  {
    id: 'srv-host-invalid', severity: 'error', group: 'srv', docs: SRV,
    title: 'mongodb+srv needs a DNS host name',
    description: 'With mongodb+srv:// the host must be a DNS name that has SRV records; an IP address, an IPv6 literal or a socket path cannot be looked up that way, and drivers reject it. Use mongodb:// to connect to an address directly.',
  },
  {
    id: 'srv-option-without-srv', severity: 'error', group: 'srv', docs: SRV,
    title: 'SRV-only option on a mongodb:// string',
    description: 'srvMaxHosts and srvServiceName only steer the SRV lookup of mongodb+srv:// strings, and this one uses mongodb://. Drivers reject the option here rather than ignore it. Remove it, or use mongodb+srv:// with a host that has SRV records.',
  },
  {
    id: 'database-invalid-char', severity: 'error', group: 'database', docs: LIMITS,
    title: 'Character not allowed in the database name',
    description: 'The database in the path (or in authSource) contains a character the server never allows in a database name: "/", "\\", a space, a double quote, "$" or a null character. Drivers reject the string, and the server would refuse the name anyway. A "." is only information, because the string still parses, but every operation on that database fails; use "_" or "-" instead.',
  },
  {
    id: 'database-invalid-escape', severity: 'error', group: 'database', docs: CS,
    title: '% in the database name is not a valid escape',
    description: 'A "%" in the database of the path is not followed by two hexadecimal digits, so the name cannot be decoded and drivers reject the string. Write a literal percent sign as %25.',
  },
  {
    id: 'database-too-long', severity: 'error', group: 'database', docs: LIMITS,
    title: `Database name must be shorter than ${L.databaseNameLength.value} bytes`,
    description: `Database names must stay under ${L.databaseNameLength.value} bytes of UTF-8, where a non-ASCII letter takes two or more bytes. The server refuses a longer name, so the first command on that database fails at run time (the Node.js driver does not check it when connecting, hence only a warning under that profile). Choose a shorter name.`,
  },
  {
    id: 'option-no-value', severity: 'error', group: 'options', docs: OPTS,
    title: 'Option without = and a value',
    description: 'An option is written without "=" and a value (such as ?ssl instead of ?ssl=true), or a value has no name before its "=". The pair cannot be read and drivers reject the string. Write name=value, or remove the fragment.',
  },
  {
    id: 'option-empty-value', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option with an empty value is ignored',
    description: 'An option has "=" but nothing after it, as in w=. Drivers that follow the specification skip it with a warning, so the default applies instead of what was meant; the Node.js driver rejects most empty values outright. Give a value or remove the option.',
  },
  {
    id: 'option-invalid-value', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option value is invalid and will be ignored',
    description: 'The value of a known option has the wrong type, is out of range or is not one of the accepted values (readPreference=secundary, w=-1, an unknown compressor). Drivers that follow the specification ignore the option with a warning and use its default; the Node.js driver either rejects the string or reads the value its own way, as the message says. Use a valid value; the quick fix offers the closest one.',
  },
  {
    id: 'option-invalid-escape', severity: 'warning', group: 'options', docs: OPTS,
    title: '% in an option is not a valid escape',
    description: 'A "%" in an option name or value is not followed by two hexadecimal digits, so the option cannot be decoded reliably and drivers do not agree on what to do with it. Write a literal percent sign as %25.',
  },
  {
    id: 'option-unknown', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Unknown option is ignored',
    description: 'The option name is not one the specifications define, often a typo such as readPrefrence. Drivers that follow the specification ignore it with a warning, so the setting silently has no effect; the Node.js driver rejects the whole string (an error under the Node.js profile). Correct the name, as the did-you-mean suggests, or remove it.',
  },
  {
    id: 'option-driver-specific', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option only the Node.js driver understands',
    description: 'The option exists only in the Node.js driver (family, dbName, tlsCRLFile and others); drivers in other languages ignore it with a warning. Under the Node.js profile it is not reported, unless that driver refuses it in a connection string (serverApi, for example). Keep it for strings used by Node.js applications alone.',
  },
  {
    id: 'option-unsupported-by-driver', severity: 'hint', group: 'options', docs: OPTS,
    title: 'Option the selected driver does not support',
    description: 'The specification defines this option, but the Node.js driver does not support it (serverSelectionTryOnce, tlsDisableOCSPEndpointCheck, tlsDisableCertificateRevocationCheck and a few more). It is a hint under the specification profile and an error under the Node.js profile, because MongoClient then rejects the string. Remove it from strings that Node.js applications use.',
  },
  {
    id: 'option-duplicate', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Option given more than once',
    description: 'An option that takes one value appears several times. Drivers do not agree on which occurrence wins, so with different values the outcome depends on the driver, and the Node.js driver rejects the string (an error under the Node.js profile). Keep a single occurrence.',
  },
  {
    id: 'option-deprecated', severity: 'warning', group: 'options', docs: OPTS,
    title: 'Deprecated option',
    description: 'The option has a newer replacement: ssl became tls, wtimeout became wTimeoutMS, gssapiServiceName moved into authMechanismProperties, j and fsync became journal. Names still listed by the specification work everywhere and are only hints; legacy spellings are warnings, because some drivers ignore them. Switch to the current option; the quick fix rewrites it.',
  },
  {
    id: 'option-legacy-separator', severity: 'warning', group: 'options', docs: OPTS,
    title: '; is a legacy option separator',
    description: 'Options are separated by ";" instead of "&". Old drivers accepted it, but not every current driver does, and the Node.js driver takes everything up to the next "&" as one value (reported as node-option-ignored under that profile). Separate options with "&".',
  },
  {
    id: 'option-casing', severity: 'hint', group: 'options', docs: OPTS,
    title: 'Option name not in its canonical casing',
    description: 'Option names are matched without regard to case, so this one works, but it is not written the usual way (replicaset instead of replicaSet, for example). This hint only helps consistency and searching; it is not reported under the Node.js profile. Write the canonical spelling.',
  },
  {
    id: 'tls-ssl-mismatch', severity: 'error', group: 'cross-option', docs: TLS,
    title: 'tls and ssl disagree',
    description: 'tls and ssl are two names for the same switch, and this string gives them different values. Drivers reject the contradiction instead of guessing. Keep only tls, with the value you want.',
  },
  {
    id: 'tls-option-conflict', severity: 'error', group: 'cross-option', docs: TLS,
    title: 'TLS options that may not be combined',
    description: 'Some TLS options overlap and may not appear together, whatever their values: tlsInsecure with tlsAllowInvalidCertificates, tlsAllowInvalidHostnames or the OCSP and revocation switches, and those switches with each other. Drivers reject such a pair. Keep the single option that says what you mean.',
  },
  {
    id: 'proxy-duplicate', severity: 'error', group: 'cross-option', docs: PROXY,
    title: 'Proxy option given more than once',
    description: 'proxyHost, proxyPort, proxyUsername or proxyPassword appears more than once. Drivers reject repeated proxy options instead of picking one. Keep a single occurrence of each.',
  },
  {
    id: 'proxy-host-required', severity: 'error', group: 'cross-option', docs: PROXY,
    title: 'Proxy option without proxyHost',
    description: 'proxyPort, proxyUsername or proxyPassword is set without proxyHost, so there is no SOCKS5 proxy for it to configure. Drivers reject the string (the Node.js driver lets proxyPort=0 pass). Add proxyHost, or remove the other proxy options.',
  },
  {
    id: 'proxy-credentials-incomplete', severity: 'error', group: 'cross-option', docs: PROXY,
    title: 'proxyUsername and proxyPassword go together',
    description: 'Only one of proxyUsername and proxyPassword is given, while SOCKS5 authentication needs both. Drivers reject the string. Add the missing one, or remove both to use the proxy without authentication.',
  },
  {
    id: 'direct-connection-conflict', severity: 'error', group: 'cross-option', docs: OPTS,
    title: 'directConnection=true needs a single mongodb:// host',
    description: 'directConnection=true makes the driver talk to exactly one server, so it cannot go with several hosts, nor with mongodb+srv://, whose SRV records may list many. Drivers reject the string. List a single host with mongodb://, or remove directConnection.',
  },
  {
    id: 'load-balanced-conflict', severity: 'error', group: 'cross-option', docs: LB,
    title: 'loadBalanced=true conflicts with another setting',
    description: 'loadBalanced=true expects exactly one host, the load balancer, and cannot be combined with replicaSet or directConnection=true. Drivers reject these combinations. Point the string at the load balancer alone, or drop loadBalanced.',
  },
  {
    id: 'srv-max-hosts-conflict', severity: 'error', group: 'cross-option', docs: SRV,
    title: 'srvMaxHosts conflicts with replicaSet or loadBalanced',
    description: 'srvMaxHosts above 0 makes the driver use a random subset of the hosts from the SRV records, which suits mongos routers but not a replica set or a load balancer. Drivers reject it together with replicaSet or loadBalanced=true. Remove srvMaxHosts or the conflicting option.',
  },
  {
    id: 'read-preference-conflict', severity: 'error', group: 'cross-option', docs: READPREF,
    title: 'Read preference primary cannot take tags or maxStalenessSeconds',
    description: 'With the primary read preference, given or by default, readPreferenceTags and maxStalenessSeconds have nothing to act on, since they only choose among secondaries. Drivers that follow the specification reject the combination; the Node.js driver accepts some forms and silently drops the setting (a warning under that profile). Choose another mode, such as secondaryPreferred, or remove the option.',
  },
  {
    id: 'write-concern-conflict', severity: 'error', group: 'cross-option', docs: WC,
    title: 'w=0 cannot be combined with journal=true',
    description: 'w=0 asks for no acknowledgement at all, while journal=true asks for one after the write reaches the journal. Drivers that follow the specification reject the pair; the Node.js driver does not check it (a warning under that profile). Drop journal=true, or use w=1 or higher.',
  },
  {
    id: 'pool-size-conflict', severity: 'error', group: 'cross-option', docs: OPTS,
    title: 'minPoolSize is larger than maxPoolSize',
    description: 'minPoolSize is larger than maxPoolSize (a maxPoolSize of 0, meaning no limit, is not reported). The pool cannot keep more connections than it may open, so drivers that follow the specification reject the string; the Node.js driver does not check it (a warning under that profile). Lower minPoolSize or raise maxPoolSize.',
  },
  {
    id: 'max-staleness-too-small', severity: 'warning', group: 'cross-option', docs: READPREF,
    title: 'maxStalenessSeconds below the heartbeat-derived minimum',
    description: 'maxStalenessSeconds must be at least heartbeatFrequencyMS in seconds plus 10, because staleness can only be measured that precisely. With a smaller value, selecting a secondary fails with an error at run time. Raise maxStalenessSeconds or lower heartbeatFrequencyMS.',
  },
  {
    id: 'auth-mechanism-unknown', severity: 'error', group: 'auth', docs: AUTH,
    title: 'Unknown authentication mechanism',
    description: 'authMechanism names no mechanism that drivers know, usually a typo or MONGODB-CR, which MongoDB 4.0 removed. Drivers reject the string before connecting (the Node.js driver matches some partial names, a warning under that profile). Use one of SCRAM-SHA-256, SCRAM-SHA-1, MONGODB-X509, GSSAPI, PLAIN, MONGODB-AWS or MONGODB-OIDC.',
  },
  {
    id: 'auth-username-missing', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism needs a username',
    description: 'The mechanism needs a username (SCRAM, PLAIN and GSSAPI), or the string has an "@" with no username before it. Drivers cannot build the credential and reject the string. Put the user name before the "@", or remove the "@" when no authentication is wanted.',
  },
  {
    id: 'auth-username-forbidden', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism takes no username in the URI',
    description: 'MONGODB-AWS takes its identity from the AWS environment, and MONGODB-OIDC takes a username only with ENVIRONMENT:azure (the client id of the managed identity), so a username here is not allowed. Drivers reject the string. Remove the username.',
  },
  {
    id: 'auth-password-forbidden', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism takes no password',
    description: 'MONGODB-X509, MONGODB-AWS and MONGODB-OIDC never read a password from the connection string: X.509 proves identity with the client certificate, the others with environment credentials or tokens. Drivers reject a password for them. Remove it, and the ":" before it.',
  },
  {
    id: 'auth-password-missing', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism needs a password',
    description: 'SCRAM and PLAIN are named with a username but no password, so authentication fails against the server. It is not reported under the Node.js profile, because that driver accepts the string and fails only when it authenticates. Add the password, percent-encoded, or supply it from the environment.',
  },
  {
    id: 'auth-source-empty', severity: 'error', group: 'auth', docs: AUTH,
    title: 'authSource may not be empty',
    description: 'authSource= gives no database, and drivers reject an empty authSource even when the string has no credentials. Name the database that holds the user (often admin), or remove the option.',
  },
  {
    id: 'auth-source-invalid', severity: 'error', group: 'auth', docs: AUTH,
    title: 'The authentication mechanism requires authSource=$external',
    description: 'GSSAPI, MONGODB-X509, MONGODB-AWS and MONGODB-OIDC authenticate against the virtual $external database, and drivers reject any other authSource for them. Use authSource=$external, or leave authSource out.',
  },
  {
    id: 'auth-property-invalid', severity: 'error', group: 'auth', docs: AUTH,
    title: 'Invalid authMechanismProperties entry',
    description: 'An authMechanismProperties entry is unknown for the mechanism, has a value outside the allowed set, or may only be set in code (AWS_SESSION_TOKEN, OIDC callbacks, ALLOWED_HOSTS). Drivers reject such entries; an unknown property of a mechanism that has properties, or properties without authMechanism, is a warning. Keep only the properties the mechanism takes in a URI, and set the others in code.',
  },
  {
    id: 'auth-property-missing', severity: 'error', group: 'auth', docs: AUTH,
    title: 'A required authMechanismProperties entry is missing',
    description: 'MONGODB-OIDC in a connection string needs ENVIRONMENT (test, azure, gcp or k8s), and azure and gcp also need TOKEN_RESOURCE. Without them the driver has no way to obtain a token and rejects the string. Add the missing property, or pass a callback in code.',
  },
  {
    id: 'auth-source-without-credentials', severity: 'info', group: 'advice', docs: AUTH,
    title: 'authSource has no effect without credentials',
    description: 'authSource names the database that holds the user, but this string has neither credentials nor authMechanism, so the driver never authenticates and the option does nothing. This is information only: add the credentials if authentication was intended, or drop authSource.',
  },
  {
    id: 'credentials-in-source', severity: 'warning', group: 'advice', docs: DOCS.securityChecklist, security: true,
    title: 'Plaintext password in a source or config file',
    description: 'A connection string in a source or configuration file (JSON, YAML, TOML, properties, code) carries a real password; .env files, Markdown and placeholders such as ${MONGODB_PASSWORD} or **** are not reported. Passwords in committed files leak through version control, logs and copies. Read the password from an environment variable or a secret store; the quick fix puts a placeholder in its place.',
  },
  // Reported only under the Node.js driver profile (mongodbUri.driver: "node").
  {
    id: 'node-uri-rejected', severity: 'error', group: 'node', docs: NODE,
    title: 'The Node.js driver cannot parse this part of the connection string',
    description: 'Under the Node.js profile only: the URL parser of the Node.js driver throws on this part of the string (a host, the credentials or the path) where no other rule has reported an error yet, so new MongoClient(uri) fails. Rewrite the part as the message says, usually by percent-encoding it.',
  },
  {
    id: 'node-option-rejected', severity: 'error', group: 'node', docs: NODE,
    title: 'Option the Node.js driver rejects',
    description: 'Under the Node.js profile only: the Node.js driver cannot convert this option value to the type it expects, or rejects the option here (srvAllowedHostsSuffix without mongodb+srv://), although the specification accepts it. new MongoClient(uri) throws. Use a value the driver accepts.',
  },
  {
    id: 'node-auth-rejected', severity: 'error', group: 'node', docs: NODE_AUTH,
    title: 'Credentials the Node.js driver rejects',
    description: 'Under the Node.js profile only: the credential checks of the Node.js driver fail for this string (mechanism, username, password, authSource or mechanism properties) where the authentication rules reported no error, so new MongoClient(uri) throws. Correct the credentials as the message says.',
  },
  {
    id: 'node-option-ignored', severity: 'warning', group: 'node', docs: NODE,
    title: 'Text the Node.js driver reads differently or ignores',
    description: 'Under the Node.js profile only: the Node.js driver reads this text differently from the specification. A "#" starts a URL fragment that is dropped, "+" becomes a space, ";" separates nothing, a key repeated in another case is ignored, and some options are dropped or only warned about. Percent-encode the character, or write the option as the message suggests.',
  },
  {
    id: 'tls-disabled', severity: 'info', group: 'advice', docs: TLS, security: true,
    title: 'TLS is off for a remote host',
    description: 'TLS is turned off (tls=false or ssl=false) for a remote host or a mongodb+srv:// cluster, or a mongodb:// string to a remote host (a dotted name or an IP address) leaves it at its default, which is off. Credentials and data then cross the network unencrypted. Add tls=true when the server accepts TLS; this is information only because local and private hosts may not need it.',
  },
  {
    id: 'tls-insecure', severity: 'warning', group: 'advice', docs: TLS, security: true,
    title: 'TLS certificate or host name validation is turned off',
    description: 'tlsInsecure, tlsAllowInvalidCertificates or tlsAllowInvalidHostnames is true, so the driver accepts any server certificate or a certificate for another host. Anyone between the application and the server can then read and alter the traffic despite TLS. Keep these options for local tests, and give the CA with tlsCAFile instead.',
  },
  {
    id: 'x509-without-tls', severity: 'warning', group: 'advice', docs: DOCS.x509, security: true,
    title: 'MONGODB-X509 without TLS',
    description: 'MONGODB-X509 authenticates with the client certificate presented in the TLS handshake, but TLS is off (a mongodb:// string without tls=true), so authentication cannot succeed. Add tls=true and a client certificate.',
  },
  {
    id: 'x509-without-certificate', severity: 'info', group: 'advice', docs: DOCS.x509,
    title: 'MONGODB-X509 without tlsCertificateKeyFile',
    description: 'MONGODB-X509 needs a client certificate, and the string names none with tlsCertificateKeyFile, so the application code must supply it. This is information only; add tlsCertificateKeyFile if the certificate is not configured elsewhere.',
  },
  {
    id: 'proxy-password-plain', severity: 'info', group: 'advice', docs: PROXY, security: true,
    title: 'The SOCKS5 proxy password travels unencrypted to a remote proxy',
    description: 'SOCKS5 sends proxyUsername and proxyPassword in clear text, and proxyHost is on another machine, so anyone on the network path can read them. This is information only: prefer a proxy reached over a trusted network, or one that does not need a password.',
  },
  {
    id: 'proxy-remote-localhost', severity: 'info', group: 'advice', docs: PROXY,
    title: 'A remote proxy in front of a localhost server',
    description: 'All servers are localhost or sockets, but the connection goes through a proxy on another machine, where "localhost" means the proxy\'s own machine. The driver then reaches a different server, or none. This is information only: remove the proxy options, or name the server by an address the proxy can reach.',
  },
  {
    id: 'direct-connection-replica-set', severity: 'info', group: 'advice', docs: OPTS,
    title: 'directConnection=true with replicaSet uses that one member only',
    description: 'With directConnection=true the driver talks only to the listed host, even though replicaSet is given: it does not discover the other members and does not follow a new primary after a failover. This is information only; remove directConnection to connect to the whole replica set.',
  },
  // Admin commands in JavaScript and MongoDB playgrounds (features/adminCommands.ts).
  {
    id: 'admin-host-without-port', severity: 'warning', group: 'admin', docs: ADMIN_DOCS.dropConnections,
    title: 'A hostAndPort element without a valid port is skipped by dropConnections',
    description: 'An element of the hostAndPort array of dropConnections lacks a host or a port, has a port outside 1 to 65535, or is an IPv6 address without brackets. The server skips such an element without an error, so connections to that host stay open. Write each element as "host:port", such as "db1.example.net:27017" or "[::1]:27017".',
  },
  {
    id: 'admin-host-not-string', severity: 'error', group: 'admin', docs: ADMIN_DOCS.dropConnections,
    title: 'hostAndPort takes an array of "host:port" strings',
    description: 'hostAndPort of dropConnections, or one of its elements, is not the expected kind of value (an object, a number, a single string instead of an array). The server refuses the command document. Pass an array of "host:port" strings.',
  },
  {
    id: 'admin-drop-connections-value', severity: 'error', group: 'admin', docs: ADMIN_DOCS.dropConnections,
    title: 'dropConnections takes the value 1',
    description: 'The dropConnections field of the command document must be the number 1; another value is not what the command expects. Write dropConnections: 1.',
  },
  {
    id: 'admin-killop-missing-op', severity: 'error', group: 'admin', docs: ADMIN_DOCS.killOp,
    title: 'killOp needs op, the id of the operation',
    description: 'The killOp command, or db.killOp(), is called without the id of the operation to stop, so the server has nothing to act on and fails the command. Find the id with $currentOp or db.currentOp() and pass it as op.',
  },
  {
    id: 'admin-killop-invalid-op', severity: 'error', group: 'admin', docs: ADMIN_DOCS.killOp,
    title: 'op is a number or a "shard:opid" string',
    description: 'The op of killOp is not an operation id: ids are whole numbers of 0 or more, or "<shard>:<opid>" strings for operations that run on a shard behind mongos. A number written as a string, a negative number or another value makes the command fail. Pass the id as $currentOp shows it.',
  },
  {
    id: 'admin-command-not-admin-db', severity: 'warning', group: 'admin', docs: ADMIN_DOCS.adminCommand,
    title: 'dropConnections and killOp run against the admin database',
    description: 'dropConnections or killOp is sent with runCommand() or command() on a database other than admin; the server accepts these commands only on the admin database and returns an error elsewhere. Use db.adminCommand() or db.getSiblingDB("admin").runCommand().',
  },
  // Database, collection and namespace names wherever they appear (service/naming/).
  {
    id: 'database-name-empty', severity: 'error', group: 'database', docs: NAMES,
    title: 'A database name cannot be empty',
    description: 'A database name passed to a driver call (such as client.db("")) or written in a configuration key is empty. The server and the drivers refuse an empty name, so the call fails. Give the database a name.',
  },
  {
    id: 'database-name-windows-char', severity: 'warning', group: 'database', docs: NAMES,
    title: 'Character a Windows server does not allow in database names',
    description: 'The database name contains *, <, >, :, | or ?, which a MongoDB server running on Windows refuses in database names. It is a warning while mongodbUri.serverPlatform is "any", an error with "windows", and not reported with "unix". Avoid these characters, or set the platform if the servers never run on Windows.',
  },
  {
    id: 'database-case-conflict', severity: 'warning', group: 'database', docs: NAMES,
    title: 'Database names that differ only by case',
    description: 'Two database names are written with different upper and lower case (in one file, or across the workspace in the editor). The server refuses to create a database whose name differs only by case from an existing one, so whichever comes second fails. Use one spelling everywhere.',
  },
  {
    id: 'collection-name-empty', severity: 'error', group: 'naming', docs: NAMES,
    title: 'A collection name cannot be empty',
    description: 'A collection name passed to a driver call, such as db.collection(""), is empty. The server refuses an empty collection name, so every operation on it fails. Give the collection a name.',
  },
  {
    id: 'collection-invalid-char', severity: 'error', group: 'naming', docs: NAMES,
    title: 'Character not allowed in a collection name',
    description: 'The collection name contains "$" or a null character, which the server does not accept in collection names, so creating or using the collection fails. Choose a name without them.',
  },
  {
    id: 'collection-name-reserved', severity: 'error', group: 'naming', docs: NAMES,
    title: 'system. collection names are reserved',
    description: 'Names that begin with "system." or contain ".system." belong to the server\'s own collections; the known ones such as system.profile or system.users are not reported. The server refuses to let applications create such collections. Pick a name outside the reserved prefix.',
  },
  {
    id: 'collection-name-start', severity: 'info', group: 'naming', docs: NAMES,
    title: 'Collection names should begin with a letter or an underscore',
    description: 'The collection name starts with a digit or a symbol. The server accepts it, but the shell shortcut db.<name> cannot reach it and db.getCollection("<name>") is needed instead; this is information only. Start the name with a letter or "_".',
  },
  {
    id: 'namespace-too-long', severity: 'error', group: 'naming', docs: NAMES,
    title: `The namespace <database>.<collection> is longer than ${L.namespaceLength.value} bytes`,
    description: `The database name, a dot and the collection name together exceed ${L.namespaceLength.value} bytes of UTF-8. The server refuses namespaces that long, so creating or writing to the collection fails. Shorten the collection or database name.`,
  },
  {
    id: 'namespace-not-shardable', severity: 'warning', group: 'naming', docs: NAMES,
    title: `A namespace longer than ${L.shardedNamespaceLength.value} bytes cannot be sharded`,
    description: `The namespace <database>.<collection> is longer than ${L.shardedNamespaceLength.value} bytes. The collection works unsharded, but shardCollection will refuse it later. Shorten the name now if the collection may ever be sharded.`,
  },
  // MongoDB Atlas names and connection limits.
  {
    id: 'atlas-cluster-name-invalid', severity: 'error', group: 'atlas', docs: ATLAS,
    title: 'Atlas does not accept this cluster name',
    description: `An Atlas cluster name (a Terraform resource, a clusterName key, or the first label of a *.mongodb.net host) is empty, longer than ${L.atlasClusterNameLength.value} characters, uses characters other than ASCII letters, digits and hyphens, begins with a hyphen, or has a hyphen as its ${L.atlasClusterNamePrefix.value}th character (or last, for a shorter name). Atlas builds host names from it and refuses such a name. Rename the cluster within those rules.`,
  },
  {
    id: 'atlas-cluster-name-prefix-conflict', severity: 'error', group: 'atlas', docs: ATLAS,
    title: `Atlas cluster names must differ in their first ${L.atlasClusterNamePrefix.value} characters`,
    description: `Two clusters of one Atlas project in a Terraform file share their first ${L.atlasClusterNamePrefix.value} characters, compared without regard to case. Atlas derives host names from that prefix, so it refuses the second cluster. Make the names differ early.`,
  },
  {
    id: 'atlas-project-name-invalid', severity: 'error', group: 'atlas', docs: ATLAS,
    title: 'Atlas does not accept this project name',
    description: `An Atlas project name (a Terraform resource or a projectName key) is empty, longer than ${L.atlasProjectNameLength.value} characters, or contains a character outside letters, digits, spaces and - _ . ( ) , : & @ + '. Atlas refuses it when the project is created or renamed, so the Terraform apply fails. Change the name within those rules.`,
  },
  {
    id: 'atlas-organization-name-invalid', severity: 'error', group: 'atlas', docs: ATLAS,
    title: 'Atlas does not accept this organization name',
    description: `An Atlas organization name is empty, longer than ${L.atlasOrganizationNameLength.value} characters, or contains a character outside letters, digits, spaces and - _ . ( ) , : & @ + '. Atlas refuses it, so creating the organization fails. Change the name within those rules.`,
  },
  {
    id: 'atlas-connections-exceed-tier', severity: 'warning', group: 'atlas', docs: ATLAS,
    title: 'The connection pools can exceed the connection limit of the Atlas tier',
    description: `Reported only when an Atlas tier is set (mongodbUri.atlas.tier or --atlas-tier) for a *.mongodb.net string: maxPoolSize, or its default, times the number of application instances is more than a node of that tier allows, after the ${L.atlasReservedConnections.value} connections Atlas keeps for itself. Under load, new connections are then refused. Lower maxPoolSize or choose a larger tier.`,
  },
  // Limits of literals in code (service/limits/).
  {
    id: 'index-too-many-fields', severity: 'warning', group: 'limits', docs: INDEXES,
    title: `A compound index has more than ${L.compoundIndexFields.value} fields`,
    description: `A createIndex or createIndexes call in JavaScript, TypeScript or Python lists more than ${L.compoundIndexFields.value} fields in one index key. The server refuses to build the index, so the call fails at run time. Split it into smaller indexes, or index fewer fields.`,
  },
  {
    id: 'indexes-too-many', severity: 'warning', group: 'limits', docs: INDEXES,
    title: `More than ${L.indexesPerCollection.value} indexes on one collection`,
    description: `The file creates so many indexes on one collection that, with the _id index, there are more than ${L.indexesPerCollection.value}. The server refuses the index beyond the limit. Drop indexes that are not needed or combine them.`,
  },
  {
    id: 'pipeline-too-many-stages', severity: 'warning', group: 'limits', docs: OPERATIONS,
    title: `An aggregation pipeline has more than ${L.pipelineStages.value} stages`,
    description: `An aggregate call, or a sub-pipeline of $facet, $lookup or $unionWith, has more than ${L.pipelineStages.value} stages. The server rejects the aggregation when it runs. Merge stages or split the work into several pipelines.`,
  },
  {
    id: 'sort-too-many-keys', severity: 'warning', group: 'limits', docs: OPERATIONS,
    title: `A sort has more than ${L.sortKeys.value} keys`,
    description: `A sort, as a sort() call or a $sort stage, names more than ${L.sortKeys.value} keys. The server rejects the query or aggregation when it runs. Sort on fewer keys.`,
  },
  {
    id: 'sort-duplicate-key', severity: 'warning', group: 'limits', docs: OPERATIONS,
    title: 'A sort names the same field twice',
    description: 'A sort names one field twice. In an object literal the later entry replaces the earlier one and keeps its first position, so the order the server receives is not the one written. Keep each field once, in the intended position.',
  },
  {
    id: 'document-too-deep', severity: 'warning', group: 'limits', docs: BSON,
    title: `A document nests more than ${L.documentNestingDepth.value} levels deep`,
    description: `A document literal passed to an insert, update, query or similar call nests objects and arrays more than ${L.documentNestingDepth.value} levels deep. The server refuses such documents, so the call fails at run time. Flatten the structure.`,
  },
];

export const RULES: readonly RuleInfo[] = rules;
const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}
