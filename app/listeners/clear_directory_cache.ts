import { inject } from '@adonisjs/core'
import type DirectoryChanged from '#events/directory_changed'
import { DirectoryCache } from '#services/directory_cache'

/** Readers see a directory change as soon as it is committed. */
@inject()
export default class ClearDirectoryCache {
  constructor(private cache: DirectoryCache) {}

  handle(event: DirectoryChanged) {
    this.cache.clearAfterCommit(event.trx)
  }
}
