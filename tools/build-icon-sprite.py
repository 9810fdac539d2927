#!/usr/bin/env python3
"""Builds src/Ruche.Web/wwwroot/icons/sprite.svg from the Tabler icons npm package (MIT), keeping only the icons Ruche uses.

Usage: npm pack @tabler/icons@3.51.0 && tar xzf tabler-icons-3.51.0.tgz && python3 tools/build-icon-sprite.py package
The list of icons is ICONS below; add a name there (outline set), rerun, and commit the sprite.
"""
import pathlib, re, sys

ICONS = [
    "home", "building", "layout-grid", "target-arrow", "users", "calendar-event", "speakerphone", "scale",
    "bell", "settings", "user", "logout", "search", "shield-lock", "flag", "menu-2", "sun", "moon", "device-desktop",
    "plus", "x", "chevron-down", "chevron-right", "heart", "message-circle", "share", "check", "alert-triangle",
    "info-circle", "inbox", "photo", "dots", "trash", "pencil", "palette", "hash", "bulb", "lock",
    "folder", "file", "file-text", "file-zip", "file-spreadsheet", "file-type-pdf", "presentation", "download", "paperclip",
]

package = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "package")
root = pathlib.Path(__file__).resolve().parent.parent
out = root / "src/Ruche.Web/wwwroot/icons/sprite.svg"
symbols = []
for name in ICONS:
    svg = (package / "icons/outline" / f"{name}.svg").read_text()
    body = re.sub(r"^.*?<svg[^>]*>|</svg>\s*$", "", svg, flags=re.S)
    body = body.replace('<path stroke="none" d="M0 0h24v24H0z" fill="none" />', "")
    body = " ".join(line.strip() for line in body.splitlines() if line.strip())
    symbols.append(f'<symbol id="{name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{body}</symbol>')

out.write_text(
    '<svg xmlns="http://www.w3.org/2000/svg" fill="none" stroke="currentColor" stroke-width="2" '
    'stroke-linecap="round" stroke-linejoin="round">\n'
    "<!-- Tabler Icons 3.51.0, MIT licence (LICENSE.tabler-icons.txt beside this file); built by tools/build-icon-sprite.py -->\n"
    + "\n".join(symbols) + "\n</svg>\n")
print(f"{len(symbols)} icons, {out.stat().st_size} bytes -> {out}")
