"""The web app: WebSettings -> a Starlette app over the same store as the CLI (`tollbook serve`).

`tollbook.web.app.create_app(settings)` builds it; see docs/web.md for routes and security.
"""
