import { create } from 'xmlbuilder2'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  decodePDFRawStream,
} from '@cantoo/pdf-lib'

/** The few DOM members the tests read (the project compiles without the DOM library). */
type XmlElement = {
  nodeType: number
  tagName: string
  childNodes: ArrayLike<unknown>
  textContent: string | null
  getAttribute(name: string): string | null
}

/**
 * A parsed CII document, read by paths of element names below the root
 * ("rsm:ExchangedDocument/ram:ID"), so a test names exactly the business
 * term it checks.
 */
export function parseCii(xml: string) {
  const root = create(xml).root().node as unknown as XmlElement
  assertName(root, 'rsm:CrossIndustryInvoice')

  function children(parent: XmlElement, name: string): XmlElement[] {
    return Array.from(parent.childNodes).filter(
      (node): node is XmlElement =>
        (node as XmlElement).nodeType === 1 && (node as XmlElement).tagName === name
    )
  }

  /** Every element at the path. */
  function all(path: string, from: XmlElement = root): XmlElement[] {
    return path
      .split('/')
      .reduce<XmlElement[]>(
        (found, name) => found.flatMap((parent) => children(parent, name)),
        [from]
      )
  }

  /** The text of the one element at the path, or null when there is none. */
  function text(path: string, from: XmlElement = root): string | null {
    const found = all(path, from)
    if (found.length > 1) throw new Error(`${path}: ${found.length} elements`)
    return found[0]?.textContent?.trim() ?? null
  }

  function attribute(path: string, name: string): string | null {
    return all(path)[0]?.getAttribute(name) ?? null
  }

  return { root, all, text, attribute }
}

function assertName(element: XmlElement, name: string) {
  if (element.tagName !== name) throw new Error(`Root is ${element.tagName}, not ${name}`)
}

export const HEADER = 'rsm:SupplyChainTradeTransaction'
export const AGREEMENT = `${HEADER}/ram:ApplicableHeaderTradeAgreement`
export const SETTLEMENT = `${HEADER}/ram:ApplicableHeaderTradeSettlement`
export const TOTALS = `${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`

/** The files embedded in a PDF (name → bytes), read through the catalog's EmbeddedFiles tree. */
export async function embeddedFiles(pdf: Uint8Array): Promise<Map<string, Uint8Array>> {
  const document = await PDFDocument.load(pdf)
  const files = new Map<string, Uint8Array>()
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
  const entries = tree?.lookupMaybe(PDFName.of('Names'), PDFArray)
  if (!entries) return files
  for (let index = 0; index < entries.size(); index += 2) {
    const name = entries.lookup(index, PDFString, PDFHexString).decodeText()
    const spec = entries.lookup(index + 1, PDFDict)
    const embedded = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'))
    if (embedded instanceof PDFRawStream) files.set(name, decodePDFRawStream(embedded).decode())
    else if (embedded instanceof PDFStream) files.set(name, embedded.getContents())
  }
  return files
}
