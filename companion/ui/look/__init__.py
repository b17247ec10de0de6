"""How Companion looks: light, dark and high-contrast colours, and text sizes in points."""
