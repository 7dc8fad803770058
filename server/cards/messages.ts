import type { ErrorParams } from '../../shared/protocol/errors'
import type { Refusal } from '../../shared/domain/moves'
import { laneOf, type SopTemplate } from '../../shared/domain/template'
import type { CardRecord } from './model'

/**
 * The params of a refused card command: the client words the refusal (i18n `errors.reason.*`),
 * the server only says which one and the data it names. The names are those of the sentences
 * these once returned; they return the sentence's params now.
 */

type CardOfRefusal = Pick<CardRecord, 'lane' | 'unit'>

/** A refusal of shared/domain/moves.ts: who holds the card (`lane`) and whose card it is (`unit`). */
export function refusalMessage(template: SopTemplate, refusal: Refusal, card: CardOfRefusal): ErrorParams | undefined {
  const unit = card.unit?.shortName ?? ''
  switch (refusal) {
    case 'not_your_lane':
      return { unit, lane: laneOf(template, card.lane)?.name ?? card.lane }
    case 'not_your_unit':
      return { unit }
    default:
      return undefined
  }
}

/** STALE: where the card is now (`step`, `lane`'s name) and, when a person moved it last, who (`name`). */
export function staleMessage(template: SopTemplate, card: CardRecord): ErrorParams {
  const last = card.lastEntry
  const where = { step: card.step, lane: laneOf(template, card.lane)?.name ?? card.lane }
  return last?.by?.name ? { name: last.by.name, ...where } : where
}
