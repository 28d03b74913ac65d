/**
 * How often a stopped language server is started again: at most `max` times within `windowMs`; a
 * server that stops more often than that is left stopped (it would only crash again).
 */
export class RestartBudget {
  private stops: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records a stop at `now`; says how many stops fell within the window and whether to start again. */
  stopped(now: number): { count: number; restart: boolean } {
    this.stops = [...this.stops.filter((t) => now - t < this.windowMs), now];
    return { count: this.stops.length, restart: this.stops.length <= this.max };
  }
}

/**
 * Whether an error of the connection to the server ends it: never. Messages the client writes after the
 * server died, before the connection saw its output close, fail one after the other (the writer counts
 * its failures over the connection's life; an error of the stream itself comes without a count), and
 * ending the connection on them would stop the client for good instead of letting the close that
 * follows start a new server within the RestartBudget. A server that is still running answers what it can.
 */
export function errorEndsConnection(_count: number | undefined): boolean {
  return false;
}
