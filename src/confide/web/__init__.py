"""The shared web layer: base layout, security middleware, error pages, dashboard."""
