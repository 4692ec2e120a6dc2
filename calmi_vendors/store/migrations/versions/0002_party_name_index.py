"""index entrusted parties by name

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 11:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The register's first page reads parties in name order.
    op.create_index("ix_entrusted_party_name", "entrusted_party", ["name"])


def downgrade() -> None:
    op.drop_index("ix_entrusted_party_name", table_name="entrusted_party")
