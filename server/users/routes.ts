import { Router } from 'express'
import type { RoleDto } from '../../shared/protocol/templates'
import { TEMPORARY_PASSWORD_HOURS, UserActive, UserCreate, UserEdit, type PasswordResetDto, type PersonDto } from '../../shared/protocol/users'
import { NO_LANE_ROLE } from '../../shared/protocol/constants'
import { temporaryPassword } from '../auth/passwords'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/logger'
import { AppError } from '../platform/errors'
import { currentAdmin, currentUser } from '../platform/http/middleware'
import type { TemplatesRepository } from '../templates/repository'
import type { UsersRepository } from './repository'

interface UsersDeps {
  users: UsersRepository
  templates: TemplatesRepository
  /** Ends the user's sessions and open sockets, so a deactivation or a password reset takes effect at once. */
  endSessions: (userId: string) => Promise<void>
  /** Clears the login limits' counters of the account (server/auth/rateLimit.ts). */
  onUnlock: (username: string) => void
  /** The account's role or rights changed: its open sockets reconnect with them. */
  onChanged: (userId: string) => void
  clock: Clock
  log: Logger
}

/**
 * Roles are the lanes of the templates' latest versions; unit heads must name their unit. An
 * administrator may instead hold no lane (NO_LANE_ROLE).
 */
export async function checkRole(templates: TemplatesRepository, role: string, unitId: string | null | undefined, isAdmin: boolean | undefined): Promise<RoleDto> {
  if (role === NO_LANE_ROLE) {
    if (!isAdmin) throw new AppError('VALIDATION', 'role_admin_only')
    return { id: NO_LANE_ROLE, name: NO_LANE_ROLE, unitScoped: false, templates: [] }
  }
  const found = await templates.roleOf(role)
  if (!found) throw new AppError('VALIDATION', 'role_unknown', { role: role.slice(0, 100) })
  if (found.unitScoped && !unitId) throw new AppError('VALIDATION', 'unit_required', { role: found.name })
  return found
}

export function usersRoutes({ users, templates, endSessions, onUnlock, onChanged, clock, log }: UsersDeps): Router {
  const router = Router()

  router.get('/users', async (req, res) => {
    currentAdmin(req)
    res.json({ users: await users.list() })
  })

  // Whom a note can mention (@username): every signed-in person may know their colleagues' names.
  router.get('/people', async (req, res) => {
    currentUser(req)
    const people: PersonDto[] = (await users.activePeople()).map(({ username, name, role, unitId }) => ({ username, name, role, unitId }))
    res.json({ people })
  })

  router.post('/users', async (req, res) => {
    currentAdmin(req)
    const input = UserCreate.parse(req.body)
    const role = await checkRole(templates, input.role, input.unitId, input.isAdmin)
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
    if (!active) await endSessions(user.id)
    res.json({ user })
  })

  router.put('/users/:id', async (req, res) => {
    const admin = currentAdmin(req)
    const input = UserEdit.parse(req.body)
    const id = String(req.params.id)
    // The last word on who administers stays with someone: one cannot take one's own rights away.
    if (id === admin.id && !input.isAdmin) throw new AppError('FORBIDDEN', 'self_demote')
    const role = await checkRole(templates, input.role, input.unitId, input.isAdmin)
    const before = await users.findById(id)
    if (!before) throw new AppError('NOT_FOUND', 'not_found_user')
    const user = await users.update(id, { ...input, nip: input.nip ?? '', isAdmin: input.isAdmin ?? false, unitId: role.unitScoped ? (input.unitId ?? null) : null })
    const changed = (['name', 'nip', 'role', 'unitId', 'isAdmin'] as const).filter((k) => before[k] !== user[k])
    log.info({ event: 'user:edited', userId: user.id, by: admin.id, changed }, 'user edited by an administrator')
    if (changed.length) onChanged(user.id)
    res.json({ user })
  })

  /**
   * A forgotten password: a temporary one, shown to the administrator once, valid for
   * TEMPORARY_PASSWORD_HOURS and only to choose a new one at the next sign-in. The account's
   * sessions end: whoever was signed in with the old password is out.
   */
  router.post('/users/:id/password-reset', async (req, res) => {
    const admin = currentAdmin(req)
    const password = temporaryPassword()
    const expiresAt = new Date(clock().getTime() + TEMPORARY_PASSWORD_HOURS * 3600_000)
    const user = await users.setTemporaryPassword(String(req.params.id), password, expiresAt)
    await endSessions(user.id)
    log.info({ event: 'user:password_reset', userId: user.id, by: admin.id, expiresAt }, 'password reset by an administrator')
    res.json({ user, temporaryPassword: password, expiresAt: expiresAt.toISOString() } satisfies PasswordResetDto)
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
