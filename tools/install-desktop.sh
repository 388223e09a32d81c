#!/bin/sh
# Install Brevity's desktop entry, AppStream metainfo and hicolor icons.
#
#   tools/install-desktop.sh DATADIR [EXEC] [ICON_DIR]
#
#   DATADIR   e.g. ~/.local/share (make install-desktop: $(DESTDIR)$(PREFIX)/share)
#   EXEC      the command the entry starts: `brevity` (on PATH) by default, or an absolute
#             path such as .../dist/brevity/brevity for the desktop bundle
#   ICON_DIR  where tools/render_icons.py wrote hicolor/ (default build/icons)
#
# The menu and icon caches are refreshed only when installing for real (BREVITY_DESTDIR
# empty) and only if the tools exist; a staged install (DESTDIR) leaves them alone.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.brevity.Brevity
datadir=$1
exec_cmd=${2:-brevity}
icon_dir=${3:-$here/build/icons}

[ -d "$icon_dir/hicolor" ] || { echo "install-desktop: no icons in $icon_dir (run tools/render_icons.py)" >&2; exit 1; }

case "$exec_cmd" in
    *[\ \"\'\\\`\$]*) exec_line="\"$(printf '%s' "$exec_cmd" | sed 's/[\\"`$]/\\\\&/g')\"" ;;
    *) exec_line=$exec_cmd ;;
esac

mkdir -p "$datadir/applications" "$datadir/metainfo" "$datadir/icons"
sed "s|^Exec=.*|Exec=$exec_line|" "$here/packaging/$app_id.desktop" \
    > "$datadir/applications/$app_id.desktop"
chmod 644 "$datadir/applications/$app_id.desktop"
cp "$here/packaging/$app_id.metainfo.xml" "$datadir/metainfo/$app_id.metainfo.xml"
cp -R "$icon_dir/hicolor" "$datadir/icons/"
echo "install-desktop: $datadir/applications/$app_id.desktop (Exec=$exec_line), metainfo, icons"

if [ -z "${BREVITY_DESTDIR:-}" ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$datadir/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$datadir/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$datadir/icons/hicolor" || true
    fi
fi
