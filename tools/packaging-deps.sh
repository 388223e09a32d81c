#!/bin/sh
# Make sure the system tools that packaging needs are present; install them when we can.
#
#   tools/packaging-deps.sh [validate] [bundle]
#
#   validate  desktop-file-validate (desktop-file-utils), appstreamcli (appstream)
#   bundle    objdump (binutils): PyInstaller reads the shared libraries' dependencies with it
#
# As root on Debian/Ubuntu the missing packages are installed with apt-get (see
# tools/apt-install.sh); otherwise we stop with the exact command to run.
set -u
[ $# -eq 0 ] && set -- validate bundle

packages=""
need() {  # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    case " $packages " in *" $2 "*) ;; *) packages="$packages $2" ;; esac
}
for what in "$@"; do
    case "$what" in
        validate) need desktop-file-validate desktop-file-utils; need appstreamcli appstream ;;
        bundle) need objdump binutils ;;
        *) echo "packaging-deps: unknown check '$what' (validate, bundle)" >&2; exit 2 ;;
    esac
done
[ -z "$packages" ] && exit 0

case $0 in */*) tools=${0%/*} ;; *) tools=. ;; esac
. "$tools/apt-install.sh"
# $packages is a list of words on purpose.
# shellcheck disable=SC2086
install_or_explain packaging-deps "Packaging needs tools that this machine lacks." $packages
