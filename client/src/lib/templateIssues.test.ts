import { describe, expect, it } from 'vitest'
import { TemplateInput } from '@shared/protocol/templates'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import type { SopDraft } from '@shared/sop/importText'
import { fieldIdCandidates, fieldLabelKey, fieldOf, templateIssues } from './templateIssues'

function issuesOf(edit: (t: SopDraft) => void) {
  const { version: _v, ...t } = structuredClone(MONEV_KINERJA)
  edit(t)
  const result = TemplateInput.safeParse(t)
  if (result.success) throw new Error('expected the template to be refused')
  return templateIssues(result.error.issues).map((i) => [i.field, i.kind, i.step ?? i.lane])
}

const extraLane = (id: string) => (t: SopDraft) => {
  t.lanes.push({ id, name: 'Bendahara', unitScoped: false })
}

describe('templateIssues', () => {
  it.each<[string, (t: SopDraft) => void, (string | number | null)[][]]>([
    ['a bad template id', (t) => (t.id = 'Monev Kinerja'), [['id', 'templateId', null]]],
    ['an empty SOP name', (t) => (t.identity.name = ''), [['identity.name', 'required', null]]],
    ['a bad date', (t) => (t.identity.approvedOn = '19-12-2023'), [['identity.approvedOn', 'date', null]]],
    ['a blank legal basis', (t) => t.identity.legalBases.push(''), [['identity.legalBases', 'required', null]]],
    ['a lane id twice', extraLane('sekretaris'), [['lanes.5.id', 'laneIdTaken', 6]]],
    ['a malformed lane id', extraLane('Bendahara'), [['lanes.5.id', 'laneId', 6]]],
    [
      'a step without lanes',
      (t) => (t.steps[2] = { ...t.steps[2]!, lanes: [], defaultLane: '' }),
      // The default lane's own issue waits until a lane is chosen.
      [['steps.2.lanes', 'lanesEmpty', 3]],
    ],
    ['a default lane outside the step', (t) => (t.steps[0]!.defaultLane = 'kepala_badan'), [['steps.0.defaultLane', 'defaultLane', 1]]],
    ['an unknown lane', (t) => (t.steps[0]!.lanes = ['sekretaris', 'bendahara']), [['steps.0.lanes', 'laneNotListed', 1]]],
    ['zero time', (t) => (t.steps[4]!.waktu.amount = 0), [['steps.4.waktu.amount', 'waktu', 5]]],
    ['no time at all', (t) => (t.steps[4]!.waktu.amount = Number.NaN), [['steps.4.waktu.amount', 'waktu', 5]]],
    ['a decision forwards', (t) => (t.steps[10]!.decision = { noReturnsTo: 12, question: 'Sesuai?' }), [['steps.10.decision', 'decisionBackward', 11]]],
    ['a decision to no step', (t) => (t.steps[10]!.decision = { noReturnsTo: 0, question: 'Sesuai?' }), [['steps.10.decision', 'decisionTarget', 11]]],
    ['a blank Kelengkapan item', (t) => t.steps[1]!.kelengkapan.push(' '), [['steps.1.kelengkapan', 'required', 2]]],
    ['an overlong output', (t) => (t.steps[3]!.output = 'x'.repeat(301)), [['steps.3.output', 'tooLong', 4]]],
    ['no steps', (t) => (t.steps = []), [['steps', 'noSteps', null]]],
  ])('sorts %s onto its field', (_, edit, expected) => {
    expect(issuesOf(edit)).toEqual(expected)
  })

  it('keeps the first issue of a field', () => {
    const issues = issuesOf((t) => {
      t.steps[0]!.title = ''
      t.steps[0]!.kelengkapan = ['', '']
    })
    expect(issues).toEqual([
      ['steps.0.title', 'required', 1],
      ['steps.0.kelengkapan', 'required', 1],
    ])
  })

  it('takes a server issue as the server wrote it: a code and params, no sentence', () => {
    const [twice] = templateIssues([{ path: ['steps', 2, 'lanes'], code: 'custom', params: { rule: 'lane_twice' } }])
    expect(twice).toMatchObject({ field: 'steps.2.lanes', kind: 'laneTwice', step: 3 })
    const [long] = templateIssues([{ path: ['steps', 3, 'output'], code: 'too_big', params: { origin: 'string', maximum: 300 } }])
    expect(long).toMatchObject({ field: 'steps.3.output', kind: 'tooLong', params: { maximum: 300 } })
    const [unknown] = templateIssues([{ path: ['steps', 2, 'lanes'], code: 'custom' }])
    expect(unknown).toMatchObject({ kind: 'other', step: 3 })
  })

  it('carries what the sentence names: the lane, the target step, the bound', () => {
    const { version: _v, ...t } = structuredClone(MONEV_KINERJA)
    t.steps[0]!.lanes = ['sekretaris', 'bendahara']
    t.steps[10]!.decision = { noReturnsTo: 12, question: 'Sesuai?' }
    t.steps[3]!.output = 'x'.repeat(301)
    const result = TemplateInput.safeParse(t)
    if (result.success) throw new Error('expected the template to be refused')
    const byField = new Map(templateIssues(result.error.issues).map((i) => [i.field, i.params]))
    expect(byField.get('steps.0.lanes')).toMatchObject({ lane: 'bendahara' })
    expect(byField.get('steps.10.decision')).toMatchObject({ target: 12 })
    expect(byField.get('steps.3.output')).toMatchObject({ maximum: 300 })
  })

  it('maps fields to their labels and focusable ids', () => {
    expect(fieldOf(['steps', 3, 'decision', 'noReturnsTo'])).toBe('steps.3.decision')
    expect(fieldOf(['steps', 3, 'no'])).toBe('steps.3.title')
    expect(fieldLabelKey('id')).toBe('templateId')
    expect(fieldLabelKey('lanes.1.name')).toBe('laneName')
    expect(fieldLabelKey('steps.1.lanes')).toBe('stepLanes')
    expect(fieldLabelKey('steps.1.waktu.amount')).toBe('waktu')
    expect(fieldLabelKey('steps.1.decision.question')).toBe('question')
    expect(fieldLabelKey('identity.legalBases')).toBe('legalBases')
    expect(fieldIdCandidates('steps.2.waktu.amount')).toEqual(['tpl-steps-2-waktu-amount', 'tpl-steps-2-waktu', 'tpl-steps-2-title', 'tpl-steps-2', 'tpl-steps'])
  })
})
