import { describe, expect, it } from 'vitest'
import { TemplateInput } from '@shared/protocol/templates'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import { blankDraft, draftFrom, earlierSteps, laneIdFrom, linesOf, moveStep, removeStep, stepsUsingLane, toTemplateInput, withLanes, type TemplateDraft } from './templateDraft'

const { version: _v, ...SHIPPED } = MONEV_KINERJA
const shipped = (): TemplateDraft => draftFrom(SHIPPED, { lockLaneIds: true })
const numbers = (d: TemplateDraft) => toTemplateInput(d).steps.map((s) => [s.no, s.title.slice(0, 12), s.decision?.noReturnsTo ?? null])

describe('templateDraft', () => {
  it('round-trips the shipped template unchanged', () => {
    expect(toTemplateInput(shipped())).toEqual(SHIPPED)
    expect(TemplateInput.safeParse(toTemplateInput(shipped())).success).toBe(true)
  })

  it('renumbers on a move, and the decision follows its target step', () => {
    const d = shipped()
    // Step 10 (the target of 11's "Tidak") moves up to place 5: 11 now returns to 5.
    d.steps = moveStep(d.steps, 9, 4)
    const input = toTemplateInput(d)
    expect(input.steps.map((s) => s.no)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    expect(input.steps[4]?.title).toBe(SHIPPED.steps[9]?.title)
    expect(input.steps[10]?.decision?.noReturnsTo).toBe(5)
    expect(TemplateInput.safeParse(input).success).toBe(true)
  })

  it('flags a decision whose target moved after it', () => {
    const d = shipped()
    d.steps = moveStep(d.steps, 9, 12)
    const input = toTemplateInput(d)
    expect(input.steps[9]?.decision?.noReturnsTo).toBe(13)
    const result = TemplateInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['steps.9.decision'])
  })

  it('leaves a moved step alone at the ends of the list', () => {
    const d = shipped()
    expect(numbers({ ...d, steps: moveStep(d.steps, 0, -1) })).toEqual(numbers(d))
    expect(numbers({ ...d, steps: moveStep(d.steps, 12, 13) })).toEqual(numbers(d))
  })

  it('drops the target of a decision whose step was removed, so the check asks for one', () => {
    const d = shipped()
    d.steps = removeStep(d.steps, 9)
    const input = toTemplateInput(d)
    expect(input.steps).toHaveLength(12)
    expect(input.steps[9]?.decision?.noReturnsTo).toBe(0)
    const result = TemplateInput.safeParse(input)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['steps.9.decision.noReturnsTo', 'steps.9.decision'])
  })

  it('keeps steps pointing at a lane whose id is retyped', () => {
    const d = draftFrom(SHIPPED, { lockLaneIds: false })
    d.lanes = d.lanes.map((l) => (l.id === 'kasubag_program' ? { ...l, id: 'kasubag_perencanaan' } : l))
    const input = toTemplateInput(d)
    expect(input.steps[2]?.defaultLane).toBe('kasubag_perencanaan')
    expect(input.steps.filter((s) => s.lanes.includes('kasubag_program'))).toEqual([])
    expect(TemplateInput.safeParse(input).success).toBe(true)
  })

  it('keeps an unknown lane id from an import, so the check names it', () => {
    const d = draftFrom({ ...SHIPPED, steps: [{ ...SHIPPED.steps[0]!, lanes: ['sekretaris', 'bendahara'] }] }, { lockLaneIds: false })
    expect(toTemplateInput(d).steps[0]?.lanes).toEqual(['sekretaris', 'bendahara'])
  })

  it('names the steps that use a lane', () => {
    const d = shipped()
    const kepalaBadan = d.lanes.find((l) => l.id === 'kepala_badan')!
    expect(stepsUsingLane(d.steps, kepalaBadan.key)).toEqual(
      SHIPPED.steps.filter((s) => s.lanes.includes('kepala_badan')).map((s) => s.no),
    )
  })

  it('keeps the default lane among the chosen lanes', () => {
    const step = { ...blankDraft().steps[0]!, lanes: ['a-1', 'b-2'], defaultLane: 'b-2' }
    expect(withLanes(step, ['a-1', 'b-2', 'c-3']).defaultLane).toBe('b-2')
    expect(withLanes(step, ['a-1', 'c-3']).defaultLane).toBe('a-1')
    expect(withLanes(step, []).defaultLane).toBe('')
  })

  it('offers only earlier steps as a decision target', () => {
    const d = shipped()
    expect(earlierSteps(d.steps, 0)).toEqual([])
    expect(earlierSteps(d.steps, 3).map((s) => s.no)).toEqual([1, 2, 3])
  })

  it.each([
    ['Kepala Bidang', [], 'kepala_bidang'],
    ['Kasubag Program (Perencanaan)', [], 'kasubag_program_perencanaan'],
    ['Sekretaris', ['sekretaris', 'sekretaris_2'], 'sekretaris_3'],
    ['Pejabat Fungsional Analis SDM Aparatur Ahli Muda', [], 'pejabat_fungsional_analis_sdm_aparat'],
    ['1. Bendahara', [], 'p_1_bendahara'],
    ['', [], 'pelaksana'],
  ])('makes the lane id of %j', (name, taken, id) => {
    expect(laneIdFrom(name, taken)).toBe(id)
    expect(id).toMatch(/^[a-z][a-z0-9_]{0,39}$/)
  })

  it('reads one item per filled line', () => {
    expect(linesOf('  Format Isian \r\n\n Laporan  \n')).toEqual(['Format Isian', 'Laporan'])
  })
})
