#!/bin/sh
# Make sure the system libraries Qt needs are present; install them when we can.
#
#   tools/system-deps.sh PYTHON [offscreen|desktop]
#
# The PySide6 wheels bundle Qt itself but link against system libraries (EGL/GL,
# xkbcommon, fontconfig, dbus, glib, libpulse for audio, and xcb for a real window) that a
# minimal Debian/Ubuntu machine lacks. We ask the dynamic linker (ldd) what is missing,
# map each library to its Debian package, and run apt-get when we are root.
# Otherwise we stop with the exact command to run.
set -u
python=$1
mode=${2:-offscreen}

qt_dir=$("$python" -c 'import os, PySide6; print(os.path.dirname(PySide6.__file__))' 2>/dev/null) || {
    echo "system-deps: PySide6 is not installed in $python" >&2
    exit 1
}

# QtNetwork (the single-instance guard), QtMultimedia and its FFmpeg plugin (recording and
# replay: libpulse, libdrm, libXrandr, ...) count too: without them a take has no audio.
targets="$qt_dir/Qt/lib/libQt6Widgets.so.6 $qt_dir/Qt/lib/libQt6Svg.so.6
$qt_dir/Qt/plugins/platforms/libqoffscreen.so $qt_dir/Qt/plugins/imageformats/libqsvg.so
$qt_dir/Qt/lib/libQt6Network.so.6 $qt_dir/Qt/lib/libQt6Multimedia.so.6
$(ls "$qt_dir"/Qt/plugins/multimedia/*.so 2>/dev/null)"
# A desktop set-up gets the xcb platform plugin's libraries whether or not a display is there
# now: `make install` over ssh or in a container, then a start on the desktop, must just work.
xcb_plugin=$qt_dir/Qt/plugins/platforms/libqxcb.so
if [ "$mode" = desktop ]; then
    targets="$targets $xcb_plugin"
fi

missing_libs=""
for lib in $targets; do
    [ -e "$lib" ] || continue
    missing_libs="$missing_libs $(LD_LIBRARY_PATH="$qt_dir/Qt/lib" ldd "$lib" 2>/dev/null \
        | awk '/not found/ {print $1}')"
done

# Qt before 6.5 loads libxcb-cursor with dlopen, where ldd cannot see that it is missing
# (newer ones link it, and ldd has named it above if it is missing).
if [ "$mode" = desktop ] && [ -e "$xcb_plugin" ] && ! LD_LIBRARY_PATH="$qt_dir/Qt/lib" \
        ldd "$xcb_plugin" 2>/dev/null | grep -q 'libxcb-cursor\.so'; then
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)  # often not on a user's PATH
    if ! "$ldconfig" -p 2>/dev/null | grep -q 'libxcb-cursor\.so\.0'; then
        missing_libs="$missing_libs libxcb-cursor.so.0"
    fi
fi

package_for() {
    case "$1" in
        libEGL.so.*) echo libegl1 ;;
        libGL.so.*) echo libgl1 ;;
        libOpenGL.so.*) echo libopengl0 ;;
        libGLX.so.*) echo libglx0 ;;
        libxkbcommon-x11.so.*) echo libxkbcommon-x11-0 ;;
        libxkbcommon.so.*) echo libxkbcommon0 ;;
        libfontconfig.so.*) echo libfontconfig1 ;;
        libfreetype.so.*) echo libfreetype6 ;;
        libdbus-1.so.*) echo libdbus-1-3 ;;
        libglib-2.0.so.* | libgthread-2.0.so.* | libgobject-2.0.so.*) echo libglib2.0-0 ;;
        libX11-xcb.so.*) echo libx11-xcb1 ;;
        libX11.so.*) echo libx11-6 ;;
        libXau.so.*) echo libxau6 ;;
        libXdmcp.so.*) echo libxdmcp6 ;;
        libxcb.so.*) echo libxcb1 ;;
        libxcb-*.so.*)
            name=${1#lib}; name=${name%%.so*}
            case "$name" in
                xcb-util) echo libxcb-util1 ;;
                xcb-cursor) echo libxcb-cursor0 ;;
                *) ver=${1##*.so.}; echo "lib$name$ver" ;;
            esac ;;
        libSM.so.*) echo libsm6 ;;
        libICE.so.*) echo libice6 ;;
        libXrender.so.*) echo libxrender1 ;;
        libXext.so.*) echo libxext6 ;;
        libwayland-client.so.*) echo libwayland-client0 ;;
        libwayland-cursor.so.*) echo libwayland-cursor0 ;;
        libwayland-egl.so.*) echo libwayland-egl1 ;;
        libpulse.so.* | libpulse-simple.so.*) echo libpulse0 ;;
        libXrandr.so.*) echo libxrandr2 ;;
        libdrm.so.*) echo libdrm2 ;;
        libbrotlidec.so.* | libbrotlicommon.so.*) echo libbrotli1 ;;
        libgssapi_krb5.so.*) echo libgssapi-krb5-2 ;;
        libzstd.so.*) echo libzstd1 ;;
        libz.so.*) echo zlib1g ;;
        libbz2.so.*) echo libbz2-1.0 ;;
        libasound.so.*) echo libasound2 ;;
        *) echo "?$1" ;;
    esac
}

packages=""
unknown=""
for lib in $missing_libs; do
    pkg=$(package_for "$lib")
    case "$pkg" in
        \?*) unknown="$unknown ${pkg#?}" ;;
        *) case " $packages " in *" $pkg "*) ;; *) packages="$packages $pkg" ;; esac ;;
    esac
done

# Qt needs at least one font; without one every label is empty and Qt warns.
if ! (command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]); then
    packages="$packages fontconfig fonts-dejavu-core"
fi

if [ -n "$unknown" ]; then
    echo "system-deps: Qt cannot find these libraries and I don't know their package:$unknown" >&2
fi
[ -z "$packages" ] && [ -z "$unknown" ] && exit 0
[ -z "$packages" ] && exit 1

case $0 in */*) tools=${0%/*} ;; *) tools=. ;; esac
. "$tools/apt-install.sh"
# $packages is a list of words on purpose.
# shellcheck disable=SC2086
install_or_explain system-deps "Qt needs some system libraries that this machine lacks." $packages
