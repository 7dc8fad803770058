import { describe, expect, it } from 'vitest'
import { toMovedFact } from '../../shared/protocol/cardMoved'
import type { HttpErrorBody } from '../../shared/protocol/errors'
import type { CardDto } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { RoleListDto, TemplateDto, TemplateInput, TemplateListDto } from '../../shared/protocol/templates'
import { BALANGAN_UNITS, MONEV_KINERJA } from '../../shared/sop/balangan'
import type { SopTemplate } from '../../shared/domain/template'
import {
  type Board,
  api,
  createCycle,
  createUser,
  detailOf,
  fakeClock,
  opId,
  record,
  send,
  sendOk,
  unpacked,
  setupAdmin,
  useHarness,
  wita,
  type ClientSocket,
  type TestServer,
  type TestUser,
} from '../test/harness'
import { PERSETUJUAN_CUTI } from './fixtures'

const h = useHarness()

const OVERTAKEN = { code: 'CONFLICT', reason: 'template_overtaken' }
const MONEV_NAME = MONEV_KINERJA.identity.name

function inputOf(t: SopTemplate): TemplateInput {
  return { id: t.id, identity: t.identity, lanes: t.lanes, steps: t.steps }
}

function save(server: TestServer, user: TestUser, template: unknown, baseVersion: number) {
  return api<TemplateDto & { error: HttpErrorBody }>(server, 'POST', '/api/templates', { cookie: user.cookie, body: { template, baseVersion } })
}

