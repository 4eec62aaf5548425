"""Answer monitoring (the seed's LLM performance monitor): a quality score per answer, alerts, the
`answer_log` table written in batches, and the `medichain report llm` figures."""
