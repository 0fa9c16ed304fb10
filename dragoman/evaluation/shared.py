"""Kept for imports written before ``dragoman.shared_data``, which training can use too."""

from dragoman.shared_data import REPO, shared_dir

__all__ = ["REPO", "shared_dir"]
