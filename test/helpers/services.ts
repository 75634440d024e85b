/**
 * Throwaway PostgreSQL and Redis servers for tests: started on 127.0.0.1 on free ports, in temporary folders, from the
 * Debian packages (scripts/preflight.sh installs them), and stopped, their folders removed, when the test process
 * ends, whatever way it ends. `initdb` refuses to run as root, so as root the cluster belongs to the postgres user.
 *
 *   const pg = await startPostgres();      pg.url → postgres://postgres@127.0.0.1:PORT/postgres
 *   const url = await pg.createDatabase('t1');
 *   const redis = await startRedis({ persist: true });   redis.url → redis://127.0.0.1:PORT
 *   await redis.restart();   await pg.stop(); await pg.start();
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const isRoot = process.getuid?.() === 0;

/** Every running service, so the exit hook can stop what a failing test left behind. */
const running = new Set<{ kill(): void }>();
let hooked = false;

function onExit(service: { kill(): void }): void {
  running.add(service);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const s of running) s.kill();
  });
  // Interrupted (Ctrl+C, a test runner's timeout): exit properly, so the hook above still runs.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => process.exit(code));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/* ---------- CPU time (for benchmarks), from /proc ---------- */

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds of a process: its own, plus those of its children it has reaped when `reaped`. */
export function cpuOf(pid: number, reaped: boolean): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return (utime! + stime! + (reaped ? cutime! + cstime! : 0)) / TICKS;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/* ---------- PostgreSQL ---------- */

export interface Postgres {
  /** URL of the default `postgres` database. */
  url: string;
  port: number;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server for good and removes its folder. */
  destroy(): Promise<void>;
  /** CPU seconds used by the server so far (postmaster and backends, those gone included). Linux only. */
  cpuSeconds(): number;
}

/** The newest PostgreSQL server binaries installed (Debian keeps them out of PATH). */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (scripts/preflight.sh installs the postgresql package)');
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb and postgres refuse root). */
function asOwner(bin: string, args: string[]): void {
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'selon-pg-'));
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = join(dir, 'data');
  const port = await freePort();
  asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale', 'C.UTF-8', '--no-sync']);
  // Durability is not what these tests measure: fsync off keeps a throwaway cluster fast on a shared disk.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const ctl = (args: string[]) => asOwner(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const start = async () => {
    ctl(['-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    await waitForPort(port, 10_000);
  };
  const stop = async () => {
    try {
      ctl(['-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  const service = {
    kill() {
      try {
        ctl(['-m', 'immediate', 'stop']);
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  onExit(service);
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    stop,
    start,
    async destroy() {
      await stop();
      running.delete(service);
      rmSync(dir, { recursive: true, force: true });
    },
    cpuSeconds() {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return cpuOf(pid, true) + childrenOf(pid).reduce((sum, child) => sum + cpuOf(child, false), 0);
    },
  };
}

/* ---------- Redis ---------- */

export interface Redis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM: with persistence on, it writes its append-only file first). */
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
  /** CPU seconds used by the running server so far. Linux only. */
  cpuSeconds(): number;
}

export interface RedisOptions {
  /** Keep data across restarts (append-only file, fsync every write). Default false. */
  persist?: boolean;
}

export async function startRedis(options: RedisOptions = {}): Promise<Redis> {
  const dir = mkdtempSync(join(tmpdir(), 'selon-redis-'));
  const port = await freePort();
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no',
    '--maxmemory-policy', 'noeviction', '--loglevel', 'warning',
    ...(options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    const exited = new Promise<never>((_, reject) => child!.once('exit', (code) => reject(new Error(`redis-server exited (${code})`))));
    exited.catch(() => {});
    await Promise.race([waitForPort(port, 10_000), exited]);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  const service = {
    kill() {
      child?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  onExit(service);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
    async destroy() {
      await stop();
      running.delete(service);
      rmSync(dir, { recursive: true, force: true });
    },
    cpuSeconds() {
      const pid = (child as ChildProcess | null)?.pid;
      return pid ? cpuOf(pid, false) : 0;
    },
  };
}
