import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages of one area of the app: `<scope>.messages.<field>.<rule>`
 * or `<scope>.messages.<rule>`, with the field named from `<scope>.fields`,
 * and the shared ones (`validator.shared`) for everything the area does not
 * word itself. Bookings, slots and news use it with their own scope.
 */
export class ScopedMessages implements MessagesProviderContact {
  readonly prefixes: string[]

  constructor(
    private i18n: I18n,
    scope: string
  ) {
    this.prefixes = [scope, 'validator.shared']
  }

  #resolve(keys: string[]) {
    for (const key of keys) {
      const found = this.i18n.resolveIdentifier(key)
      if (found) return found.message
    }
    return null
  }

  getMessage(
    defaultMessage: string,
    rule: string,
    field: FieldContext,
    meta?: Record<string, unknown>
  ) {
    const data: Record<string, unknown> = { ...meta, field: this.translateField(field.name) }
    const message = this.#resolve(
      this.prefixes.flatMap((prefix) => [
        `${prefix}.messages.${field.wildCardPath}.${rule}`,
        `${prefix}.messages.${rule}`,
      ])
    )
    if (message) return this.i18n.formatRawMessage(message, data)
    return defaultMessage.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => String(data[key] ?? ''))
  }

  translateField(name: string | number) {
    const label = this.#resolve(this.prefixes.map((prefix) => `${prefix}.fields.${name}`))
    return label ? this.i18n.formatRawMessage(label) : name
  }
}
