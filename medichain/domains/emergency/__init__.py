"""The emergency domain: red flags, 119 guidance, first aid, nearest emergency rooms."""
