import { ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { RoleDto, TemplateDto, TemplateListDto, TemplateSave } from '@shared/protocol/templates'
import type { SopTemplate } from '@shared/domain/template'
import { NO_LANE_ROLE } from '@shared/protocol/constants'
import { api } from '../api/http'
import { i18n } from '../i18n'
import { useRemoteList, type LoadStatus } from '../composables/useRemoteList'
import type { ImportIssue, SopDraft } from '@shared/sop/importText'

/** An import on its way to the editor, where the administrator reviews it before saving. */
export interface HeldImport {
  draft: SopDraft
  /** The text importer's findings by line; none for a JSON file. */
  notes: ImportIssue[]
}

/**
 * SOP templates (issue 6): the list with every version, one stored version, saving a new version,
 * the roles (every lane of every template) that users may hold, and an import held for the editor.
 */
export const useTemplatesStore = defineStore('templates', () => {
  const { items: templates, status, error, load } = useRemoteList(
    async () => (await api<TemplateListDto>('GET', '/api/templates')).templates,
    { keepOnRefresh: true },
  )

  const roles = ref<RoleDto[]>([])
  const rolesStatus = ref<LoadStatus>('idle')
  const held = shallowRef<HeldImport | null>(null)
  // A stored version never changes, so one fetch per version serves every later look.
  const versions = new Map<string, SopTemplate>()

  async function loadRoles(): Promise<void> {
    if (rolesStatus.value !== 'ready') rolesStatus.value = 'loading'
    try {
      roles.value = (await api<{ roles: RoleDto[] }>('GET', '/api/roles')).roles
      rolesStatus.value = 'ready'
    } catch {
      // Role names then show as their ids; the pages that need the list show their own retry.
      rolesStatus.value = 'error'
    }
  }

  /** A user's role is a lane id; its name is data of the templates. */
  function roleName(id: string): string {
    if (id === NO_LANE_ROLE) return i18n.global.t('users.noLane')
    return roles.value.find((r) => r.id === id)?.name ?? id
  }

  async function fetchVersion(id: string, version: number | 'latest'): Promise<SopTemplate> {
    const cached = typeof version === 'number' ? versions.get(`${id}@${version}`) : undefined
    if (cached) return cached
    const { template } = await api<TemplateDto>('GET', `/api/templates/${encodeURIComponent(id)}/versions/${version}`)
    versions.set(`${template.id}@${template.version}`, template)
    return template
  }

  /** Throws ApiError: CONFLICT when someone saved a version after `baseVersion`, VALIDATION with the reason. */
  async function save(input: TemplateSave): Promise<SopTemplate> {
    const { template } = await api<TemplateDto>('POST', '/api/templates', input)
    versions.set(`${template.id}@${template.version}`, template)
    // New lanes are new roles; the list shows the new version.
    await Promise.all([load(), loadRoles()])
    return template
  }

  function hold(value: HeldImport): void {
    held.value = value
  }

  /** The held import, once: a later "Baru" opens an empty editor again. */
  function takeHeld(): HeldImport | null {
    const value = held.value
    held.value = null
    return value
  }

  return { templates, status, error, roles, rolesStatus, held, load, loadRoles, roleName, fetchVersion, save, hold, takeHeld }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTemplatesStore, import.meta.hot))
