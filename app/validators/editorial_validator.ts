import vine from '@vinejs/vine'
import { AUDIT_ACTIONS } from '#models/audit_log'
import { USER_ROLES } from '#models/user'
import { VENDOR_STATUSES } from '#models/vendor'
import { blankAsMissing } from '#validators/vendor_rules'

/** A rejection or refusal: the reason goes to the vendor's members. */
export const decisionReasonValidator = vine.compile(
  vine.object({
    reason: vine.string().parse(blankAsMissing).trim().minLength(3).maxLength(2000),
  })
)

/**
 * Creating or changing a topic. Names are unique (ignoring case), so that
 * editors and readers never meet two topics of one name.
 */
export const topicValidator = vine.withMetaData<{ topicId?: number }>().compile(
  vine.object({
    name: vine
      .string()
      .trim()
      .minLength(2)
      .maxLength(120)
      .unique({
        table: 'topics',
        column: 'name',
        caseInsensitive: true,
        filter: (query, _value, field) => {
          if (field.meta.topicId) query.whereNot('id', field.meta.topicId)
        },
      }),
    description: vine.string().trim().maxLength(1000).nullable().optional(),
  })
)

export const topicMoveValidator = vine.compile(
  vine.object({ direction: vine.enum(['up', 'down'] as const) })
)

export const userRoleValidator = vine.compile(vine.object({ role: vine.enum(USER_ROLES) }))

/** Filters of the editorial vendor list (a GET form). */
export const editorialVendorFilterValidator = vine.compile(
  vine.object({
    status: vine.enum(VENDOR_STATUSES).parse(blankAsMissing).optional(),
    q: vine.string().parse(blankAsMissing).trim().maxLength(200).optional(),
    page: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(100000).optional(),
  })
)

/**
 * Filters of the audit log (a GET form): part of a vendor's name (or one
 * vendor by id, from its editorial page) and an action.
 */
export const auditFilterValidator = vine.compile(
  vine.object({
    vendor: vine.string().parse(blankAsMissing).trim().maxLength(160).optional(),
    vendorId: vine.number().parse(blankAsMissing).withoutDecimals().min(1).optional(),
    action: vine.enum(AUDIT_ACTIONS).parse(blankAsMissing).optional(),
    page: vine.number().parse(blankAsMissing).withoutDecimals().min(1).max(100000).optional(),
  })
)

/** The CSV download: optionally one topic. */
export const vendorExportValidator = vine.compile(
  vine.object({
    topic: vine.string().parse(blankAsMissing).trim().maxLength(120).optional(),
  })
)
