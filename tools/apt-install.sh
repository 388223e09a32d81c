# Sourced by tools/system-deps.sh and tools/packaging-deps.sh (POSIX sh):
#
#   . tools/apt-install.sh
#   install_or_explain NAME "WHAT IS MISSING." PACKAGE...
#
# As root with apt-get (and BREVITY_NO_APT unset) the packages are installed: exit 0 when
# that worked, 1 when it failed. Otherwise "WHAT IS MISSING." and the sudo command to run go
# to stderr and the script exits 1. NAME prefixes the progress lines.
# BREVITY_NO_APT=1 never installs: it only says what to install (used by the tests).

install_or_explain() {
    _name=$1 _missing=$2
    shift 2
    _packages=" $*"
    if [ -z "${BREVITY_NO_APT:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "$_name: installing$_packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null \
            && apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
            && exit 0
        echo "$_name: apt-get failed; install these packages:$_packages" >&2
        exit 1
    fi
    cat >&2 <<EOF
$_missing Install them with:

    sudo apt-get install --no-install-recommends$_packages

(On other distributions, install the equivalents of:$_packages.) Then run the command again.
EOF
    exit 1
}
