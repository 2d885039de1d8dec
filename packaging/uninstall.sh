#!/bin/sh
# Removes what packaging/install.sh installed in DESTDIR/PREFIX, and nothing else: the files
# listed in PREFIX/share/ragtop/install-manifest.txt, then the directories that install created,
# when they are empty. Usage: packaging/uninstall.sh DESTDIR PREFIX
set -eu
[ $# -eq 2 ] || { echo "usage: $0 DESTDIR PREFIX" >&2; exit 64; }
destdir=$1 prefix=${2%/}
root=$destdir$prefix
manifest=share/ragtop/install-manifest.txt
if [ ! -f "$root/$manifest" ]; then
  echo "uninstall: ragtop is not installed in $root (no $manifest there); nothing was removed" >&2
  exit 66
fi
# Only plain relative paths inside the tree.
if grep -E '^(file|dir) ' "$root/$manifest" | grep -Eq '^(file|dir) (/|(.*/)?\.\.(/.*)?$)'; then
  echo "uninstall: $root/$manifest names a path outside $root; nothing was removed" >&2
  exit 65
fi
files=$(sed -n 's/^file //p' "$root/$manifest")
# Deepest first, so a folder is emptied before its parent is tried.
dirs=$(sed -n 's/^dir //p' "$root/$manifest" | awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2-)
removed=0
for f in $files; do
  if [ -f "$root/$f" ] || [ -L "$root/$f" ]; then
    rm -f "$root/$f"
    removed=$((removed + 1))
  fi
done
rm -f "$root/$manifest"
kept=""
for d in $dirs; do
  [ -d "$root/$d" ] || continue
  rmdir "$root/$d" 2>/dev/null || kept="$kept $d"
done
echo "removed ragtop from $root ($removed files)"
[ -z "$kept" ] || echo "kept, not empty:$kept"
