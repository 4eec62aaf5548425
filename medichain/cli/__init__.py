"""The `medichain` command line."""
