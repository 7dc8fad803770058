import { isDuplicateKey } from '../platform/db/duplicateKey'
import type { PersonRef } from '../../shared/protocol/board'
import type { RoleDto, TemplateInput, TemplateSummaryDto } from '../../shared/protocol/templates'
import type { SopTemplate } from '../../shared/domain/template'
import type { Clock } from '../platform/clock'
import { AppError } from '../platform/errors'
import type { TemplateModel } from './model'

/** Who "saved" the version the server seeds itself. */
const SHIPPED_BY = 'Bawaan Papan SOP'

interface VersionMeta {
  templateId: string
  version: number
  createdAt: Date
  createdBy: { name: string }
}

function byName(a: SopTemplate, b: SopTemplate): number {
  return a.identity.name.localeCompare(b.identity.name, 'id') || a.id.localeCompare(b.id)
}

/**
 * Every lane of the given templates as a role, by lane id: the first template (by name) names it,
 * and it is unit-scoped if any template scopes it, because a holder without a unit could never
 * act in a template that does.
 */
export function rolesOf(templates: SopTemplate[]): RoleDto[] {
  const roles = new Map<string, RoleDto>()
  for (const template of [...templates].sort(byName)) {
    for (const lane of template.lanes) {
      const role = roles.get(lane.id)
      if (!role) roles.set(lane.id, { id: lane.id, name: lane.name, unitScoped: lane.unitScoped, templates: [template.identity.name] })
      else {
        role.unitScoped ||= lane.unitScoped
        if (!role.templates.includes(template.identity.name)) role.templates.push(template.identity.name)
      }
    }
  }
  return [...roles.values()]
}

export function createTemplatesRepository(Template: TemplateModel, clock: Clock) {
  // A stored version never changes, so once read it can be kept.
  const versions = new Map<string, SopTemplate>()
  // The role list for user forms: refreshed on this node's saves, and on a miss, since another
  // node may have saved a template with a new lane.
  let roles: RoleDto[] | undefined

  async function versionOf(id: string, version: number): Promise<SopTemplate | null> {
    const key = `${id}@${version}`
    const cached = versions.get(key)
    if (cached) return cached
    const doc = await Template.findOne({ templateId: { $eq: id }, version: { $eq: version } }, { template: 1 }).lean()
    if (!doc) return null
    const template = doc.template as SopTemplate
    versions.set(key, template)
    return template
  }

  async function latestVersionOf(id: string): Promise<number> {
    const doc = await Template.findOne({ templateId: { $eq: id } }, { version: 1 }).sort({ version: -1 }).lean()
    return doc?.version ?? 0
  }

  /** Every version's metadata, grouped by template, newest version first. */
  async function versionsByTemplate(): Promise<Map<string, VersionMeta[]>> {
    const metas = await Template.find({}, { templateId: 1, version: 1, createdAt: 1, createdBy: 1 })
      .sort({ templateId: 1, version: -1 })
      .lean<VersionMeta[]>()
    const grouped = new Map<string, VersionMeta[]>()
    for (const meta of metas) grouped.set(meta.templateId, [...(grouped.get(meta.templateId) ?? []), meta])
    return grouped
  }

  async function latestTemplates(grouped: Map<string, VersionMeta[]>): Promise<SopTemplate[]> {
    const latest = await Promise.all([...grouped].map(([id, metas]) => versionOf(id, metas[0]?.version ?? 0)))
    return latest.filter((t) => t !== null).sort(byName)
  }

  async function loadRoles(): Promise<RoleDto[]> {
    roles = rolesOf(await latestTemplates(await versionsByTemplate()))
    return roles
  }

  return {
    /** Stores the shipped template once; of two nodes starting together, one insert wins. */
    async seed(template: SopTemplate): Promise<void> {
      if (await Template.exists({ templateId: { $eq: template.id } })) return
      try {
        await Template.create({ templateId: template.id, version: template.version, template, createdBy: { id: null, name: SHIPPED_BY }, createdAt: clock() })
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    },

    /** The templates by name, each with its versions (newest first) and its latest version's numbers. */
    async list(): Promise<TemplateSummaryDto[]> {
      const grouped = await versionsByTemplate()
      return (await latestTemplates(grouped)).map((t) => ({
        id: t.id,
        name: t.identity.name,
        number: t.identity.number,
        latestVersion: t.version,
        steps: t.steps.length,
        lanes: t.lanes.length,
        versions: (grouped.get(t.id) ?? []).map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), createdBy: v.createdBy.name })),
      }))
    },

    async get(id: string, version: number | 'latest'): Promise<SopTemplate | null> {
      const wanted = version === 'latest' ? await latestVersionOf(id) : version
      return wanted > 0 ? versionOf(id, wanted) : null
    },

    /**
     * Adds version n + 1 when `baseVersion` (what the editor started from; 0 for a new template)
     * is still the latest. The unique index settles two saves on the same base.
     */
    async save(input: TemplateInput, baseVersion: number, by: PersonRef): Promise<SopTemplate> {
      const latest = await latestVersionOf(input.id)
      if (baseVersion === 0 && latest > 0) throw new AppError('CONFLICT', 'template_id_taken', { id: input.id })
      if (baseVersion !== latest) throw new AppError('CONFLICT', 'template_overtaken')
      const template: SopTemplate = { id: input.id, version: latest + 1, identity: input.identity, lanes: input.lanes, steps: input.steps }
      try {
        await Template.create({ templateId: template.id, version: template.version, template, createdBy: by, createdAt: clock() })
      } catch (err) {
        if (isDuplicateKey(err)) throw new AppError('CONFLICT', 'template_overtaken')
        throw err
      }
      versions.set(`${template.id}@${template.version}`, template)
      roles = undefined
      return template
    },

    /** Every role of every template's latest version, read afresh. */
    roles: loadRoles,

    /** The role a user may be given, or undefined when no template's latest version has that lane. */
    async roleOf(id: string): Promise<RoleDto | undefined> {
      const find = (list: RoleDto[]) => list.find((r) => r.id === id)
      return (roles && find(roles)) ?? find(await loadRoles())
    },

    /** Builds the unique index before the first save relies on it. */
    async init(): Promise<void> {
      await Template.init()
    },
  }
}
export type TemplatesRepository = ReturnType<typeof createTemplatesRepository>
