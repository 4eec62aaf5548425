"""The semantic cache's vector ring: nearest question above the threshold, oldest evicted first."""

import numpy as np

from medichain.answering.cache import _Bucket


def unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_nearest_question_above_the_threshold_only() -> None:
    bucket = _Bucket(dim=3, capacity=4)
    assert bucket.nearest(unit(1, 0, 0), 0.9) is None
    bucket.put("cold", unit(1, 0, 0))
    bucket.put("flu", unit(0, 1, 0))
    assert bucket.nearest(unit(0.99, 0.05, 0), 0.9) == "cold"
    assert bucket.nearest(unit(0, 0, 1), 0.9) is None


def test_the_oldest_question_makes_way_and_a_refresh_keeps_its_row() -> None:
    bucket = _Bucket(dim=3, capacity=2)
    bucket.put("a", unit(1, 0, 0))
    bucket.put("b", unit(0, 1, 0))
    bucket.put("b", unit(0, 1, 0.1))  # refreshed in place: "a" is still there
    assert bucket.nearest(unit(1, 0, 0), 0.99) == "a"
    bucket.put("c", unit(0, 0, 1))  # evicts "a", the oldest
    assert bucket.nearest(unit(1, 0, 0), 0.5) is None
    assert bucket.nearest(unit(0, 0, 1), 0.99) == "c"
    assert bucket.nearest(unit(0, 1, 0.1), 0.99) == "b"
