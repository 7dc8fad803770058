import type { Readable } from 'node:stream'
import { mayAct } from '../../shared/domain/moves'
import type { CardDto, PersonRef } from '../../shared/protocol/board'
import { DOCUMENT_TYPES, type ArchiveDocumentDto, type CycleArchiveDto, type DocumentDto } from '../../shared/protocol/documents'
import { finishedStep, laneOf, type SopTemplate } from '../../shared/domain/template'
import type { Bus } from '../platform/bus'
import type { Clock } from '../platform/clock'
import { AppError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import type { CardRecord } from '../cards/model'
import { toCardDto, toDocumentDto, type CardsRepository } from '../cards/repository'
import { loadCard, type Caller } from '../cards/service'
import type { CyclesRepository } from '../cycles/repository'
import { sanitizeFileName } from './sniff'
import { TooLargeError, type DocumentStorage } from './storage'

export interface DocumentServiceDeps {
  cards: CardsRepository
  cycles: CyclesRepository
  storage: DocumentStorage
  /** An upload or a removal is told as card.updated (every board, the uploader's included). */
  bus: Bus
  clock: Clock
  log: Logger
  maxBytes: number
}

/** A file to attach: its bytes as they arrive, the name the browser gave, and what its sender declared. */
export interface Upload {
  body: Readable
  name: string
  /** Content-Length, when sent: a body declared too large is refused before a byte is stored. */
  declaredBytes: number
  /** Whether the whole body has arrived (a body cut short stores nothing). */
  isComplete: () => boolean
}

const OBJECT_ID = /^[0-9a-f]{24}$/i

/**
 * Documents: a step's Output as a file, stored in GridFS and listed on the card. Who may attach
 * and remove, the record on the card and its fact; no HTTP (server/documents/routes.ts is the
 * adapter).
 */
export function createDocumentService(deps: DocumentServiceDeps) {
  const { cards, cycles, storage, bus, clock, maxBytes } = deps
  const log = deps.log.child({ component: 'documents' })

  const load = (cardId: string) => loadCard(deps, cardId)

  function told(card: CardRecord, template: SopTemplate): CardDto {
    const dto = toCardDto(card, template)
    bus.publish('card.updated', { card: dto })
    return dto
  }

  const unrecorded = (id: string) => (err: unknown) => log.error({ err, fileId: id }, 'could not delete an unrecorded upload')

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

  return {
    locate,

    /** Stores the file and lists it on the card, if the caller holds the card and it is still in the step it was sent for. */
    async attach(caller: Caller, cardId: string, upload: Upload): Promise<{ document: DocumentDto; card: CardDto }> {
      const { card, template } = await load(cardId)
      const refusal = mayAct(template, caller, { step: card.step, lane: card.lane, unitId: card.unit?.id ?? '' })
      if (refusal) {
        const unit = card.unit?.shortName ?? ''
        throw refusal === 'not_your_unit'
          ? new AppError('FORBIDDEN', 'document_not_your_unit', { unit })
          : new AppError('FORBIDDEN', 'document_not_your_lane', { unit, lane: laneOf(template, card.lane)?.name ?? card.lane })
      }
      if (card.step >= finishedStep(template)) throw new AppError('VALIDATION', 'document_finished')
      if (Number.isFinite(upload.declaredBytes) && upload.declaredBytes > maxBytes) throw new TooLargeError(maxBytes)
      if (upload.name.length > 1000) throw new AppError('VALIDATION', 'document_name_too_long')

      const step = card.step
      const by: PersonRef = { id: caller.id, name: caller.name }
      const stored = await storage.store(upload.body, upload.name.slice(0, 200), { cycleId: String(card.cycleId), cardId, step, userId: caller.id }, maxBytes, upload.isComplete)
      const doc = {
        id: String(stored.id),
        step,
        name: sanitizeFileName(upload.name, stored.kind),
        type: DOCUMENT_TYPES[stored.kind].mime,
        size: stored.size,
        at: clock(),
        by,
      }
      let updated: CardRecord | null
      try {
        updated = await cards.addDocument(cardId, step, doc)
      } catch (err) {
        await storage.remove(stored.id).catch(unrecorded(doc.id))
        throw err
      }
      if (!updated) {
        await storage.remove(stored.id).catch(unrecorded(doc.id))
        throw new AppError('STALE', 'document_card_moved')
      }
      const dto = told(updated, template)
      log.info({ event: 'document:uploaded', cardId, fileId: doc.id, userId: caller.id, step, type: doc.type, size: doc.size }, 'document uploaded')
      return { document: toDocumentDto(doc), card: dto }
    },

    /** Takes the document off its card (its uploader or an administrator), then deletes the file. */
    async remove(caller: Caller, id: string): Promise<CardDto> {
      const { card, entry, template } = await locate(id)
      await cycles.writableTemplateOf(String(card.cycleId), new AppError('NOT_FOUND', 'not_found_document'))
      if (!caller.isAdmin && entry.by?.id !== caller.id) throw new AppError('FORBIDDEN', 'document_delete_forbidden')
      const cardId = String(card._id)
      // The card first: once it no longer lists the file nobody can reach it, so a failure to delete
      // the file afterwards leaves an unreachable file (logged), never a listed one that is gone.
      const updated = await cards.removeDocument(cardId, id, { id: caller.id, name: caller.name }, clock())
      if (!updated) throw new AppError('NOT_FOUND', 'not_found_card')
      await storage.remove(id).catch((err: unknown) => log.error({ err, fileId: id }, 'could not delete a removed document'))
      const dto = told(updated, template)
      log.info({ event: 'document:deleted', cardId, fileId: id, userId: caller.id }, 'document deleted')
      return dto
    },

    /** The quarter's archive: the documents filed at the SOP's last step ("Menyimpan dokumen") on every card. */
    async archive(cycleId: string): Promise<CycleArchiveDto> {
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
      return { cycleId, step, documents }
    },
  }
}
export type DocumentService = ReturnType<typeof createDocumentService>
