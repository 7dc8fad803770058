import type { Connection } from 'mongoose'
import { cardModel } from '../cards/model'
import type { ChainBreak } from './chain'
import { cardEventModel } from './model'
import { createLedger } from './repository'
import { boardStampModel, createBoardCache } from '../cards/boardCache'
import { createCardsRepository } from '../cards/repository'

export interface AuditReport {
  cards: number
  events: number
  /** The first broken link of each card whose chain does not hold; empty when all hold. */
  breaks: ChainBreak[]
  checkedAt: string
}

/**
 * Checks every card's chain of events from its first event, and that each card document stands at
 * its chain's head: an edited event no longer matches its hash, a deleted one leaves a gap, a link
 * that points nowhere, or a head the document names but the ledger lacks.
 */
export async function auditLedger(db: Connection): Promise<AuditReport> {
  const ledger = createLedger(cardEventModel(db))
  const Card = cardModel(db)
  const cards = createCardsRepository(Card, ledger, createBoardCache(Card, boardStampModel(db)))
  const result = await ledger.verify(await cards.heads())
  return { ...result, checkedAt: new Date().toISOString() }
}