async function saveOk(server: TestServer, user: TestUser, template: TemplateInput, baseVersion: number): Promise<SopTemplate> {
  const res = await save(server, user, template, baseVersion)
  if (res.status !== 201) throw new Error(`save ${template.id}: HTTP ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.template
}

function getVersion(server: TestServer, user: TestUser, id: string, version: number | string) {
  return api<TemplateDto>(server, 'GET', `/api/templates/${id}/versions/${version}`, { cookie: user.cookie })
}

function iso(local: string): string {
  return new Date(wita(local)).toISOString()
}

describe('templates API', () => {
  it('seeds the shipped template once and serves it to signed-in users as version 1 and as latest', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'kasubag_program' })

    const list = await api<TemplateListDto>(server, 'GET', '/api/templates', { cookie: staff.cookie })
    expect(list.status).toBe(200)
    expect(list.body.templates).toEqual([
      {
        id: 'monev-kinerja',
        name: MONEV_NAME,
        number: MONEV_KINERJA.identity.number,
        latestVersion: 1,
        steps: 13,
        lanes: 5,
        versions: [{ version: 1, createdAt: expect.any(String), createdBy: 'Bawaan Papan SOP' }],
      },
    ])
    for (const version of [1, 'latest']) {
      const res = await getVersion(server, staff, 'monev-kinerja', version)
      expect(res.status).toBe(200)
      expect(res.body.template).toEqual(MONEV_KINERJA)
    }
    for (const [id, version] of [['monev-kinerja', 2], ['monev-kinerja', 0], ['monev-kinerja', 'terbaru'], ['tidak-ada', 'latest'], ['Bukan_Id', 1]] as const) {
      const res = await getVersion(server, staff, id, version)
      expect(res.status, `${id}@${version}`).toBe(404)
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    expect((await api(server, 'GET', '/api/templates')).status).toBe(401)
    expect((await api(server, 'GET', '/api/roles')).status).toBe(401)

    // A second start on the same data (or a second node) seeds nothing more.
    await h.startServer({ dbName: server.dbName })
    expect(await server.db.collection('templates').countDocuments()).toBe(1)
  })

  it('saves version n + 1, keeps the earlier versions readable and lists the templates by name', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { name: 'Admin Utama' })

    const cuti = await saveOk(server, admin, PERSETUJUAN_CUTI, 0)
    expect(cuti).toEqual({ ...PERSETUJUAN_CUTI, version: 1 })
    const edited = structuredClone(inputOf(MONEV_KINERJA))
    edited.identity.revisedOn = '2026-02-01'
    const v2 = await saveOk(server, admin, edited, 1)
    expect(v2).toMatchObject({ id: 'monev-kinerja', version: 2, identity: { revisedOn: '2026-02-01' } })

    expect((await getVersion(server, admin, 'monev-kinerja', 'latest')).body.template).toEqual(v2)
    expect((await getVersion(server, admin, 'monev-kinerja', 2)).body.template).toEqual(v2)
    expect((await getVersion(server, admin, 'monev-kinerja', 1)).body.template).toEqual(MONEV_KINERJA)
    expect((await getVersion(server, admin, 'persetujuan-cuti', 'latest')).body.template).toEqual(cuti)

    const list = await api<TemplateListDto>(server, 'GET', '/api/templates', { cookie: admin.cookie })
    expect(list.body.templates.map((t) => [t.id, t.name, t.latestVersion, t.steps, t.lanes])).toEqual([
      ['monev-kinerja', MONEV_NAME, 2, 13, 5],
      ['persetujuan-cuti', 'Persetujuan Cuti', 1, 4, 3],
    ])
    expect(list.body.templates[0]?.versions.map((v) => [v.version, v.createdBy])).toEqual([
      [2, 'Admin Utama'],
      [1, 'Bawaan Papan SOP'],
    ])
  })

  it('refuses a save on a stale base, a new template under a taken id, and one of two racing saves with CONFLICT', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const stale = await save(server, admin, inputOf(MONEV_KINERJA), 0)
    expect(stale.status).toBe(409)
    expect(stale.body.error).toEqual({ code: 'CONFLICT', reason: 'template_id_taken', params: { id: 'monev-kinerja' } })

    await saveOk(server, admin, inputOf(MONEV_KINERJA), 1)
    const overtaken = await save(server, admin, inputOf(MONEV_KINERJA), 1)
    expect(overtaken.status).toBe(409)
    expect(overtaken.body.error).toEqual(OVERTAKEN)
    const ahead = await save(server, admin, inputOf(MONEV_KINERJA), 7)
    expect(ahead.body.error).toEqual(OVERTAKEN)

    const racing = await Promise.all([1, 2].map(() => save(server, admin, inputOf(MONEV_KINERJA), 2)))
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409])
    expect(racing.find((r) => r.status === 409)?.body.error).toEqual(OVERTAKEN)
    expect(await server.db.collection('templates').countDocuments({ templateId: 'monev-kinerja' })).toBe(3)
  })

  it('refuses an invalid template with 400 and every issue at its path, storing nothing', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)

    const crossed = structuredClone(PERSETUJUAN_CUTI)
    crossed.steps[1]!.defaultLane = 'pejabat_berwenang'
    crossed.steps[2]!.decision = { noReturnsTo: 4, question: 'Disetujui?' }
    const res = await save(server, admin, crossed, 0)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION')
    expect(res.body.error.issues).toEqual([
      { path: ['template', 'steps', 1, 'defaultLane'], code: 'custom', params: { rule: 'default_lane' } },
      { path: ['template', 'steps', 2, 'decision'], code: 'custom', params: { rule: 'decision_backward', target: 4 } },
    ])
    // The error's own params name the first problem, for clients that show only that.
    expect(res.body.error).toMatchObject({ reason: 'validation', params: { path: 'template.steps.1.defaultLane', issue: 'custom' } })

    const zero = structuredClone(PERSETUJUAN_CUTI)
    zero.steps[0]!.waktu.amount = 0
    zero.identity.name = ''
    const zeroRes = await save(server, admin, zero, 0)
    expect(zeroRes.status).toBe(400)
    expect(zeroRes.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: ['template', 'steps', 0, 'waktu', 'amount'], code: 'too_small', params: { origin: 'number', minimum: 0 } },
        { path: ['template', 'identity', 'name'], code: 'too_small', params: { origin: 'string', minimum: 1 } },
      ]),
    )

    const noBase = await api<{ error: HttpErrorBody }>(server, 'POST', '/api/templates', { cookie: admin.cookie, body: { template: PERSETUJUAN_CUTI } })
    expect(noBase.status).toBe(400)
    expect(noBase.body.error.issues?.map((i) => i.path)).toEqual([['baseVersion']])

    expect(await server.db.collection('templates').countDocuments()).toBe(1)
  })

  it('lets only administrators save, and takes a template larger than other request bodies', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'sekretaris' })
    const refused = await save(server, staff, PERSETUJUAN_CUTI, 0)
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('FORBIDDEN')
    expect((await api(server, 'POST', '/api/templates', { body: { template: PERSETUJUAN_CUTI, baseVersion: 0 } })).status).toBe(401)

    // 60 steps with long texts: well over the 32 KB other routes accept.
    const long = structuredClone(PERSETUJUAN_CUTI)
    long.id = 'sop-panjang'
    long.steps = Array.from({ length: 60 }, (_, i) => ({
      ...structuredClone(PERSETUJUAN_CUTI.steps[1]!),
      no: i + 1,
      title: `Tahap ${i + 1} ${'uraian prosedur yang panjang '.repeat(8)}`.trim(),
      keterangan: 'keterangan '.repeat(40).trim(),
    }))
    expect(JSON.stringify(long).length).toBeGreaterThan(32 * 1024)
    expect((await saveOk(server, admin, long, 0)).steps).toHaveLength(60)
  })

  it('lists every role of every latest version by lane id, and user creation checks roles against them', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'kasubag_program' })
    await saveOk(server, admin, PERSETUJUAN_CUTI, 0)
    const rapat: TemplateInput = {
      ...structuredClone(PERSETUJUAN_CUTI),
      id: 'rapat-koordinasi',
      identity: { ...PERSETUJUAN_CUTI.identity, name: 'Rapat Koordinasi' },
      lanes: [
        { id: 'sekretaris', name: 'Sekretaris Rapat', unitScoped: false },
        { id: 'verifikator', name: 'Pemeriksa', unitScoped: false },
      ],
      steps: [{ ...structuredClone(PERSETUJUAN_CUTI.steps[0]!), lanes: ['sekretaris', 'verifikator'], defaultLane: 'sekretaris' }],
    }
    await saveOk(server, admin, rapat, 0)

    const res = await api<RoleListDto>(server, 'GET', '/api/roles', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    const monev = [MONEV_NAME]
    expect(res.body.roles).toEqual([
      { id: 'sekretaris', name: 'Sekretaris', unitScoped: false, templates: [MONEV_NAME, 'Rapat Koordinasi'] },
      { id: 'kepala_bidang', name: 'Kepala Bidang', unitScoped: true, templates: monev },
      { id: 'kasubag_program', name: 'Kasubag Program', unitScoped: false, templates: monev },
      { id: 'kepala_seksi', name: 'Kepala Seksi', unitScoped: true, templates: monev },
      { id: 'kepala_badan', name: 'Kepala Badan', unitScoped: false, templates: monev },
      { id: 'pemohon', name: 'Pemohon', unitScoped: true, templates: ['Persetujuan Cuti'] },
      // Unit-scoped in one template, so its holders need a unit.
      { id: 'verifikator', name: 'Verifikator Kepegawaian', unitScoped: true, templates: ['Persetujuan Cuti', 'Rapat Koordinasi'] },
      { id: 'pejabat_berwenang', name: 'Pejabat Berwenang', unitScoped: false, templates: ['Persetujuan Cuti'] },
    ])

    // Only the latest version counts: a lane dropped from a template leaves its role's list.
    await saveOk(server, admin, { ...rapat, lanes: [rapat.lanes[0]!], steps: [{ ...rapat.steps[0]!, lanes: ['sekretaris'] }] }, 1)
    const after = await api<RoleListDto>(server, 'GET', '/api/roles', { cookie: staff.cookie })
    expect(after.body.roles.find((r) => r.id === 'verifikator')?.templates).toEqual(['Persetujuan Cuti'])

    const create = (body: Record<string, unknown>) =>
      api<{ user?: { role: string; unitId: string | null }; error?: HttpErrorBody }>(server, 'POST', '/api/users', {
        cookie: admin.cookie,
        body: { name: 'Orang Baru', password: 'rahasia-sekali-123', ...body },
      })
    expect((await create({ username: 'pejabat', role: 'pejabat_berwenang', unitId: 'ppik' })).body.user).toMatchObject({ role: 'pejabat_berwenang', unitId: null })
    expect((await create({ username: 'pemohon-ppik', role: 'pemohon', unitId: 'ppik' })).body.user).toMatchObject({ role: 'pemohon', unitId: 'ppik' })
    const noUnit = await create({ username: 'verif', role: 'verifikator' })
    expect(noUnit.status).toBe(400)
    expect(noUnit.body.error).toEqual({ code: 'VALIDATION', reason: 'unit_required', params: { role: 'Verifikator Kepegawaian' } })
    const unknown = await create({ username: 'dinas', role: 'kepala_dinas' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toEqual({ code: 'VALIDATION', reason: 'role_unknown', params: { role: 'kepala_dinas' } })
  })

  it('knows a role another node saved, and first-run setup takes only known roles', async () => {
    const nodeA = await h.startServer()
    const fresh = await api(nodeA, 'POST', '/api/setup', { body: { name: 'Admin', username: 'admin', role: 'pemohon', unitId: 'ppik', password: 'rahasia-sekali-123' } })
    expect(fresh.status).toBe(400)
    const scoped = await api(nodeA, 'POST', '/api/setup', { body: { name: 'Admin', username: 'admin', role: 'kepala_bidang', password: 'rahasia-sekali-123' } })
    expect(scoped.body).toEqual({ error: { code: 'VALIDATION', reason: 'unit_required', params: { role: 'Kepala Bidang' } } })
    const admin = await setupAdmin(nodeA, { role: 'kepala_bidang', unitId: 'ppik' })
    expect(admin).toMatchObject({ role: 'kepala_bidang', unitId: 'ppik' })

    const nodeB = await h.startServer({ dbName: nodeA.dbName })
    // Node B reads the roles once before node A saves a template with new ones.
    await createUser(nodeB, admin, { role: 'sekretaris' })
    await saveOk(nodeA, admin, PERSETUJUAN_CUTI, 0)
    expect(await createUser(nodeB, admin, { role: 'pemohon', unitId: 'psdm' })).toMatchObject({ role: 'pemohon', unitId: 'psdm' })
  })
})

describe('versions and cycles', () => {
  it('a running cycle keeps the version it started on; a new cycle starts on the latest or the version asked for', async () => {
    const t = fakeClock('2027-01-11 08:00') // Monday
    const server = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(server)
    const socket = await h.connect(server, admin.cookie)
    const boardOf = async (cycle: CycleDto) => unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))

    const onV1 = await createCycle(server, admin, { year: 2027, quarter: 1 })
    expect(onV1).toMatchObject({ templateId: 'monev-kinerja', templateVersion: 1, templateName: MONEV_NAME })
    const before = await boardOf(onV1)
    expect(before.cards.map((c) => c.dueAt)).toEqual(BALANGAN_UNITS.map(() => iso('2027-01-11 08:15')))

    const edited = structuredClone(inputOf(MONEV_KINERJA))
    edited.steps[0]!.waktu = { amount: 1, unit: 'jam' }
    edited.steps[0]!.title = 'Membuat format isian monev kinerja triwulanan'
    edited.identity.name = 'Monev Capaian Kinerja'
    await saveOk(server, admin, edited, 1)

    const after = await boardOf(onV1)
    expect(after.template).toEqual(MONEV_KINERJA)
    expect(after.cycle).toMatchObject({ templateVersion: 1, templateName: MONEV_NAME })
    expect(after.cards).toEqual(before.cards)

    t.set('2027-01-11 09:00')
    const onV2 = await createCycle(server, admin, { year: 2027, quarter: 2 })
    expect(onV2).toMatchObject({ templateId: 'monev-kinerja', templateVersion: 2, templateName: 'Monev Capaian Kinerja' })
    const v2Board = await boardOf(onV2)
    expect(v2Board.template).toEqual({ ...edited, version: 2 })
    expect(v2Board.template.steps[0]?.title).toBe('Membuat format isian monev kinerja triwulanan')
    expect(v2Board.cards.map((c) => c.dueAt)).toEqual(BALANGAN_UNITS.map(() => iso('2027-01-11 10:00')))

    const start = (body: Record<string, unknown>) =>
      api<{ cycle: CycleDto }>(server, 'POST', '/api/cycles', { cookie: admin.cookie, body: { year: 2027, units: BALANGAN_UNITS, ...body } })
    const again = await start({ quarter: 3, templateId: 'monev-kinerja', templateVersion: 1 })
    expect(again.status).toBe(201)
    expect(again.body.cycle).toMatchObject({ templateVersion: 1, templateName: MONEV_NAME })
    expect((await boardOf(again.body.cycle)).cards[0]?.dueAt).toBe(iso('2027-01-11 09:15'))

    for (const missing of [{ templateVersion: 3 }, { templateId: 'tidak-ada' }]) {
      const res = await start({ quarter: 4, ...missing })
      expect(res.status, JSON.stringify(missing)).toBe(404)
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    expect((await start({ quarter: 4, templateId: 'Bukan Id' })).status).toBe(400)

    const list = await api<{ cycles: CycleDto[] }>(server, 'GET', '/api/cycles', { cookie: admin.cookie })
    expect(list.body.cycles.map((c) => [c.quarter, c.templateVersion])).toEqual([
      [3, 1],
      [2, 2],
      [1, 1],
    ])
  })
})

describe('a second SOP on the board', () => {
  it('runs Persetujuan Cuti, saved through the API, with its own roles, times and decision, over real sockets', async () => {
    const t = fakeClock('2027-01-11 08:00') // Monday
    const server = await h.startServer({ clock: t.clock, deps: { sessionIdleMs: 30 * 24 * 3600_000 } })
    const admin = await setupAdmin(server, { name: 'Admin Utama' })
    await saveOk(server, admin, PERSETUJUAN_CUTI, 0)
    const [pemohon, verifikator, verifikatorPsdm, pejabat, kasubag] = await Promise.all([
      createUser(server, admin, { name: 'Putri Pemohon', role: 'pemohon', unitId: 'ppik' }),
      createUser(server, admin, { name: 'Vera Verifikator', role: 'verifikator', unitId: 'ppik' }),
      createUser(server, admin, { name: 'Vino Verifikator PSDM', role: 'verifikator', unitId: 'psdm' }),
      createUser(server, admin, { name: 'Pak Pejabat', role: 'pejabat_berwenang' }),
      createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' }),
    ])

    const units = BALANGAN_UNITS.filter((u) => u.id === 'ppik' || u.id === 'psdm')
    const started = await api<{ cycle: CycleDto }>(server, 'POST', '/api/cycles', {
      cookie: admin.cookie,
      body: { year: 2027, quarter: 1, units, templateId: 'persetujuan-cuti' },
    })
    expect(started.status).toBe(201)
    const cycle = started.body.cycle
    expect(cycle).toMatchObject({
      title: 'Triwulan I 2027',
      templateId: 'persetujuan-cuti',
      templateVersion: 1,
      templateName: 'Persetujuan Cuti',
      progress: { cards: 2, finished: 0, stepsDone: 0, stepsTotal: 8 },
    })
    // Another SOP may run the same quarter.
    await createCycle(server, admin, { year: 2027, quarter: 1 })

    async function joined(user: TestUser): Promise<{ socket: ClientSocket; board: Board }> {
      const socket = await h.connect(server, user.cookie)
      return { socket, board: unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })) }
    }
    const sockets = new Map<TestUser, ClientSocket>()
    let board: Board | undefined
    for (const user of [pemohon, verifikator, verifikatorPsdm, pejabat, kasubag]) {
      const j = await joined(user)
      sockets.set(user, j.socket)
      board ??= j.board
    }
    expect(board?.template).toEqual({ ...PERSETUJUAN_CUTI, version: 1 })
    const observer = record((await joined(admin)).socket, 'card:moved')
    let card = board!.cards.find((c) => c.unit.id === 'ppik')!
    expect(card).toMatchObject({ step: 1, lane: 'pemohon', checklist: [false], dueAt: iso('2027-01-11 08:30') })

    function attempt(user: TestUser, step: number, lane: string, note?: string) {
      return send(sockets.get(user)!, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step, lane }, ...(note ? { note } : {}) })
    }
    /** A move that must go through: acked to the mover, broadcast to the others in the room. */
    async function move(at: string, user: TestUser, step: number, lane: string, note?: string): Promise<CardDto> {
      t.set(at)
      const id = opId()
      const ack = await send(sockets.get(user)!, 'card:move', { opId: id, cardId: card.id, version: card.version, to: { step, lane }, ...(note ? { note } : {}) })
      if (!ack.ok) throw new Error(`${user.name} → ${step}/${lane}: ${ack.error.code} ${ack.error.reason ?? ''}`)
      const seen = await observer.waitFor((e) => e.opId === id)
      expect(seen).toEqual(toMovedFact(ack.data))
      expect(seen).toMatchObject({ by: user.name, to: { step, lane } })
      expect(seen.note ?? '').toBe(note ?? '')
      card = ack.data
      return card
    }

    expect(await move('2027-01-11 08:10', pemohon, 2, 'verifikator')).toMatchObject({ step: 2, lane: 'verifikator', dueAt: iso('2027-01-11 10:10') })

    // The rules of this SOP's lanes: a role of the other SOP holds nothing here, a unit-scoped
    // verifier only their own unit's card, and no one skips the decision.
    const foreign = await attempt(kasubag, 3, 'pejabat_berwenang')
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'not_your_lane', params: { lane: 'Verifikator Kepegawaian' } } })
    const otherUnit = await attempt(verifikatorPsdm, 3, 'pejabat_berwenang')
    expect(otherUnit).toEqual({ ok: false, error: { code: 'FORBIDDEN', reason: 'not_your_unit', params: { unit: card.unit.shortName } } })
    const skip = await attempt(verifikator, 4, 'verifikator')
    expect(skip).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'skip_not_allowed' } })
    const notInvolved = await attempt(verifikator, 3, 'verifikator')
    expect(notInvolved).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'lane_not_involved' } })

    expect(await move('2027-01-11 09:00', verifikator, 3, 'pejabat_berwenang')).toMatchObject({ step: 3, dueAt: iso('2027-01-12 09:00') })

    // "Disetujui?" — Tidak: back to step 2, with a note, a correction round.
    const noNote = await attempt(pejabat, 2, 'verifikator')
    expect(noNote).toMatchObject({ ok: false, error: { code: 'NOTE_REQUIRED' } })
    expect(await move('2027-01-11 10:00', pejabat, 2, 'verifikator', 'Sisa cuti tahun ini tidak cukup')).toMatchObject({ step: 2, lane: 'verifikator', rounds: 1 })
    expect(await move('2027-01-11 10:30', verifikator, 2, 'pemohon')).toMatchObject({ step: 2, lane: 'pemohon' })
    expect(await move('2027-01-11 11:00', pemohon, 2, 'verifikator')).toMatchObject({ step: 2, lane: 'verifikator' })
    await move('2027-01-11 13:30', verifikator, 3, 'pejabat_berwenang')
    // Ya: on to step 4, then past the last step into Selesai.
    expect(await move('2027-01-12 08:00', pejabat, 4, 'verifikator')).toMatchObject({ step: 4, dueAt: iso('2027-01-13 08:00') })
    expect(await move('2027-01-12 09:00', verifikator, 5, 'verifikator')).toMatchObject({ step: 5, lane: 'verifikator', dueAt: null, rounds: 1 })

    const detail = await detailOf(sockets.get(verifikator)!, card.id)
    expect(detail.history.map((e) => [e.kind, e.from && `${e.from.step}/${e.from.lane}`, `${e.to.step}/${e.to.lane}`])).toEqual([
      ['create', null, '1/pemohon'],
      ['advance', '1/pemohon', '2/verifikator'],
      ['advance', '2/verifikator', '3/pejabat_berwenang'],
      ['return', '3/pejabat_berwenang', '2/verifikator'],
      ['handoff', '2/verifikator', '2/pemohon'],
      ['handoff', '2/pemohon', '2/verifikator'],
      ['advance', '2/verifikator', '3/pejabat_berwenang'],
      ['advance', '3/pejabat_berwenang', '4/verifikator'],
      ['finish', '4/verifikator', '5/verifikator'],
    ])
    expect(detail.history[3]?.note).toBe('Sisa cuti tahun ini tidak cukup')
    expect(detail.visits.map((v) => [v.step, v.round, v.workingMs === null ? null : v.workingMs / 60_000])).toEqual([
      [1, 1, 10],
      [2, 1, 50],
      [3, 1, 60],
      [2, 2, 150],
      [3, 2, 180],
      [4, 2, 60],
    ])

    const cycles = await api<{ cycles: CycleDto[] }>(server, 'GET', '/api/cycles', { cookie: pemohon.cookie })
    expect(cycles.body.cycles.find((c) => c.id === cycle.id)?.progress).toEqual({ cards: 2, finished: 1, stepsDone: 4, stepsTotal: 8 })
  })
})
