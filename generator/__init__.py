"""A static-site generator for a bilingual digest of Hindi defence-diplomacy news."""

__version__ = "0.1.0"
