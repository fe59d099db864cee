"""Neovim's built-in LSP client and `careerledger lsp`, end to end: Neovim,
headless, with editors/vim on its runtimepath, opens a ledger file whose
filetype autocmd starts the server through editors/vim/lua/careerledger.lua
(as editors/vim/README.md says to), waits for the diagnostics and writes them
out. Without nvim (Debian's `neovim`) this skips; with
CAREERLEDGER_EDITOR_TOOLS=required (as .ci/run sets it) it fails instead."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import COMMAND, ROOT

VIM = ROOT / "editors" / "vim"

INIT = """\
vim.opt.runtimepath:prepend(vim.fn.fnameescape(%(rtp)s))
vim.cmd("filetype plugin on")
vim.api.nvim_create_autocmd("FileType", {
  pattern = "career",
  callback = function(args)
    require("careerledger").start({
      bufnr = args.buf,
      cmd = { %(command)s, "lsp" },
      init_options = { root = "career.career", asOf = "2026-12-01" },
    })
  end,
})
vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local out = { filetype = vim.bo.filetype }
    local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
    out.waited = ok
    out.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(out.diagnostics, {
        code = d.code or lsp.code, lnum = d.lnum, col = d.col, severity = d.severity, source = d.source,
      })
    end
    out.roots = {}
    for _, client in pairs(vim.lsp.get_active_clients()) do
      table.insert(out.roots, { client.name, client.config.root_dir })
    end
    vim.fn.writefile({ vim.fn.json_encode(out) }, %(result)s)
    vim.cmd("qall!")
  end,
})
"""


def lua_string(value: object) -> str:
    return json.dumps(str(value))  # a JSON string is a Lua string for these paths


def test_neovim_shows_the_servers_diagnostics(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        message = "nvim is not installed; .ci/run installs it (apt-get install neovim)"
        if os.environ.get("CAREERLEDGER_EDITOR_TOOLS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    (tmp_path / "career.career").write_text('include "bets.career"\n2022-02-01 bet "Refunds"\n  size: small\n')
    part = tmp_path / "bets.career"
    # "Refunds" is the root's bet: only the second outcome names none (E401), then a typo (E104)
    part.write_text('2023-01-10 outcome "Refunds" success\n2023-02-01 outcome "Nothing" success\n'
                    '2023-03-01 rol "x"\n')
    result = tmp_path / "out.json"
    init = tmp_path / "init.lua"
    init.write_text(INIT % {"rtp": lua_string(VIM), "command": lua_string(COMMAND), "result": lua_string(result)})
    env = {k: v for k, v in os.environ.items() if k != "CAREERLEDGER_FILE"} | {
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    proc = subprocess.run([nvim, "--headless", "-n", "-i", "NONE", "-u", str(init), str(part)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.exists(), (proc.returncode, proc.stdout, proc.stderr)
    out = json.loads(result.read_text(encoding="utf-8"))
    assert out["filetype"] == "career"
    assert out["waited"], out
    assert out["roots"] == [["careerledger", str(tmp_path)]]  # found by its career.career
    found = sorted((d["code"], d["lnum"], d["col"], d["severity"], d["source"]) for d in out["diagnostics"])
    assert found == [("E104", 2, 11, 1, "careerledger"), ("E401", 1, 0, 1, "careerledger")]  # 1: Error
