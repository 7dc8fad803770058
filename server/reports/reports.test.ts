import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { CycleDashboard } from '../../shared/reports/dashboard'
import type { CardDto } from '../../shared/protocol/board'
import { MONEV_KINERJA } from '../../shared/sop/balangan'
import { api, createCycle, createUser, fakeClock, opId, sendOk, unpacked, setupAdmin, useHarness, wita, type ClientSocket, type TestServer, type TestUser } from '../test/harness'

const h = useHarness()
const MIN = 60_000


const UNITS = [
  { id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' },
  { id: 'sekretariat', name: 'Sekretariat', shortName: 'SEKR' },
]
const title = (step: number) => MONEV_KINERJA.steps[step - 1]?.title ?? ''

async function download(server: TestServer, path: string, cookie: string) {
  const res = await fetch(server.url + path, { headers: { cookie } })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

/**
 * The scripted cycle (Triwulan I 2027), moved under a fake clock in the week of Monday 11 January
 * 2027 (office hours Mon–Thu 07.30–16.00, break 12.00–13.00):
 *
 * PPIK   Mon 08.00 created in step 1 (Sekretaris)          step 1: 10 m of 15
 *        Mon 08.10 → 2 Kepala Bidang (admin)               step 2: 120 m Kepala Bidang + 180 m Kasubag = 300 m of 900
 *        Mon 10.10 hand-off → Kasubag Program (Kabid, note)
 *        Mon 14.10 → 3 (Kasubag)                           step 3: 110 + 30 = 140 m of 3150 (7 hari)
 *        Tue 08.00 override → 11 Sekretaris (admin, note)  step 11: 60 m of 450
 *        Tue 09.00 return → 10 Kasubag (admin, note)       step 10 round 2: 360 + 150 = 510 m of 1350 (3 hari)
 *        Wed 10.00 → 11 Sekretaris (Kasubag)               step 11 round 2, open: 300 + 210 = 510 m of 450 at Thu 11.00
 * Sekr.  Mon 08.00 created; Mon 09.00 → 2 (admin)          step 1: 60 m of 15 (NOT within)
 *                                                          step 2, open: 360 + 450 + 450 + 210 = 1470 m of 900
 * Read on Thursday 14 January 2027 at 11.00.
 */
async function scriptedCycle() {
  const t = fakeClock('2027-01-11 08:00')
  // The script spans four days; sessions must outlive it.
  const server = await h.startServer({ clock: t.clock, deps: { sessionIdleMs: 30 * 24 * 3600_000 } })
  const admin = await setupAdmin(server, { name: 'Admin Utama' })
  const kabid = await createUser(server, admin, { name: 'Budi Kabid', role: 'kepala_bidang', unitId: 'ppik' })
  const kasubag = await createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' })
  // Another template's period before and after, to see that "previous" picks the latest earlier one.
  await createCycle(server, admin, { year: 2026, quarter: 3, units: UNITS.slice(0, 1) })
  const previous = await createCycle(server, admin, { year: 2026, quarter: 4, units: UNITS.slice(0, 1) })
  await createCycle(server, admin, { year: 2027, quarter: 2, units: UNITS.slice(0, 1) })
  const cycle = await createCycle(server, admin, { year: 2027, quarter: 1, units: UNITS })

  const sockets = new Map<TestUser, ClientSocket>()
  const cards = new Map<string, CardDto>()
  for (const user of [admin, kabid, kasubag]) {
    const socket = await h.connect(server, user.cookie)
    const board = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))
    for (const c of board.cards) cards.set(c.unit.id, c)
    sockets.set(user, socket)
  }
  async function move(at: string, user: TestUser, unit: string, step: number, lane: string, note?: string) {
    t.set(at)
    const card = cards.get(unit)!
    const moved = await sendOk(sockets.get(user)!, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step, lane }, ...(note ? { note } : {}) })
    cards.set(unit, moved)
  }

  await move('2027-01-11 08:10', admin, 'ppik', 2, 'kepala_bidang')
  await move('2027-01-11 09:00', admin, 'sekretariat', 2, 'kepala_bidang')
  await move('2027-01-11 10:10', kabid, 'ppik', 2, 'kasubag_program', 'Mohon diolah')
  await move('2027-01-11 14:10', kasubag, 'ppik', 3, 'kasubag_program')
  await move('2027-01-12 08:00', admin, 'ppik', 11, 'sekretaris', 'Lompat ke verifikasi untuk uji')
  await move('2027-01-12 09:00', admin, 'ppik', 10, 'kasubag_program', 'Angka IKU belum sesuai')
  await move('2027-01-13 10:00', kasubag, 'ppik', 11, 'sekretaris')
  t.set('2027-01-14 11:00')
  return { server, admin, kasubag, cycle, previous }
}

