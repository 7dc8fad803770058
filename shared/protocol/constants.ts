// The protocol's fixed numbers and names, apart from its schemas: the board and the wall import
// these, and so load no zod (the schema modules are for the forms and the server).

/** At most this many cards in a rejoin's `have` (a board's cards; more is no board of this app). */
export const MAX_HAVE = 5000

/** How long the mover may undo their move, unless the server is told otherwise (UNDO_WINDOW_SECONDS). */
export const UNDO_WINDOW_SECONDS = 10

/** How much of the newest note a card carries. */
export const LAST_NOTE_CHARS = 140

/** How many moves the wall's ticker shows, and so how many the snapshot carries. */
export const WALL_TICKER_SIZE = 8

/**
 * The role of an administrator who holds no SOP lane ("Administrator (tanpa lajur)"): they run
 * the installation and may override any card, and no card is theirs to act on in Tugas saya.
 * Never a template's lane id (a template cannot name a lane so: shared/protocol/templates.ts).
 */
export const NO_LANE_ROLE = 'administrator'

/**
 * A board's page (client/src/router.ts's `/cycles/:id`), with its cycle's id: the server names the
 * board's snapshot with this page, and the client asks for it as soon as its code runs.
 */
export const BOARD_PAGE_PATH = /^\/cycles\/([0-9a-f]{24})\/?$/
