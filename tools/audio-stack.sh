#!/bin/sh
# A private PulseAudio sound server with a virtual microphone, for the end-to-end audio test.
#
#   eval "$(sh tools/audio-stack.sh start)"   # prints: export XDG_RUNTIME_DIR=... PULSE_SERVER=...
#   sh tools/audio-stack.sh stop               # uses the exported XDG_RUNTIME_DIR
#
# No sound card is needed: a null sink ("brevity_sink") swallows whatever is played into it and
# a virtual source ("brevity_mic", the default source) records its monitor, so
#     paplay --device=brevity_sink speech.wav
# is heard by every program that records from the default microphone (Qt lists brevity_mic as
# an audio input). Installs pulseaudio and pulseaudio-utils with apt-get when run as root on
# Debian/Ubuntu (about 93 MB; BREVITY_NO_APT=1 never installs). The daemon runs as the
# calling user, root included (PulseAudio warns that it is "not intended to be run as root"
# but works), in a fresh XDG_RUNTIME_DIR, without the user's default.pa, D-Bus or a cookie:
# the native socket accepts anonymous clients, because the tests give each client its own HOME.
set -u

say() { echo "audio-stack: $*" >&2; }

install_if_missing() {
    command -v pulseaudio >/dev/null 2>&1 && command -v pactl >/dev/null 2>&1 \
        && command -v paplay >/dev/null 2>&1 && return 0
    if [ -z "${BREVITY_NO_APT:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing pulseaudio pulseaudio-utils"
        export DEBIAN_FRONTEND=noninteractive
        { apt-get install -y -qq --no-install-recommends pulseaudio pulseaudio-utils >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null \
                 && apt-get install -y -qq --no-install-recommends pulseaudio pulseaudio-utils \
                    >/dev/null; }; } && return 0
        say "apt-get failed"
    fi
    say "needs PulseAudio: sudo apt-get install --no-install-recommends pulseaudio pulseaudio-utils"
    return 1
}

start() {
    install_if_missing || exit 1
    runtime=$(mktemp -d "${TMPDIR:-/tmp}/brevity-pulse.XXXXXX") || exit 1
    chmod 700 "$runtime"
    socket="$runtime/pulse/native"
    # -D returns once the daemon is ready to accept clients (no polling needed).
    if ! XDG_RUNTIME_DIR="$runtime" HOME="$runtime" pulseaudio -D -n \
            --exit-idle-time=-1 --disable-shm=yes --use-pid-file=yes \
            --log-target="file:$runtime/pulseaudio.log" \
            --load="module-native-protocol-unix auth-anonymous=1 socket=$socket" \
            --load="module-null-sink sink_name=brevity_sink rate=48000 channels=2" \
            --load="module-virtual-source source_name=brevity_mic master=brevity_sink.monitor" \
            2>>"$runtime/pulseaudio.log"; then
        say "pulseaudio did not start:"
        cat "$runtime/pulseaudio.log" >&2
        rm -rf "$runtime"
        exit 1
    fi
    pa() { XDG_RUNTIME_DIR="$runtime" PULSE_SERVER="unix:$socket" HOME="$runtime" pactl "$@"; }
    pa set-default-sink brevity_sink && pa set-default-source brevity_mic || {
        say "pactl could not configure the server"
        stop_at "$runtime"
        exit 1
    }
    say "PulseAudio $(pulseaudio --version | awk '{print $2}') running in $runtime" \
        "(sink brevity_sink, source brevity_mic)"
    echo "export XDG_RUNTIME_DIR='$runtime' PULSE_SERVER='unix:$socket'"
}

stop_at() {  # stop_at RUNTIME_DIR: end the daemon started there (by its own pid file)
    runtime=$1
    if [ -s "$runtime/pulse/pid" ]; then
        pid=$(cat "$runtime/pulse/pid")
        XDG_RUNTIME_DIR="$runtime" PULSE_SERVER="unix:$runtime/pulse/native" HOME="$runtime" \
            pactl exit 2>/dev/null || kill "$pid" 2>/dev/null
        # Wait (at most 5 s) for it to go, so that the folder can be removed.
        tries=50
        while kill -0 "$pid" 2>/dev/null && [ $tries -gt 0 ]; do
            sleep 0.1
            tries=$((tries - 1))
        done
    fi
    case "$runtime" in */brevity-pulse.*) rm -rf "$runtime" ;; esac
}

case "${1:-}" in
    start) start ;;
    stop)
        [ -n "${XDG_RUNTIME_DIR:-}" ] || { say "stop: XDG_RUNTIME_DIR is not set"; exit 2; }
        stop_at "$XDG_RUNTIME_DIR" ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
