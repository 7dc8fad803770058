import type { z } from 'zod'

/**
 * Where TemplateInput found a problem, sorted onto the field of the editor that shows it: an item
 * of a list (identity.legalBases.2, steps.4.kelengkapan.0) belongs to its textarea, a decision's
 * target number to the decision's select. The first issue per field wins.
 */
export interface TemplateIssue {
  /** The editor field ('steps.3.title', 'identity.legalBases', 'lanes.1.id', 'steps'). */
  field: string
  /** The i18n key under `templates.errors.` of its sentence. */
  kind: TemplateIssueKind
  /** What the sentence names: zod's `maximum`/`minimum`, a cross-field rule's lane or target step. */
  params: Record<string, string | number>
  /** 1-based step number for an issue of a step, else null. */
  step: number | null
  /** 1-based lane number for an issue of a lane, else null. */
  lane: number | null
}

export type TemplateIssueKind =
  | 'templateId'
  | 'required'
  | 'tooLong'
  | 'date'
  | 'laneId'
  | 'laneIdTaken'
  | 'laneUnknown'
  | 'laneNotListed'
  | 'laneTwice'
  | 'lanesEmpty'
  | 'defaultLane'
  | 'waktu'
  | 'decisionTarget'
  | 'decisionBackward'
  | 'noLanes'
  | 'noSteps'
  | 'tooMany'
  | 'other'

const LIST_FIELDS = new Set(['legalBases', 'qualifications', 'relatedSops', 'equipment', 'warnings', 'recording', 'kelengkapan', 'lanes'])

/** The editor field an issue's path points at. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String)
  // An item of a list is edited in its list's control.
  if (parts.length >= 2 && LIST_FIELDS.has(parts.at(-2) ?? '') && /^\d+$/.test(parts.at(-1) ?? '') && parts[0] !== 'lanes') parts.pop()
  if (parts[0] === 'steps' && parts[2] === 'decision' && parts[3] === 'noReturnsTo') parts.pop()
  // The number follows the order; a wrong one (only from a hand-written file) is the step's.
  if (parts[0] === 'steps' && parts[2] === 'no') parts[2] = 'title'
  return parts.join('.')
}

/**
 * A zod issue, or one the server listed in its refusal (shared/protocol/errors.ts ValidationIssue: zod's
 * code, and its bounds or a cross-field rule's params flattened into `params`).
 */
export interface IssueLike {
  path: readonly PropertyKey[]
  code?: z.core.$ZodIssue['code'] | string
  params?: Record<string, unknown>
  minimum?: unknown
  maximum?: unknown
}

/** The cross-field rules of shared/protocol/templates.ts (`params.rule`) and their sentences. */
const RULE_KINDS: Record<string, TemplateIssueKind> = {
  lane_id_taken: 'laneIdTaken',
  lane_unknown: 'laneNotListed',
  lane_twice: 'laneTwice',
  default_lane: 'defaultLane',
  decision_backward: 'decisionBackward',
  decision_missing: 'decisionTarget',
}

/** The values a sentence may name: a rule's own params, zod's bounds. */
function paramsOf(issue: IssueLike): Record<string, string | number> {
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries({ ...issue.params, minimum: issue.minimum ?? issue.params?.minimum, maximum: issue.maximum ?? issue.params?.maximum })) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value
    else if (typeof value === 'bigint') params[key] = Number(value)
  }
  return params
}

function kindOf(issue: IssueLike, field: string): TemplateIssueKind {
  const last = field.split('.').at(-1) ?? ''
  if (issue.code === undefined) return 'other'
  if (issue.code === 'custom') return RULE_KINDS[String(issue.params?.rule)] ?? 'other'
  if (field === 'lanes') return issue.code === 'too_big' ? 'tooMany' : 'noLanes'
  if (field === 'steps') return issue.code === 'too_big' ? 'tooMany' : 'noSteps'
  if (field === 'id') return 'templateId'
  if (last === 'amount') return 'waktu'
  if (last === 'decision') return 'decisionTarget'
  if (last === 'defaultLane') return 'defaultLane'
  if (last === 'id') return 'laneId'
  if (last === 'lanes') return issue.code === 'too_small' ? 'lanesEmpty' : issue.code === 'too_big' ? 'tooMany' : 'laneUnknown'
  if (/On$/.test(last)) return 'date'
  // On a list itself too_big means too many items; on one of its items (whose index fieldOf took off), too long.
  if (issue.code === 'too_big') return LIST_FIELDS.has(last) && typeof issue.path.at(-1) !== 'number' ? 'tooMany' : 'tooLong'
  if (issue.code === 'too_small') return 'required'
  return 'other'
}

/** The issues of a failed parse (or a server's refusal), one per editor field, in the schema's order. */
export function templateIssues(issues: readonly IssueLike[]): TemplateIssue[] {
  const byField = new Map<string, TemplateIssue>()
  for (const issue of issues) {
    const field = fieldOf(issue.path)
    if (byField.has(field)) continue
    const [section, index] = field.split('.')
    const n = index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : null
    byField.set(field, {
      field,
      kind: kindOf(issue, field),
      params: paramsOf(issue),
      step: section === 'steps' ? n : null,
      lane: section === 'lanes' ? n : null,
    })
  }
  // A step without lanes has no default lane either; choosing a lane settles both, so one entry says it.
  return [...byField.values()].filter((i) => !(i.field.endsWith('.defaultLane') && byField.has(i.field.replace(/defaultLane$/, 'lanes'))))
}

/** The input id of an editor field, so a summary entry can take focus to it. */
export function templateFieldId(field: string): string {
  return `tpl-${field.replaceAll('.', '-')}`
}

/** The ids to try for a field, most precise first: a step's group falls back to the step's title. */
export function fieldIdCandidates(field: string): string[] {
  const parts = field.split('.')
  const ids: string[] = []
  while (parts.length > 0) {
    ids.push(templateFieldId(parts.join('.')))
    if (parts[0] === 'steps' && parts.length === 3) ids.push(templateFieldId(`${parts[0]}.${parts[1]}.title`))
    parts.pop()
  }
  return ids
}

/** The i18n key under `templates.fields.` naming an editor field, as its input's label does. */
export function fieldLabelKey(field: string): string {
  const parts = field.split('.')
  const last = parts.at(-1) ?? ''
  if (parts.length === 1) return last === 'id' ? 'templateId' : last
  if (parts[0] === 'identity') return parts[1] ?? 'identity'
  if (parts[0] === 'lanes') return { name: 'laneName', id: 'laneId', unitScoped: 'unitScoped' }[last] ?? 'lanes'
  if (parts[2] === 'lanes') return 'stepLanes'
  if (parts[2] === 'waktu') return last === 'unit' ? 'waktuUnit' : 'waktu'
  if (parts[2] === 'decision') return last === 'question' ? 'question' : 'decision'
  return parts[2] ?? 'steps'
}
