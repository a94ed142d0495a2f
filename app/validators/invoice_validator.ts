import vine from '@vinejs/vine'
import { blankAsMissing } from '#validators/vendor_rules'

/** The editorial invoice list and its CSV export (a GET form): a month needs its year. */
export const invoiceFilterValidator = vine.compile(
  vine.object({
    year: vine
      .number()
      .parse(blankAsMissing)
      .withoutDecimals()
      .min(2000)
      .max(2100)
      .optional()
      .requiredIfExists('month'),
    month: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(12).optional(),
    page: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(100000).optional(),
  })
)

/** `GET /api/v1/invoices/:number?format=`: a format in the URL wins over `Accept`. */
export const invoiceShowValidator = vine.compile(
  vine.object({
    format: vine.enum(['json', 'pdf', 'xml'] as const).optional(),
  })
)
