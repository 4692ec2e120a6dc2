"""Checks on where a register file lives: network shares break WAL's one-host assumption."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afpfs",
        "afs",
        "9p",
        "fuse.sshfs",
        "webdav",
        "davfs",
    }
)


def _linux_filesystem(path: Path, mounts: str = "/proc/mounts") -> str | None:
    try:
        lines = Path(mounts).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, fstype = "", None
    target = str(path.resolve())
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def _windows_is_remote(path: Path) -> bool:
    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True
    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    drive_remote = 4
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    return bool(windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)


def network_share_kind(path: Path) -> str | None:
    """The network filesystem holding `path` ('nfs', 'cifs', 'UNC path' …), or None when it is local."""
    folder = path if path.is_dir() else path.parent
    if sys.platform.startswith("win"):
        return "network drive" if _windows_is_remote(folder) else None
    if sys.platform.startswith("linux"):
        fstype = _linux_filesystem(folder)
        return fstype if fstype in NETWORK_FILESYSTEMS else None
    if sys.platform == "darwin":
        try:
            import subprocess

            out = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        target = str(folder.resolve())
        best, kind = "", None
        for line in out.splitlines():
            if " on " not in line or "(" not in line:
                continue
            mount_point = line.split(" on ", 1)[1].split(" (", 1)[0]
            fstype = line.rsplit("(", 1)[1].split(",")[0].strip(")")
            if target.startswith(mount_point) and len(mount_point) > len(best):
                best, kind = mount_point, fstype
        return kind if kind in NETWORK_FILESYSTEMS else None
    return None
