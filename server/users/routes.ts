import { Router } from 'express'
import { UserActive, UserCreate } from '../../shared/schemas/users'
import { laneOf, type SopTemplate } from '../../shared/sop/template'
import { AppError } from '../errors'
import { currentAdmin } from '../http/middleware'
import type { UsersRepository } from './repository'

interface UsersDeps {
  users: UsersRepository
  template: SopTemplate
  /** Ends the user's sessions and open sockets, so a deactivation takes effect at once. */
  onDeactivated: (userId: string) => Promise<void>
}

/** Roles are the template's lanes; unit heads must name their unit. */
export function checkRole(template: SopTemplate, role: string, unitId: string | null | undefined): void {
  const lane = laneOf(template, role)
  if (!lane) throw new AppError('VALIDATION', `Peran "${role}" tidak ada pada SOP.`)
  if (lane.unitScoped && !unitId) throw new AppError('VALIDATION', `${lane.name} harus memilih unitnya.`)
}

export function usersRoutes({ users, template, onDeactivated }: UsersDeps): Router {
  const router = Router()

  router.get('/users', async (req, res) => {
    currentAdmin(req)
    res.json({ users: await users.list() })
  })

  router.post('/users', async (req, res) => {
    currentAdmin(req)
    const input = UserCreate.parse(req.body)
    checkRole(template, input.role, input.unitId)
    const lane = laneOf(template, input.role)
    const user = await users.create({ ...input, unitId: lane?.unitScoped ? input.unitId : null })
    res.status(201).json({ user })
  })

  router.patch('/users/:id', async (req, res) => {
    const admin = currentAdmin(req)
    const { active } = UserActive.parse(req.body)
    if (req.params.id === admin.id && !active) {
      throw new AppError('FORBIDDEN', 'Anda tidak dapat menonaktifkan akun Anda sendiri.')
    }
    const user = await users.setActive(String(req.params.id), active)
    if (!active) await onDeactivated(user.id)
    res.json({ user })
  })

  return router
}
