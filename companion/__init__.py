"""Companion: a break-and-recovery companion for support agents."""

__version__ = "0.1.0"
