"""Statements and stance: who said what, about whom, for or against."""

from dragoman.quotes.extractor import QuoteExtractor

__all__ = ["QuoteExtractor"]
