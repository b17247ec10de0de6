"""The tray icon, its fallback window, and bringing windows forward."""
