import type { PluginFn } from '@japa/runner/types'
import { ApiResponse } from '@japa/api-client'

/**
 * Session 8 flashes field errors under `inputErrorsBag` only (the old
 * `errors` copy is gone), but its Japa plugin still reads `errors`, so its
 * validation assertions would see no errors at all. These read the bag the
 * framework really writes. Register after sessionApiClient.
 */
export function inputErrorAssertions(): PluginFn {
  return () => {
    const bag = (response: ApiResponse): Record<string, string[]> =>
      (response.flashMessage('inputErrorsBag') as Record<string, string[]>) ?? {}

    ApiResponse.macro('assertHasValidationError', function (this: ApiResponse, field: string) {
      this.assert!.property(bag(this), field)
    })
    ApiResponse.macro(
      'assertDoesNotHaveValidationError',
      function (this: ApiResponse, field: string) {
        this.assert!.notProperty(bag(this), field)
      }
    )
    ApiResponse.macro(
      'assertValidationError',
      function (this: ApiResponse, field: string, message: string) {
        this.assert!.include(bag(this)[field] ?? [], message)
      }
    )
    ApiResponse.macro(
      'assertValidationErrors',
      function (this: ApiResponse, field: string, messages: string[]) {
        this.assert!.deepEqual(bag(this)[field] ?? [], messages)
      }
    )
  }
}
