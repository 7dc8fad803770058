/**
 * `npm run demo`: fills a FRESH database (the same one `npm start` uses: DATA_DIR or MONGODB_URI)
 * with one user per SOP role (two Kepala Bidang), an administrator, the previous quarter finished
 * and closed, and this quarter under way, with moves inside office hours: one card returned twice
 * at the verification, one late, one at risk, documents attached. Prints the passwords.
 * Stop the server first when using the embedded database: only one process may own DATA_DIR.
 */
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { createRepositories } from '../server/app'
import { systemClock } from '../server/platform/clock'
import { loadConfig } from '../server/platform/config'
import { openDatabase } from '../server/platform/db/open'
import { createLogger } from '../server/platform/logger'
import { movableOf } from '../server/cards/repository'
import type { CardRecord } from '../server/cards/model'
import { createDocumentStorage } from '../server/documents/storage'
import { DOCUMENT_TYPES } from '../shared/protocol/documents'
import { defaultLaneOf } from '../shared/domain/moves'
import { addWorkingMs, pauseReasonAt, timerAt, workingMsBetween } from '../shared/time/workingTime'
import { stepOf, type Waktu } from '../shared/domain/template'
import { applyMove } from '../shared/domain/applyMove'
import { BALANGAN_UNITS, MONEV_KINERJA } from '../shared/sop/balangan'
import type { UserDto } from '../shared/protocol/users'

const config = loadConfig()
const log = createLogger('warn')

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WITA_MS = 8 * HOUR

/** What a verifier writes when sending the draft back (11 → 10), first and second round. */
const RETURN_NOTES = [
  'Capaian IKU 2 belum sesuai data SIASN; mohon disesuaikan dan lampirkan rekap bulanannya.',
  'Rekap sudah dilampirkan, tetapi realisasi triwulan ini belum dibandingkan dengan target tahunan.',
]

/** A one-page PDF, as a document attached to a card. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

function settableClock(start: Date) {
  let at = start
  return {
    read: () => at,
    set(next: Date) {
      at = next
    },
  }
}

/** The quarter `at` falls in, in WITA. */
function quarterOf(at: Date): { year: number; quarter: number } {
  const local = new Date(at.getTime() + WITA_MS)
  return { year: local.getUTCFullYear(), quarter: Math.floor(local.getUTCMonth() / 3) + 1 }
}

/** 08.00 WITA on the quarter's first day. */
function quarterStart(p: { year: number; quarter: number }): Date {
  return new Date(Date.UTC(p.year, (p.quarter - 1) * 3, 1, 8) - WITA_MS)
}

const PEOPLE = [
  { username: 'admin', name: 'Administrator Papan', role: 'sekretaris', unitId: null, isAdmin: true },
  { username: 'sekretaris', name: 'Hj. Rahmawati (Sekretaris)', role: 'sekretaris', unitId: null, isAdmin: false },
  { username: 'kabid.ppik', name: 'Ahmad Fauzi (Kabid PPIK)', role: 'kepala_bidang', unitId: 'ppik', isAdmin: false },
  // The demo moves PSDM's card to its Kepala Bidang too; without this user only the admin could move it.
  { username: 'kabid.psdm', name: 'Siti Jamilah (Kabid PSDM)', role: 'kepala_bidang', unitId: 'psdm', isAdmin: false },
  { username: 'kasubag', name: 'Nor Aini (Kasubag Program)', role: 'kasubag_program', unitId: null, isAdmin: false },
  { username: 'kasi.ppik', name: 'M. Ridwan (Kasi PPIK)', role: 'kepala_seksi', unitId: 'ppik', isAdmin: false },
  { username: 'kaban', name: 'H. Sufriannor (Kepala Badan)', role: 'kepala_badan', unitId: null, isAdmin: false },
]

