"""Server process settings: the open-file limit raised to the hard limit, glibc's arenas capped."""

import resource

from medichain.core.process import limit_malloc_arenas, raise_file_limit


def test_open_file_limit_reaches_the_hard_limit() -> None:
    assert raise_file_limit() == resource.getrlimit(resource.RLIMIT_NOFILE)[1]


def test_malloc_arenas_capped_on_glibc() -> None:
    assert limit_malloc_arenas() is True  # Debian's glibc accepts M_ARENA_MAX
