import { Router, type NextFunction, type Request, type Response } from 'express'
import { DOCUMENT_TYPES, type CycleArchiveDto, type DocumentKind } from '../../shared/protocol/documents'
import { AppError } from '../platform/errors'
import { currentUser } from '../platform/http/middleware'
import type { Logger } from '../platform/logger'
import type { DocumentService } from './service'
import { TooLargeError, UploadAbortedError, type DocumentStorage } from './storage'

const OBJECT_ID = /^[0-9a-f]{24}$/i

function paramId(req: Request, name: string, notFound: 'not_found_card' | 'not_found_document' | 'not_found_cycle'): string {
  const value = req.params[name]
  if (typeof value !== 'string' || !OBJECT_ID.test(value)) throw new AppError('NOT_FOUND', notFound)
  return value
}

/** `filename*` (RFC 6266/5987) for any name, with a plain ASCII `filename` for old clients. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

const KINDS_BY_MIME = new Map(Object.entries(DOCUMENT_TYPES).map(([kind, t]) => [t.mime as string, kind as DocumentKind]))

/**
 * The documents over HTTP: parse, call the document service as the signed-in user, answer.
 *
 * The upload is the raw request body (`POST /api/cards/:cardId/documents?name=<file name>`), not
 * multipart: one file per request needs no parser, streams straight into GridFS, and the
 * browser's XMLHttpRequest still reports upload progress and can be cancelled.
 */
export function documentsRoutes(deps: { documents: DocumentService; storage: DocumentStorage; log: Logger; maxBytes: number }): Router {
  const { documents, storage, maxBytes } = deps
  const log = deps.log.child({ component: 'documents' })
  const router = Router()

  router.post('/cards/:cardId/documents', async (req, res) => {
    const user = currentUser(req)
    const cardId = paramId(req, 'cardId', 'not_found_card')
    const name = typeof req.query.name === 'string' ? req.query.name : ''
    const upload = { body: req, name, declaredBytes: Number(req.headers['content-length']), isComplete: () => req.complete }
    res.status(201).json(await documents.attach(user, cardId, upload))
  })

  router.get('/documents/:id', async (req, res) => {
    // A session is required: every signed-in user may see every cycle today. A wall display's
    // token or an anonymous request has no session and is refused here.
    currentUser(req)
    const { file, entry } = await documents.locate(paramId(req, 'id', 'not_found_document'))
    const type = KINDS_BY_MIME.has(entry.type ?? '') ? (entry.type as string) : 'application/octet-stream'
    res.setHeader('Content-Type', type)
    res.setHeader('Content-Length', String(file.length))
    res.setHeader('Content-Disposition', contentDisposition(entry.name ?? 'dokumen'))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
    res.setHeader('Cache-Control', 'private, no-store')
    const stream = storage.openDownload(file._id)
    stream.on('error', (err) => {
      log.error({ err, fileId: String(file._id) }, 'document download failed')
      res.destroy(err)
    })
    stream.pipe(res)
  })

  router.delete('/documents/:id', async (req, res) => {
    const user = currentUser(req)
    res.json({ card: await documents.remove(user, paramId(req, 'id', 'not_found_document')) })
  })

  router.get('/cycles/:id/documents', async (req, res) => {
    currentUser(req)
    const body: CycleArchiveDto = await documents.archive(paramId(req, 'id', 'not_found_cycle'))
    res.json(body)
  })

  // Refusals of an upload: too large is 413; and the rest of a refused body is read and dropped,
  // so the browser receives the answer instead of a connection reset.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (err instanceof UploadAbortedError || (req.method === 'POST' && !req.complete && req.destroyed)) {
      log.info({ path: req.path, userId: req.user?.id }, 'upload aborted by the client; nothing stored')
      return
    }
    if (req.method === 'POST' && !req.complete) drain(req, maxBytes)
    if (err instanceof TooLargeError) {
      log.warn({ path: req.path, userId: req.user?.id, code: err.code, reason: err.reason, params: err.params }, 'upload refused')
      res.status(413).json({ error: err.body })
      return
    }
    next(err)
  })

  return router
}

/** Reads and drops the rest of a refused upload, up to a bound; beyond it the connection is cut. */
function drain(req: Request, maxBytes: number) {
  let dropped = 0
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > 4 * maxBytes + 1024 * 1024) req.socket.destroy()
  })
  req.on('error', () => undefined)
  req.resume()
}
