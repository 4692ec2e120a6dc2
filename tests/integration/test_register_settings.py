"""Register settings shared by every user of a register: company name, paper, fiscal year, logo."""

from __future__ import annotations

import pytest

from calmi_vendors.errors import ValidationError
from calmi_vendors.services.register_settings import LOGO_MAX_BYTES, load_logo, save_logo
from calmi_vendors.store.register import Register

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_the_logo_is_kept_in_the_register_and_can_be_removed(register: Register) -> None:
    assert load_logo(register.unit_of_work(readonly=True)) is None
    save_logo(register.unit_of_work(), PNG)
    assert load_logo(register.unit_of_work(readonly=True)) == PNG
    save_logo(register.unit_of_work(), None)
    assert load_logo(register.unit_of_work(readonly=True)) is None


@pytest.mark.parametrize(
    ("image", "message"),
    [(b"GIF89a" + b"\x00" * 10, "PNG or JPEG"), (PNG + b"\x00" * LOGO_MAX_BYTES, "larger than 1 MB")],
)
def test_a_logo_that_cannot_be_printed_is_refused_and_the_old_one_kept(
    register: Register, image: bytes, message: str
) -> None:
    save_logo(register.unit_of_work(), PNG)
    with pytest.raises(ValidationError, match=message):
        save_logo(register.unit_of_work(), image)
    assert load_logo(register.unit_of_work(readonly=True)) == PNG
