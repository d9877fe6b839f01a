#!/usr/bin/env bash
# Release dry run on this machine (CI calls it from .ci/run): what
# .github/workflows/release.yml does, as far as one Linux x64 machine can.
#   1. native linux-x64 build with the release's -ldflags (-X version, commit)
#   2. cgo cross builds: linux-arm64 (gcc-aarch64-linux-gnu) and windows-x64
#      (gcc-mingw-w64-x86-64); the compilers are installed with apt-get when
#      missing
#   3. archives + checksums.txt (internal/dist), checked with sha256sum -c
#   4. npm: stamp, npm pack the launcher and @nestlint/cli-linux-x64, install
#      both tarballs into a temp project without the registry, npx nestlint
#      on testdata/apps/shop (exit 1 expected)
# Set DIST_CROSS=0 to skip step 2. Times are printed per step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
export CGO_ENABLED=1

VERSION=${DIST_VERSION:-v0.0.0-dist.1}
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
LDFLAGS="-s -w -X main.version=$VERSION -X main.commit=$COMMIT"

step() { echo "== dist: $*"; STEP_START=$(date +%s); }
took() { echo "   took $(( $(date +%s) - STEP_START ))s"; }

# e_machine of an ELF file (2 bytes at offset 18, little endian) or the PE
# machine field; prints e.g. "elf:b7 00" or "pe:64 86".
machine() {
  local f=$1
  case "$(head -c 2 "$f" | od -An -c | tr -d ' ')" in
    MZ)
      local off
      off=$(od -An -tu4 -j60 -N4 "$f" | tr -d ' ')
      echo "pe:$(od -An -tx1 -j$((off + 4)) -N2 "$f" | sed 's/^ //')" ;;
    *) echo "elf:$(od -An -tx1 -j18 -N2 "$f" | sed 's/^ //')" ;;
  esac
}

step "native linux-x64 build"
# No -trimpath here (the release has it): the build then reuses what
# .ci/run's go install compiled, and only links with the stamped -X flags.
go build -ldflags "$LDFLAGS" -o "$OUT/bin-linux-x64/nestlint" ./cmd/nestlint
"$OUT/bin-linux-x64/nestlint" --version | tee "$OUT/version.txt"
[ "$(head -n 1 "$OUT/version.txt")" = "nestlint $VERSION" ] || { echo "version not stamped"; exit 1; }
grep -qx "commit:   $COMMIT" "$OUT/version.txt" || { echo "commit not stamped"; exit 1; }
grep -q '^grammars: tree-sitter-typescript ' "$OUT/version.txt" || { echo "no grammar versions"; exit 1; }
[ "$(machine "$OUT/bin-linux-x64/nestlint")" = "elf:3e 00" ] || { echo "not an x86-64 ELF"; exit 1; }
took

platforms=(linux-x64)
if [ "${DIST_CROSS:-1}" != 0 ]; then
  need=()
  command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
  command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
  if [ ${#need[@]} -gt 0 ]; then
    step "apt-get install ${need[*]}"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
    took
  fi

  step "cross build linux-arm64 (CC=aarch64-linux-gnu-gcc)"
  GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
    go build -trimpath -ldflags "$LDFLAGS" -o "$OUT/bin-linux-arm64/nestlint" ./cmd/nestlint
  [ "$(machine "$OUT/bin-linux-arm64/nestlint")" = "elf:b7 00" ] || { echo "not an aarch64 ELF"; exit 1; }
  took
  platforms+=(linux-arm64)

  step "cross build windows-x64 (CC=x86_64-w64-mingw32-gcc)"
  GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    go build -trimpath -ldflags "$LDFLAGS" -o "$OUT/bin-win32-x64/nestlint.exe" ./cmd/nestlint
  [ "$(machine "$OUT/bin-win32-x64/nestlint.exe")" = "pe:64 86" ] || { echo "not an x86-64 PE"; exit 1; }
  took
  platforms+=(win32-x64)
fi

step "archives and checksums.txt"
for p in "${platforms[@]}"; do
  exe=nestlint; [ "$p" = win32-x64 ] && exe=nestlint.exe
  go run ./internal/dist archive -version "$VERSION" -platform "$p" -bin "$OUT/bin-$p/$exe" -out "$OUT/archives"
done
go run ./internal/dist checksums "$OUT/archives"
(cd "$OUT/archives" && sha256sum -c checksums.txt)
tar -xzf "$OUT/archives/nestlint_${VERSION#v}_linux_amd64.tar.gz" -C "$OUT" nestlint
"$OUT/nestlint" --version > "$OUT/archived-version.txt"
head -n 1 "$OUT/archived-version.txt"
grep -qx "nestlint $VERSION" "$OUT/archived-version.txt" || { echo "the archived binary is not $VERSION"; exit 1; }
took

if ! command -v npm >/dev/null; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
fi
step "npm: stamp, pack, install from the tarballs, npx nestlint"
go run ./internal/dist npm -version "$VERSION" -out "$OUT/npm" -bin "linux-x64=$OUT/bin-linux-x64/nestlint"
mkdir -p "$OUT/tgz" "$OUT/proj"
export npm_config_cache="$OUT/npm-cache" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
for d in nestlint cli-linux-x64; do (cd "$OUT/npm/$d" && npm pack --silent --pack-destination "$OUT/tgz" >/dev/null); done
ls -l "$OUT/tgz"
cp -r testdata/apps/shop "$OUT/proj/shop"
echo '{"name": "dist-test", "private": true}' > "$OUT/proj/package.json"
(cd "$OUT/proj" && npm install --offline --no-audit --no-fund "$OUT"/tgz/*.tgz)
set +e
(cd "$OUT/proj" && npx --offline --no-install nestlint --no-color --silent shop > "$OUT/lint.txt")
code=$?
set -e
tail -n 1 "$OUT/lint.txt"
[ "$code" = 1 ] || { echo "npx nestlint shop: exit $code, want 1"; exit 1; }
grep -q '\[event-loop/sync-io\]$' "$OUT/lint.txt" || { echo "no event-loop/sync-io finding"; exit 1; }
(cd "$OUT/proj" && npx --offline --no-install nestlint --version > "$OUT/npx-version.txt")
grep -qx "nestlint $VERSION" "$OUT/npx-version.txt" || { echo "npx nestlint --version:"; cat "$OUT/npx-version.txt"; exit 1; }
took
echo "== dist: ok (${platforms[*]})"
