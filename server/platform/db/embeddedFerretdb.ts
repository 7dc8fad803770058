import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Logger } from 'pino'

/**
 * What the supervisor is doing: `running` (FerretDB accepts connections), `exited` (it died and a
 * restart waits out its backoff), `restarting` (a new process is starting), `stopped` (stop()).
 */
export type EmbeddedDbState = 'running' | 'exited' | 'restarting' | 'stopped'

export interface EmbeddedDbStatus {
  state: EmbeddedDbState
  /** How many times the supervisor has started FerretDB again since the first start. */
  restarts: number
}

export interface EmbeddedDb {
  uri: string
  /** The current FerretDB process id (a new one after each restart), for diagnostics and tests. */
  readonly pid: number
  status(): EmbeddedDbStatus
  /** Called on every change of status(); returns the unsubscription. */
  onStatus(listener: (status: EmbeddedDbStatus) => void): () => void
  /** Stops FerretDB for good: no restart follows, also when called during a restart's backoff. */
  stop(): Promise<void>
}

export interface EmbeddedFerretdbOptions {
  dataDir: string
  /** 0 or absent: any free port on 127.0.0.1. */
  port?: number
  dbName?: string
  logger: Logger
}

const STARTUP_TIMEOUT_MS = 20_000
const STOP_GRACE_MS = 5_000
const KEPT_OUTPUT_LINES = 20
/** The first restart waits this long; each failure in a row doubles it, up to RESTART_MAX_MS. */
const RESTART_INITIAL_MS = 500
const RESTART_MAX_MS = 10_000
/** A process that ran this long was healthy: its death starts the backoff from the beginning again. */
const RESTART_STABLE_MS = 30_000

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** Where `scripts/install-ferretdb.mjs` (the postinstall hook) puts the binary. */
export function ferretdbBinary(): string {
  return path.join(repoRoot, '.tools', 'ferretdb', 'bin', 'ferretdb')
}

/** One FerretDB process that accepted connections; `exited` settles when it is gone. */
interface Running {
  child: ChildProcess
  pid: number
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  recentOutput: string[]
}

interface LaunchPlan {
  binary: string
  baseDir: string
  sqliteDir: string
  stateDir: string
  pidFile: string
  port: number
  log: Logger
}

/**
 * Starts FerretDB and supervises it: when the process dies (a crash, an OOM kill, `kill -9`), it is
 * started again on the same port and DATA_DIR after a backoff (0.5 s, doubling to 10 s, from 0.5 s
 * again once a process ran 30 s), so the driver's reconnection to the same URI finds it there. A
 * restart goes through the same checks as the first start (no other FerretDB on the directory, the
 * port free); one that fails waits its turn and tries again. Only the first start throws.
 */
export async function startEmbeddedFerretdb(opts: EmbeddedFerretdbOptions): Promise<EmbeddedDb> {
  const binary = ferretdbBinary()
  if (!existsSync(binary)) {
    throw new Error(
      `The embedded database is not installed (${binary} is missing). ` +
        'Run `npm install`, which builds it and needs Go (https://go.dev/dl/), ' +
        'or set MONGODB_URI to use a MongoDB server instead.',
    )
  }

  const log = opts.logger.child({ component: 'ferretdb' })
  const baseDir = path.join(path.resolve(opts.dataDir), 'ferretdb')
  const sqliteDir = path.join(baseDir, 'sqlite')
  const stateDir = path.join(baseDir, 'state')
  mkdirSync(sqliteDir, { recursive: true })
  mkdirSync(stateDir, { recursive: true })
  const pidFile = path.join(baseDir, 'ferretdb.pid')
  // Chosen once: a restarted FerretDB must answer at the address the driver reconnects to.
  const port = opts.port || (await freePort())
  const plan: LaunchPlan = { binary, baseDir, sqliteDir, stateDir, pidFile, port, log }

  let current: Running = await launch(plan, new AbortController().signal, { checkPort: Boolean(opts.port) })
  let status: EmbeddedDbStatus = { state: 'running', restarts: 0 }
  const listeners = new Set<(status: EmbeddedDbStatus) => void>()
  let backoffMs = RESTART_INITIAL_MS
  let stopping = false
  let retryTimer: NodeJS.Timeout | undefined
  let restarting: Promise<void> | undefined
  const abortRestart = new AbortController()

  function setStatus(next: Partial<EmbeddedDbStatus>): void {
    status = { ...status, ...next }
    for (const listener of listeners) listener(status)
  }

  function supervise(run: Running): void {
    current = run
    const startedAt = Date.now()
    void run.exited.then(({ code, signal }) => {
      if (stopping) return
      if (Date.now() - startedAt >= RESTART_STABLE_MS) backoffMs = RESTART_INITIAL_MS
      log.error(
        { code, signal, ferretdbPid: run.pid, output: run.recentOutput, restartInMs: backoffMs },
        'FerretDB exited unexpectedly; restarting it',
      )
      setStatus({ state: 'exited' })
      scheduleRestart()
    })
  }

  function scheduleRestart(): void {
    const waitMs = backoffMs
    backoffMs = Math.min(backoffMs * 2, RESTART_MAX_MS)
    // unref: a pending restart alone must not keep a finished process alive.
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      if (stopping) return
      setStatus({ state: 'restarting', restarts: status.restarts + 1 })
      // Every restart checks the port: another program may have taken it meanwhile.
      restarting = launch(plan, abortRestart.signal, { checkPort: true }).then(
        (run) => {
          restarting = undefined
          current = run
          if (stopping) return // stop() is waiting for this launch and stops `current` next
          supervise(run)
          log.info({ ferretdbPid: run.pid, port, restarts: status.restarts }, 'embedded FerretDB restarted')
          setStatus({ state: 'running' })
        },
        (err: unknown) => {
          restarting = undefined
          if (stopping) return
          log.error({ err, retryInMs: backoffMs }, 'restarting FerretDB failed; trying again')
          setStatus({ state: 'exited' })
          scheduleRestart()
        },
      )
    }, waitMs)
    retryTimer.unref()
  }

  supervise(current)
  log.info({ ferretdbPid: current.pid, port, dataDir: baseDir }, 'embedded FerretDB started')

  let stopped: Promise<void> | undefined
  return {
    uri: `mongodb://127.0.0.1:${port}/${opts.dbName ?? 'papan_sop'}`,
    get pid() {
      return current.pid
    },
    status: () => status,
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopped ??= (async () => {
        stopping = true
        if (retryTimer) clearTimeout(retryTimer)
        retryTimer = undefined
        // A restart under way is cut short (its process killed) or, if it got through, stopped below.
        abortRestart.abort()
        await restarting
        await terminate(current, log)
        setStatus({ state: 'stopped' })
        listeners.clear()
        log.info({ ferretdbPid: current.pid }, 'embedded FerretDB stopped')
      })()
      return stopped
    },
  }
}

