import vine from '@vinejs/vine'

/**
 * Characters a name never needs, and that can disguise it: C0 and C1
 * control characters (line breaks and tabs included) and the bidi
 * embedding, override and isolate characters (U+202A–U+202E,
 * U+2066–U+2069), which can make "Firma‮gpj.exe" read as something else.
 */
export function hasDisguisingCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true
  }
  return false
}

/**
 * The rule for every free "name" field (vendor, user, topic): a message
 * per field, `plainText` in resources/lang/<locale>/validator.json.
 *
 *   name: vine.string().trim().use(plainText())
 */
export const plainText = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && hasDisguisingCharacters(value)) {
    field.report(
      'The {{ field }} field must not contain control or text-direction characters',
      'plainText',
      field
    )
  }
})
