"""Re-entrustment chains: a party's parent may itself be a re-entrustee, to any depth, but never a cycle."""

from __future__ import annotations

from collections.abc import Callable


def creates_cycle(
    party_id: int | None, new_parent_id: int | None, parent_of: Callable[[int], int | None]
) -> bool:
    """Would making `new_parent_id` the parent of `party_id` close a loop?

    `parent_of` looks up the current parent of any party (None at the top of a chain).
    A party not saved yet (`party_id` None) cannot be anyone's ancestor, so it never closes a loop.
    """
    if new_parent_id is None or party_id is None:
        return False
    seen: set[int] = set()
    current: int | None = new_parent_id
    while current is not None:
        if current == party_id:
            return True
        if current in seen:
            # The existing data already holds a loop; refuse to extend it.
            return True
        seen.add(current)
        current = parent_of(current)
    return False


def chain_depth(party_id: int, parent_of: Callable[[int], int | None], *, limit: int = 1000) -> int:
    """0 for a party entrusted directly by the company, 1 for its re-entrustee, and so on."""
    depth = 0
    current = parent_of(party_id)
    while current is not None and depth < limit:
        depth += 1
        current = parent_of(current)
    return depth