/** One FerretDB process up to the moment it accepts connections; throws (and leaves nothing running) otherwise. */
async function launch(plan: LaunchPlan, signal: AbortSignal, { checkPort }: { checkPort: boolean }): Promise<Running> {
  const { binary, sqliteDir, stateDir, pidFile, port, log } = plan
  assertNotInUse(pidFile, plan.baseDir)
  // Readiness is "the port accepts connections", which a stranger on the port would fake.
  if (checkPort) await assertPortFree(port)
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      // FerretDB wants a directory URL with a trailing slash; a file URL survives spaces in paths.
      `--sqlite-url=${pathToFileURL(sqliteDir).href}/`,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
      '--log-format=json',
    ],
    {
      env: { ...process.env, DO_NOT_TRACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so a terminal Ctrl-C reaches only Node: the server can finish its
      // in-flight writes and then stop the database, in that order. The watchdog below makes up
      // for the database no longer dying with the terminal's process group.
      detached: true,
    },
  )
  const pid = child.pid
  if (pid === undefined) {
    // spawn reports ENOENT/EACCES asynchronously; wait for it so the message is the real cause.
    const error = await new Promise<Error>((resolve) => child.once('error', resolve))
    throw new Error(`Could not start FerretDB (${binary}): ${error.message}`)
  }
  writeFileSync(pidFile, `${pid}\n`)
  child.on('error', (error) => log.error({ err: error, ferretdbPid: pid }, 'FerretDB process error'))

  const recentOutput: string[] = []
  pipeOutput(child, log, recentOutput)

  const watchdog = startWatchdog(pid)
  const killOnExit = () => {
    // Synchronous on purpose: 'exit' handlers cannot wait. SQLite survives a SIGKILL.
    if (isRunning(child)) child.kill('SIGKILL')
    watchdog.kill('SIGKILL')
    rmSync(pidFile, { force: true })
  }
  process.on('exit', killOnExit)

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, exitSignal) => {
      process.off('exit', killOnExit)
      watchdog.kill('SIGKILL')
      rmSync(pidFile, { force: true })
      resolve({ code, signal: exitSignal })
    })
  })

  try {
    await waitForPort(port, exited, recentOutput, signal)
  } catch (error) {
    if (isRunning(child)) child.kill('SIGKILL')
    await exited
    throw error
  }
  return { child, pid, exited, recentOutput }
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
async function terminate(run: Running, log: Logger): Promise<void> {
  const { child, pid, exited } = run
  if (isRunning(child)) {
    child.kill('SIGTERM')
    const graceful = await Promise.race([
      exited.then(() => true),
      // unref: a quick stop must not leave a timer holding the process open for 5 s.
      delay(STOP_GRACE_MS, { unref: true }).then(() => false),
    ])
    if (!graceful) {
      // Also what a stopped (SIGSTOP) process needs: it cannot act on SIGTERM until continued.
      log.warn({ ferretdbPid: pid }, `FerretDB did not stop within ${STOP_GRACE_MS} ms; killing it`)
      child.kill('SIGKILL')
    }
  }
  await exited
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/**
 * Two FerretDB processes on one SQLite directory can corrupt it (for instance after an orphan
 * survived a `kill -9` of Node), so refuse to start rather than find out later.
 */
function assertNotInUse(pidFile: string, dir: string): void {
  let pid: number
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10)
  } catch {
    return
  }
  if (Number.isInteger(pid) && pid > 0 && isFerretdbProcess(pid)) {
    throw new Error(
      `Another FerretDB (pid ${pid}) is already using ${dir}. ` +
        'Stop the other server first, or give this one a different DATA_DIR.',
    )
  }
}

