import { describe, expect, it } from 'vitest'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import type { Actor } from '@shared/domain/moves'
import { moveTargets } from './moveTargets'

const T = MONEV_KINERJA
const person = (role: string, unitId: string | null = null, isAdmin = false): Actor => ({ id: 'u1', role, unitId, isAdmin })
const cells = (list: { to: { step: number; lane: string }; kind: string }[]) => list.map((t) => `${t.kind} ${t.to.step}/${t.to.lane}`)

describe('moveTargets', () => {
  it('offers the next step, default lane first, to the holder of step 1', () => {
    const list = moveTargets(T, person('sekretaris'), { unitId: 'ppik', step: 1, lane: 'sekretaris' })
    expect(cells(list)).toEqual(['advance 2/kepala_bidang', 'advance 2/kasubag_program'])
  })

  it('offers nothing to someone who does not hold the card', () => {
    expect(moveTargets(T, person('kasubag_program'), { unitId: 'ppik', step: 1, lane: 'sekretaris' })).toEqual([])
    expect(moveTargets(T, person('kepala_bidang', 'psdm'), { unitId: 'ppik', step: 2, lane: 'kepala_bidang' })).toEqual([])
  })

  it('puts the decision return after the advance, and it needs a note', () => {
    const list = moveTargets(T, person('kasubag_program'), { unitId: 'mpk', step: 11, lane: 'kasubag_program' })
    const back = list.find((t) => t.kind === 'return')
    expect(back).toMatchObject({ to: { step: 10 }, noteRequired: true })
    expect(list.at(-1)?.kind).toBe('return')
    expect(list[0]?.kind).toBe('advance')
  })

  it('leaves administrator overrides out on request, and last otherwise', () => {
    const admin = person('kepala_badan', null, true)
    const place = { unitId: 'ppik', step: 1, lane: 'sekretaris' }
    const all = moveTargets(T, admin, place)
    expect(all.at(-1)?.kind).toBe('override')
    expect(all[0]?.kind).toBe('advance')
    expect(moveTargets(T, admin, place, { overrides: false }).every((t) => t.kind !== 'override')).toBe(true)
  })
})
