/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
|
| The TypeScript sources are compiled on the fly by ts-node. In the build
| output, this file is replaced by a plain JavaScript version.
*/
import 'ts-node-maintained/register/esm'
await import('./bin/console.js')
