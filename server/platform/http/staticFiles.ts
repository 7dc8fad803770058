import { existsSync } from 'node:fs'
import path from 'node:path'
import express, { type Request, type Response, type NextFunction, type Router } from 'express'
import { BOARD_PAGE_PATH } from '../../../shared/protocol/constants'

const YEAR = 'public, max-age=31536000, immutable'
const HOUR = 'public, max-age=3600'

/**
 * The built client (dist/client): its files, and the app's page for every client route.
 * - Vite names every file under assets/ by its content's hash, so a browser keeps those for a year
 *   without asking; a new build has new names. Anything else (the icon) is asked again after an hour.
 * - The page is asked for every time (an ETag makes that cheap): it names the current build's files.
 * - The build writes each file's brotli and gzip forms beside it (vite.config.ts): sent as they are
 *   to a browser that takes them, instead of compressing at every request.
 */
export function serveClient(dir: string): Router {
  const router = express.Router()
  const index = path.join(dir, 'index.html')
  const assets = path.join(dir, 'assets') + path.sep

  router.get(/^\/assets\//, (req: Request, res: Response, next: NextFunction) => {
    let file: string
    try {
      file = path.join(dir, path.normalize(decodeURIComponent(req.path)))
    } catch {
      return next()
    }
    if (!file.startsWith(assets)) return next()
    // Brotli whenever the browser takes it (acceptsEncodings would rank by the browser's order, gzip first).
    const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null
    if (!encoding) return next()
    const packed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`
    if (!existsSync(packed)) return next()
    res.type(path.extname(file))
    res.setHeader('Content-Encoding', encoding)
    res.setHeader('Vary', 'Accept-Encoding')
    res.sendFile(packed, { headers: { 'Cache-Control': YEAR } })
  })
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, file) {
        res.setHeader('Cache-Control', file.startsWith(assets) ? YEAR : HOUR)
      },
    }),
  )
  // The client routes in the browser (history mode): every other GET gets the app's page. A board's
  // page names the board's snapshot too, so the browser asks for it while the code still loads
  // (client/src/stores/board.ts takes it from there).
  router.get(/^(?!\/(api|socket\.io|healthz)).*/, (req, res) => {
    const board = BOARD_PAGE_PATH.exec(req.path)
    if (board) res.setHeader('Link', `</api/cycles/${board[1]}/board>; rel=preload; as=fetch; crossorigin=anonymous`)
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } })
  })
  return router
}
