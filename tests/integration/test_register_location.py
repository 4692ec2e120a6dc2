"""Where the register lives: network shares are named, and the first use of a day leaves a backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.backup import daily_backup
from calmi_vendors.store.location_checks import _linux_filesystem, network_share_kind


def test_the_mount_holding_a_path_decides_its_filesystem(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/vda / ext4 rw 0 0\n"
        "fileserver:/export /mnt/share nfs4 rw 0 0\n"
        "//nas/office /mnt/share/office\\040docs cifs rw 0 0\n",
        encoding="utf-8",
    )
    assert _linux_filesystem(Path("/mnt/share/registers"), str(mounts)) == "nfs4"
    assert _linux_filesystem(Path("/mnt/share/office docs/x"), str(mounts)) == "cifs"
    assert _linux_filesystem(Path("/home/user"), str(mounts)) == "ext4"
    assert _linux_filesystem(Path("/mnt/shared"), str(mounts)) == "ext4"


def test_a_local_register_carries_no_warning(tmp_path: Path) -> None:
    register = open_for_use(str(tmp_path / "r.sqlite3"))
    try:
        assert network_share_kind(tmp_path) is None
        assert register.warnings == []
    finally:
        register.close()


def test_the_first_open_of_a_day_backs_up_once(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    open_for_use(str(path)).close()
    for _ in range(3):
        open_for_use(str(path), daily_backup=True).close()
    backups = sorted((tmp_path / "backups").glob("register-*-daily.sqlite3"))
    assert len(backups) == 1
    tomorrow = datetime(2099, 1, 2)
    assert daily_backup(path, tmp_path / "backups", keep=10, today=tomorrow) is not None
