import { Router, type NextFunction, type Request, type Response } from 'express'
import { mayAct } from '../../shared/domain/moves'
import type { PersonRef } from '../../shared/protocol/board'
import { DOCUMENT_TYPES, type ArchiveDocumentDto, type CycleArchiveDto, type DocumentKind } from '../../shared/protocol/documents'
import { finishedStep, laneOf, type SopTemplate } from '../../shared/domain/template'
import type { Clock } from '../platform/clock'
import type { CardRecord } from '../cards/model'
import { toCardDto, toDocumentDto, type CardsRepository } from '../cards/repository'
import type { CyclesRepository } from '../cycles/repository'
import { AppError } from '../platform/errors'
import { currentUser } from '../platform/http/middleware'
import type { Logger } from '../platform/logger'
import type { Bus } from '../platform/bus'
import { sanitizeFileName } from './sniff'
import { TooLargeError, UploadAbortedError, type DocumentStorage } from './storage'

interface DocumentsDeps {
  cards: CardsRepository
  cycles: CyclesRepository
  storage: DocumentStorage
  /** An upload or a removal is told as card.updated (every board, the uploader's included). */
  bus: Bus
  clock: Clock
  log: Logger
  maxBytes: number
}

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
 * Documents: a step's Output as a file, stored in GridFS and listed on the card.
 *
 * The upload is the raw request body (`POST /api/cards/:cardId/documents?name=<file name>`), not
 * multipart: one file per request needs no parser, streams straight into GridFS, and the
 * browser's XMLHttpRequest still reports upload progress and can be cancelled.
 */
