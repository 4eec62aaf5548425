"""Medical domains: the template every domain implements, the registry, and the bundled domains."""
