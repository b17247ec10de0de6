"""The domain in plain Python: no Qt, no SQL, no clocks read inside."""
