import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { germanDate, germanMoney, type InvoiceDocument } from '#services/invoicing/invoice_document'

const require = createRequire(import.meta.url)

/**
 * Embedded fonts: PDF/A (which Factur-X requires) allows no unembedded
 * font, so the standard Helvetica is not an option.
 */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
}

const MARGIN = 56
const PAGE_WIDTH = 595.28
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

/** Table columns: position, description, period, net. */
const COLUMNS = [
  { x: MARGIN, width: 30 },
  { x: MARGIN + 34, width: 230 },
  { x: MARGIN + 268, width: 130 },
  { x: MARGIN + 402, width: CONTENT_WIDTH - 402 },
]

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

const LABEL_WIDTH = 100

function facts(doc: PDFKit.PDFDocument, rows: [string, string][], x: number, width: number) {
  doc.fontSize(9)
  for (const [label, value] of rows) {
    const y = doc.y
    doc.font('bold').text(label, x, y, { width: LABEL_WIDTH })
    const labelBottom = doc.y
    doc.font('regular').text(value, x + LABEL_WIDTH + 4, y, { width: width - LABEL_WIDTH - 4 })
    doc.y = Math.max(doc.y, labelBottom)
  }
  doc.fontSize(10)
}

/**
 * The invoice for people, in German: seller, buyer, number, date of issue,
 * service period, one line per booked week, net, VAT and gross, payment
 * terms, and the seller's tax and bank details in the footer.
 */
export function invoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { seller, buyer } = document
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'de-DE',
    pdfVersion: '1.7',
    info: {
      Title: `${document.title} ${document.number}`,
      Author: seller.name,
      Subject: document.subtitle ?? document.title,
      CreationDate: document.issuedOn.toJSDate(),
    },
  })
  const done = collect(doc)
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)

  // Sender line and the two parties
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#555555')
    .text(`${seller.name} · ${seller.street} · ${seller.postalCode} ${seller.city}`)
  doc.moveDown(0.8).fillColor('#000000').fontSize(10)
  const partiesTop = doc.y
  doc.font('bold').text(buyer.company, MARGIN, partiesTop, { width: 230 })
  doc.font('regular').text(buyer.street, { width: 230 })
  doc.text(`${buyer.postalCode} ${buyer.city}`, { width: 230 })
  if (buyer.country !== 'DE') doc.text(buyer.country, { width: 230 })
  const buyerBottom = doc.y

  doc.y = partiesTop
  facts(
    doc,
    [
      ['Nummer', document.number],
      ['Rechnungsdatum', germanDate(document.issuedOn)],
      [
        'Leistungszeitraum',
        `${germanDate(document.periodStart)} – ${germanDate(document.periodEnd)}`,
      ],
      ['Buchung', `#${document.bookingId}`],
      [buyer.buyerReference ? 'Leitweg-ID' : 'Ihre Referenz', document.buyerReference],
      ...(buyer.vatId ? ([['Ihre USt-IdNr.', buyer.vatId]] as [string, string][]) : []),
    ],
    MARGIN + 250,
    CONTENT_WIDTH - 250
  )
  doc.y = Math.max(doc.y, buyerBottom) + 28

  // Title
  doc.font('bold').fontSize(16).text(`${document.title} ${document.number}`, MARGIN, doc.y)
  if (document.subtitle && document.corrected) {
    doc
      .font('regular')
      .fontSize(10)
      .text(`${document.subtitle} vom ${germanDate(document.corrected.issuedOn)}`)
  }
  doc.moveDown(1).fontSize(10)

  // Lines: one per booked week
  const header = ['Pos.', 'Leistung', 'Zeitraum', 'Netto']
  const headerY = doc.y
  doc.font('bold')
  header.forEach((label, index) => {
    doc.text(label, COLUMNS[index].x, headerY, {
      width: COLUMNS[index].width,
      align: index === 3 ? 'right' : 'left',
    })
  })
  doc.y = headerY + 16
  doc
    .moveTo(MARGIN, doc.y - 3)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y - 3)
    .stroke()
  doc.font('regular')
  for (const line of document.lines) {
    if (doc.y > 700) doc.addPage()
    const rowY = doc.y
    const cells = [
      String(line.position),
      line.description,
      `${germanDate(line.start)} – ${germanDate(line.end)}`,
      germanMoney(line.netCents),
    ]
    let bottom = rowY
    cells.forEach((cell, index) => {
      doc.text(cell, COLUMNS[index].x, rowY, {
        width: COLUMNS[index].width,
        align: index === 3 ? 'right' : 'left',
      })
      bottom = Math.max(bottom, doc.y)
    })
    doc.y = bottom + 4
  }
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y)
    .stroke()
  doc.moveDown(0.5)

  // Totals
  const totals: [string, string, boolean][] = [
    ['Summe netto', germanMoney(document.netCents), false],
    [`Umsatzsteuer ${document.vatPercent} %`, germanMoney(document.vatCents), false],
    [
      document.kind === 'invoice' ? 'Rechnungsbetrag brutto' : 'Gutschriftsbetrag brutto',
      germanMoney(document.grossCents),
      true,
    ],
  ]
  for (const [label, amount, strong] of totals) {
    const y = doc.y
    doc.font(strong ? 'bold' : 'regular')
    doc.text(label, COLUMNS[1].x, y, { width: 364 - 34 + 30, align: 'right' })
    doc.text(amount, COLUMNS[3].x, y, { width: COLUMNS[3].width, align: 'right' })
  }
  doc.moveDown(1.5)

  doc.font('regular').text(document.paymentTerms, MARGIN, doc.y, { width: CONTENT_WIDTH })
  doc.moveDown(0.5)
  doc.text(
    'Dieses Dokument liegt auch als elektronische Rechnung (XRechnung, ZUGFeRD) vor.',
    MARGIN,
    doc.y,
    { width: CONTENT_WIDTH }
  )

  // Footer: the seller's particulars that an invoice must state
  const footerY = 760
  doc
    .fontSize(7.5)
    .fillColor('#555555')
    .text(
      `${seller.name} · ${seller.street} · ${seller.postalCode} ${seller.city} · ${seller.email} · ${seller.phone}`,
      MARGIN,
      footerY,
      { width: CONTENT_WIDTH, align: 'center', lineBreak: true }
    )
    .text(
      `USt-IdNr. ${seller.vatId} · Steuernummer ${seller.taxNumber} · IBAN ${seller.iban} · BIC ${seller.bic}`,
      { width: CONTENT_WIDTH, align: 'center' }
    )

  doc.end()
  return done
}
