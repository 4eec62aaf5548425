"""rooms by last activity (for the retention purge)

Revision ID: 5d2f0b7c91e4
Revises: 190aa9842a86
Create Date: 2026-11-25 15:30:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = "5d2f0b7c91e4"
down_revision: Union[str, Sequence[str], None] = "190aa9842a86"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Index chat rooms by last activity."""
    op.create_index("idx_room_updated", "chat_rooms", ["updated_at"], unique=False)


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("idx_room_updated", table_name="chat_rooms")
