/**
 * What each rule finds, why it matters at run time and what to write instead, in a few sentences: the
 * long text of a rule for SARIF (code scanning) and the rules table of the README. Kept apart from the
 * rule table, which the language server loads, because only those outputs show it.
 */
import { EXTERNAL_AUTH_SOURCE } from '../data/authMechanisms';
import { DEFAULT_PORT } from '../data/connectionString';
import { LIMITS as L } from '../data/limits';

export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'scheme-invalid':
    'The string does not begin with mongodb:// or mongodb+srv://: the scheme is missing, misspelled or not in lower case. Drivers refuse such a string when the client is created, so the application never connects. Write the scheme exactly as mongodb://, or mongodb+srv:// for a DNS seed list.',
  'host-missing':
    'Nothing stands between the scheme (and credentials) and the path or options, so there is no server to contact. Drivers reject the string when the client is created. Add at least one host, for example localhost:27017.',
  'host-empty':
    'The host list has an empty entry, as in a,,b or a trailing comma. Drivers that follow the specification reject the string; the Node.js driver keeps the entry as a host named "" (a warning under the Node.js profile). Remove the extra comma.',
  'host-invalid':
    'A host cannot be parsed: it holds a character no host name may contain, a second ":" outside brackets, an IPv6 literal without its closing "]", a bad % escape, or a port after a socket path. Drivers refuse the string at start-up. Correct the host name and write IPv6 addresses in brackets, as in [::1]:27017.',
  'host-unescaped-slash':
    'A UNIX domain socket path is written with plain slashes (mongodb:///tmp/mongodb-27017.sock), so it is read as the database in the path and the string is left without a host, which drivers reject. Percent-encode every "/" of the socket path as %2F.',
  'host-socket-invalid':
    'A host that contains an encoded slash (%2F) is taken as a UNIX domain socket path, and drivers accept such a path only when it ends in .sock. Check that the host names the socket file, for example %2Ftmp%2Fmongodb-27017.sock.',
  'port-invalid':
    `The port after a host is empty, not a number, or outside 1 to 65535, and drivers reject the string. Text that is not a number often means a password whose "@" is missing, so that user:password was read as host:port. Give a port from 1 to 65535, or drop the ":" to use the default ${DEFAULT_PORT}.`,
  'host-duplicate':
    `The same host and port appear twice in the host list (names compared without regard to case, a missing port counted as ${DEFAULT_PORT}). Drivers simply contact it once, so this is information only, but the repeat often hides a member that was meant to be listed. Remove the duplicate or correct the intended host.`,
  'userinfo-unescaped':
    'The username or password contains "@", ":", "/", "?", "#", "[" or "]" without percent-encoding. These characters separate the parts of a connection string, so drivers reject it or read a different user, password or host. Percent-encode them (@ is %40, : is %3A, / is %2F); the quick fix encodes the whole part.',
  'userinfo-invalid-escape':
    'A "%" in the username or password is not followed by two hexadecimal digits, so the credentials cannot be decoded and drivers reject the string before any authentication. Write a literal percent sign as %25.',
  'userinfo-unencoded':
    'The username or password contains a character that a URI may not carry unencoded, such as a space, a quote or a non-ASCII letter, although it does not change how the string is split. Some drivers accept it as it is and stricter URL parsers refuse it. Percent-encode it so that every driver reads the same credentials.',
  'srv-host-count':
    'A mongodb+srv:// string names a single DNS name whose SRV records list the servers, but several hosts are given here, and drivers reject the string. Keep the one SRV name, or switch to mongodb:// to list the servers yourself.',
  'srv-port':
    'The ports of a mongodb+srv:// cluster come from its SRV records, so the host name may not carry a port; drivers reject the string when it does. Remove the ":port".',
  'srv-host-invalid':
    'With mongodb+srv:// the host must be a DNS name that has SRV records; an IP address, an IPv6 literal or a socket path cannot be looked up that way, and drivers reject it. Use mongodb:// to connect to an address directly.',
  'srv-option-without-srv':
    'srvMaxHosts and srvServiceName only steer the SRV lookup of mongodb+srv:// strings, and this one uses mongodb://. Drivers reject the option here rather than ignore it. Remove it, or use mongodb+srv:// with a host that has SRV records.',
  'database-invalid-char':
    'The database in the path (or in authSource) contains a character the server never allows in a database name: "/", "\\", a space, a double quote, "$" or a null character. Drivers reject the string, and the server would refuse the name anyway. A "." is only information, because the string still parses, but every operation on that database fails; use "_" or "-" instead.',
  'database-invalid-escape':
    'A "%" in the database of the path is not followed by two hexadecimal digits, so the name cannot be decoded and drivers reject the string. Write a literal percent sign as %25.',
  'database-too-long':
    `Database names must stay under ${L.databaseNameLength.value} bytes of UTF-8, where a non-ASCII letter takes two or more bytes. The server refuses a longer name, so the first command on that database fails at run time (the Node.js driver does not check it when connecting, hence only a warning under that profile). Choose a shorter name.`,
  'option-no-value':
    'An option is written without "=" and a value (such as ?ssl instead of ?ssl=true), or a value has no name before its "=". The pair cannot be read and drivers reject the string. Write name=value, or remove the fragment.',
  'option-empty-value':
    'An option has "=" but nothing after it, as in w=. Drivers that follow the specification skip it with a warning, so the default applies instead of what was meant; the Node.js driver rejects most empty values outright. Give a value or remove the option.',
  'option-invalid-value':
    'The value of a known option has the wrong type, is out of range or is not one of the accepted values (readPreference=secundary, w=-1, an unknown compressor). Drivers that follow the specification ignore the option with a warning and use its default; the Node.js driver either rejects the string or reads the value its own way, as the message says. Use a valid value; the quick fix offers the closest one.',
  'option-invalid-escape':
    'A "%" in an option name or value is not followed by two hexadecimal digits, so the option cannot be decoded reliably and drivers do not agree on what to do with it. Write a literal percent sign as %25.',
  'option-unknown':
    'The option name is not one the specifications define, often a typo such as readPrefrence. Drivers that follow the specification ignore it with a warning, so the setting silently has no effect; the Node.js driver rejects the whole string (an error under the Node.js profile). Correct the name, as the did-you-mean suggests, or remove it.',
  'option-driver-specific':
    'The option is not in the specification and only some drivers read it: other drivers ignore it with a warning. Options of the Node.js driver (family, dbName, tlsCRLFile and others) are not reported under the Node.js profile unless that driver refuses them in a connection string (serverApi, for example); those of the Java, C# or Python drivers (uuidRepresentation, PyMongo\'s connect and tz_aware) are not reported in files of those languages or in the configuration files their frameworks read (Spring Boot\'s application.yml, ASP.NET Core\'s appsettings.json), and the Node.js driver rejects them. Keep such an option for strings that only those drivers read.',
  'option-unsupported-by-driver':
    'The specification defines this option, but the Node.js driver does not support it (serverSelectionTryOnce, tlsDisableOCSPEndpointCheck, tlsDisableCertificateRevocationCheck and a few more). It is a hint under the specification profile and an error under the Node.js profile, because MongoClient then rejects the string. Remove it from strings that Node.js applications use.',
  'option-duplicate':
    'An option that takes one value appears several times. Drivers do not agree on which occurrence wins, so with different values the outcome depends on the driver, and the Node.js driver rejects the string (an error under the Node.js profile). Keep a single occurrence.',
  'option-deprecated':
    'The option has a newer replacement: ssl became tls, wtimeout became wTimeoutMS, gssapiServiceName moved into authMechanismProperties, j and fsync became journal. Names still listed by the specification work everywhere and are only hints; legacy spellings are warnings, because some drivers ignore them. Switch to the current option; the quick fix rewrites it.',
  'option-legacy-separator':
    'Options are separated by ";" instead of "&". Old drivers accepted it, but not every current driver does, and the Node.js driver takes everything up to the next "&" as one value (reported as node-option-ignored under that profile). Separate options with "&".',
  'option-casing':
    'Option names are matched without regard to case, so this one works, but it is not written the usual way (replicaset instead of replicaSet, for example). This hint only helps consistency and searching; it is not reported under the Node.js profile. Write the canonical spelling.',
  'tls-ssl-mismatch':
    'tls and ssl are two names for the same switch, and this string gives them different values. Drivers reject the contradiction instead of guessing. Keep only tls, with the value you want.',
  'tls-option-conflict':
    'Some TLS options overlap and may not appear together, whatever their values: tlsInsecure with tlsAllowInvalidCertificates, tlsAllowInvalidHostnames or the OCSP and revocation switches, and those switches with each other. Drivers reject such a pair. Keep the single option that says what you mean.',
  'proxy-duplicate':
    'proxyHost, proxyPort, proxyUsername or proxyPassword appears more than once. Drivers reject repeated proxy options instead of picking one. Keep a single occurrence of each.',
  'proxy-host-required':
    'proxyPort, proxyUsername or proxyPassword is set without proxyHost, so there is no SOCKS5 proxy for it to configure. Drivers reject the string (the Node.js driver lets proxyPort=0 pass). Add proxyHost, or remove the other proxy options.',
  'proxy-credentials-incomplete':
    'Only one of proxyUsername and proxyPassword is given, while SOCKS5 authentication needs both. Drivers reject the string. Add the missing one, or remove both to use the proxy without authentication.',
  'direct-connection-conflict':
    'directConnection=true makes the driver talk to exactly one server, so it cannot go with several hosts, nor with mongodb+srv://, whose SRV records may list many. Drivers reject the string. List a single host with mongodb://, or remove directConnection.',
  'load-balanced-conflict':
    'loadBalanced=true expects exactly one host, the load balancer, and cannot be combined with replicaSet or directConnection=true. Drivers reject these combinations. Point the string at the load balancer alone, or drop loadBalanced.',
  'srv-max-hosts-conflict':
    'srvMaxHosts above 0 makes the driver use a random subset of the hosts from the SRV records, which suits mongos routers but not a replica set or a load balancer. Drivers reject it together with replicaSet or loadBalanced=true. Remove srvMaxHosts or the conflicting option.',
  'read-preference-conflict':
    'With the primary read preference, given or by default, readPreferenceTags and maxStalenessSeconds have nothing to act on, since they only choose among secondaries. Drivers that follow the specification reject the combination; the Node.js driver accepts some forms and silently drops the setting (a warning under that profile). Choose another mode, such as secondaryPreferred, or remove the option.',
  'write-concern-conflict':
    'w=0 asks for no acknowledgement at all, while journal=true asks for one after the write reaches the journal. Drivers that follow the specification reject the pair; the Node.js driver does not check it (a warning under that profile). Drop journal=true, or use w=1 or higher.',
  'pool-size-conflict':
    'minPoolSize is larger than maxPoolSize (a maxPoolSize of 0, meaning no limit, is not reported). The pool cannot keep more connections than it may open, so drivers that follow the specification reject the string; the Node.js driver accepts it in new MongoClient() and fails in connect() (a warning under that profile, whose errors are what new MongoClient() rejects). Lower minPoolSize or raise maxPoolSize.',
  'max-staleness-too-small':
    'maxStalenessSeconds must be at least heartbeatFrequencyMS in seconds plus 10, because staleness can only be measured that precisely. With a smaller value, selecting a secondary fails with an error at run time. Raise maxStalenessSeconds or lower heartbeatFrequencyMS.',
  'auth-mechanism-unknown':
    'authMechanism names no mechanism that drivers know, usually a typo or MONGODB-CR, which MongoDB 4.0 removed. Drivers reject the string before connecting (the Node.js driver matches some partial names, a warning under that profile). Use one of SCRAM-SHA-256, SCRAM-SHA-1, MONGODB-X509, GSSAPI, PLAIN, MONGODB-AWS or MONGODB-OIDC.',
  'auth-username-missing':
    'The mechanism needs a username (SCRAM, PLAIN and GSSAPI), or the string has an "@" with no username before it. Drivers cannot build the credential and reject the string. Put the user name before the "@", or remove the "@" when no authentication is wanted.',
  'auth-username-forbidden':
    'MONGODB-AWS takes its identity from the AWS environment, and MONGODB-OIDC takes a username only with ENVIRONMENT:azure (the client id of the managed identity), so a username here is not allowed. Drivers reject the string. Remove the username.',
  'auth-password-forbidden':
    'MONGODB-X509, MONGODB-AWS and MONGODB-OIDC never read a password from the connection string: X.509 proves identity with the client certificate, the others with environment credentials or tokens. Drivers reject a password for them. Remove it, and the ":" before it.',
  'auth-password-missing':
    'SCRAM and PLAIN are named with a username but no password, so authentication fails against the server. It is not reported under the Node.js profile, because that driver accepts the string and fails only when it authenticates. Add the password, percent-encoded, or supply it from the environment.',
  'auth-source-empty':
    'authSource= gives no database, and drivers reject an empty authSource even when the string has no credentials. Name the database that holds the user (often admin), or remove the option.',
  'auth-source-invalid':
    `GSSAPI, MONGODB-X509, MONGODB-AWS and MONGODB-OIDC authenticate against the virtual ${EXTERNAL_AUTH_SOURCE} database, and drivers reject any other authSource for them. Use authSource=${EXTERNAL_AUTH_SOURCE}, or leave authSource out.`,
  'auth-property-invalid':
    'An authMechanismProperties entry is unknown for the mechanism, has a value outside the allowed set, or may only be set in code (AWS_SESSION_TOKEN, OIDC callbacks, ALLOWED_HOSTS). Drivers reject such entries; an unknown property of a mechanism that has properties, or properties without authMechanism, is a warning. Keep only the properties the mechanism takes in a URI, and set the others in code.',
  'auth-property-missing':
    'MONGODB-OIDC in a connection string needs ENVIRONMENT (test, azure, gcp or k8s), and azure and gcp also need TOKEN_RESOURCE. Without them the driver has no way to obtain a token and rejects the string. Add the missing property, or pass a callback in code.',
  'auth-source-without-credentials':
    'authSource names the database that holds the user, but this string has neither credentials nor authMechanism, so the driver never authenticates and the option does nothing. This is information only: add the credentials if authentication was intended, or drop authSource.',
  'credentials-in-source':
    'A real-looking password (or proxy or key-file password) sits in a file that gets committed: code, configuration, Markdown and plain text, and .env files that no .gitignore ignores. Defaults such as root:example, placeholders, variable names, strings to localhost or to a compose service, comments, and test, fixture and example files are not reported. Read the password from an environment variable or a secret store; the quick fix puts a placeholder in its place.',
  'node-uri-rejected':
    'Under the Node.js profile only: the URL parser of the Node.js driver throws on this part of the string (a host, the credentials or the path) where no other rule has reported an error yet, so new MongoClient(uri) fails. Rewrite the part as the message says, usually by percent-encoding it.',
  'node-option-rejected':
    'Under the Node.js profile only: the Node.js driver cannot convert this option value to the type it expects, or rejects the option here (srvAllowedHostsSuffix without mongodb+srv://), although the specification accepts it. new MongoClient(uri) throws. Use a value the driver accepts.',
  'node-auth-rejected':
    'Under the Node.js profile only: the credential checks of the Node.js driver fail for this string (mechanism, username, password, authSource or mechanism properties) where the authentication rules reported no error, so new MongoClient(uri) throws. Correct the credentials as the message says.',
  'node-option-ignored':
    'Under the Node.js profile only: the Node.js driver reads this text differently from the specification. A "#" starts a URL fragment that is dropped, "+" becomes a space, ";" separates nothing, a key repeated in another case is ignored, and some options are dropped or only warned about. Percent-encode the character, or write the option as the message suggests.',
  'tls-disabled':
    'TLS is turned off (tls=false or ssl=false) for a remote host or a mongodb+srv:// cluster, or a mongodb:// string to a remote host (an IP address, or a dotted name other than the names of a Kubernetes cluster such as mongo.shop.svc.cluster.local and names under .internal, .local, .home.arpa or .localdomain) leaves it at its default, which is off. Credentials and data then cross the network unencrypted. Add tls=true when the server accepts TLS; this is information only because local and private hosts may not need it.',
  'tls-insecure':
    'tlsInsecure, tlsAllowInvalidCertificates or tlsAllowInvalidHostnames is true, so the driver accepts any server certificate or a certificate for another host. Anyone between the application and the server can then read and alter the traffic despite TLS. Keep these options for local tests, and give the CA with tlsCAFile instead.',
  'x509-without-tls':
    'MONGODB-X509 authenticates with the client certificate presented in the TLS handshake, but TLS is off (a mongodb:// string without tls=true), so authentication cannot succeed. Add tls=true and a client certificate.',
  'x509-without-certificate':
    'MONGODB-X509 needs a client certificate, and the string names none with tlsCertificateKeyFile, so the application code must supply it. This is information only; add tlsCertificateKeyFile if the certificate is not configured elsewhere.',
  'proxy-password-plain':
    'SOCKS5 sends proxyUsername and proxyPassword in clear text, and proxyHost is on another machine, so anyone on the network path can read them. This is information only: prefer a proxy reached over a trusted network, or one that does not need a password.',
  'proxy-remote-localhost':
    'All servers are localhost or sockets, but the connection goes through a proxy on another machine, where "localhost" means the proxy\'s own machine. The driver then reaches a different server, or none. This is information only: remove the proxy options, or name the server by an address the proxy can reach.',
  'direct-connection-replica-set':
    'With directConnection=true the driver talks only to the listed host, even though replicaSet is given: it does not discover the other members and does not follow a new primary after a failover. This is information only; remove directConnection to connect to the whole replica set.',
  'admin-host-without-port':
    'An element of the hostAndPort array of dropConnections lacks a host or a port, has a port outside 1 to 65535, or is an IPv6 address without brackets. The server skips such an element without an error, so connections to that host stay open. Write each element as "host:port", such as "db1.example.net:27017" or "[::1]:27017".',
  'admin-host-not-string':
    'hostAndPort of dropConnections, or one of its elements, is not the expected kind of value (an object, a number, a single string instead of an array). The server refuses the command document. Pass an array of "host:port" strings.',
  'admin-drop-connections-value':
    'The dropConnections field of the command document must be the number 1; another value is not what the command expects. Write dropConnections: 1.',
  'admin-killop-missing-op':
    'The killOp command, or db.killOp(), is called without the id of the operation to stop, so the server has nothing to act on and fails the command. Find the id with $currentOp or db.currentOp() and pass it as op.',
  'admin-killop-invalid-op':
    'The op of killOp is not an operation id: ids are whole numbers of 0 or more, or "<shard>:<opid>" strings for operations that run on a shard behind mongos. A number written as a string, a negative number or another value makes the command fail. Pass the id as $currentOp shows it.',
  'admin-command-not-admin-db':
    'dropConnections or killOp is sent with runCommand() or command() on a database other than admin; the server accepts these commands only on the admin database and returns an error elsewhere. Use db.adminCommand() or db.getSiblingDB("admin").runCommand().',
  'database-name-empty':
    'A database name passed to a driver call (such as client[""] in Python) or written in a configuration key is empty. The server and the drivers refuse an empty name, so the call fails, but for the Node.js driver, which reads client.db("") as the database of the connection string and is not held to this rule. Give the database a name.',
  'database-name-windows-char':
    'The database name contains *, <, >, :, | or ?, which a MongoDB server running on Windows refuses in database names. It is a warning while mongodbUri.serverPlatform is "any", an error with "windows", and not reported with "unix". Avoid these characters, or set the platform if the servers never run on Windows.',
  'database-case-conflict':
    'Two database names are written with different upper and lower case (in one file, or across the workspace in the editor). The server refuses to create a database whose name differs only by case from an existing one, so whichever comes second fails. Use one spelling everywhere.',
  'collection-name-empty':
    'A collection name passed to a driver call, such as db.collection(""), is empty. The server refuses an empty collection name, so every operation on it fails. Give the collection a name.',
  'collection-invalid-char':
    'The collection name contains "$" or a null character, which the server does not accept in collection names, so creating or using the collection fails. Choose a name without them.',
  'collection-name-reserved':
    'Names that begin with "system." or contain ".system." belong to the server\'s own collections; the known ones such as system.profile or system.users are not reported. The server refuses to let applications create such collections. Pick a name outside the reserved prefix.',
  'collection-name-start':
    'The collection name starts with a digit or a symbol. The server accepts it, but the shell shortcut db.<name> cannot reach it and db.getCollection("<name>") is needed instead; this is information only. Start the name with a letter or "_".',
  'namespace-too-long':
    `The database name, a dot and the collection name together exceed ${L.namespaceLength.value} bytes of UTF-8. The server refuses namespaces that long, so creating or writing to the collection fails. Shorten the collection or database name.`,
  'namespace-not-shardable':
    `The namespace <database>.<collection> is longer than ${L.shardedNamespaceLength.value} bytes. The collection works unsharded, but shardCollection will refuse it later. Shorten the name now if the collection may ever be sharded.`,
  'atlas-cluster-name-invalid':
    `An Atlas cluster name (a Terraform resource, a clusterName key, or the first label of a *.mongodb.net host) is empty, longer than ${L.atlasClusterNameLength.value} characters, uses characters other than ASCII letters, digits and hyphens, begins with a hyphen, or has a hyphen as its ${L.atlasClusterNamePrefix.value}th character (or last, for a shorter name). Atlas builds host names from it and refuses such a name. Rename the cluster within those rules.`,
  'atlas-cluster-name-prefix-conflict':
    `Two clusters of one Atlas project in a Terraform file share their first ${L.atlasClusterNamePrefix.value} characters, compared without regard to case. Atlas derives host names from that prefix, so it refuses the second cluster. Make the names differ early.`,
  'atlas-project-name-invalid':
    `An Atlas project name (a Terraform resource or a projectName key) is empty, longer than ${L.atlasProjectNameLength.value} characters, or contains a character outside letters, digits, spaces and - _ . ( ) , : & @ + '. Atlas refuses it when the project is created or renamed, so the Terraform apply fails. Change the name within those rules.`,
  'atlas-organization-name-invalid':
    `An Atlas organization name is empty, longer than ${L.atlasOrganizationNameLength.value} characters, or contains a character outside letters, digits, spaces and - _ . ( ) , : & @ + '. Atlas refuses it, so creating the organization fails. Change the name within those rules.`,
  'atlas-connections-exceed-tier':
    `Reported only when an Atlas tier is set (mongodbUri.atlas.tier or --atlas-tier) for a *.mongodb.net string: maxPoolSize, or its default, times the number of application instances is more than a node of that tier allows, after the ${L.atlasReservedConnections.value} connections Atlas keeps for itself. Under load, new connections are then refused. Lower maxPoolSize or choose a larger tier.`,
  'index-too-many-fields':
    `A createIndex or createIndexes call in JavaScript, TypeScript or Python lists more than ${L.compoundIndexFields.value} fields in one index key (the fields of a text index, weights of one text key, count as one). The server refuses to build the index, so the call fails at run time. Split it into smaller indexes, or index fewer fields.`,
  'indexes-too-many':
    `The file creates so many indexes on one collection that, with the _id index, there are more than ${L.indexesPerCollection.value}. The server refuses the index beyond the limit. Drop indexes that are not needed or combine them.`,
  'pipeline-too-many-stages':
    `An aggregate call, or a sub-pipeline of $facet, $lookup or $unionWith, has more than ${L.pipelineStages.value} stages. The server rejects the aggregation when it runs. Merge stages or split the work into several pipelines.`,
  'sort-too-many-keys':
    `A sort, as a sort() call or a $sort stage, names more than ${L.sortKeys.value} keys. The server rejects the query or aggregation when it runs. Sort on fewer keys.`,
  'sort-duplicate-key':
    'A sort names one field twice. In an object literal the later entry replaces the earlier one and keeps its first position, so the order the server receives is not the one written. Keep each field once, in the intended position.',
  'document-too-deep':
    `A document literal passed to an insert, update, query or similar call nests objects and arrays more than ${L.documentNestingDepth.value} levels deep. The server refuses such documents, so the call fails at run time. Flatten the structure.`,
  'server-parameter-type':
    'A server parameter in a mongod or mongos configuration file (under setParameter:, or replication.oplogSizeMB), or in a setParameter command in code, is given a value of the wrong type: text or a fraction where a whole number is expected, a string where a boolean is expected. The server refuses to start with such a configuration, and the command fails. Write a value of the type the parameter takes.',
  'server-parameter-range':
    'A server parameter is set below its documented minimum or above its maximum (maxIndexBuildMemoryUsageMegabytes under 50, a logLevel outside 0 to 5, a zero or negative oplogSizeMB). The server refuses the value at start-up or in the setParameter command. Choose a value in the accepted range; the hover shows it and the default.',
  'oplog-size-small':
    'replication.oplogSizeMB asks for an oplog smaller than the documented minimum of 990 megabytes. The server accepts it, but the oplog then covers a short time, and a secondary that falls behind by more than it holds must be resynced from scratch. Give the oplog at least the minimum, or leave the option out for the default.',
  'atlas-project-clusters':
    `The Terraform file creates more than ${L.atlasClustersPerProject.value} clusters (mongodbatlas_cluster and mongodbatlas_advanced_cluster, each counted count times) with the same project_id. Atlas refuses the clusters over its per-project quota, so terraform apply fails part way. Spread the clusters over projects, or ask Atlas support for a higher limit.`,
  'atlas-project-free-clusters':
    'The Terraform file creates a second free (M0) cluster with the same project_id. Atlas allows one free cluster per project and refuses the second, so terraform apply fails. Put it in another project or choose a paid tier.',
  'atlas-project-database-users':
    `The Terraform file creates more than ${L.atlasDatabaseUsersPerProject.value} mongodbatlas_database_user resources with the same project_id. Atlas refuses the users over its per-project quota, so terraform apply fails. Share users between applications, or use another project.`,
  'atlas-project-custom-roles':
    `The Terraform file creates more than ${L.atlasCustomRolesPerProject.value} mongodbatlas_custom_db_role resources with the same project_id. Atlas refuses the roles over its per-project quota, so terraform apply fails. Merge roles that grant the same actions.`,
  'atlas-project-network-peering':
    `The Terraform file creates more than ${L.atlasNetworkPeeringPerProject.value} mongodbatlas_network_peering resources with the same project_id. Atlas refuses the connections over its per-project quota, so terraform apply fails. Consider private endpoints or a transit network.`,
  'atlas-project-access-list':
    `The Terraform file creates more than ${L.atlasAccessListEntriesPerProject.value} IP access list entries (mongodbatlas_project_ip_access_list, counted count times or once per item of a list for_each) with the same project_id. Atlas refuses the entries over its per-project quota, so terraform apply fails. Use CIDR blocks that cover several addresses.`,
  'atlas-project-teams':
    `The Terraform file gives more than ${L.atlasTeamsPerProject.value} teams access to one project (mongodbatlas_team_project_assignment resources and teams blocks of the mongodbatlas_project). Atlas refuses the assignments over its quota, so terraform apply fails. Merge teams.`,
  'atlas-electable-nodes':
    `A replication spec of an Atlas cluster in Terraform has more than ${L.atlasElectableNodesPerShard.value} electable nodes, summed over its regions (electable_specs node_count, electable_nodes, or replication_factor). A replica set has at most ${L.atlasElectableNodesPerShard.value} voting members, so Atlas refuses the cluster. Use read-only nodes for more copies.`,
  'atlas-multi-region-shards':
    `An Atlas cluster in Terraform whose regions are more than one has more than ${L.atlasMultiRegionShards.value} shards (replication_specs blocks, or their num_shards). Atlas refuses such a multi-region cluster, so terraform apply fails. Use fewer, larger shards, or one region.`,
  'query-text-with-near':
    'A literal filter of find, findOne, countDocuments, deleteMany or a similar call uses $text together with $near or $nearSphere, or a pipeline has a $geoNear stage beside a $match that uses $text. The server refuses such a query, because a text search and a distance sort cannot be combined. Run the two searches apart and join their results in the application.',
  'where-uses-db':
    'The JavaScript code of a $where filter, given as a string or a function, uses the db object (db.users, db.getSiblingDB and the like). Code of $where runs on the server without db, so the query fails. Read the other data from the application, or express the condition with $expr or an aggregation with $lookup.',
  'document-id-array':
    'A document that insertOne, insertMany, save, a replacement or an upsert writes has an array as its _id, which the server refuses (for an upsert, an _id equality in the filter counts). Use a scalar or an object as the key.',
  'document-id-regex':
    'A document that an insert, a replacement or save writes has a regular expression as its _id (a /…/ literal, RegExp, BSONRegExp, re.compile or Regex), which the server refuses. Store the pattern as a string instead.',
  'document-id-dollar-field':
    'The _id of a written document is an object with a field whose name starts with $, and the server refuses to store it. Rename that field of the key.',
  'document-duplicate-field':
    'An object literal or Python dict passed to an insert, update, query or similar call names one field twice. JavaScript and Python keep only the last value, so the first one never reaches the server and the data is lost silently. Keep each field once.',
  'document-field-null-char':
    'A field name in a document literal contains the null character, written as it is or as an escape such as \\0, \\x00 or \\u0000. Field names are stored as C strings and the server refuses such names. Remove the character.',
  'index-collation-not-simple':
    'A createIndex, ensureIndex, create_index or createIndexes call builds a text or 2d index with a collation whose locale is not simple. These index types compare strings only by their bytes, so the server refuses the index. Drop the collation option, or give locale simple when the collection has a default collation.',
  'aggregation-disk-use-disabled':
    `An aggregate call whose pipeline has a $sort or $group stage passes allowDiskUse false, so a blocking stage that needs more than ${L.blockingStageMemory.value / (1024 * 1024)} MB of memory fails instead of writing temporary files to disk (what the server does by default since MongoDB 6.0). It is only a hint, since failing may be intended to keep large aggregations off the disk. Otherwise leave the option out or set it to true.`,
  'replica-set-too-many-members':
    `The configuration passed to rs.initiate, rs.reconfig or the replSetInitiate/replSetReconfig command (or grown by rs.add calls after an initiate in the same file) lists more than ${L.replicaSetMembers.value} members. The server refuses it. Use fewer members, or mirror data another way.`,
  'replica-set-too-many-voting':
    `More than ${L.replicaSetVotingMembers.value} members of a replica set configuration vote (a member without votes: 0 has one vote). The server refuses the configuration. Give the extra members votes: 0 and priority: 0.`,
  'capped-max-too-large':
    `createCollection or create_collection makes a capped collection whose max document count is ${L.cappedMaxDocuments.value} (2^31) or more. The server refuses it; rely on size, or give a smaller max.`,
  'capped-size-missing':
    'A collection is created with capped: true but no size. The server needs the size in bytes of a capped collection and refuses the command without it.',
  'shard-key-monotonic':
    'A collection is sharded on one ascending field that grows with every insert (_id, a timestamp, a date, a sequence or counter). All new documents then go to the chunk with the highest values, on one shard. A hint: a hashed key spreads them, and the quick fix makes the key hashed.',
  'shard-key-index-type':
    'A field of a shard key is given a value other than 1 (ascending) or "hashed": descending, text, 2d, 2dsphere, geoHaystack and wildcard indexes cannot back a shard key, so the server refuses to shard the collection.',
  'unique-index-not-shard-key-prefix':
    'A unique index is created on a collection the same file shards, and its keys do not start with the shard key. The server enforces uniqueness across shards only for indexes that begin with the shard key, so it refuses such an index (or refuses to shard the collection when the index is already there).',
  'compose-localhost':
    'In a docker-compose file, a service other than the MongoDB one connects to localhost, 127.0.0.1 or ::1, which inside its container is that container itself, so no server answers there. Connect to the MongoDB service by its service name on the compose network; the quick fix does when the file has one MongoDB service. Nothing is said when either service uses network_mode.',
  'compose-host-unknown':
    'In a docker-compose file, a connection string names a host without a dot that no service, container_name, hostname, network alias, link or extra_hosts entry of the file answers to, often a misspelt service name, and such a name does not resolve on the compose network. Services of other compose files merged at run time are not seen, so nothing is said when the file includes others or joins an external network. Use the service name; the quick fix offers the closest one.',
  'compose-port-mismatch':
    `In a docker-compose file, a connection string reaches a MongoDB service of the file on a port its server does not listen on (${DEFAULT_PORT} unless its command sets --port), often the port that ports: publishes on the host machine. Containers on the compose network reach the server on its container port only. Use the port the server listens on.`,
  'compose-replica-set-mismatch':
    'In a docker-compose file, a connection string asks for replicaSet=X while the MongoDB service it reaches runs another --replSet, or none at all, so the driver finds no member of the named set and server selection times out. Use the name the server runs, or remove the option for a standalone server. A string without replicaSet is not reported, because drivers discover the set.',
  'compose-root-auth-source':
    'In a docker-compose file, a connection string authenticates as the root user that the image creates (MONGO_INITDB_ROOT_USERNAME, or MONGODB_ROOT_USER for Bitnami) with a database in the path and no authSource. The image creates that user in the admin database, but the driver authenticates against the database of the path, so authentication fails. Add authSource=admin.',
};

/** The description of a rule ('' for an id without one: a test requires one for every rule). */
export function ruleDescription(id: string): string {
  return RULE_DESCRIPTIONS[id] ?? '';
}
