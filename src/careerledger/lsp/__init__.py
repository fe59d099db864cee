"""`careerledger lsp`: a Language Server Protocol server for `.career` files.

It needs the optional extra (`pip install 'careerledger[lsp]'`: pygls and
lsprotocol); the CLI imports it only when `careerledger lsp` runs.
analysis.py is the ledger side (loading with the editor's unsaved text,
completion, hover, definitions, the outline), with no LSP types; server.py
wires it to pygls.
"""
