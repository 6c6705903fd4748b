"""One module (or package) per content type, named as its plugin, template folder and test file
are (docs/layout.md), with what their generators share in base.py."""
