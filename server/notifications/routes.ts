import { Router } from 'express'
import { NotificationsRead } from '../../shared/protocol/notifications'
import { currentUser } from '../platform/http/middleware'
import type { NotificationsRepository } from './repository'

export function notificationsRoutes({ notifications }: { notifications: NotificationsRepository }): Router {
  const router = Router()

  router.get('/notifications', async (req, res) => {
    res.json(await notifications.listFor(currentUser(req).id))
  })

  router.post('/notifications/read', async (req, res) => {
    const user = currentUser(req)
    const input = NotificationsRead.parse(req.body)
    res.json({ unread: await notifications.markRead(user.id, 'ids' in input ? input.ids : undefined) })
  })

  return router
}
