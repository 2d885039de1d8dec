#!/bin/sh
# Installs what ragtop needs to build and test when it is missing: the ncurses headers
# (libncurses-dev, found through pkg-config as ncursesw) and tmux (for end-to-end tests).
# As root it uses apt-get; otherwise it prints the exact command to run and fails.
set -e
missing=""
if ! command -v pkg-config >/dev/null 2>&1; then missing="$missing pkg-config"; fi
if ! pkg-config --exists ncursesw 2>/dev/null; then missing="$missing libncurses-dev"; fi
if ! command -v tmux >/dev/null 2>&1; then missing="$missing tmux"; fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ragtop: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
else
  echo "ragtop: missing$missing. Install with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
