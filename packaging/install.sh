#!/bin/sh
# Installs ragtop into DESTDIR/PREFIX (make install, make dist). Usage:
#   packaging/install.sh BINARY DESTDIR PREFIX [MANPREFIX] [MANDATE]
# BINARY is the release build; PREFIX an absolute path (the tree can be moved afterwards:
# ragtop finds bin/../share/ragtop from its own path). MANPREFIX is the prefix the man page's
# FILES section names (empty: paths relative to the executable); MANDATE its date (YYYY-MM-DD).
# Everything is staged first, so a failure installs nothing. The files installed, and the
# directories created, are listed in PREFIX/share/ragtop/install-manifest.txt, which
# packaging/uninstall.sh reads to remove exactly those.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 BINARY DESTDIR PREFIX [MANPREFIX] [MANDATE]" >&2; exit 64; }
binary=$1 destdir=$2 prefix=$3 manprefix=${4-$3} mandate=${5-}
case $prefix in
  /*) ;;
  *) echo "install: PREFIX must be an absolute path, not '$prefix'" >&2; exit 64 ;;
esac
prefix=${prefix%/}
root=$destdir$prefix
src=$(cd "$(dirname "$0")/.." && pwd)
manifest=share/ragtop/install-manifest.txt
[ -x "$binary" ] || { echo "install: no executable at $binary (run make install, which builds it)" >&2; exit 66; }

stage=$(mktemp -d "${TMPDIR:-/tmp}/ragtop-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT INT TERM

# The tree, staged.
mkdir -p "$stage/bin" "$stage/share/ragtop/themes" "$stage/share/man/man1" \
  "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$binary" "$stage/bin/ragtop"
for dataset in kent-cype-2024-10 national; do
  mkdir -p "$stage/share/ragtop/$dataset"
  for f in "$src/Sources/ragtop/Resources/$dataset"/*; do
    [ -f "$f" ] && cp "$f" "$stage/share/ragtop/$dataset/"
  done
done
cp "$src"/themes/*.toml "$stage/share/ragtop/themes/"
if [ -n "$manprefix" ]; then set -- --prefix "$manprefix"; else set --; fi
[ -n "$mandate" ] && set -- "$@" --date "$mandate"
"$binary" manual "$@" >"$stage/share/man/man1/ragtop.1"
"$binary" --generate-completion-script bash >"$stage/share/bash-completion/completions/ragtop"
"$binary" --generate-completion-script zsh >"$stage/share/zsh/site-functions/_ragtop"
"$binary" --generate-completion-script fish >"$stage/share/fish/vendor_completions.d/ragtop.fish"

# Directories: those this install creates, plus those an earlier install created.
created=$(mktemp "${TMPDIR:-/tmp}/ragtop-dirs.XXXXXX")
trap 'rm -rf "$stage" "$created"' EXIT INT TERM
if [ -f "$root/$manifest" ]; then
  sed -n 's/^dir //p' "$root/$manifest" >>"$created"
fi
mkdir -p "$root"
(cd "$stage" && find . -mindepth 1 -type d | sed 's|^\./||' | sort) | while read -r dir; do
  if [ ! -d "$root/$dir" ]; then
    mkdir "$root/$dir"
    echo "$dir" >>"$created"
  fi
done

# Files, then the manifest.
files=$(cd "$stage" && find . -type f | sed 's|^\./||' | sort)
for f in $files; do
  case $f in
    bin/*) mode=755 ;;
    *) mode=644 ;;
  esac
  install -m "$mode" "$stage/$f" "$root/$f"
done
{
  echo "# ragtop $("$binary" --version | head -n 1): what make install put here (paths relative to the prefix)"
  for f in $files; do echo "file $f"; done
  sort -u "$created" | sed 's/^/dir /'
} >"$root/$manifest.tmp"
mv "$root/$manifest.tmp" "$root/$manifest"
chmod 644 "$root/$manifest"
echo "installed ragtop in $root ($(echo "$files" | wc -l) files; make uninstall PREFIX=$prefix${destdir:+ DESTDIR=$destdir} removes them)"
