import type { CardDto } from '@shared/protocol/board'
import type { CommandError } from '../realtime/socket'
import { errorText } from '../ui/errors/text'

/** A refused or unanswered command in words (ui/errors/text.ts); `placeOf` names where a STALE card is now. */
export function commandErrorText(error: CommandError, placeOf: (card: CardDto) => string): string {
  return errorText(error, { placeOf })
}
