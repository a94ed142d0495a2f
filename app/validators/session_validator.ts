import vine from '@vinejs/vine'

/** Log-in form and token endpoint: the address as typed; the service lower-cases it. */
export const sessionStoreValidator = vine.compile(
  vine.object({
    email: vine.string().trim().maxLength(254),
    password: vine.string().maxLength(200),
  })
)
