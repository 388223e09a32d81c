#!/bin/sh
# Print the path of a working Python >= 3.12, or explain what to install and fail.
#
# Why not just `python3`? On machines with pyenv the global default may be 3.11
# while 3.12/3.13 are installed but inactive: the `python3.12` shim exists yet
# fails ("command not found"). So every candidate is *run*, never just looked up.
# Brevity needs 3.12+: on 3.11, PySide6 leaks references to None until the
# process aborts (see README, "Why Python 3.12").
set -u

works() {
    # A candidate works when it runs, is >= 3.12 and can create a venv.
    "$@" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 12) else 1)' \
        >/dev/null 2>&1
}

report() {
    # Print the absolute interpreter path for a working candidate command.
    "$@" -c 'import sys; print(sys.executable)'
}

if [ -n "${BREVITY_PYTHON:-}" ]; then
    if works "$BREVITY_PYTHON"; then report "$BREVITY_PYTHON"; exit 0; fi
    echo "BREVITY_PYTHON=$BREVITY_PYTHON is not a working Python >= 3.12 with venv." >&2
    exit 1
fi

for name in python3.13 python3.12 python3 python; do
    if command -v "$name" >/dev/null 2>&1 && works "$name"; then report "$name"; exit 0; fi
done

# pyenv: versions installed but not active (their shims refuse to run).
if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root 2>/dev/null)
    for dir in $(ls -d "$root"/versions/3.* 2>/dev/null | sort -t. -k2,2nr -k3,3nr); do
        if [ -x "$dir/bin/python3" ] && works "$dir/bin/python3"; then
            report "$dir/bin/python3"; exit 0
        fi
    done
fi

# Common install locations that may not be on PATH.
for cand in /usr/local/bin/python3.13 /usr/local/bin/python3.12 \
            /usr/bin/python3.13 /usr/bin/python3.12 \
            /opt/homebrew/bin/python3.13 /opt/homebrew/bin/python3.12; do
    if [ -x "$cand" ] && works "$cand"; then report "$cand"; exit 0; fi
done

cat >&2 <<'EOF'
Brevity needs Python 3.12 or newer (with the venv module), and none was found.
Tried: python3.13, python3.12, python3, python, pyenv's installed versions,
/usr/local/bin and /usr/bin.
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install python3.12 python3.12-venv
  Fedora:         sudo dnf install python3.12
  macOS:          brew install python@3.12
  pyenv:          pyenv install 3.12
or point BREVITY_PYTHON at one:  make run BREVITY_PYTHON=/path/to/python3.12
EOF
exit 1
