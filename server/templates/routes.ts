import { Router } from 'express'
import { TemplateId, TemplateSave, type RoleListDto, type TemplateDto, type TemplateListDto } from '../../shared/protocol/templates'
import { AppError } from '../platform/errors'
import { currentAdmin, currentUser } from '../platform/http/middleware'
import type { TemplatesRepository } from './repository'

const VERSION = /^[1-9][0-9]{0,8}$/

export function templatesRoutes({ templates }: { templates: TemplatesRepository }): Router {
  const router = Router()

  router.get('/templates', async (req, res) => {
    currentUser(req)
    res.json({ templates: await templates.list() } satisfies TemplateListDto)
  })

  router.get('/templates/:id/versions/:version', async (req, res) => {
    currentUser(req)
    const { id, version } = req.params
    const wanted = version === 'latest' ? 'latest' : VERSION.test(version) ? Number(version) : null
    const template = TemplateId.safeParse(id).success && wanted !== null ? await templates.get(id, wanted) : null
    if (!template) throw new AppError('NOT_FOUND', 'not_found_template')
    res.json({ template } satisfies TemplateDto)
  })

  router.post('/templates', async (req, res) => {
    const admin = currentAdmin(req)
    const input = TemplateSave.parse(req.body)
    const template = await templates.save(input.template, input.baseVersion, { id: admin.id, name: admin.name })
    res.status(201).json({ template } satisfies TemplateDto)
  })

  router.get('/roles', async (req, res) => {
    currentUser(req)
    res.json({ roles: await templates.roles() } satisfies RoleListDto)
  })

  return router
}
