#!/usr/bin/env node
// `npm run dev`: the Vite dev server (hot reload, proxies /api, /healthz and /socket.io to the
// API server) and the API server under `tsx watch`, side by side, in one terminal.
//
// Both children run in their own process groups, so the terminal's Ctrl-C reaches only this script,
// which passes it on exactly once. Otherwise `tsx watch` would get the signal twice (once from the
// terminal, once from us) and answer the second with SIGKILL, cutting the server's graceful
// shutdown (and its database) short.

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)))
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name)
const FORCE_KILL_AFTER_MS = 8_000

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text)

// pino-pretty is a devDependency; without it (a production install) the JSON lines pass through.
let prettyPino = (line) => line
try {
  const { prettyFactory } = await import('pino-pretty')
  const pretty = prettyFactory({ colorize: useColor, singleLine: true, ignore: 'pid,hostname,app' })
  prettyPino = (line) => String(pretty(line)).replace(/\n$/, '')
} catch {
  // keep raw JSON
}

const port = process.env.PORT ?? '3000'
const vitePort = process.env.VITE_PORT ?? '5173'
const services = [
  { name: 'vite  ', color: '36', command: bin('vite'), args: [], format: (line) => line },
  { name: 'server', color: '35', command: bin('tsx'), args: ['watch', 'server/index.ts'], format: prettyPino },
]

for (const service of services) {
  if (!existsSync(service.command)) {
    console.error(`[dev] ${service.command} is missing; run \`npm install\` first.`)
    process.exit(1)
  }
}

console.log(paint('1', `[dev] client: http://localhost:${vitePort}  (API server on port ${port}; Ctrl-C stops both)`))

let shuttingDown = false
let exitCode = 0

for (const service of services) {
  const child = spawn(service.command, service.args, {
    cwd: repoRoot,
    // Children write to pipes, not our terminal, so they would turn their colours off.
    env: useColor ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  service.child = child
  const prefix = paint(service.color, `[${service.name}]`)
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const out = stream === child.stderr ? process.stderr : process.stdout
      for (const part of service.format(line).split('\n')) out.write(`${prefix} ${part}\n`)
    })
  }
  child.on('error', (error) => {
    console.error(`[dev] could not start ${service.name.trim()}: ${error.message}`)
    exitCode = 1
    shutdown('SIGTERM')
  })
  child.on('exit', (code, signal) => {
    service.exited = true
    if (!shuttingDown) {
      console.error(`[dev] ${service.name.trim()} exited (${signal ?? `code ${code}`}); stopping the rest.`)
      exitCode = code || 1
      shutdown('SIGTERM')
    }
  })
  // 'close', not 'exit': the last lines of output are still in the pipe when the process is gone.
  child.on('close', () => {
    service.closed = true
    if (services.every((s) => s.closed || !s.child?.pid)) process.exit(exitCode)
  })
}

function signalGroup(child, signal) {
  try {
    // Negative pid: the whole group, so nothing a child started is left behind.
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

function shutdown(signal) {
  if (shuttingDown) return
  shuttingDown = true
  for (const { child, exited } of services) {
    // Only the group leader: vite and tsx pass the signal on to their own children and wait.
    if (child?.pid && !exited) child.kill(signal)
  }
  setTimeout(() => {
    console.error(`[dev] still running after ${FORCE_KILL_AFTER_MS} ms; killing.`)
    forceKill()
  }, FORCE_KILL_AFTER_MS).unref()
}

function forceKill() {
  // Also after the leader exited: a grandchild may still hold the group (and a port).
  for (const { child } of services) if (child?.pid) signalGroup(child, 'SIGKILL')
}

// One Ctrl-C usually arrives twice: from the terminal and forwarded by npm. Only a later one is
// the user insisting.
const INSIST_AFTER_MS = 1_000
let firstSignalAt = 0
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (shuttingDown) {
      if (firstSignalAt && Date.now() - firstSignalAt > INSIST_AFTER_MS) {
        console.error('[dev] killing without waiting.')
        forceKill()
        process.exit(exitCode || 1)
      }
      return
    }
    firstSignalAt = Date.now()
    shutdown(signal === 'SIGHUP' ? 'SIGTERM' : signal)
  })
}

// Children in their own groups no longer die with the terminal; make sure they die with us.
process.on('exit', forceKill)
