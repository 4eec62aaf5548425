"""Conversations: chat rooms, messages, consultation history and feedback, on the user's shard."""
