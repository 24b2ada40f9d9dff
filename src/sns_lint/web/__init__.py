"""``sns-lint serve``: a local web page that checks drafts as they are typed.

Starlette and uvicorn come with the optional extra ``sns-lint[web]`` and are
imported only by this package, which only the ``serve`` command imports.
"""
