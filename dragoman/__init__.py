"""dragoman: a sourced record of who did what to whom, who said what, and where sources disagree."""

__version__ = "0.1.0"
