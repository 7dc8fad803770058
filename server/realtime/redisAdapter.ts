import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import type { Logger } from '../platform/logger'
import type { IoServer } from './io'

export interface RedisAdapterOptions {
  url: string
  /** Prefix of the adapter's pub/sub channels; nodes of one installation must share it. */
  key?: string
}

/**
 * Lets several nodes share broadcasts, room queries (fetchSockets) and disconnectSockets through
 * Redis pub/sub. Redis is a helper, not a dependency of a node's own clients: while it is away a
 * node keeps serving the sockets connected to it, logs the outage once, and the clients reconnect
 * and resubscribe by themselves when it is back. Returns the closer for app.close().
 */
export function attachRedisAdapter(io: IoServer, opts: RedisAdapterOptions, parentLog: Logger): () => Promise<void> {
  const log = parentLog.child({ component: 'redis' })
  const pub = createClient({
    url: opts.url,
    // A publish while Redis is away fails at once instead of piling up in memory and arriving
    // minutes late; the node has already delivered the broadcast to its own sockets.
    disableOfflineQueue: true,
  })
  // The subscriber keeps its offline queue: subscriptions made while Redis is down wait for it.
  const sub = pub.duplicate({ disableOfflineQueue: false })

  for (const [name, client] of [['pub', pub], ['sub', sub]] as const) {
    let up = false
    let firstError = true
    client.on('ready', () => {
      up = true
      firstError = true
      log.info({ client: name }, 'redis connected')
    })
    // Without an 'error' listener the client's errors would crash the process; while it retries
    // it reports every failed attempt, so only the first of an outage is logged as an error.
    client.on('error', (err: unknown) => {
      if (up || firstError) log.error({ err, client: name }, 'redis connection lost; serving this node\'s clients only')
      else log.debug({ err, client: name }, 'redis still unavailable')
      up = false
      firstError = false
    })
  }

  // The adapter publishes, subscribes and unsubscribes without handling the promises; one
  // refused while Redis is away (or cut short by close) must not become an unhandled rejection,
  // which would end the process. Callers that await (the room queries) still see the error.
  function guarded<C extends object>(client: C): C {
    return new Proxy(client, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target)
        if (typeof value !== 'function') return value
        const fn = value as (...args: unknown[]) => unknown
        return (...args: unknown[]) => {
          const result = fn.apply(target, args)
          if (result instanceof Promise) {
            result.catch((err: unknown) => log.debug({ err, command: String(prop) }, 'redis command failed'))
          }
          return result
        }
      },
    })
  }
  const guardedPub = guarded(pub)
  const guardedSub = guarded(sub)

  io.adapter(createAdapter(guardedPub, guardedSub, { key: opts.key ?? 'papan-sop' }))

  // Connecting in the background: a node starts (and serves its own clients) even when Redis is
  // not up yet; the clients keep retrying.
  let closing = false
  const connected = Promise.all([pub.connect(), sub.connect()]).catch((err: unknown) => {
    if (!closing) log.error({ err }, 'redis connect failed')
  })

  return async () => {
    closing = true
    await Promise.all(
      [pub, sub].map(async (client) => {
        if (!client.isOpen) return
        // close() waits for the commands in flight (the adapter's last unsubscribes); a client
        // still retrying a lost Redis has nothing to wait for and would wait forever.
        if (client.isReady) await client.close().catch(() => client.destroy())
        else client.destroy()
      }),
    )
    await connected
  }
}
