import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

/**
 * Beside every built script, style and page, its brotli (at the highest quality, too slow to do
 * per request) and gzip forms: the server sends those as they are (server/platform/http/staticFiles.ts).
 */
function precompress(): Plugin {
  return {
    name: 'papan-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? ''
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue
        const file = path.join(entry.parentPath, entry.name)
        const body = readFileSync(file)
        if (body.length < 1024) continue
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }))
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }))
      }
    },
  }
}

/**
 * Everything the first page needs in one file. Left to itself the bundler splits out each module
 * the entry shares with a lazy page (a dozen chunks of a few hundred bytes), and on a slow link
 * each costs a round trip in the browser's queue before the board can be drawn. Lazy pages keep
 * their own chunks and import these from the entry's file.
 */
function entryChunk(entry: string) {
  type ChunkingContext = { getModuleInfo(id: string): { importedIds: string[] } | null }
  // One walk of the static imports per chunking pass (a watched build makes a new pass per rebuild).
  const graphs = new WeakMap<ChunkingContext, Set<string>>()
  function staticGraph(ctx: ChunkingContext): Set<string> {
    const seen = new Set<string>()
    const stack = [entry]
    while (stack.length) {
      const next = stack.pop() as string
      if (seen.has(next)) continue
      seen.add(next)
      stack.push(...(ctx.getModuleInfo(next)?.importedIds ?? []))
    }
    graphs.set(ctx, seen)
    return seen
  }
  return (id: string, ctx: ChunkingContext): string | null => ((graphs.get(ctx) ?? staticGraph(ctx)).has(id) ? 'app' : null)
}

const serverPort = Number(process.env.PORT ?? 3000)

export default defineConfig({
  root: 'client',
  plugins: [vue(), precompress()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: entryChunk(fileURLToPath(new URL('./client/src/main.ts', import.meta.url))) }] } } },
  },
  server: {
    // `npm run dev`: Vite serves the client with hot reload and forwards the API and the socket.
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      '/socket.io': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
})
