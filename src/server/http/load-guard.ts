import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/**
 * Overload protection (issue 10). A server that queues every request when the
 * database is saturated answers nobody for minutes; one that refuses the
 * excess at once keeps serving the rest, and the client knows to retry.
 *  - At most MAX_CONCURRENT_REQUESTS API requests are in flight; the next one
 *    is answered 503 with Retry-After at once, before any work.
 *  - A request that waited DATABASE_WAIT_MS for a connection, or whose query
 *    ran past STATEMENT_TIMEOUT_MS, is also answered 503 (error-handler.ts).
 *  - /api/health says "degraded" while requests are refused or wait.
 * The counters describe this process's moment, not data: nothing to share
 * between instances.
 */
export interface LoadGuardOptions {
  maxInFlight: number;
  retryAfterSeconds: number;
  /** The database pool's state, where there is one (PostgreSQL). */
  poolLoad?: () => { waiting: number; total: number; max: number };
  now?: () => number;
}

/** How long after a refusal the health check still says "degraded". */
const DEGRADED_FOR_MS = 30_000;

export class LoadGuard {
  inFlight = 0;
  refused = 0;
  private lastOverloadAt = Number.NEGATIVE_INFINITY;
  constructor(private readonly options: LoadGuardOptions) {}

  private get now() {
    return this.options.now?.() ?? Date.now();
  }

  noteOverload() {
    this.refused += 1;
    this.lastOverloadAt = this.now;
  }

  /** Takes a slot, or refuses: the caller answers 503. */
  enter(): boolean {
    if (this.inFlight >= this.options.maxInFlight) {
      this.noteOverload();
      return false;
    }
    this.inFlight += 1;
    return true;
  }

  leave() {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  health() {
    const pool = this.options.poolLoad?.();
    const recentlyRefused = this.now - this.lastOverloadAt < DEGRADED_FOR_MS;
    const saturated = this.inFlight >= this.options.maxInFlight * 0.8 || (pool !== undefined && pool.waiting > 0);
    return {
      status: recentlyRefused || saturated ? ('degraded' as const) : ('ok' as const),
      inFlight: this.inFlight,
      maxInFlight: this.options.maxInFlight,
      refusedSinceStart: this.refused,
      ...(pool ? { databasePool: pool } : {}),
    };
  }
}

const GUARD = Symbol('loadGuard');
const HOLDS_SLOT = Symbol('holdsSlot');
type Guarded = FastifyInstance & { [GUARD]?: LoadGuard };
type SlotRequest = FastifyRequest & { [HOLDS_SLOT]?: boolean };

/** For the error handler: a request met a saturated database. */
export function overloadSeen(request: FastifyRequest) {
  (request.server as Guarded)[GUARD]?.noteOverload();
}

export function registerLoadGuard(app: FastifyInstance, options: LoadGuardOptions): LoadGuard {
  const guard = new LoadGuard(options);
  (app as Guarded)[GUARD] = guard;
  const release = (request: SlotRequest) => {
    if (!request[HOLDS_SLOT]) return;
    request[HOLDS_SLOT] = false;
    guard.leave();
  };
  app.addHook('onRequest', async (request: SlotRequest) => {
    // The health check and the static web app never wait on the database.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    if (!guard.enter()) {
      throw new DomainError('unavailable', 'error.busy', { params: { retryAfterSeconds: options.retryAfterSeconds } });
    }
    request[HOLDS_SLOT] = true;
  });
  app.addHook('onResponse', async (request: SlotRequest) => release(request));
  app.addHook('onRequestAbort', async (request: SlotRequest) => release(request));
  return guard;
}
