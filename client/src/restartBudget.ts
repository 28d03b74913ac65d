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
