import { inject } from '@adonisjs/core'
import type BookingsChanged from '#events/bookings_changed'
import type DirectoryChanged from '#events/directory_changed'
import { DirectoryCache } from '#services/directory_cache'

/** Readers see a directory change (and a booking change, for placements) as soon as it is committed. */
@inject()
export default class ClearDirectoryCache {
  constructor(private cache: DirectoryCache) {}

  handle(event: DirectoryChanged | BookingsChanged) {
    this.cache.clearAfterCommit(event.trx)
  }
}
