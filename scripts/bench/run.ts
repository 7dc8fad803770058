/**
 * `npm run bench`: the realtime benchmark suite (not part of `npm test`).
 *
 *   npm run bench                      every scenario, S0–S11 (about 20 minutes on 2 cores)
 *   npm run bench -- --only S3,S4      some scenarios (S0, the floor, runs too unless --no-floor)
 *   npm run bench -- --only S10 --merge  some scenarios, the others' figures kept from the last results.json
 *   npm run bench -- --quick           shorter steps and at most 2000 sockets, for development
 *   npm run bench -- --cpu-prof        V8 CPU profiles of every server under test, summarised
 *   npm run bench -- --mongodb URI     the same suite on a real MongoDB: each server a fresh database there
 *
 * The load generator is this process, pinned to the last core; each server under test is a
 * child process of its own (scripts/bench/server.ts, the app as server/index.ts composes it, or
 * scripts/bench/floor.ts, a bare `ws` server) pinned to core 0, with a temporary DATA_DIR.
 * Writes bench/results.json and bench/RESULTS.md. The wall display soak is separate:
 * `npm run bench:wall-soak`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { hotSpots } from './lib/profile'
import { databaseLabel, pinLoadGenerator, profileServersInto, ROOT, setPinning, useMongodb } from './lib/processes'
import type { Context, Row, Scenario } from './lib/rows'
import { s0Floor } from './scenarios/s0-floor'
import { s1Memory } from './scenarios/s1-memory'
import { s2Ack } from './scenarios/s2-ack'
import { s3Fanout } from './scenarios/s3-fanout'
import { s4Capacity } from './scenarios/s4-capacity'
import { s5Reconnect } from './scenarios/s5-reconnect'
import { s6Browser } from './scenarios/s6-browser'
import { s7Nodes } from './scenarios/s7-nodes'
import { s8BoardSize } from './scenarios/s8-board-size'
import { s9FirstLoad } from './scenarios/s9-first-load'
import { s10DbSize } from './scenarios/s10-db-size'
import { s11Growth } from './scenarios/s11-growth'

const SCENARIOS: Scenario[] = [s0Floor, s1Memory, s2Ack, s3Fanout, s4Capacity, s5Reconnect, s6Browser, s7Nodes, s8BoardSize, s9FirstLoad, s10DbSize, s11Growth]

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const flag = (name: string) => process.argv.includes(`--${name}`)

async function main() {
  const quick = flag('quick')
  const merge = flag('merge')
  const only = option('only')
    ?.split(',')
    .map((s) => s.trim().toUpperCase())
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? []
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; there are ${SCENARIOS.map((s) => s.id).join(', ')}`)
  const wanted = SCENARIOS.filter((s) => !only || only.includes(s.id) || (s.id === 'S0' && !flag('no-floor')))

  const pinning = pinLoadGenerator()
  setPinning(pinning)
  useMongodb(option('mongodb') ?? null)
  const profileDir = flag('cpu-prof') ? path.join(os.tmpdir(), `papan-bench-profiles-${Date.now()}`) : undefined
  if (profileDir) profileServersInto(profileDir)

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    loadAverageAtEnd: [] as number[],
  }
  console.log(`[bench] ${machine.cpu}, ${machine.cores} cores, node ${machine.node}; pinning: ${pinning.used ? `servers on cpu ${pinning.serverCpus}, load generator on cpu ${pinning.loadCpus}` : `none (${pinning.why})`}`)

  const rows: Row[] = []
  const durations: Record<string, number> = {}
  const failures: { id: string; error: string }[] = []
  const floors = new Map<string, number>()
  const started = performance.now()
  for (const scenario of wanted) {
    const ctx: Context = { quick, floors, log: (m) => console.log(`[bench] ${scenario.id} ${m}`) }
    console.log(`[bench] ${scenario.id} ${scenario.title} …`)
    const t0 = performance.now()
    try {
      const got = await scenario.run(ctx)
      rows.push(...got)
      for (const r of got) console.log(`[bench] ${r.id} ${r.name}: ${r.value ?? '–'} ${r.unit}${r.target !== null ? ` (target ${r.targetOp} ${r.target}: ${r.met ? 'met' : 'MISSED'})` : ''}`)
    } catch (err) {
      // One scenario failing (a browser missing, Redis down) does not cost the others' figures.
      console.error(`[bench] ${scenario.id} failed:`, err)
      failures.push({ id: scenario.id, error: String(err instanceof Error ? err.message : err).split('\n')[0] ?? '' })
    }
    durations[scenario.id] = Math.round((performance.now() - t0) / 1000)
  }
  machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)))
  const totalSeconds = Math.round((performance.now() - started) / 1000)

  // --merge: the figures of the scenarios not run now are kept from the last results, and say when.
  const previous = merge ? readPrevious() : null
  const kept = previous ? previous.scenarios.filter((r) => !wanted.some((s) => s.id === r.id)) : []
  const order = (r: Row) => SCENARIOS.findIndex((s) => s.id === r.id)
  const results = {
    machine,
    pinning,
    run: {
      quick,
      only: only ?? null,
      database: databaseLabel(),
      totalSeconds,
      secondsPerScenario: durations,
      failures,
      ...(previous && kept.length ? { kept: { from: previous.machine.date, scenarios: [...new Set(kept.map((r) => r.id))] } } : {}),
    },
    scenarios: [...rows, ...kept].sort((a, b) => order(a) - order(b)),
  }
  mkdirSync(path.join(ROOT, 'bench'), { recursive: true })
  writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n')
  writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), markdown(results))
  console.log(`[bench] done in ${totalSeconds} s; written bench/results.json and bench/RESULTS.md`)

  if (profileDir) {
    for (const dir of readdirSync(profileDir)) {
      // The main thread's profile is the largest; the loader's worker thread writes a small one.
      const files = readdirSync(path.join(profileDir, dir)).map((f) => path.join(profileDir, dir, f))
      const main = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]
      if (!main) continue
      console.log(`\n[bench] profile ${main}`)
      for (const h of hotSpots(main, 15)) console.log(`  ${h.selfPct.toFixed(1).padStart(5)} % self ${h.totalPct.toFixed(1).padStart(5)} % total  ${h.name}`)
    }
  }
  if (failures.length) process.exitCode = 1
}

function readPrevious(): Results | null {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')) as Results
  } catch {
    return null
  }
}

type Results = {
  machine: { cpu: string; cores: number; node: string; date: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] }
  pinning: { used: boolean; serverCpus: string | null; loadCpus: string | null; why?: string }
  run: { quick: boolean; database?: string; totalSeconds: number; failures: { id: string; error: string }[]; kept?: { from: string; scenarios: string[] } }
  scenarios: Row[]
}

function fmt(value: number | null): string {
  if (value === null) return '–'
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(value)
}

function markdown(r: Results): string {
  const m = r.machine
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench/run.ts) on ${m.date.slice(0, 16).replace('T', ' ')} UTC${r.run.quick ? ', **quick run** (shorter, fewer sockets)' : ''}: ` +
      `${m.cpu}, ${m.cores} cores, Node ${m.node}, load average ${m.loadAverageAtStart.join(' / ')} at the start and ${m.loadAverageAtEnd.join(' / ')} at the end. ` +
      (r.pinning.used
        ? `Servers under test on CPU ${r.pinning.serverCpus}, load generator (and Chromium) on CPU ${r.pinning.loadCpus} (taskset).`
        : `No CPU pinning (${r.pinning.why}).`) +
      ` Database: ${r.run.database ?? 'embedded FerretDB (SQLite), one per server'}.` +
      ` Run time ${Math.round(r.run.totalSeconds / 60)} min. Machine-readable: [results.json](results.json).` +
      (r.run.kept ? ` The figures of ${r.run.kept.scenarios.join(', ')} are kept from the run of ${r.run.kept.from.slice(0, 16).replace('T', ' ')} UTC (\`--merge\`).` : ''),
    '',
    'Floor = the same figure for a bare `ws` server (S0) measured in this run, same harness, same load generator.',
    '',
    '| scenario | figure | value | target | floor | met? |',
    '|---|---|---|---|---|---|',
  ]
  for (const row of r.scenarios) {
    const target = row.target === null ? '' : `${row.targetOp === '<=' ? '≤' : '≥'} ${fmt(row.target)} ${row.unit}`
    const floor = row.floor === null ? '' : `${fmt(row.floor)} ${row.unit}`
    const met = row.met === null ? '' : row.met ? 'yes' : '**no**'
    lines.push(`| ${row.id} | ${row.name}${row.note ? ` <br><sub>${row.note}</sub>` : ''} | ${fmt(row.value)} ${row.unit} | ${target} | ${floor} | ${met} |`)
  }
  for (const f of r.run.failures) lines.push(`| ${f.id} | **failed**: ${f.error.replace(/\|/g, '\\|')} | | | | **no** |`)
  const missed = r.scenarios.filter((row) => row.met === false)
  lines.push('', '## Targets missed in this run', '')
  if (!missed.length) lines.push('None.')
  for (const row of missed) {
    const by = row.value === null || row.target === null || row.target === 0 ? '' : row.targetOp === '<=' ? ` (${(row.value / row.target).toFixed(1)}× the target)` : ` (${((100 * row.value) / row.target).toFixed(0)} % of the target)`
    lines.push(`- ${row.id} ${row.name}: ${fmt(row.value)} ${row.unit} against ${row.targetOp === '<=' ? '≤' : '≥'} ${fmt(row.target)} ${row.unit}${by}.`)
  }
  const findings = path.join(ROOT, 'scripts/bench/FINDINGS.md')
  try {
    lines.push('', readFileSync(findings, 'utf8').trim())
  } catch {
    // No findings written yet.
  }
  return lines.join('\n') + '\n'
}

main().catch((err: unknown) => {
  console.error('[bench] failed:', err)
  process.exit(1)
})
