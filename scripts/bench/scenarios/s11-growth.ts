import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { closeAll, openMovers, openWatchers } from '../lib/board'
import { FanoutTracker } from '../lib/fanout'
import { createBoard, prepareBench, type Bench } from '../lib/fixtures'
import { plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { percentile, round, sleep, slope } from '../lib/stats'
import { ThinSocket } from '../lib/thinSocket'

const BOARD_SIZES = [24, 1000, 4000, 16_000]
/** Watchers while the board size grows; the board while the watchers grow. */
const WATCHERS_BESIDE_SIZES = 100
const BOARD_BESIDE_WATCHERS = 24

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100)

/** CPU time (user + system) a process has used, from /proc. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

/** The embedded FerretDB the server process started (its child named ferretdb). */
function ferretdbOf(serverPid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === serverPid && stat.includes('(ferretdb)')) return Number(entry)
    } catch {
      // Gone meanwhile.
    }
  }
  return null
}

/**
 * Until `pid` has used under 5 % of a core for 3 s (at most 2 minutes): a board just written
 * leaves the database work of its own (SQLite folding its write-ahead log back) that is not a move's.
 */
async function settled(pid: number): Promise<void> {
  const until = performance.now() + 120_000
  while (performance.now() < until) {
    const before = cpuMs(pid)
    await sleep(3000)
    if (cpuMs(pid) - before < 150) return
  }
}

function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
  return line ? Number(line[1]) / 1024 : 0
}

interface Point {
  joinMs: number
  snapshotKB: number
  ackP50: number
  ackP99: number
  fanoutP99: number
  rssMB: number
  /** Null when the database is not the embedded one (--mongodb). */
  dbCpuPerMoveMs: number | null
  /** Moves some watcher had not received 10 s after they were sent (left out of the fan-out). */
  undelivered: number
}

const FIGURES: { key: Exclude<keyof Point, 'undelivered'>; name: string; unit: string; digits: number }[] = [
  { key: 'joinMs', name: 'board:join round trip p50', unit: 'ms', digits: 1 },
  { key: 'snapshotKB', name: 'board:join snapshot', unit: 'KB', digits: 0 },
  { key: 'ackP50', name: 'move ack p50', unit: 'ms', digits: 2 },
  { key: 'ackP99', name: 'move ack p99', unit: 'ms', digits: 2 },
  { key: 'fanoutP99', name: 'fan-out p99 (move sent → last watcher)', unit: 'ms', digits: 2 },
  { key: 'rssMB', name: 'server RSS after the moves', unit: 'MB', digits: 0 },
  { key: 'dbCpuPerMoveMs', name: 'FerretDB CPU per move', unit: 'ms', digits: 2 },
]

/**
 * S11: how each cost grows as the work grows. One board of 24, 1000, 4000 and 16,000 cards (100
 * watchers), and 100, 1000 and 5000 watchers (24 cards): the join and its snapshot, a move's ack
 * and fan-out, the server's memory and the embedded database's CPU per move, each with its fitted
 * slope (per 1000 cards, per 1000 watchers). A per-move cost that grows with the board is a defect.
 */
