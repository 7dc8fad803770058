import type { SopDraft } from '@shared/sop/importText'
import { blankIdentity, type SopIdentity, type SopLane, type SopStep } from '@shared/domain/template'

/**
 * The template editor's working copy. Lanes and steps carry a key that stays with them while they
 * are renamed, re-id'd or moved, and steps point at lanes and decision targets by those keys: so a
 * lane's id can be retyped without losing the steps that use it, and a decision keeps pointing at
 * its target step when steps are reordered. Step numbers are the order; `toTemplateInput` writes
 * them, and the lane ids and target numbers, into the shape TemplateInput checks.
 */

export interface DraftLane extends SopLane {
  key: string
  /** The lane exists in the version being edited: its id is a role users hold, so it stays. */
  idLocked: boolean
  /** The id still follows the name (a new lane whose id nobody typed yet). */
  idFromName: boolean
}

export interface DraftDecision {
  /** Key of the step "Tidak" returns to; '' when that step was removed or never chosen. */
  returnsTo: string
  question: string
}

/** A step as the editor holds it: no number (its place is its number), lanes and target by key. */
export interface DraftStep extends Omit<SopStep, 'no' | 'decision'> {
  key: string
  /** Lane keys; an id that matches no lane (from an import) is kept as is, so the check names it. */
  lanes: string[]
  /** The key of one of `lanes`. */
  defaultLane: string
  decision: DraftDecision | null
}

export interface TemplateDraft {
  id: string
  identity: SopIdentity
  lanes: DraftLane[]
  steps: DraftStep[]
}

// Keys contain '-', which a lane id never does, so a key and an unknown raw id cannot be confused.
let keySeq = 0
const nextKey = (kind: 'lane' | 'step') => `${kind}-${++keySeq}`

export function blankStep(): DraftStep {
  return {
    key: nextKey('step'),
    title: '',
    shortTitle: '',
    lanes: [],
    defaultLane: '',
    kelengkapan: [],
    waktu: { amount: 1, unit: 'hari' },
    output: '',
    keterangan: '',
    decision: null,
  }
}

export function blankLane(): DraftLane {
  return { key: nextKey('lane'), id: '', name: '', unitScoped: false, idLocked: false, idFromName: true }
}

export function blankDraft(): TemplateDraft {
  return { id: '', identity: blankIdentity(), lanes: [blankLane()], steps: [blankStep()] }
}

/** `lockLaneIds` for editing a stored version: its lane ids are roles that users already hold. */
export function draftFrom(source: SopDraft, { lockLaneIds }: { lockLaneIds: boolean }): TemplateDraft {
  const lanes = source.lanes.map((l) => ({ key: nextKey('lane'), id: l.id, name: l.name, unitScoped: l.unitScoped, idLocked: lockLaneIds, idFromName: false }))
  const laneKey = new Map(lanes.map((l) => [l.id, l.key]))
  const stepKeys = source.steps.map(() => nextKey('step'))
  const keyOfNo = (no: number) => stepKeys[source.steps.findIndex((s) => s.no === no)] ?? ''
  const steps = source.steps.map((s, i): DraftStep => ({
    key: stepKeys[i] ?? nextKey('step'),
    title: s.title,
    shortTitle: s.shortTitle,
    lanes: s.lanes.map((id) => laneKey.get(id) ?? id),
    defaultLane: laneKey.get(s.defaultLane) ?? s.defaultLane,
    kelengkapan: [...s.kelengkapan],
    waktu: { ...s.waktu },
    output: s.output,
    keterangan: s.keterangan,
    decision: s.decision ? { returnsTo: keyOfNo(s.decision.noReturnsTo), question: s.decision.question } : null,
  }))
  return { id: source.id, identity: { ...source.identity }, lanes, steps }
}

/** The draft in TemplateInput's shape, not yet checked: numbers from the order, ids from the keys. */
export function toTemplateInput(draft: TemplateDraft): SopDraft {
  const laneId = new Map(draft.lanes.map((l) => [l.key, l.id]))
  const idOf = (ref: string) => laneId.get(ref) ?? ref
  // 0 is no step number at all, so the schema flags a target that is gone.
  const noOf = (key: string) => draft.steps.findIndex((s) => s.key === key) + 1
  return {
    id: draft.id,
    identity: draft.identity,
    lanes: draft.lanes.map(({ id, name, unitScoped }) => ({ id, name, unitScoped })),
    steps: draft.steps.map((s, i): SopStep => {
      const step: SopStep = {
        no: i + 1,
        title: s.title,
        shortTitle: s.shortTitle,
        lanes: s.lanes.map(idOf),
        defaultLane: idOf(s.defaultLane),
        kelengkapan: s.kelengkapan,
        waktu: s.waktu,
        output: s.output,
        keterangan: s.keterangan,
      }
      if (s.decision) step.decision = { noReturnsTo: noOf(s.decision.returnsTo), question: s.decision.question }
      return step
    }),
  }
}

/** Moves a step; decisions travel with their targets by key, so only the numbers change. */
export function moveStep(steps: readonly DraftStep[], from: number, to: number): DraftStep[] {
  const moved = steps[from]
  if (!moved || to < 0 || to >= steps.length || from === to) return [...steps]
  const rest = steps.filter((_, i) => i !== from)
  return [...rest.slice(0, to), moved, ...rest.slice(to)]
}

/** Removes a step; a decision that returned to it loses its target and is flagged until one is chosen. */
export function removeStep(steps: readonly DraftStep[], index: number): DraftStep[] {
  const gone = steps[index]?.key
  return steps
    .filter((_, i) => i !== index)
    .map((s) => (s.decision && s.decision.returnsTo === gone ? { ...s, decision: { ...s.decision, returnsTo: '' } } : s))
}

/** The numbers of the steps that involve this lane: a lane in use cannot be removed. */
export function stepsUsingLane(steps: readonly DraftStep[], laneKey: string): number[] {
  return steps.flatMap((s, i) => (s.lanes.includes(laneKey) ? [i + 1] : []))
}

/** A step's lanes changed: the default lane stays if still involved, else the first involved lane. */
export function withLanes(step: DraftStep, lanes: string[]): DraftStep {
  const defaultLane = lanes.includes(step.defaultLane) ? step.defaultLane : (lanes[0] ?? '')
  return { ...step, lanes, defaultLane }
}

/**
 * A lane id from its name, in LaneId's shape: "Kepala Bidang" → "kepala_bidang", "Kasubag
 * Program (Perencanaan)" → "kasubag_program_perencanaan"; `taken` ids get a numeric suffix.
 */
export function laneIdFrom(name: string, taken: readonly string[]): string {
  let base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  if (!/^[a-z]/.test(base)) base = base ? `p_${base}` : 'pelaksana'
  base = base.slice(0, 36).replace(/_+$/, '')
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`
  return id
}

/** One item per non-blank line, trimmed: how the editor's list textareas read. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

/** Steps that come before this one: what a decision's "Tidak" may return to. */
export function earlierSteps(steps: readonly DraftStep[], index: number): { key: string; no: number; title: string }[] {
  return steps.slice(0, Math.max(0, index)).map((s, i) => ({ key: s.key, no: i + 1, title: s.shortTitle || s.title }))
}
