import { z } from '../zod'
import type { SopTemplate } from '../domain/template'
import { LaneId } from './common'
import { NO_LANE_ROLE } from './constants'

/**
 * A template as an administrator submits it (editor, JSON import). The server assigns the version:
 * saving never overwrites, it adds version n + 1, so a running cycle's snapshot stays what it was.
 */

export const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'id templat 2–60 karakter: huruf kecil, angka atau tanda hubung')
export const WAKTU_UNITS = ['menit', 'jam', 'hari', 'minggu'] as const

const Text = (max: number) => z.string().trim().max(max)
const Lines = z.array(Text(1000).min(1)).max(50)
const IsoDateOrEmpty = z.union([z.literal(''), z.iso.date()])

export const SopIdentitySchema = z.strictObject({
  agency: Text(200),
  number: Text(100),
  name: Text(200).min(1, 'nama SOP wajib diisi'),
  createdOn: IsoDateOrEmpty,
  revisedOn: IsoDateOrEmpty,
  approvedOn: IsoDateOrEmpty,
  approvedBy: Text(200),
  approverName: Text(120),
  approverRank: Text(120),
  approverNip: Text(40),
  legalBases: Lines,
  qualifications: Lines,
  relatedSops: Lines,
  equipment: Lines,
  warnings: Lines,
  recording: Lines,
})

export const SopLaneSchema = z.strictObject({
  /** Stable id; also the value of a user's `role` (never the role of an administrator without a lane). */
  id: LaneId.refine((id) => id !== NO_LANE_ROLE, 'id ini dipakai untuk administrator tanpa lajur'),
  name: Text(80).min(1, 'nama pelaksana wajib diisi'),
  /** A unit-scoped lane (Kepala Bidang, Kepala Seksi) may only act on its own unit's card. */
  unitScoped: z.boolean(),
})

export const SopStepSchema = z.strictObject({
  no: z.int().min(1).max(98),
  title: Text(300).min(1, 'uraian prosedur wajib diisi'),
  shortTitle: Text(40).min(1, 'judul singkat wajib diisi'),
  /** Lanes involved in the step; `defaultLane` is one of them. */
  lanes: z.array(LaneId).min(1, 'pilih sedikitnya satu pelaksana').max(20),
  defaultLane: LaneId,
  kelengkapan: z.array(Text(300).min(1)).max(20),
  waktu: z.strictObject({
    amount: z.number().positive('waktu harus lebih dari nol').max(10_000),
    unit: z.enum(WAKTU_UNITS),
  }),
  output: Text(300),
  keterangan: Text(500),
  decision: z
    .strictObject({
      /** The step the "Tidak" branch returns to; "Ya" is always the next step. */
      noReturnsTo: z.int().min(1),
      question: Text(200).min(1, 'pertanyaan keputusan wajib diisi'),
    })
    .optional(),
})

/**
 * The cross-field rules, one issue per problem, each pointing at the field to correct. `rule` and
 * the data beside it are what a client words the problem with; the message is for logs.
 */
function checkTemplate(t: { lanes: z.infer<typeof SopLaneSchema>[]; steps: z.infer<typeof SopStepSchema>[] }, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string, params: { rule: string } & Record<string, string | number>) =>
    ctx.addIssue({ code: 'custom', path, message, params })
  const laneIds = new Set<string>()
  t.lanes.forEach((lane, i) => {
    if (laneIds.has(lane.id)) issue(['lanes', i, 'id'], `id pelaksana "${lane.id}" dipakai dua kali`, { rule: 'lane_id_taken', lane: lane.id })
    laneIds.add(lane.id)
  })
  t.steps.forEach((step, i) => {
    const at = (field: string) => ['steps', i, field]
    if (step.no !== i + 1) issue(at('no'), `tahap ke-${i + 1} bernomor ${step.no}; tahap harus bernomor urut mulai 1`, { rule: 'step_number', step: i + 1, no: step.no })
    for (const lane of step.lanes) {
      if (!laneIds.has(lane)) issue(at('lanes'), `tahap ${step.no}: pelaksana "${lane}" tidak ada di daftar pelaksana`, { rule: 'lane_unknown', lane })
    }
    if (new Set(step.lanes).size !== step.lanes.length) issue(at('lanes'), `tahap ${step.no}: pelaksana tercantum dua kali`, { rule: 'lane_twice' })
    if (!step.lanes.includes(step.defaultLane)) {
      issue(at('defaultLane'), `tahap ${step.no}: pelaksana utama harus salah satu pelaksana tahap ini`, { rule: 'default_lane' })
    }
    if (step.decision) {
      const target = step.decision.noReturnsTo
      if (target >= step.no) issue(at('decision'), `tahap ${step.no}: cabang "Tidak" harus kembali ke tahap sebelumnya, bukan tahap ${target}`, { rule: 'decision_backward', target })
      else if (!t.steps.some((s) => s.no === target)) issue(at('decision'), `tahap ${step.no}: tahap ${target} tujuan cabang "Tidak" tidak ada`, { rule: 'decision_missing', target })
    }
  })
}

export const TemplateInput = z
  .strictObject({
    id: TemplateId,
    identity: SopIdentitySchema,
    lanes: z.array(SopLaneSchema).min(1, 'templat memerlukan sedikitnya satu pelaksana').max(12),
    steps: z.array(SopStepSchema).min(1, 'templat memerlukan sedikitnya satu tahap').max(98),
  })
  .superRefine(checkTemplate)
export type TemplateInput = z.infer<typeof TemplateInput>

/** A stored version, as a JSON export carries it: the input plus the version the server gave it. */
export const TemplateExport = z
  .strictObject({
    id: TemplateId,
    version: z.int().min(1),
    identity: SopIdentitySchema,
    lanes: z.array(SopLaneSchema).min(1).max(12),
    steps: z.array(SopStepSchema).min(1).max(98),
  })
  .superRefine(checkTemplate)

export const TemplateSave = z.strictObject({
  template: TemplateInput,
  /** Optimistic guard: the version the editor started from (0 for a new template). */
  baseVersion: z.int().min(0),
})
export type TemplateSave = z.infer<typeof TemplateSave>

export interface TemplateVersionDto {
  version: number
  createdAt: string
  createdBy: string
}

export interface TemplateSummaryDto {
  id: string
  name: string
  number: string
  latestVersion: number
  steps: number
  lanes: number
  versions: TemplateVersionDto[]
}

export interface TemplateListDto {
  templates: TemplateSummaryDto[]
}

export interface TemplateDto {
  template: SopTemplate
}

/** Every role (lane) of every template's latest version: what a user's role may be. */
export interface RoleDto {
  id: string
  /** The name the first template (by name) gives it. */
  name: string
  /** True when any template scopes this lane to a unit: its holder then needs a unit. */
  unitScoped: boolean
  /** Names of the templates whose lanes carry this id. */
  templates: string[]
}

export interface RoleListDto {
  roles: RoleDto[]
}