// Unit, short name, step, title, role, entered, left, working min, standard min, within, round, moved by, note.
const VISITS: (string | number)[][] = [
  ['Bidang PPIK', 'PPIK', 1, title(1), 'Sekretaris', '2027-01-11 08:00', '2027-01-11 08:10', 10, 15, 'Ya', 1, 'Admin Utama', ''],
  ['Bidang PPIK', 'PPIK', 2, title(2), 'Kepala Bidang → Kasubag Program', '2027-01-11 08:10', '2027-01-11 14:10', 300, 900, 'Ya', 1, 'Admin Utama', ''],
  ['Bidang PPIK', 'PPIK', 3, title(3), 'Kasubag Program', '2027-01-11 14:10', '2027-01-12 08:00', 140, 3150, 'Ya', 1, 'Kurnia Kasubag', ''],
  ['Bidang PPIK', 'PPIK', 11, title(11), 'Sekretaris', '2027-01-12 08:00', '2027-01-12 09:00', 60, 450, 'Ya', 1, 'Admin Utama', 'Lompat ke verifikasi untuk uji'],
  ['Bidang PPIK', 'PPIK', 10, title(10), 'Kasubag Program', '2027-01-12 09:00', '2027-01-13 10:00', 510, 1350, 'Ya', 2, 'Admin Utama', 'Angka IKU belum sesuai'],
  ['Bidang PPIK', 'PPIK', 11, title(11), 'Sekretaris', '2027-01-13 10:00', '', 510, 450, '', 2, 'Kurnia Kasubag', ''],
  ['Sekretariat', 'SEKR', 1, title(1), 'Sekretaris', '2027-01-11 08:00', '2027-01-11 09:00', 60, 15, 'Tidak', 1, 'Admin Utama', ''],
  ['Sekretariat', 'SEKR', 2, title(2), 'Kepala Bidang', '2027-01-11 09:00', '', 1470, 900, '', 1, 'Admin Utama', ''],
]

// Unit, short name, at, kind, by, from step, from role, to step, to role, note.
const HISTORY: (string | number)[][] = [
  ['Bidang PPIK', 'PPIK', '2027-01-11 08:00', 'Dibuat', 'Admin Utama', '', '', 1, 'Sekretaris', ''],
  ['Bidang PPIK', 'PPIK', '2027-01-11 08:10', 'Lanjut', 'Admin Utama', 1, 'Sekretaris', 2, 'Kepala Bidang', ''],
  ['Bidang PPIK', 'PPIK', '2027-01-11 10:10', 'Serah terima', 'Budi Kabid', 2, 'Kepala Bidang', 2, 'Kasubag Program', 'Mohon diolah'],
  ['Bidang PPIK', 'PPIK', '2027-01-11 14:10', 'Lanjut', 'Kurnia Kasubag', 2, 'Kasubag Program', 3, 'Kasubag Program', ''],
  ['Bidang PPIK', 'PPIK', '2027-01-12 08:00', 'Pemindahan administrator', 'Admin Utama', 3, 'Kasubag Program', 11, 'Sekretaris', 'Lompat ke verifikasi untuk uji'],
  ['Bidang PPIK', 'PPIK', '2027-01-12 09:00', 'Dikembalikan', 'Admin Utama', 11, 'Sekretaris', 10, 'Kasubag Program', 'Angka IKU belum sesuai'],
  ['Bidang PPIK', 'PPIK', '2027-01-13 10:00', 'Lanjut', 'Kurnia Kasubag', 10, 'Kasubag Program', 11, 'Sekretaris', ''],
  ['Sekretariat', 'SEKR', '2027-01-11 08:00', 'Dibuat', 'Admin Utama', '', '', 1, 'Sekretaris', ''],
  ['Sekretariat', 'SEKR', '2027-01-11 09:00', 'Lanjut', 'Admin Utama', 1, 'Sekretaris', 2, 'Kepala Bidang', ''],
]

