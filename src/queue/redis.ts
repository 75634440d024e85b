/**
 * Redis connections. Workers wait for Redis to come back (ioredis reconnects; commands wait in its offline queue),
 * so a Redis restart only pauses them. Commands a person runs (enqueue, status) fail fast with E010 instead.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { SelonError } from '../errors.js';
import { redact } from '../store/url.js';

/** Throws E003 unless the URL names a Redis server. */
export function checkRedisUrl(url: string): void {
  if (!/^rediss?:\/\//.test(url)) throw new SelonError('E003', `--redis must be a redis:// or rediss:// URL (got "${redact(url)}")`);
}

function optionsFor(url: string): RedisOptions {
  checkRedisUrl(url);
  return {};
}

/** A connection that survives Redis restarts: for workers (BullMQ requires maxRetriesPerRequest: null). */
export function workerConnection(url: string): Redis {
  const redis = new Redis(url, {
    ...optionsFor(url),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.on('error', () => {}); // reconnection is ioredis's job; the worker logs BullMQ's own errors
  return redis;
}

/** A connection for a one-off command: checked at once, E010 when Redis does not answer. */
export async function commandConnection(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    ...optionsFor(url),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new SelonError('E010', `${redact(url)}: ${(err as Error).message}`);
  }
  return redis;
}
