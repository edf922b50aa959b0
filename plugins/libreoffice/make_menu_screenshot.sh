#!/usr/bin/env bash
# Picture the Mycélium menu of Calc, open, in French and in English, for
# docs/libreoffice.md.
#
# Usage: plugins/libreoffice/make_menu_screenshot.sh [OXT] [WORKBOOK] [OUTPUT_DIR]
#
# The menu needs a window, so this runs a LibreOffice with its graphical
# interface (Debian: libreoffice-calc, libreoffice-l10n-fr) on a virtual
# screen (xvfb), opens the menu with xdotool and takes the picture with
# ImageMagick. The headless libreoffice-calc-nogui that the tests use has no
# window to draw, and installing the graphical one replaces it, so these
# pictures were made in a separate Debian 12 root (debootstrap) with those
# packages. The extension is installed for all users when run as root,
# since unopkg rejects a per-user install as root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repository=$(cd "$here/../.." && pwd)
oxt=${1:-$(ls "$repository"/dist/mycelium-sheets-*.oxt | tail -n 1)}
workbook=${2:-$repository/examples/ferme-exemple.ods}
output=${3:-$repository/docs/images/libreoffice}
work=$(mktemp -d)
display=:57
xvfb_pid=""
office_pid=""

clean_up() {
    [ -n "$office_pid" ] && kill "$office_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap clean_up EXIT

if [ "$(id -u)" = 0 ]; then
    unopkg add --shared --force "$oxt" >/dev/null
else
    unopkg add --force -env:UserInstallation="file://$work/install-profile" "$oxt" >/dev/null
fi

take_picture() {
    local locale=$1 target=$2
    local profile=$work/profile-$locale
    mkdir -p "$profile/user"
    # The interface language, and no first-start dialog over the window.
    cat > "$profile/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>$locale</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
XCU
    if [ "$(id -u)" != 0 ]; then
        cp -r "$work/install-profile/." "$profile/"
    fi
    local copy=$work/ferme-$locale.ods
    cp "$workbook" "$copy"

    Xvfb "$display" -screen 0 1200x700x24 >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 2
    DISPLAY=$display soffice -env:UserInstallation="file://$profile" --norestore --nologo --calc "$copy" >/dev/null 2>&1 &
    office_pid=$!

    local window=""
    for _ in $(seq 1 60); do
        window=$(DISPLAY=$display xdotool search --name "ferme-$locale" 2>/dev/null | head -n 1 || true)
        [ -n "$window" ] && break
        sleep 1
    done
    if [ -z "$window" ]; then
        echo "LibreOffice opened no window for $locale" >&2
        exit 1
    fi
    sleep 4
    # A bare Xvfb has no window manager, so activating the window may fail;
    # the key below goes to the window itself.
    DISPLAY=$display xdotool windowactivate --sync "$window" 2>/dev/null || true
    DISPLAY=$display xdotool windowsize "$window" 1200 700 windowmove "$window" 0 0
    sleep 2
    # The menu title "~Mycélium" makes Alt+M its keyboard shortcut.
    DISPLAY=$display xdotool key --window "$window" alt+m
    sleep 2
    DISPLAY=$display import -window root -crop 760x300+0+0 +repage "$target"

    kill "$office_pid"; office_pid=""
    sleep 1
    kill "$xvfb_pid"; xvfb_pid=""
    sleep 1
}

mkdir -p "$output"
take_picture fr-FR "$output/menu-fr.png"
take_picture en-US "$output/menu-en.png"
echo "wrote $output/menu-fr.png and $output/menu-en.png"
