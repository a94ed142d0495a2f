/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| The TypeScript sources are compiled on the fly by @poppinss/ts-exec. In the build
| output, this file is replaced by a plain JavaScript version.
*/
import '@poppinss/ts-exec'
await import('./bin/console.js')
