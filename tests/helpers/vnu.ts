import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

const require = createRequire(import.meta.url)

/** Path of the Nu HTML checker jar shipped by the vnu-jar package. */
export const VNU_JAR: string = String(require('vnu-jar'))

export type VnuMessage = {
  type: string
  subType?: string
  url?: string
  page: string
  lastLine?: number
  firstColumn?: number
  message: string
  extract?: string
}

/**
 * Checks several HTML documents with ONE run of the Nu HTML checker (the
 * JVM takes seconds to start) and returns its error messages, each tagged
 * with the page name it belongs to. An empty list means valid HTML.
 */
export async function checkHtml(pages: Record<string, string>): Promise<VnuMessage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vnu-'))
  try {
    // File name -> page name; vnu reports each message with the file's URL.
    const files = new Map<string, string>()
    for (const [index, [page, html]] of Object.entries(pages).entries()) {
      const name = `page-${index}.html`
      await writeFile(join(dir, name), html)
      files.set(name, page)
    }

    const paths = [...files.keys()].map((name) => join(dir, name))
    const report = JSON.parse(await runVnu(['--format', 'json', '--errors-only', ...paths])) as {
      messages: Omit<VnuMessage, 'page'>[]
    }

    return report.messages
      .filter((message) => message.type !== 'info')
      .map((message) => ({ ...message, page: pageOf(message.url, files) }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** One line per message, with the page and the offending source extract. */
export function formatVnuMessages(messages: VnuMessage[]) {
  return messages
    .map((m) => {
      const where = `${m.page}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}`
      const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim()}` : ''
      return `  [${m.type}] ${where} ${m.message}${extract}`
    })
    .join('\n')
}

function pageOf(url: string | undefined, files: Map<string, string>) {
  const name = url ? basename(url) : ''
  return files.get(name) ?? url ?? '(no file)'
}

/** vnu prints its JSON report on stderr and exits non-zero when it found errors. */
function runVnu(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', VNU_JAR, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const json = stderr.trim()
        if (json.startsWith('{')) return resolve(json)
        reject(new Error(`Nu HTML checker failed: ${error?.message ?? 'no report'}\n${stderr}`))
      }
    )
  })
}
