/**
 * `npm run demo`: fills a FRESH database (the same one `npm start` uses: DATA_DIR or MONGODB_URI)
 * with one user per SOP role (two Kepala Bidang), an administrator and one running cycle, and prints
 * the passwords.
 * Stop the server first when using the embedded database: only one process may own DATA_DIR.
 */
import { randomBytes } from 'node:crypto'
import { createRepositories } from '../server/app'
import { systemClock } from '../server/platform/clock'
import { loadConfig } from '../server/platform/config'
import { openDatabase } from '../server/platform/db/open'
import { createLogger } from '../server/platform/logger'
import { movableOf } from '../server/cards/repository'
import { applyMove } from '../shared/domain/applyMove'
import { BALANGAN_UNITS, MONEV_KINERJA } from '../shared/sop/balangan'
import type { UserDto } from '../shared/protocol/users'

const config = loadConfig()
const log = createLogger('warn')

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
    const { users, cycles, cards, calendars } = await createRepositories(database.db, systemClock)
    const calendar = await calendars.get()
    if ((await users.count()) > 0) {
      process.stderr.write('The database already has users: `npm run demo` only fills a fresh one.\n' +
        'Use another DATA_DIR (e.g. DATA_DIR=./data-demo npm run demo) or remove ./data first.\n')
      process.exitCode = 1
      return
    }
    const created: { user: UserDto; password: string }[] = []
    for (const person of PEOPLE) {
      const password = randomBytes(6).toString('base64url')
      created.push({ user: await users.create({ ...person, password }), password })
    }
    const admin = created[0]!.user
    const now = systemClock()
    const quarter = Math.floor(now.getUTCMonth() / 3) + 1
    const cycle = await cycles.create(
      { year: now.getUTCFullYear(), quarter, units: BALANGAN_UNITS },
      MONEV_KINERJA,
      { id: admin.id, name: admin.name },
      calendar,
    )
    // A little progress, made through the same rules as the board, so the demo board is not empty.
    const sekretaris = created[1]!.user
    for (const card of await cards.listForCycle(cycle.id)) {
      if (card.unit?.id !== 'ppik' && card.unit?.id !== 'psdm') continue
      const moved = applyMove(movableOf(card), { to: { step: 2, lane: 'kepala_bidang' } }, MONEV_KINERJA, calendar, now, sekretaris)
      if (!moved.ok) continue
      await cards.applyMove({
        cardId: String(card._id), opId: `demo-${card.unit.id}`, expectedVersion: card.version,
        event: moved.event, by: { id: sekretaris.id, name: sekretaris.name }, at: now,
      })
    }

    const lanes = new Map(MONEV_KINERJA.lanes.map((l) => [l.id, l.name]))
    const rows = created.map(({ user, password }) =>
      `  ${user.username.padEnd(12)} ${password.padEnd(10)} ${lanes.get(user.role) ?? user.role}${user.unitId ? ` (${user.unitId.toUpperCase()})` : ''}${user.isAdmin ? ', administrator' : ''}`,
    )
    process.stdout.write(
      `Demo data written: cycle "${cycle.title}" with ${cycle.units.length} units.\n\n` +
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
