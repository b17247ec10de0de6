"""The Insights window: hard calls, breaks, moods and callbacks over a week or four, drawn small."""