/** The same rows as an English export writes them: only the flags and kinds are words; names and notes are data. */
const EN_WORDS: Record<string, string> = { Ya: 'Yes', Tidak: 'No', Dibuat: 'Created', Lanjut: 'Advanced', 'Serah terima': 'Handed over', Dikembalikan: 'Returned', 'Pemindahan administrator': 'Administrator move' }
const inEnglish = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => (typeof v === 'string' ? (EN_WORDS[v] ?? v) : v)))

function csvLines(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  expect(text.endsWith('\r\n')).toBe(true)
  // No field of this cycle needs quoting, so a plain split reads it.
  return text.slice(1, -2).split('\r\n').map((line) => line.split(';'))
}

describe('cycle exports', () => {
  it('the CSV holds exactly the visits of the scripted cycle, with their numbers', async () => {
    const { server, kasubag, cycle } = await scriptedCycle()
    const res = await download(server, `/api/cycles/${cycle.id}/export.csv`, kasubag.cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="monev-triwulan-i-2027.csv"')
    const [header, ...rows] = csvLines(res.bytes)
    expect(header).toEqual([
      'Unit', 'Singkatan', 'Tahap', 'Uraian tahap', 'Peran', 'Masuk (WITA)', 'Keluar (WITA)', 'Waktu kerja (menit)',
      'Standar (menit)', 'Sesuai standar', 'Putaran', 'Dipindahkan oleh', 'Catatan',
    ])
    expect(rows).toEqual(VISITS.map((r) => r.map(String)))

    // The page's locale rides on the link; Indonesian is only the default.
    const en = await download(server, `/api/cycles/${cycle.id}/export.csv?lang=en`, kasubag.cookie)
    expect(en.headers.get('content-disposition')).toContain('attachment; filename="monev-quarter-i-2027.csv"')
    const [enHeader, ...enRows] = csvLines(en.bytes)
    expect(enHeader).toEqual([
      'Unit', 'Short name', 'Step', 'Step description', 'Role', 'Entered (WITA)', 'Left (WITA)', 'Working time (minutes)',
      'Standard (minutes)', 'Within standard', 'Round', 'Moved by', 'Note',
    ])
    expect(enRows).toEqual(inEnglish(VISITS).map((r) => r.map(String)))
    const asked = await download(server, `/api/cycles/${cycle.id}/export.csv?lang=id`, kasubag.cookie)
    expect(asked.bytes.equals(res.bytes)).toBe(true)
  })

  it('the audit CSV holds the full history of every card', async () => {
    const { server, admin, cycle } = await scriptedCycle()
    const res = await download(server, `/api/cycles/${cycle.id}/audit.csv`, admin.cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('filename="monev-triwulan-i-2027-riwayat.csv"')
    const [header, ...rows] = csvLines(res.bytes)
    // No operation-id column: it is the server's bookkeeping (Jejak audit checks the chain).
    expect(header).toEqual(['Unit', 'Singkatan', 'Waktu (WITA)', 'Jenis', 'Oleh', 'Dari tahap', 'Dari peran', 'Ke tahap', 'Ke peran', 'Catatan'])
    expect(rows).toEqual(HISTORY.map((r) => r.map(String)))

    const en = await download(server, `/api/cycles/${cycle.id}/audit.csv?lang=en`, admin.cookie)
    expect(en.headers.get('content-disposition')).toContain('filename="monev-quarter-i-2027-history.csv"')
    const [enHeader, ...enRows] = csvLines(en.bytes)
    expect(enHeader).toEqual(['Unit', 'Short name', 'Time (WITA)', 'Kind', 'By', 'From step', 'From role', 'To step', 'To role', 'Note'])
    expect(enRows).toEqual(inEnglish(HISTORY).map((r) => r.map(String)))
  })

  it('the XLSX has the visits, the per-step summary and the history, numbers as numbers and times in WITA', async () => {
    const { server, kasubag, cycle } = await scriptedCycle()
    const res = await download(server, `/api/cycles/${cycle.id}/export.xlsx`, kasubag.cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toContain('filename="monev-triwulan-i-2027.xlsx"')

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kunjungan', 'Ringkasan', 'Riwayat'])
    expect(wb.title).toBe(`${MONEV_KINERJA.identity.name} — Triwulan I 2027`)

    /** A sheet's rows as plain values; an Excel date reads back as its wall clock ('YYYY-MM-DD HH:MM'). */
    const rowsOf = (name: string) => {
      const out: unknown[][] = []
      const ws = wb.getWorksheet(name)!
      ws.eachRow((row) => {
        // row.values is 1-based and sparse (an empty cell is a hole, trailing ones are left off).
        const values = (row.values as unknown[]).slice(1)
        values.length = ws.columnCount
        out.push(Array.from(values, (v) => (v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : (v ?? ''))))
      })
      return out
    }

    const [visitHeader, ...visits] = rowsOf('Kunjungan')
    expect(visitHeader?.[7]).toBe('Waktu kerja (menit)')
    expect(visits).toEqual(VISITS)
    // Really numbers and dates in the file, not text that looks like them.
    const cell = (r: number, c: number) => wb.getWorksheet('Kunjungan')!.getRow(r).getCell(c)
    expect(cell(2, 8).type).toBe(ExcelJS.ValueType.Number)
    expect(cell(2, 6).type).toBe(ExcelJS.ValueType.Date)
    expect(cell(2, 6).numFmt).toBe('yyyy-mm-dd hh:mm')

    const [, ...summary] = rowsOf('Ringkasan')
    // Step, title, visits, closed, working, standard, within, %.
    const step = (n: number) => summary.find((r) => r[0] === n)
    expect(step(1)).toEqual([1, title(1), 2, 2, 70, 30, 1, 50])
    expect(step(2)).toEqual([2, title(2), 2, 1, 300 + 1470, 1800, 1, 100])
    expect(step(10)).toEqual([10, title(10), 1, 1, 510, 1350, 1, 100])
    expect(step(11)).toEqual([11, title(11), 2, 1, 570, 900, 1, 100])
    expect(step(4)).toEqual([4, title(4), 0, 0, 0, 0, 0, ''])
    expect(summary).toHaveLength(14)
    expect(summary.at(-1)).toEqual(['', 'Jumlah', 8, 6, 10 + 300 + 140 + 60 + 510 + 510 + 60 + 1470, 15 + 900 + 3150 + 450 + 1350 + 450 + 15 + 900, 5, 83.3])

    const [, ...history] = rowsOf('Riwayat')
    expect(history).toEqual(HISTORY)

    const en = await download(server, `/api/cycles/${cycle.id}/export.xlsx?lang=en`, kasubag.cookie)
    expect(en.status, en.bytes.toString()).toBe(200)
    expect(en.headers.get('content-disposition')).toContain('filename="monev-quarter-i-2027.xlsx"')
    const enBook = new ExcelJS.Workbook()
    await enBook.xlsx.load(en.bytes as unknown as ArrayBuffer)
    // Excel reserves the sheet name "History".
    expect(enBook.worksheets.map((w) => w.name)).toEqual(['Visits', 'Summary', 'Audit trail'])
    expect(enBook.title).toBe(`${MONEV_KINERJA.identity.name} — Quarter I 2027`)
    expect(enBook.getWorksheet('Visits')!.getRow(1).getCell(8).value).toBe('Working time (minutes)')
    expect(enBook.getWorksheet('Visits')!.getRow(2).getCell(10).value).toBe('Yes')
    expect(enBook.getWorksheet('Summary')!.getRow(1).getCell(8).value).toBe('Within standard (%)')
    expect(enBook.getWorksheet('Summary')!.lastRow?.getCell(2).value).toBe('Total')
    expect(enBook.getWorksheet('Audit trail')!.getRow(3).getCell(4).value).toBe('Advanced')
  })

  it('the stats give the dashboard the same numbers and the previous period of the template', async () => {
    const { server, admin, cycle, previous } = await scriptedCycle()
    const res = await api<CycleDashboard>(server, 'GET', `/api/cycles/${cycle.id}/stats`, { cookie: admin.cookie })
    expect(res.status).toBe(200)
    const { stats } = res.body
    expect(res.body.serverTime).toBe(new Date(wita('2027-01-14 11:00')).toISOString())
    expect(res.body.template.identity.number).toBe(MONEV_KINERJA.identity.number)
    expect(stats.units.map((u) => [u.unit.id, u.step, u.lane, u.timeInStepMs / MIN, u.rounds, u.state])).toEqual([
      ['ppik', 11, 'sekretaris', 510, 1, 'overdue'],
      ['sekretariat', 2, 'kepala_bidang', 1470, 0, 'overdue'],
    ])
    expect(stats.roles.map((r) => [r.lane, r.actualMs / MIN])).toEqual([
      ['sekretaris', 10 + 60 + 510 + 60],
      ['kepala_bidang', 120 + 1470],
      ['kasubag_program', 180 + 140 + 510],
      ['kepala_seksi', 0],
      ['kepala_badan', 0],
    ])
    expect(stats.summary).toMatchObject({ closedVisits: 6, withinStandard: 5, rounds: 1, actualMs: 3060 * MIN })
    expect(stats.corrections).toEqual([
      expect.objectContaining({ note: 'Angka IKU belum sesuai', by: expect.objectContaining({ name: 'Admin Utama' }), from: { step: 11, lane: 'sekretaris' }, to: { step: 10, lane: 'kasubag_program' } }),
    ])
    expect(stats.alerts.map((a) => [a.unit.id, a.state])).toEqual([
      ['sekretariat', 'overdue'],
      ['ppik', 'overdue'],
    ])
    expect(stats.flow.days.map((d) => d.date)).toEqual(['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14'])
    expect(stats.flow.days.map((d) => [d.counts[0], d.counts[1], d.counts[2], d.counts[9], d.counts[10]])).toEqual([
      [0, 1, 1, 0, 0],
      [0, 1, 0, 1, 0],
      [0, 1, 0, 0, 1],
      [0, 1, 0, 0, 1],
    ])
    // The previous period is Triwulan IV 2026 (not III 2026, not II 2027): one card in step 1 since Monday 08.00.
    expect(res.body.previous?.cycle.id).toBe(previous.id)
    expect(res.body.previous?.summary).toMatchObject({ cards: 1, closedVisits: 0, withinShare: null, actualMs: (420 + 450 + 450 + 210) * MIN })
  })

  it('is for signed-in users only, and says which cycle does not exist', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin, { units: UNITS })
    for (const path of ['stats', 'export.xlsx', 'export.csv', 'audit.csv']) {
      const anonymous = await fetch(`${server.url}/api/cycles/${cycle.id}/${path}`)
      expect(anonymous.status, path).toBe(401)
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED')
      const missing = await api(server, 'GET', `/api/cycles/0123456789abcdef01234567/${path}`, { cookie: admin.cookie })
      expect(missing.status, path).toBe(404)
      const malformed = await api(server, 'GET', `/api/cycles/nope/${path}`, { cookie: admin.cookie })
      expect(malformed.status, path).toBe(400)
    }
  })
})
