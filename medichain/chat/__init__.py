"""The chat turn pipeline and its channels: REST, WebSocket, SSE, the seed's routes, the CLI."""
