"""`medichain domain new NAME`: writes a working, installable domain package from templates."""
