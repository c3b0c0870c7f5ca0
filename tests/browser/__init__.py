"""Real-browser tests of the built example site (marker: browser)."""
