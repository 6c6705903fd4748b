"""The register of information requests and objections, its public forms and its officers."""
