"""OS seams: paths, display, single instance, settings file, reduced motion, clock."""
