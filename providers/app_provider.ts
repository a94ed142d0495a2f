import type { ApplicationService } from '@adonisjs/core/types'
import { MemoryCursorStore, RotationCursorStore } from '#services/placement/rotation'

/**
 * Container bindings of the app's own services.
 */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    // One cursor store per process; the scale-out issue binds a Redis one here.
    this.app.container.singleton(RotationCursorStore as any, () => new MemoryCursorStore())
  }
}
