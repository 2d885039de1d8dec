#!/bin/sh
# Installs what ragtop needs to build and test when it is missing: the ncurses headers
# (libncurses-dev, found through pkg-config as ncursesw) and tmux (for end-to-end tests); and,
# when it can, what the install tests use where present: man-db and groff (the man page),
# bash-completion, zsh and fish (the completion scripts). As root it uses apt-get; otherwise
# it prints the exact command to run, and fails only when something required is missing.
set -e
missing=""
optional=""
if ! command -v pkg-config >/dev/null 2>&1; then missing="$missing pkg-config"; fi
if ! pkg-config --exists ncursesw 2>/dev/null; then missing="$missing libncurses-dev"; fi
if ! command -v tmux >/dev/null 2>&1; then missing="$missing tmux"; fi
if ! command -v groff >/dev/null 2>&1; then optional="$optional groff-base"; fi
if ! command -v man >/dev/null 2>&1; then optional="$optional man-db"; fi
if ! command -v zsh >/dev/null 2>&1; then optional="$optional zsh"; fi
if ! command -v fish >/dev/null 2>&1; then optional="$optional fish"; fi
if [ ! -f /usr/share/bash-completion/bash_completion ]; then optional="$optional bash-completion"; fi
[ -z "$missing$optional" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ragtop: installing$missing$optional"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing $optional >/dev/null; then exit 0; fi
  # The optional packages must not stop a build: try the required ones alone.
  [ -z "$missing" ] && { echo "ragtop: could not install$optional; the tests that need them are skipped" >&2; exit 0; }
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
elif [ -n "$missing" ]; then
  echo "ragtop: missing$missing. Install with:" >&2
  echo "  sudo apt-get install -y$missing$optional" >&2
  exit 1
else
  echo "ragtop: optional for the tests:$optional (sudo apt-get install -y$optional); the tests that need them are skipped" >&2
fi
