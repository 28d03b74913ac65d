/** Facts of the connection-string format itself that parser, rules and analyzers share. */

/** The port of a host written without one. */
export const DEFAULT_PORT = 27017;
