"""PyInstaller hook for webrtcvad, replacing pyinstaller-hooks-contrib's.

The contrib hook copies the metadata of the ``webrtcvad`` distribution, but Brevity installs
the module from ``webrtcvad-wheels`` (prebuilt wheels, same import name), whose ``__init__``
asks importlib.metadata for *that* name: copy whichever distribution provides the module.
The compiled ``_webrtcvad`` extension is found by the import scanner (webrtcvad imports it).
"""

from importlib import metadata

from PyInstaller.utils.hooks import copy_metadata

datas = []
for _distribution in ("webrtcvad-wheels", "webrtcvad"):
    try:
        metadata.distribution(_distribution)
    except metadata.PackageNotFoundError:
        continue
    datas += copy_metadata(_distribution)
hiddenimports = ["_webrtcvad"]
