import PDFDocument from 'pdfkit'
import type { I18n } from '@adonisjs/i18n'
import type NewsItem from '#models/news_item'
import { formatNewsDate } from '#services/news/news_date'

/**
 * A news item as a PDF (pdfkit, as booking confirmations): kicker, title,
 * date, teaser, the body as plain paragraphs, source links, keywords and
 * image credit, and the item's URL. Expects `keywords` preloaded.
 */
export function newsPdf(item: NewsItem, url: string, i18n: I18n): Promise<Buffer> {
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(`news.${key}`, data)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: item.title, Subject: item.kicker, Author: t('pdf.author') },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  if (item.kicker) doc.font('Helvetica-Bold').fontSize(12).text(item.kicker)
  doc.font('Helvetica-Bold').fontSize(18).text(item.title)
  doc.moveDown(0.3)
  doc.font('Helvetica').fontSize(10).text(formatNewsDate(item.publishedOn, i18n.locale))
  doc.moveDown()
  doc.font('Helvetica-Bold').fontSize(11).text(item.teaser)
  doc.moveDown()
  doc.font('Helvetica').fontSize(11)
  for (const paragraph of plainParagraphs(item.body)) {
    doc.text(paragraph)
    doc.moveDown(0.6)
  }
  if (item.sourceLinks.length) {
    doc.moveDown(0.4)
    doc.font('Helvetica-Bold').fontSize(10).text(t('sources'))
    doc.font('Helvetica')
    for (const link of item.sourceLinks) doc.text(`${link.title}: ${link.url}`)
  }
  if (item.keywords?.length) {
    doc.moveDown(0.4)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${t('keywords')}: ${item.keywords.map((keyword) => keyword.name).join(', ')}`)
  }
  if (item.imageCredit) doc.text(`${t('image_credit')}: ${item.imageCredit}`)
  doc.moveDown()
  doc.fontSize(9).fillColor('#555555').text(url)
  doc.end()
  return done
}

/**
 * Markdown as plain paragraphs: the PDF shows text, not markup, so links
 * keep their words and their address, and HTML tags are dropped.
 */
export function plainParagraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .replace(/<[^>]*>/g, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
        .replace(/^#{1,6}\s+/gm, '')
        .replace(/^\s*[-*+]\s+/gm, '• ')
        .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, '$1')
        .replace(/\s*\n\s*/g, ' ')
        .trim()
    )
    .filter(Boolean)
}
