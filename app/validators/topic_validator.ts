import vine from '@vinejs/vine'
import { blankAsMissing, postalCodePrefix } from '#validators/vendor_rules'

/**
 * Query of a topic page's vendor list: an optional PLZ region (1–5 digits)
 * and a page number.
 */
export const topicVendorsValidator = vine.compile(
  vine.object({
    // An empty field (the form sent without a PLZ) means no filter.
    plz: postalCodePrefix().parse(blankAsMissing).optional(),
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  })
)
