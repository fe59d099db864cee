"""`python -m careerledger.lsp [--root FILE] [--as-of DATE]`: the language
server on standard input/output, as `careerledger lsp`."""

from ..cli.lsp import lsp

lsp(prog_name="careerledger lsp")
