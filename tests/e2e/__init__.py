"""End-to-end tests: the real app on a real X desktop (Xvfb + trayer), driven from outside."""
