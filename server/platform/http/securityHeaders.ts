import type { IncomingMessage } from 'node:http'
import helmet from 'helmet'

/** A Host header we are willing to echo into the policy: a name or address and a port, nothing else. */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/**
 * The socket's own origin over ws: and wss:. CSP Level 3 browsers already count same-origin
 * websockets as 'self'; older ones (Safari before 15.4) need them spelled out.
 */
function sameOriginSockets(req: IncomingMessage): string {
  const host = req.headers.host
  return host && PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : ''
}

/**
 * Helmet with a Content-Security-Policy the built client passes (e2e/security.spec.ts visits every
 * page and fails on any violation). No 'unsafe-inline' anywhere: Vite emits scripts and styles as
 * files, Vue's `:style` bindings and SortableJS write styles through the CSSOM (which CSP does not
 * govern), and Chart.js 4 injects no stylesheet. Downloads and thumbnails may be data: or blob:.
 * No upgrade-insecure-requests: an office may serve the app over plain HTTP on its LAN.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", (req) => sameOriginSockets(req)],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    // Browsers heed it only over HTTPS (behind the TLS proxy). Not for subdomains: the app often
    // lives on one subdomain of an agency's domain, whose other sites are none of its business.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    referrerPolicy: { policy: 'same-origin' },
  })
}
