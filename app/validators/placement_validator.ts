import vine from '@vinejs/vine'

/** `GET /api/v1/placements?topic=<slug>`: the topic page the placement is for. */
export const placementQueryValidator = vine.compile(
  vine.object({
    topic: vine.string().trim().minLength(1).maxLength(200),
  })
)
