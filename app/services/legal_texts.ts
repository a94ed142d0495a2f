import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { renderMarkdown } from '#services/markdown'
import { DEFAULT_LOCALE } from '#services/locale'

/** The legal pages and their file names. */
export const LEGAL_PAGES = { imprint: 'impressum', privacy: 'datenschutz' } as const
export type LegalPage = keyof typeof LEGAL_PAGES

/**
 * The operator's legal texts (Impressum, Datenschutzerklärung): Markdown
 * files in LEGAL_DIR (default resources/legal), one folder per language,
 * `<dir>/<locale>/<impressum|datenschutz>.md`. A language without its own
 * file falls back to German. They are read on each request, so an edited
 * file shows without a restart, and rendered through the sanitized
 * Markdown service like every other Markdown.
 */
export function legalDir(): string {
  const configured = env.get('LEGAL_DIR', 'resources/legal')
  return isAbsolute(configured) ? configured : app.makePath(configured)
}

export async function legalHtml(page: LegalPage, locale: string): Promise<string> {
  const file = `${LEGAL_PAGES[page]}.md`
  for (const language of new Set([locale, DEFAULT_LOCALE])) {
    try {
      return renderMarkdown(await readFile(join(legalDir(), language, file), 'utf8'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  throw new Error(
    `The legal text ${file} is missing in ${legalDir()}; see LEGAL_DIR in the README.`
  )
}