function isFerretdbProcess(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: alive but someone else's, so still a conflict.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    // Guards against a stale pid file whose number now belongs to an unrelated process.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ferretdb')
  } catch {
    return true // no /proc (macOS): trust the liveness check
  }
}

/**
 * A `kill -9` of Node, or a signal Node does not handle, skips 'exit' handlers. This shell holds
 * the read end of a pipe only Node writes to; when Node dies, for whatever reason, the read ends
 * and the shell stops FerretDB. Detached too, so the same Ctrl-C does not kill it first.
 */
function startWatchdog(pid: number): ChildProcess {
  const script = [
    'read _',
    'kill -TERM "$1" 2>/dev/null || exit 0',
    'for _ in 1 2 3 4 5; do sleep 1; kill -0 "$1" 2>/dev/null || exit 0; done',
    'kill -KILL "$1" 2>/dev/null',
  ].join('\n')
  const watchdog = spawn('/bin/sh', ['-c', script, 'ferretdb-watchdog', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  })
  // Neither the watchdog nor its pipe may keep Node's event loop alive.
  watchdog.unref()
  const stdin = watchdog.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null
  stdin?.unref?.()
  watchdog.on('error', () => {}) // best effort: without /bin/sh we still have the 'exit' hook
  return watchdog
}

interface FerretdbLogLine {
  level?: string
  msg?: string
  source?: { function?: string }
  time?: string
  [key: string]: unknown
}

function pipeOutput(child: ChildProcess, log: Logger, recentOutput: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (!line.trim()) return
      recentOutput.push(line)
      if (recentOutput.length > KEPT_OUTPUT_LINES) recentOutput.shift()
      logFerretdbLine(log, line)
    })
  }
}

function logFerretdbLine(log: Logger, line: string): void {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    // not JSON: a Go panic or a flag error
  }
  if (typeof parsed !== 'object' || parsed === null) {
    log.warn(line)
    return
  }
  const { level, msg, source, time: _time, ...details } = parsed as FerretdbLogLine
  const fields = { ferretdb: { ...details, function: source?.function } }
  if (source?.function?.endsWith('logResponse')) {
    // FerretDB logs every error reply at WARN (a duplicate key, the `endSessions` it does not
    // implement that the driver sends on close). The driver already hands those errors to the app.
    log.debug(fields, msg ?? line)
  } else if (msg === 'Connection stopped' && String(details.error).includes('connection reset by peer')) {
    // The driver resets its pooled sockets when a connection closes, on every shutdown.
    log.debug(fields, msg)
  } else if (level?.startsWith('ERROR')) {
    // Includes slog's 'ERROR+3', which FerretDB uses for fatal errors.
    log.error(fields, msg ?? line)
  } else {
    log.warn(fields, msg ?? line)
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('Could not find a free port for FerretDB'))
      })
    })
  })
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port 127.0.0.1:${port} for FerretDB is already in use (address already in use)`)
          : error,
      ),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

async function waitForPort(port: number, exited: Promise<unknown>, recentOutput: string[], signal: AbortSignal): Promise<void> {
  let hasExited = false
  void exited.then(() => (hasExited = true))
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while (!(await canConnect(port))) {
    if (signal.aborted) throw new Error('FerretDB start cancelled: the database is being stopped')
    if (hasExited) {
      throw new Error(`FerretDB exited during startup:\n${summarize(recentOutput)}`)
    }
    if (Date.now() > deadline) {
      throw new Error(
        `FerretDB did not accept connections on 127.0.0.1:${port} within ${STARTUP_TIMEOUT_MS} ms:\n` +
          summarize(recentOutput),
      )
    }
    await delay(100)
  }
}

/** The messages of FerretDB's last log lines, readable in an error message. */
function summarize(lines: string[]): string {
  if (lines.length === 0) return '(no output)'
  return lines
    .map((line) => {
      try {
        const { level, msg } = JSON.parse(line) as FerretdbLogLine
        return `${level ?? ''} ${msg ?? line}`.trim()
      } catch {
        return line
      }
    })
    .join('\n')
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      // A clean FIN: FerretDB logs a reset connection as a warning, a closed one at INFO.
      socket.end()
      resolve(true)
    })
    socket.once('error', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

function delay(ms: number, { unref = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    if (unref) timer.unref()
  })
}
