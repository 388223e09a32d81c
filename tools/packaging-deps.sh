#!/bin/sh
# Make sure the system tools that packaging needs are present; install them when we can.
#
#   tools/packaging-deps.sh [validate] [bundle]
#
#   validate  desktop-file-validate (desktop-file-utils), appstreamcli (appstream)
#   bundle    objdump (binutils): PyInstaller reads the shared libraries' dependencies with it
#
# As root on Debian/Ubuntu the missing packages are installed with apt-get (like
# tools/system-deps.sh); otherwise we stop with the exact command to run.
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

if [ -z "${BREVITY_NO_APT:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "packaging-deps: installing$packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $packages >/dev/null \
        && exit 0
    echo "packaging-deps: apt-get failed; install these packages:$packages" >&2
    exit 1
fi

cat >&2 <<EOT
Packaging needs tools that this machine lacks. Install them with:

    sudo apt-get install --no-install-recommends$packages

(On other distributions, install the equivalents of:$packages.) Then run the command again.
EOT
exit 1
