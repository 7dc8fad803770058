import path from 'node:path'
import { z } from 'zod'
import { UNDO_WINDOW_SECONDS } from '../../shared/protocol/constants'

/** Every environment variable the server reads; the README's configuration table mirrors this. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  MONGODB_URI: z.string().optional(),
  FERRETDB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.string().default('loopback'),
  DOCUMENT_MAX_MB: z.coerce.number().positive().max(1024).default(10),
  UNDO_WINDOW_SECONDS: z.coerce.number().min(0).max(3600).default(UNDO_WINDOW_SECONDS),
  BACKUP_TOKEN: z.string().min(24, 'must be at least 24 characters (e.g. openssl rand -hex 32)').optional().or(z.literal('')),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional().or(z.literal('')),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  mongoUri: string | undefined
  ferretdbPort: number
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
  sessionIdleMs: number
  cookieSecure: 'auto' | boolean
  trustProxy: string
  documentMaxBytes: number
  /** How long after a move its mover may undo it; 0 turns undo off. */
  undoWindowMs: number
  /** Lets `npm run backup` fetch GET /api/admin/backup with `Authorization: Bearer <token>`. */
  backupToken: string | undefined
  /** Several nodes share broadcasts through this Redis; unset, nothing connects to Redis. */
  redisUrl: string | undefined
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    mongoUri: e.MONGODB_URI || undefined,
    ferretdbPort: e.FERRETDB_PORT,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    documentMaxBytes: Math.floor(e.DOCUMENT_MAX_MB * 1024 * 1024),
    undoWindowMs: Math.round(e.UNDO_WINDOW_SECONDS * 1000),
    backupToken: e.BACKUP_TOKEN || undefined,
    redisUrl: e.REDIS_URL || undefined,
  }
}
