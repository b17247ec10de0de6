"""Benchmarks: idle footprint, start-up, click to calm, breathing, journal at scale."""
