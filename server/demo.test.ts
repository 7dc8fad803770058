import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { stepOf } from '../shared/domain/template'
import { MONEV_KINERJA } from '../shared/sop/balangan'
import { DEFAULT_CALENDAR } from '../shared/time/calendar'
import { pauseReasonAt, timerAt } from '../shared/time/workingTime'
import { connectDb } from './platform/db/connect'
import { useHarness } from './test/harness'

const h = useHarness()
const ROOT = path.resolve(import.meta.dirname, '..')

describe('npm run demo', () => {
  it('writes a realistic quarter: the last one closed, this one under way with a card returned twice, one late, one at risk, documents', async () => {
    const dbName = `demo_${process.pid}_${Date.now()}`
    const env = { ...process.env, MONGODB_URI: h.uriOf(dbName), LOG_LEVEL: 'warn' }
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: ROOT, env })
    expect(stdout).toMatch(/finished and closed, .* under way \(4 units\)/)
    for (const line of stdout.split('\n').filter((l) => /^ {2}[a-z.]+ +\S{12} /.test(l))) expect(line.split(/\s+/)[2]).toHaveLength(12)

    const db = await connectDb(h.uriOf(dbName))
    try {
      const cycles = await db.collection('cycles').find().sort({ year: 1, quarter: 1 }).toArray()
      expect(cycles.map((c) => c.status)).toEqual(['closed', 'running'])
      const cards = await db.collection('cards').find().toArray()
      const of = (cycleIndex: number, unit: string) => cards.find((c) => String(c.cycleId) === String(cycles[cycleIndex]!._id) && c.unit.id === unit)!
      for (const unit of ['sekretariat', 'ppik', 'psdm', 'mpk']) expect(of(0, unit).step, unit).toBe(14)

      const now = new Date()
      const state = (unit: string) => {
        const card = of(1, unit)
        return timerAt(DEFAULT_CALENDAR, card.enteredStepAt, stepOf(MONEV_KINERJA, card.step)!.waktu, now)
      }
      expect(of(1, 'ppik')).toMatchObject({ step: 10, rounds: 2 })
      expect(state('psdm').usedRatio).toBeGreaterThan(1)
      expect(state('mpk').usedRatio).toBeGreaterThanOrEqual(0.75)
      expect(state('mpk').usedRatio).toBeLessThan(1)
      expect(state('sekretariat').usedRatio).toBeLessThan(0.75)

      // Every move happened while the office was open, by the holder or (for lanes no demo user holds) the administrator.
      const moves = await db.collection('card_events').find({ kind: 'move' }).toArray()
      expect(moves.length).toBeGreaterThan(4 * 13)
      for (const move of moves) expect(pauseReasonAt(DEFAULT_CALENDAR, move.at), String(move.at)).toBeNull()
      const returns = moves.filter((m) => m.payload.kind === 'return')
      expect(returns.map((m) => m.payload.note.length > 20)).toEqual([true, true])
      expect(await db.collection('documents.files').countDocuments()).toBe(2)
    } finally {
      await db.close()
    }
  }, 120_000)
})
