import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectDb } from '../../../server/platform/db/connect'
import type { FromServer, ToServer } from './ipc'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Server and load generator on separate cores where the machine allows: this process (the load
 * generator, with Chromium and the socket clients it starts) on the last core, every server under
 * test on core 0. Without taskset or with one core, everything shares and the results say so.
 */
export interface Pinning {
  used: boolean
  serverCpus: string | null
  loadCpus: string | null
  why?: string
}

export function pinLoadGenerator(): Pinning {
  const cores = os.availableParallelism()
  let hasTaskset = true
  try {
    execFileSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' })
  } catch {
    hasTaskset = false
  }
  if (!hasTaskset) return { used: false, serverCpus: null, loadCpus: null, why: 'taskset not found' }
  if (cores < 2) return { used: false, serverCpus: null, loadCpus: null, why: 'one core only' }
  const load = String(cores - 1)
  try {
    // -a: every thread of this process (libuv's pool, V8's helpers); children inherit it.
    execFileSync('taskset', ['-a', '-cp', load, String(process.pid)], { stdio: 'ignore' })
  } catch (err) {
    return { used: false, serverCpus: null, loadCpus: null, why: `taskset failed: ${String(err)}` }
  }
  return { used: true, serverCpus: '0', loadCpus: load }
}

let pinning: Pinning = { used: false, serverCpus: null, loadCpus: null }
export function setPinning(p: Pinning): void {
  pinning = p
}

/** `--mongodb URI`: the MongoDB the servers use instead of an embedded FerretDB each. */
let mongodb: string | null = null
let databases = 0
export function useMongodb(uri: string | null): void {
  if (uri) databaseOn(uri, 'check')
  mongodb = uri
}

/** `uri` naming the database `name` (whatever database it named), its options kept. */
function databaseOn(uri: string, name: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri)
  if (!m) throw new Error(`--mongodb takes a mongodb:// or mongodb+srv:// URI, not ${uri}`)
  return `${m[1]}/${name}${m[2] ?? ''}`
}

/** What the servers of this run store in, for the results: a MongoDB is named without its credentials. */
export function databaseLabel(): string {
  return mongodb ? `MongoDB at ${databaseOn(mongodb, '').replace(/\/\/[^@/]*@/, '//').replace(/\/(\?.*)?$/, '')}` : 'embedded FerretDB (SQLite), one per server'
}

/** Every child and temporary directory of the run, closed in reverse order, also on failure. */
export class Scope {
  private readonly closers: (() => Promise<void> | void)[] = []

  defer(close: () => Promise<void> | void): void {
    this.closers.push(close)
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close()
      } catch (err) {
        console.error('[bench] cleanup step failed:', err)
      }
    }
  }

  tempDir(prefix: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
    this.defer(() => rmSync(dir, { recursive: true, force: true }))
    return dir
  }
}

export async function withScope<T>(run: (scope: Scope) => Promise<T>): Promise<T> {
  const scope = new Scope()
  try {
    return await run(scope)
  } finally {
    await scope.close()
  }
}

export interface ServerProcess {
  url: string
  port: number
  dbUri: string
  pid: number
  /** Heap in use after a forced full GC, in bytes. */
  heapUsed(): Promise<number>
  stop(): Promise<void>
}

let profileDir: string | undefined
/** `--cpu-prof`: every server under test writes a V8 CPU profile into `dir` when it stops. */
export function profileServersInto(dir: string): void {
  mkdirSync(dir, { recursive: true })
  profileDir = dir
}

/**
 * Starts scripts/bench/server.ts (the app), floor.ts (raw ws) or floor-socketio.ts (bare Socket.IO) in a child process pinned to the
 * server core, with --expose-gc, and waits for it to listen. Its logs go to a file in `logDir`,
 * printed when it fails.
 */
export async function startServerProcess(
  scope: Scope,
  script: 'server.ts' | 'floor.ts' | 'floor-socketio.ts',
  env: Record<string, string | undefined>,
  name = script.replace('.ts', ''),
): Promise<ServerProcess> {
  if (mongodb && env.DATA_DIR && !env.MONGODB_URI) {
    // A fresh database, as an embedded one would be, dropped once the server has stopped.
    const uri = databaseOn(mongodb, `papan_bench_${process.pid}_${++databases}`)
    env = { ...env, DATA_DIR: undefined, MONGODB_URI: uri }
    scope.defer(async () => {
      const conn = await connectDb(uri)
      await conn.dropDatabase()
      await conn.close()
    })
  }
  const logDir = scope.tempDir('papan-bench-log-')
  const logFile = path.join(logDir, `${name}.log`)
  const logFd = openSync(logFile, 'w')
  const nodeArgs = ['--expose-gc', '--import', 'tsx']
  // For digging further (e.g. --heapsnapshot-signal=SIGUSR2, --heap-prof), passed to every server.
  if (process.env.BENCH_SERVER_NODE_ARGS) nodeArgs.push(...process.env.BENCH_SERVER_NODE_ARGS.split(' ').filter(Boolean))
  // One directory per server; the loader's worker thread writes a profile of its own beside it.
  if (profileDir) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', path.join(profileDir, `${name}-${Date.now()}`))
  const command = [process.execPath, ...nodeArgs, path.join(ROOT, 'scripts/bench', script)]
  const [file, ...args] = pinning.used ? ['taskset', '-c', pinning.serverCpus ?? '0', ...command] : command
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' }
  delete childEnv.MONGODB_URI
  delete childEnv.REDIS_URL
  delete childEnv.FERRETDB_PORT
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v
  const child: ChildProcess = spawn(file as string, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', logFd, logFd, 'ipc'] })
  closeSync(logFd)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const logTail = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')
    } catch {
      return ''
    }
  }

  let heapId = 0
  const heapWaiters = new Map<number, (bytes: number) => void>()
  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const ask: ToServer = { type: 'stop' }
      if (child.connected) child.send(ask)
      else child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    })()
    return stopped
  }
  scope.defer(stop)

  const ready = await new Promise<{ port: number; dbUri: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s\n${logTail()}`)), 60_000)
    child.on('message', (msg: FromServer) => {
      if (msg.type === 'ready') {
        clearTimeout(timer)
        resolve(msg)
      } else if (msg.type === 'heap') {
        heapWaiters.get(msg.id)?.(msg.heapUsed)
        heapWaiters.delete(msg.id)
      } else if (msg.type === 'failed') {
        clearTimeout(timer)
        reject(new Error(`${name} failed: ${msg.message}\n${logTail()}`))
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code ?? signal})\n${logTail()}`))
    })
  })

  return {
    url: `http://127.0.0.1:${ready.port}`,
    port: ready.port,
    dbUri: ready.dbUri,
    pid: child.pid ?? 0,
    heapUsed() {
      const id = ++heapId
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: no heap reading within 30 s`)), 30_000)
        heapWaiters.set(id, (bytes) => {
          clearTimeout(timer)
          resolve(bytes)
        })
        child.send({ type: 'heap', id } satisfies ToServer)
      })
    },
    stop,
  }
}

/**
 * The client built into a directory of this run's own (scenarios that drive a browser): a build
 * by someone else meanwhile cannot change what is measured. Returns the directory to serve.
 */
export function buildClient(scope: Scope, ctx: { log(message: string): void }): string {
  const staticDir = path.join(scope.tempDir('papan-bench-client-'), 'client')
  ctx.log('building the client (vite build) …')
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  return staticDir
}
