import emitter from '@adonisjs/core/services/emitter'
import { events } from '#generated/events'
import { listeners } from '#generated/listeners'

emitter.listen(events.DirectoryChanged, [listeners.ClearDirectoryCache])
emitter.listen(events.BookingsChanged, [listeners.ClearDirectoryCache])
