#!/usr/bin/env node
// Builds the FerretDB binary that `npm start`, `npm run dev` and the tests use as an embedded,
// MongoDB-compatible database (SQLite storage, no server to install).
//
// Runs as the `postinstall` hook, so it must never fail `npm install`: when the binary cannot be
// built it explains how to point the app at a real MongoDB instead, and exits 0.
//
// Plain Node, no dependencies: it runs before anything else in node_modules is trustworthy.

import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The one place the FerretDB version is pinned. v1 is the last line that has a pure-Go SQLite
// backend; v2 needs PostgreSQL with the DocumentDB extension.
const FERRETDB_VERSION = 'v1.24.2'
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB'

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)))
const toolDir = join(repoRoot, '.tools', 'ferretdb')
const binary = join(toolDir, 'bin', 'ferretdb')
/** Names the patches the binary was built with, so a checkout with a new patch builds again. */
const builtWith = join(toolDir, 'patches.txt')

/**
 * Changes to FerretDB's source before the build, each an exact text replacement that must match.
 *
 * sqlite-id-index: the SQLite backend filters `_id` with `_ferretdb_sjson->'$._id'`, but indexes it
 * as `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the same expression, so
 * every find, update and delete by `_id` read the whole table (EXPLAIN QUERY PLAN: SCAN instead of
 * SEARCH ... USING INDEX): a move beside a 4000-card board cost 100 ms per query. `->'_id'` is the
 * same value (a label is short for `$.label`) and matches the index, as FerretDB's PostgreSQL
 * backend already writes it. The stored data and its indexes are unchanged.
 */
const PATCHES = [
  {
    name: 'sqlite-id-index',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
  },
]
const PATCH_NAMES = PATCHES.map((p) => p.name).join('\n')

const MONGODB_HINT = [
  'Without it, `npm start`, `npm run dev` and the tests cannot start their own database.',
  'To use a real MongoDB instead: MONGODB_URI=mongodb://127.0.0.1:27017/papan_sop npm start',
].join('\n')

function log(message) {
  console.log(`[ferretdb] ${message}`)
}

// Loud on purpose: npm prints postinstall output among a lot of noise and we exit 0.
function warnLoudly(title, details, retry) {
  const bar = '!'.repeat(78)
  console.warn(['', bar, `!! ${title}`, bar, details.trim(), '', retry, MONGODB_HINT, bar, ''].join('\n'))
}

const RETRY_AFTER_FIX = 'Fix the problem above, then run `npm install` (or `node scripts/install-ferretdb.mjs`) again.'

function installedVersionMatches() {
  if (!existsSync(binary)) return false
  if (!existsSync(builtWith) || readFileSync(builtWith, 'utf8') !== PATCH_NAMES) return false
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 })
  return result.status === 0 && /^version:\s*(\S+)/m.exec(result.stdout)?.[1] === FERRETDB_VERSION
}

function findGo() {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    const result = spawnSync(candidate, ['version'], { encoding: 'utf8' })
    if (result.status === 0) return candidate
  }
  return undefined
}

// GOTOOLCHAIN=local: FerretDB's go.mod names a toolchain; without this, an older local Go would
// silently download another toolchain instead of failing clearly. GOPROXY and friends are inherited.
// CGO_ENABLED=0: FerretDB's SQLite driver is pure Go, so no C compiler is needed and the binary
// does not depend on the machine's libc.
const goEnv = { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' }

function runGo(go, args, cwd) {
  const result = spawnSync(go, args, { cwd, env: goEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw new Error(`\`go ${args.join(' ')}\` could not run: ${result.error.message}`)
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
    throw new Error(`\`go ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}):\n${output}`)
  }
  return result.stdout
}

// `chmod -R u+w`: files in the Go module cache are read-only and the copy keeps those modes,
// which would stop us writing version.txt and, later, deleting the copy.
function makeWritable(path) {
  chmodSync(path, lstatSync(path).mode | 0o200)
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    if (entry.isDirectory()) makeWritable(child)
    else if (entry.isFile()) chmodSync(child, lstatSync(child).mode | 0o200)
  }
}

function build(go) {
  const download = JSON.parse(runGo(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], toolDir))
  if (!download.Dir) throw new Error(`go mod download gave no source directory: ${download.Error ?? 'unknown error'}`)

  const srcDir = join(toolDir, `src-${FERRETDB_VERSION}`)
  const tmpBinary = `${binary}.partial`
  rmSync(srcDir, { recursive: true, force: true })
  try {
    cpSync(download.Dir, srcDir, { recursive: true })
    makeWritable(srcDir)
    // FerretDB embeds build/version/*.txt and panics at start ("Invalid build/version/version.txt")
    // when version.txt is empty. Their release builds generate it from `git describe`, but the
    // module zip has no git history and no version.txt, so `go install ...@version` gives a binary
    // that cannot start. Writing the file ourselves is exactly what their docs suggest.
    writeFileSync(join(srcDir, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`)
    for (const patch of PATCHES) {
      const file = join(srcDir, patch.file)
      const source = readFileSync(file, 'utf8')
      if (!source.includes(patch.from)) throw new Error(`patch ${patch.name}: ${patch.file} no longer contains ${patch.from}`)
      writeFileSync(file, source.replace(patch.from, patch.to))
    }
    mkdirSync(dirname(binary), { recursive: true })
    // -buildvcs=false: the copy sits inside this repo's git checkout, which is not FerretDB's history.
    runGo(go, ['build', '-trimpath', '-buildvcs=false', '-o', tmpBinary, './cmd/ferretdb'], srcDir)
    // Rename last so an interrupted build never leaves a half-written binary that looks installed.
    renameSync(tmpBinary, binary)
    writeFileSync(builtWith, PATCH_NAMES)
  } finally {
    rmSync(srcDir, { recursive: true, force: true })
    rmSync(tmpBinary, { force: true })
  }
}

function main() {
  if (process.env.PAPAN_SKIP_FERRETDB === '1') {
    log('PAPAN_SKIP_FERRETDB=1: not building the embedded database.')
    return
  }
  if (installedVersionMatches()) {
    log(`${FERRETDB_VERSION} already built at ${binary}`)
    return
  }

  const go = findGo()
  if (!go) {
    warnLoudly(
      'Go is not installed: the embedded database (FerretDB) cannot be built.',
      `FerretDB ${FERRETDB_VERSION} is built from source at install time and needs the Go toolchain\n` +
        '(looked for `go` on PATH and /usr/local/go/bin/go).',
      'Install Go (https://go.dev/dl/), then run `npm install` (or `node scripts/install-ferretdb.mjs`) again.',
    )
    return
  }

  mkdirSync(toolDir, { recursive: true })
  log(`building FerretDB ${FERRETDB_VERSION} with ${go} (about a minute the first time)...`)
  const started = Date.now()
  try {
    build(go)
  } catch (error) {
    warnLoudly(`Building FerretDB ${FERRETDB_VERSION} FAILED.`, error instanceof Error ? error.message : String(error), RETRY_AFTER_FIX)
    return
  }
  if (!installedVersionMatches()) {
    warnLoudly(
      `The FerretDB build finished but ${binary} does not report ${FERRETDB_VERSION}.`,
      `\`${binary} --version\` printed something else or failed to run.`,
      'Delete .tools/ferretdb and run `npm install` (or `node scripts/install-ferretdb.mjs`) again.',
    )
    return
  }
  log(`built ${binary} in ${Math.round((Date.now() - started) / 1000)} s`)
}

main()