export function documentsRoutes(deps: DocumentsDeps): Router {
  const { cards, cycles, storage, bus, clock, maxBytes } = deps
  const log = deps.log.child({ component: 'documents' })
  const router = Router()

  async function load(cardId: string): Promise<{ card: CardRecord; template: SopTemplate }> {
    const card = await cards.findById(cardId)
    const template = card && (await cycles.templateOf(String(card.cycleId)))
    if (!card || !template) throw new AppError('NOT_FOUND', 'not_found_card')
    return { card, template }
  }

  function broadcast(card: CardRecord, template: SopTemplate) {
    const dto = toCardDto(card, template)
    bus.publish('card.updated', { card: dto })
    return dto
  }

  router.post('/cards/:cardId/documents', async (req, res) => {
    const user = currentUser(req)
    const cardId = paramId(req, 'cardId', 'not_found_card')
    const { card, template } = await load(cardId)
    const refusal = mayAct(template, user, { step: card.step, lane: card.lane, unitId: card.unit?.id ?? '' })
    if (refusal) {
      const unit = card.unit?.shortName ?? ''
      throw refusal === 'not_your_unit'
        ? new AppError('FORBIDDEN', 'document_not_your_unit', { unit })
        : new AppError('FORBIDDEN', 'document_not_your_lane', { unit, lane: laneOf(template, card.lane)?.name ?? card.lane })
    }
    if (card.step >= finishedStep(template)) throw new AppError('VALIDATION', 'document_finished')
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBytes) throw new TooLargeError(maxBytes)
    const rawName = typeof req.query.name === 'string' ? req.query.name : ''
    if (rawName.length > 1000) throw new AppError('VALIDATION', 'document_name_too_long')

    const step = card.step
    const by: PersonRef = { id: user.id, name: user.name }
    const stored = await storage.store(req, rawName.slice(0, 200), { cycleId: String(card.cycleId), cardId, step, userId: user.id }, maxBytes, () => req.complete)
    const doc = {
      id: String(stored.id),
      step,
      name: sanitizeFileName(rawName, stored.kind),
      type: DOCUMENT_TYPES[stored.kind].mime,
      size: stored.size,
      at: clock(),
      by,
    }
    let updated: CardRecord | null
    try {
      updated = await cards.addDocument(cardId, step, doc)
    } catch (err) {
      await storage.remove(stored.id).catch((e: unknown) => log.error({ err: e, fileId: doc.id }, 'could not delete an unrecorded upload'))
      throw err
    }
    if (!updated) {
      await storage.remove(stored.id).catch((e: unknown) => log.error({ err: e, fileId: doc.id }, 'could not delete an unrecorded upload'))
      throw new AppError('STALE', 'document_card_moved')
    }
    const dto = broadcast(updated, template)
    log.info({ event: 'document:uploaded', cardId, fileId: doc.id, userId: user.id, step, type: doc.type, size: doc.size }, 'document uploaded')
    res.status(201).json({ document: toDocumentDto(doc), card: dto })
  })

  /** The document's place: its file, and the card that lists it (so an unrecorded file is never served). */
  async function locate(id: string) {
    const file = await storage.find(id)
    const cardId = typeof file?.metadata?.cardId === 'string' ? file.metadata.cardId : ''
    const card = file && OBJECT_ID.test(cardId) ? await cards.findById(cardId) : null
    const entry = card?.documents?.find((d) => d.id === id)
    const template = card && (await cycles.templateOf(String(card.cycleId)))
    if (!file || !card || !entry || !template) throw new AppError('NOT_FOUND', 'not_found_document')
    return { file, card, entry, template }
  }

  router.get('/documents/:id', async (req, res) => {
    // A session is required: every signed-in user may see every cycle today. A wall display's
    // token or an anonymous request has no session and is refused here.
    currentUser(req)
    const id = paramId(req, 'id', 'not_found_document')
    const { file, entry } = await locate(id)
    const type = KINDS_BY_MIME.has(entry.type ?? '') ? (entry.type as string) : 'application/octet-stream'
    res.setHeader('Content-Type', type)
    res.setHeader('Content-Length', String(file.length))
    res.setHeader('Content-Disposition', contentDisposition(entry.name ?? 'dokumen'))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
    res.setHeader('Cache-Control', 'private, no-store')
    const stream = storage.openDownload(file._id)
    stream.on('error', (err) => {
      log.error({ err, fileId: id }, 'document download failed')
      res.destroy(err)
    })
    stream.pipe(res)
  })

  router.delete('/documents/:id', async (req, res) => {
    const user = currentUser(req)
    const id = paramId(req, 'id', 'not_found_document')
    const { card, entry, template } = await locate(id)
    if (!user.isAdmin && entry.by?.id !== user.id) {
      throw new AppError('FORBIDDEN', 'document_delete_forbidden')
    }
    const cardId = String(card._id)
    // The card first: once it no longer lists the file nobody can reach it, so a failure to delete
    // the file afterwards leaves an unreachable file (logged), never a listed one that is gone.
    const updated = await cards.removeDocument(cardId, id, { id: user.id, name: user.name }, clock())
    if (!updated) throw new AppError('NOT_FOUND', 'not_found_card')
    await storage.remove(id).catch((err: unknown) => log.error({ err, fileId: id }, 'could not delete a removed document'))
    const dto = broadcast(updated, template)
    log.info({ event: 'document:deleted', cardId, fileId: id, userId: user.id }, 'document deleted')
    res.json({ card: dto })
  })

  /** The quarter's archive: the documents filed at the SOP's last step ("Menyimpan dokumen") on every card. */
  router.get('/cycles/:id/documents', async (req, res) => {
    currentUser(req)
    const cycleId = paramId(req, 'id', 'not_found_cycle')
    const template = await cycles.templateOf(cycleId)
    if (!template) throw new AppError('NOT_FOUND', 'not_found_cycle')
    const step = template.steps.at(-1)?.no ?? 0
    const documents: ArchiveDocumentDto[] = []
    for (const card of await cards.listForCycle(cycleId)) {
      const unit = { id: card.unit?.id ?? '', name: card.unit?.name ?? '', shortName: card.unit?.shortName ?? '' }
      for (const d of card.documents ?? []) {
        if (d.step === step) documents.push({ ...toDocumentDto(d), cardId: String(card._id), unit })
      }
    }
    documents.sort((a, b) => a.unit.shortName.localeCompare(b.unit.shortName) || a.at.localeCompare(b.at))
    const body: CycleArchiveDto = { cycleId, step, documents }
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
