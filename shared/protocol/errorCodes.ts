import { REFUSALS } from '../domain/moves'

// The lists alone, without their schemas (shared/protocol/errors.ts): the board words every error
// from them, and it loads no zod.

/** The closed list of error codes an ack can carry; clients switch on these, never on words. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STALE',
  'MOVE_NOT_ALLOWED',
  'NOTE_REQUIRED',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
  /**
   * The server's database did not answer in time (stopped, restarting, hung). A command refused so
   * may still be applied when it answers again; resending it with the same opId is safe.
   */
  'DB_UNAVAILABLE',
] as const

/**
 * Why a request was refused, finer than its code: the client words each one itself (i18n
 * `errors.reason.<reason>`), with `params` in the sentence. The server sends no sentences.
 * The params each reason comes with are listed in docs/realtime.md.
 */
export const ERROR_REASONS = [
  // A move, or a change of the card's Mutu Baku, refused by the shared rules (shared/domain/moves.ts).
  ...REFUSALS,
  'note_required_return',
  'note_required_override',
  /** The card changed since the client read it; `name`, `step`, `lane` say who moved it where. */
  'stale',
  'checklist_item_unknown',
  // A note rewritten or deleted (card:noteEdit, card:noteDelete): no such note, or another's.
  'note_not_found',
  'note_not_yours',
  // An undo (card:undo) refused: `seq` names no move, or another's, or something happened to the
  // card since (STALE, with the card), or the window (`seconds`) has passed.
  'undo_not_a_move',
  'undo_not_yours',
  'undo_overtaken',
  'undo_expired',
  // A dispensation (card:extend) by someone who may not grant one, or for a card with no running clock.
  'extend_forbidden',
  'extend_no_clock',
  // Not found.
  'not_found_card',
  'not_found_cycle',
  'not_found_user',
  'not_found_template',
  'not_found_document',
  'not_found_display',
  'not_found_route',
  // Documents (an upload, a delete).
  'document_not_your_lane',
  'document_not_your_unit',
  'document_finished',
  'document_name_too_long',
  'document_type',
  'document_zip_broken',
  'document_not_office',
  'document_macro',
  'document_too_large',
  'document_card_moved',
  'document_delete_forbidden',
  // Sessions and rights.
  'sign_in_required',
  'session_ended',
  'login_failed',
  'rate_limited',
  'password_wrong',
  'admin_only',
  'cross_site',
  'backup_token',
  'self_deactivate',
  'self_demote',
  'password_change_required',
  // Conflicts and checks of what an administrator sets up.
  'setup_done',
  'username_taken',
  'role_unknown',
  'role_admin_only',
  'unit_required',
  'cycle_started',
  // A cycle that ended: its cards no longer change; it cannot end twice; only a finished one closes (`open` cards left).
  'cycle_cancelled',
  'cycle_closed',
  'cycle_ended',
  'cycle_unfinished',
  'template_id_taken',
  'template_overtaken',
  // Wall displays.
  'display_own_cycle',
  'display_only',
  // The request itself: a body or command zod refused, or one that could not be read at all.
  'validation',
  'malformed',
  'unknown_command',
  'body_too_large',
  'body_not_json',
] as const
