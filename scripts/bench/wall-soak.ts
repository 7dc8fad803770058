/**
 * Soak of the wall display (a benchmark, not a test): `npm run bench:wall-soak -- --minutes N`.
 *
 * Starts a server of its own (free loopback port, temporary DATA_DIR), makes an administrator, a
 * cycle and a display token over the API, opens /wall/<token> in Debian's Chromium, moves a card
 * every few seconds over a socket, and once a minute forces a garbage collection and reads the
 * page's JS heap (CDP Runtime.getHeapUsage) and DOM counters, after a warm-up (--warmup-seconds). Writes bench/wall-soak.json with
 * the samples and the heap growth per hour (least-squares slope over the samples).
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events'
import { unpackCards } from '../../shared/protocol/packedCards'
import type { BoardSnapshot, CardDto } from '../../shared/protocol/board'
import { BALANGAN_UNITS } from '../../shared/sop/balangan'
import { slope } from './lib/stats'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`)
  return value
}

const MINUTES = arg('minutes', 10)
const MOVE_EVERY_S = arg('move-seconds', 3)
const SAMPLE_EVERY_S = arg('sample-seconds', 60)
/** Moves before the first sample, so the ticker is full and the page warm: growth is measured after. */
const WARMUP_S = arg('warmup-seconds', 30)
const PASSWORD = 'soak-bench-sandi-123'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

async function main() {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papan-soak-'))
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  delete env.FERRETDB_PORT
  delete env.MONGODB_URI
  const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const serverExited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined
  try {
    const until = Date.now() + 60_000
    while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > until) throw new Error('server did not start')
      await sleep(200)
    }

    const post = async (urlPath: string, body: unknown, cookie?: string) => {
      const res = await fetch(base + urlPath, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) })
      if (!res.ok) throw new Error(`${urlPath}: HTTP ${res.status} ${await res.text()}`)
      return res
    }
    const setup = await post('/api/setup', { name: 'Admin Soak', username: 'admin', role: 'kepala_badan', unitId: null, password: PASSWORD })
    const cookie = (setup.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const { cycle } = (await (await post('/api/cycles', { year: 2031, quarter: 1, units: BALANGAN_UNITS }, cookie)).json()) as { cycle: { id: string } }
    const { path: wallPath } = (await (await post('/api/displays', { cycleId: cycle.id, label: 'Soak' }, cookie)).json()) as { path: string }

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(base + wallPath)
    await page.waitForSelector('[data-testid="wall"][data-status="live"]', { timeout: 30_000 })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.enable')

    socket = io(base, { extraHeaders: { cookie }, transports: ['websocket'] })
    const joined: Ack<BoardSnapshot> = await socket.timeout(5000).emitWithAck('board:join', { cycleId: cycle.id })
    if (!joined.ok) throw new Error(`wall:join refused: ${joined.error.code} ${joined.error.reason ?? ''}`)
    const cards = new Map<string, CardDto>(unpackCards(joined.data).map((c) => [c.id, c]))

    let moves = 0
    let refused = 0
    const order = [...cards.keys()]
    async function moveOne() {
      const id = order[moves % order.length] as string
      const card = cards.get(id) as CardDto
      // Back and forth between steps 1 and 2: an advance, then an administrator's override back.
      const to = card.step === 1 ? { step: 2, lane: 'kepala_bidang' } : { step: 1, lane: 'sekretaris' }
      const note = card.step === 1 ? undefined : 'soak: kembali ke tahap 1'
      const ack: Ack<CardDto> = await socket!.timeout(5000).emitWithAck('card:move', { opId: randomUUID(), cardId: id, version: card.version, to, ...(note ? { note } : {}) })
      if (ack.ok) cards.set(id, ack.data)
      else refused++
      moves++
    }

    const samples: { atS: number; usedBytes: number; totalBytes: number; nodes: number; jsEventListeners: number; moves: number }[] = []
    const started = Date.now()
    async function sample() {
      await cdp.send('HeapProfiler.collectGarbage')
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number }
      const s = { atS: Math.round((Date.now() - started) / 1000), usedBytes: heap.usedSize, totalBytes: heap.totalSize, nodes: dom.nodes, jsEventListeners: dom.jsEventListeners, moves }
      samples.push(s)
      console.log(`[wall-soak] t=${s.atS}s heap=${(s.usedBytes / 1e6).toFixed(2)} MB nodes=${s.nodes} listeners=${s.jsEventListeners} moves=${moves}`)
    }

    const warm = Date.now() + WARMUP_S * 1000
    while (Date.now() < warm) {
      await moveOne()
      await sleep(MOVE_EVERY_S * 1000)
    }
    const measureFrom = Date.now()
    await sample()
    const end = measureFrom + MINUTES * 60_000
    let nextSample = measureFrom + SAMPLE_EVERY_S * 1000
    while (Date.now() < end) {
      await moveOne()
      const wait = Math.min(MOVE_EVERY_S * 1000, end - Date.now())
      if (wait > 0) await sleep(wait)
      if (Date.now() >= nextSample) {
        await sample()
        nextSample += SAMPLE_EVERY_S * 1000
      }
    }
    await sample()
    const live = await page.locator('[data-testid="wall"]').getAttribute('data-status')

    // Least-squares slope of the used heap over time, per hour.
    const n = samples.length
    const slopePerS = slope(samples.map((s) => s.atS), samples.map((s) => s.usedBytes))
    const first = samples[0]!
    const last = samples[n - 1]!
    const result = {
      minutes: MINUTES,
      warmupSeconds: WARMUP_S,
      moveEverySeconds: MOVE_EVERY_S,
      moves,
      refusedMoves: refused,
      wallStatusAtEnd: live,
      heapGrowthBytesPerHour: Math.round(slopePerS * 3600),
      heapGrowthMBPerHour: Number(((slopePerS * 3600) / 1e6).toFixed(3)),
      firstUsedBytes: first.usedBytes,
      lastUsedBytes: last.usedBytes,
      domNodesFirst: first.nodes,
      domNodesLast: last.nodes,
      samples,
      chromium: browser.version(),
      finishedAt: new Date().toISOString(),
    }
    mkdirSync(path.join(ROOT, 'bench'), { recursive: true })
    writeFileSync(path.join(ROOT, 'bench/wall-soak.json'), JSON.stringify(result, null, 2) + '\n')
    console.log(`[wall-soak] ${moves} moves in ${MINUTES} min; heap growth ${result.heapGrowthMBPerHour} MB/h; DOM nodes ${first.nodes} → ${last.nodes}; written to bench/wall-soak.json`)
  } finally {
    socket?.disconnect()
    await browser?.close()
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
    await serverExited
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error('[wall-soak] failed:', err)
  process.exit(1)
})
