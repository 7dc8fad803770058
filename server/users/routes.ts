import { Router } from 'express'
import type { RoleDto } from '../../shared/protocol/templates'
import { UserActive, UserCreate } from '../../shared/protocol/users'
import { AppError } from '../platform/errors'
import { currentAdmin } from '../platform/http/middleware'
import type { TemplatesRepository } from '../templates/repository'
import type { UsersRepository } from './repository'

interface UsersDeps {
  users: UsersRepository
  templates: TemplatesRepository
  /** Ends the user's sessions and open sockets, so a deactivation takes effect at once. */
  onDeactivated: (userId: string) => Promise<void>
  /** Clears the login limits' counters of the account (server/auth/rateLimit.ts). */
  onUnlock: (username: string) => void
}

/** Roles are the lanes of the templates' latest versions; unit heads must name their unit. */
export async function checkRole(templates: TemplatesRepository, role: string, unitId: string | null | undefined): Promise<RoleDto> {
  const found = await templates.roleOf(role)
  if (!found) throw new AppError('VALIDATION', 'role_unknown', { role: role.slice(0, 100) })
  if (found.unitScoped && !unitId) throw new AppError('VALIDATION', 'unit_required', { role: found.name })
  return found
}

export function usersRoutes({ users, templates, onDeactivated, onUnlock }: UsersDeps): Router {
  const router = Router()

  router.get('/users', async (req, res) => {
    currentAdmin(req)
    res.json({ users: await users.list() })
  })

  router.post('/users', async (req, res) => {
    currentAdmin(req)
    const input = UserCreate.parse(req.body)
    const role = await checkRole(templates, input.role, input.unitId)
    const user = await users.create({ ...input, unitId: role.unitScoped ? input.unitId : null })
    res.status(201).json({ user })
  })

  router.patch('/users/:id', async (req, res) => {
    const admin = currentAdmin(req)
    const { active } = UserActive.parse(req.body)
    if (req.params.id === admin.id && !active) {
      throw new AppError('FORBIDDEN', 'self_deactivate')
    }
    const user = await users.setActive(String(req.params.id), active)
    if (!active) await onDeactivated(user.id)
    res.json({ user })
  })

  // For an owner kept out by failed logins from places the account never signed in from.
  router.post('/users/:id/unlock', async (req, res) => {
    currentAdmin(req)
    const user = await users.findById(String(req.params.id))
    if (!user) throw new AppError('NOT_FOUND', 'not_found_user')
    onUnlock(user.username)
    res.json({ user })
  })

  return router
}
