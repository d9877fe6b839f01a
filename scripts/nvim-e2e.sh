#!/usr/bin/env bash
# End-to-end test of `nestlint lsp` with a real LSP client: Neovim's built-in
# client, headless (scripts/nvim-e2e.lua). Installs Debian's neovim when it is
# missing (Debian 12 serves 0.7.2; the script uses the API of 0.7 and later).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
if ! command -v nvim >/dev/null; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq neovim >/dev/null
fi
nvim --version | head -1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/nestlint" ./cmd/nestlint
cp -r internal/lsp/testdata/shop "$work/shop"
work=$(cd "$work" && pwd -P)
NESTLINT_BIN="$work/nestlint" FIXTURE="$work/shop" NESTLINT_CACHE="$work/cache" \
  timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile scripts/nvim-e2e.lua"