async function main() {
  const database = await openDatabase(config, log)
  try {
    // The demo writes the past: its clock is set to each moment it writes (a cycle's start, its close).
    const now = systemClock()
    const clock = settableClock(now)
    const { users, cycles, cards, calendars } = await createRepositories(database.db, clock.read)
    const calendar = await calendars.get()
    if ((await users.count()) > 0) {
      process.stderr.write('The database already has users: `npm run demo` only fills a fresh one.\n' +
        'Use another DATA_DIR (e.g. DATA_DIR=./data-demo npm run demo) or remove ./data first.\n')
      process.exitCode = 1
      return
    }
    const created: { user: UserDto; password: string }[] = []
    for (const person of PEOPLE) {
      // 12 characters: the password policy's minimum is 10.
      const password = randomBytes(9).toString('base64url')
      created.push({ user: await users.create({ ...person, password }), password })
    }
    const admin = created[0]!.user
    const holderOf = (card: CardRecord): UserDto =>
      created.find(({ user }) => user.role === card.lane && (!user.unitId || user.unitId === card.unit?.id))?.user ?? admin
    const storage = createDocumentStorage(database.db)
    await storage.init()
    const waktuOf = (step: number) => stepOf(MONEV_KINERJA, step)!.waktu

    /**
     * When a card must have entered a step of Waktu `waktu` for `ratio` of it to be used now:
     * searched with the same clock arithmetic as the board (0.85: at risk, 1.3: late).
     */
    function entryFor(waktu: Waktu, ratio: number): Date {
      let lo = now.getTime() - 120 * DAY
      let hi = now.getTime()
      for (let i = 0; i < 50; i++) {
        const mid = (lo + hi) / 2
        if (timerAt(calendar, new Date(mid), waktu, now).usedRatio > ratio) lo = mid
        else hi = mid
      }
      return new Date(hi)
    }

    /** The instant, or a minute into the next office hours when the office is closed then (an instant the arithmetic lands on may be a closing time). */
    const inOffice = (at: Date) => (pauseReasonAt(calendar, at) ? addWorkingMs(calendar, at, 60_000) : at)

    /**
     * Moves the card along `path` (step numbers; a lower one is the decision's return, with a
     * note), each by the holder of its lane, spread over the office time from `from` to `until`
     * (the last move at `until`). Through the same rules as the board (applyMove).
     */
    async function walk(cardId: string, path: number[], from: Date, until: Date): Promise<void> {
      const span = workingMsBetween(calendar, from, until)
      for (const [i, step] of path.entries()) {
        const card = (await cards.findById(cardId))!
        const at = inOffice(i === path.length - 1 ? until : addWorkingMs(calendar, from, Math.round((span * (i + 1)) / path.length)))
        const back = step < card.step
        const lane = defaultLaneOf(MONEV_KINERJA, step) ?? card.lane
        const mover = holderOf(card)
        const note = back ? RETURN_NOTES[card.rounds % RETURN_NOTES.length]! : ''
        const moved = applyMove(movableOf(card), { to: { step, lane }, note }, MONEV_KINERJA, calendar, at, mover)
        if (!moved.ok) throw new Error(`demo: ${card.unit?.shortName} to step ${step} refused (${moved.refusal})`)
        await cards.applyMove({ cardId, opId: `demo-${cardId}-${card.version}`, expectedVersion: card.version, event: moved.event, by: { id: mover.id, name: mover.name }, at })
      }
    }

    async function attach(cardId: string, name: string, at: Date): Promise<void> {
      const card = (await cards.findById(cardId))!
      const by = holderOf(card)
      const meta = { cycleId: String(card.cycleId), cardId, step: card.step, userId: by.id }
      const stored = await storage.store(Readable.from([DEMO_PDF]), name, meta, DEMO_PDF.length + 1, () => true)
      const doc = { id: String(stored.id), step: card.step, name, type: DOCUMENT_TYPES[stored.kind].mime, size: stored.size, at, by: { id: by.id, name: by.name } }
      await cards.addDocument(cardId, card.step, doc)
    }

    const steps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
    const byUnit = async (cycleId: string) => new Map((await cards.listForCycle(cycleId)).map((c) => [c.unit?.id ?? '', String(c._id)]))
    const by = { id: admin.id, name: admin.name }
    const current = quarterOf(now)
    const previous = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: current.quarter - 1 }

    // The previous quarter, finished: every card through all 13 steps in its first weeks, then closed.
    const begun = quarterStart(previous)
    clock.set(begun)
    const lastQuarter = await cycles.create({ ...previous, units: BALANGAN_UNITS }, MONEV_KINERJA, by, calendar)
    const finishedBy = addWorkingMs(calendar, begun, 12 * 8 * HOUR)
    for (const [i, cardId] of [...(await byUnit(lastQuarter.id)).values()].entries()) {
      const end = addWorkingMs(calendar, finishedBy, i * 8 * HOUR)
      await walk(cardId, steps(2, 14), begun, end)
      if (i === 0) await attach(cardId, `Laporan Monev TW ${previous.quarter} ${previous.year}.pdf`, end)
    }
    clock.set(addWorkingMs(calendar, finishedBy, 5 * 8 * HOUR))
    await cycles.end(lastQuarter.id, 'closed', by, '')

    // This quarter, under way: PPIK returned twice at the verification, PSDM late, MPK at risk.
    const entries = {
      ppik: entryFor(waktuOf(10), 0.2),
      psdm: entryFor(waktuOf(5), 1.3),
      mpk: entryFor(waktuOf(3), 0.85),
      sekretariat: entryFor(waktuOf(8), 0.4),
    }
    const earliest = Math.min(...Object.values(entries).map((d) => d.getTime()))
    // Started at the quarter's beginning, or earlier when the quarter is too young for all of it.
    const started = new Date(Math.min(quarterStart(current).getTime(), earliest - 3 * DAY))
    clock.set(started)
    const cycle = await cycles.create({ ...current, units: BALANGAN_UNITS }, MONEV_KINERJA, by, calendar)
    const open = await byUnit(cycle.id)
    await walk(open.get('ppik')!, [...steps(2, 11), 10, 11, 10], started, entries.ppik)
    await attach(open.get('ppik')!, 'Draft laporan PPIK (revisi 2).pdf', inOffice(entries.ppik))
    await walk(open.get('psdm')!, steps(2, 5), started, entries.psdm)
    await walk(open.get('mpk')!, steps(2, 3), started, entries.mpk)
    await walk(open.get('sekretariat')!, steps(2, 8), started, entries.sekretariat)
    clock.set(now)

    const lanes = new Map(MONEV_KINERJA.lanes.map((l) => [l.id, l.name]))
    const rows = created.map(({ user, password }) =>
      `  ${user.username.padEnd(12)} ${password.padEnd(10)} ${lanes.get(user.role) ?? user.role}${user.unitId ? ` (${user.unitId.toUpperCase()})` : ''}${user.isAdmin ? ', administrator' : ''}`,
    )
    process.stdout.write(
      `Demo data written: "${lastQuarter.title}" finished and closed, "${cycle.title}" under way (${cycle.units.length} units).\n\n` +
        `  username     password   role\n${rows.join('\n')}\n\n` +
        'Start the server with `npm start` and sign in at http://localhost:' + config.port + '\n',
    )
  } finally {
    await database.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`npm run demo failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