export const s11Growth: Scenario = {
  id: 'S11',
  title: 'growth: costs against board size (24 – 16,000 cards) and watchers (100 – 5000)',
  async run(ctx) {
    const p = plan(ctx)
    const samples = ctx.quick ? 15 : 40
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      const bench = await prepareBench(server, { cards: BOARD_BESIDE_WATCHERS })
      const ferretdb = ferretdbOf(server.pid)

      let moves = 0
      async function measure(onBoard: Bench, watchers: number): Promise<Point> {
        const joins: number[] = []
        let snapshotBytes = 0
        for (let i = 0; i < 3; i++) {
          const socket = await ThinSocket.connect(server.url, { cookie: bench.admin.cookie })
          const t0 = performance.now()
          snapshotBytes = (await socket.callRaw('board:join', { cycleId: onBoard.cycleId }, 120_000)).length
          joins.push(performance.now() - t0)
          socket.close()
        }
        const watching = await openWatchers(server.url, onBoard, watchers)
        const board = await openMovers(server.url, onBoard, 1)
        const tracker = new FanoutTracker(watching)
        const acks: number[] = []
        const fanouts: number[] = []
        if (ferretdb) await settled(ferretdb)
        const cpus: number[] = []
        for (let i = 0; i < samples; i++) {
          // Unique across the run: a repeated operation id is a resend, answered and not moved.
          const opId = `s11-${++moves}-bench`
          const done = tracker.track(opId)
          const cpuBefore = ferretdb ? cpuMs(ferretdb) : 0
          acks.push(await board.next(0, opId))
          fanouts.push(await done)
          if (ferretdb) cpus.push(cpuMs(ferretdb) - cpuBefore)
          await sleep(20)
        }
        // The costliest tenth of the moves left out: a background pass (the timers reading a
        // board another writer changed) is not a move's cost. Clock ticks are 10 ms, so a mean.
        const kept = [...cpus].sort((a, b) => a - b).slice(0, Math.ceil(cpus.length * 0.9))
        const cpu = ferretdb ? kept.reduce((a, b) => a + b, 0) / kept.length : null
        const point = {
          joinMs: percentile(joins, 50),
          snapshotKB: snapshotBytes / 1024,
          ackP50: percentile(acks, 50),
          ackP99: percentile(acks, 99),
          fanoutP99: percentile(fanouts.filter(Number.isFinite), 99),
          undelivered: fanouts.filter((f) => !Number.isFinite(f)).length,
          rssMB: rssMB(server.pid),
          dbCpuPerMoveMs: cpu,
        }
        board.close()
        closeAll(watching)
        await sleep(500)
        return point
      }

      const rows: Row[] = []
      const report = (axis: (x: number) => string, xs: number[], points: Point[], per: string) => {
        for (const f of FIGURES) {
          if (points.some((pt) => pt[f.key] === null)) continue
          xs.forEach((x, i) => {
            const missed = points[i]!.undelivered
            const note = f.key === 'fanoutP99' && missed ? `${missed} of ${samples} moves not received by every watcher within 10 s, left out` : undefined
            rows.push(row({ id: 'S11', name: `${f.name}, ${axis(x)}`, metric: f.key, value: round(points[i]![f.key] as number, f.digits), unit: f.unit, note }))
          })
          const perThousand = slope(xs, points.map((pt) => pt[f.key] as number)) * 1000
          rows.push(row({ id: 'S11', name: `${f.name}: fitted slope per 1000 ${per}`, metric: `${f.key} slope`, value: round(perThousand, 3), unit: `${f.unit} / 1000 ${per}` }))
        }
      }

      const bySize: Point[] = []
      for (const cards of BOARD_SIZES) {
        const t0 = performance.now()
        const cycleId = cards === BOARD_BESIDE_WATCHERS ? bench.cycleId : await createBoard(server, bench.admin, cards)
        const point = await measure({ ...bench, cycleId }, WATCHERS_BESIDE_SIZES)
        bySize.push(point)
        ctx.log(`${cards} cards (${((performance.now() - t0) / 1000).toFixed(0)} s): ${JSON.stringify(point, (_, v: unknown) => (typeof v === 'number' ? round(v, 2) : v))}`)
      }
      report((x) => `${x}-card board, ${WATCHERS_BESIDE_SIZES} watchers`, BOARD_SIZES, bySize, 'cards')

      const byWatchers: Point[] = []
      for (const watchers of p.socketCounts) {
        const point = await measure(bench, watchers)
        byWatchers.push(point)
        ctx.log(`${watchers} watchers: ${JSON.stringify(point, (_, v: unknown) => (typeof v === 'number' ? round(v, 2) : v))}`)
      }
      report((x) => `${x} watchers, ${BOARD_BESIDE_WATCHERS}-card board`, p.socketCounts, byWatchers, 'watchers')
      return rows
    })
  },
}
