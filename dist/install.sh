#!/bin/sh
# Installs the alloytop bundle this script sits in (or a given tarball).
#
#   ./install.sh                      as root: /opt/alloytop, /usr/local/bin/alloytop,
#                                     man page and completions under /usr/local/share
#                                     otherwise: ~/.local/opt/alloytop, ~/.local/bin/alloytop,
#                                     man page and completions under ~/.local/share
#   ./install.sh alloytop-*.tar.gz    install from a tarball instead of this directory
#   ./install.sh --prefix DIR --bin-dir DIR --share-dir DIR   choose the places
#   ./install.sh --uninstall          remove what an earlier install put there
#
# Everything outside the prefix is a symlink into it, listed in PREFIX/.installed, so uninstall
# removes exactly what install made. Re-running install upgrades in place.
set -eu

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "install.sh: $*" >&2; exit 1; }

if [ "$(id -u)" = 0 ]; then
  prefix=/opt/alloytop bin_dir=/usr/local/bin share_dir=/usr/local/share
else
  prefix=$HOME/.local/opt/alloytop bin_dir=$HOME/.local/bin share_dir=${XDG_DATA_HOME:-$HOME/.local/share}
fi
uninstall=false
source=

while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift ;;
    --bin-dir) bin_dir=$2; shift ;;
    --share-dir) share_dir=$2; shift ;;
    --uninstall) uninstall=true ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (try --help)" ;;
    *) source=$1 ;;
  esac
  shift
done

case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac

remove_installed() {
  if [ -f "$prefix/.installed" ]; then
    while IFS= read -r f; do
      # only our own symlinks: never delete a file someone else put in a shared directory
      if [ -L "$f" ]; then
        case $(readlink "$f") in "$prefix"/*) rm -f "$f" ;; esac
      fi
    done < "$prefix/.installed"
  fi
}

if $uninstall; then
  [ -e "$prefix" ] || die "nothing installed at $prefix"
  [ -x "$prefix/bin/alloytop" ] || die "$prefix does not look like an alloytop installation; not removing it"
  remove_installed
  rm -rf "$prefix"
  echo "alloytop removed from $prefix"
  exit 0
fi

work=
cleanup() { if [ -n "$work" ]; then rm -rf "$work"; fi; }
trap cleanup EXIT INT TERM

if [ -n "$source" ]; then
  [ -f "$source" ] || die "$source: no such file"
  work=$(mktemp -d)
  tar -C "$work" -xzf "$source"
  bundle=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
else
  bundle=$(cd "$(dirname "$0")" && pwd -P)
fi
[ -x "$bundle/bin/alloytop" ] && [ -x "$bundle/runtime/bin/java" ] \
  || die "$bundle is not an unpacked alloytop bundle (no bin/alloytop or runtime/)"

# Copy next to the destination, then swap, so a failed copy never leaves half an installation.
parent=$(dirname "$prefix")
mkdir -p "$parent" "$bin_dir"
staging="$prefix.new.$$"
rm -rf "$staging"
# -p keeps timestamps: the class-data archive checks them on the files it was made from
cp -pR "$bundle" "$staging"
chmod -R a+rX "$staging"
if [ -e "$prefix" ]; then
  [ -x "$prefix/bin/alloytop" ] || die "$prefix exists and is not an alloytop installation"
  remove_installed
  mv "$prefix" "$prefix.old.$$"
  mv "$staging" "$prefix"
  rm -rf "$prefix.old.$$"
else
  mv "$staging" "$prefix"
fi

# Re-make the class-data archive with alloytop's own classes, now that its path is final (JDK 17
# archives only match the exact class path they were made with). Best effort: without it the
# shipped JDK-only archive stays, which is merely slower.
if [ -f "$prefix/lib/alloytop.classlist" ]; then
  if "$prefix/runtime/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:dump \
       -XX:SharedClassListFile="$prefix/lib/alloytop.classlist" \
       -XX:SharedArchiveFile="$prefix/lib/alloytop.jsa.new" \
       -cp "$prefix/lib/alloytop.jar" >/dev/null 2>&1; then
    mv "$prefix/lib/alloytop.jsa.new" "$prefix/lib/alloytop.jsa"
  else
    rm -f "$prefix/lib/alloytop.jsa.new"
    echo "install.sh: note: could not make the class-data archive; alloytop will start a little slower" >&2
  fi
fi

: > "$prefix/.installed"
link() { # link TARGET LINKNAME
  mkdir -p "$(dirname "$2")"
  if [ -e "$2" ] && [ ! -L "$2" ]; then
    echo "install.sh: note: $2 exists and is not a symlink; leaving it alone" >&2
    return 0
  fi
  ln -sfn "$1" "$2"
  echo "$2" >> "$prefix/.installed"
}
link "$prefix/bin/alloytop" "$bin_dir/alloytop"
link "$prefix/share/man/man1/alloytop.1.gz" "$share_dir/man/man1/alloytop.1.gz"
link "$prefix/share/bash-completion/completions/alloytop" "$share_dir/bash-completion/completions/alloytop"
link "$prefix/share/zsh/site-functions/_alloytop" "$share_dir/zsh/site-functions/_alloytop"

echo "alloytop installed in $prefix; command: $bin_dir/alloytop"
"$bin_dir/alloytop" --version || die "the installed alloytop does not start"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "note: add $bin_dir to PATH" ;; esac
if [ "$(id -u)" != 0 ]; then
  echo "zsh: add 'fpath=($share_dir/zsh/site-functions \$fpath)' before compinit in ~/.zshrc for completion"
fi
exit 0
