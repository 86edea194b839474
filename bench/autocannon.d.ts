// Minimal typings for the parts of autocannon@8's programmatic API the bench uses. The package ships
// no types, and a local declaration avoids a root devDependency on @types/autocannon for ~5 fields.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Stop after this many requests (instead of after `duration`). */
      amount?: number;
      pipelining?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      title?: string;
      headers?: Record<string, string>;
      method?: 'GET' | 'POST';
      body?: string;
    }

    /** Histogram summary; latency values are milliseconds, request values are requests per second. */
    interface Stats {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
      total?: number;
    }

    interface Result {
      url: string;
      connections: number;
      /** Seconds actually run. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Stats;
      requests: Stats & { sent: number };
      throughput: Stats;
    }

    /** An EventEmitter that is also thenable when no callback is passed. */
    interface Instance extends PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
