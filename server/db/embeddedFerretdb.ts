import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Logger } from 'pino'

export interface EmbeddedDb {
  uri: string
  /** The FerretDB process id, for diagnostics and tests. */
  pid: number
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

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Where `scripts/install-ferretdb.mjs` (the postinstall hook) puts the binary. */
export function ferretdbBinary(): string {
  return path.join(repoRoot, '.tools', 'ferretdb', 'bin', 'ferretdb')
}

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
  assertNotInUse(pidFile, baseDir)

  const port = opts.port || (await freePort())
  // Readiness is "the port accepts connections", which a stranger on the port would fake.
  if (opts.port) await assertPortFree(port)
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

  let started = false
  let stopping = false
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit)
      watchdog.kill('SIGKILL')
      rmSync(pidFile, { force: true })
      if (started && !stopping) log.error({ code, signal, output: recentOutput }, 'FerretDB exited unexpectedly')
      resolve()
    })
  })

  try {
    await waitForPort(port, exited, recentOutput)
  } catch (error) {
    stopping = true
    if (isRunning(child)) child.kill('SIGKILL')
    await exited
    throw error
  }
  started = true
  log.info({ ferretdbPid: pid, port, dataDir: baseDir }, 'embedded FerretDB started')

  let stopped: Promise<void> | undefined
  return {
    uri: `mongodb://127.0.0.1:${port}/${opts.dbName ?? 'papan_sop'}`,
    pid,
    stop() {
      stopped ??= (async () => {
        stopping = true
        if (isRunning(child)) {
          child.kill('SIGTERM')
          const graceful = await Promise.race([
            exited.then(() => true),
            // unref: a quick stop must not leave a timer holding the process open for 5 s.
            delay(STOP_GRACE_MS, { unref: true }).then(() => false),
          ])
          if (!graceful) {
            log.warn({ ferretdbPid: pid }, `FerretDB did not stop within ${STOP_GRACE_MS} ms; killing it`)
            child.kill('SIGKILL')
          }
        }
        await exited
        log.info({ ferretdbPid: pid }, 'embedded FerretDB stopped')
      })()
      return stopped
    },
  }
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

async function waitForPort(port: number, exited: Promise<void>, recentOutput: string[]): Promise<void> {
  let hasExited = false
  void exited.then(() => (hasExited = true))
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while (!(await canConnect(port))) {
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
