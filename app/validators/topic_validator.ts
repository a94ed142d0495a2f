import vine from '@vinejs/vine'

/**
 * Query of a topic page's vendor list: an optional PLZ region (1–5 digits)
 * and a page number.
 */
export const topicVendorsValidator = vine.compile(
  vine.object({
    plz: vine
      .string()
      .trim()
      .regex(/^\d{1,5}$/)
      .optional(),
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  })
)
