-- careerledger's language server (`careerledger lsp`, docs/lsp.md) in Neovim's
-- built-in client. In an autocmd for the `career` filetype:
--
--   require("careerledger").start({ init_options = { root = "career.career" } })
--
-- Options: cmd (default { "careerledger", "lsp" }), root_dir (default: the
-- nearest folder above the file with one of `markers`, else the file's own),
-- markers (default { "career.career", ".git" }), init_options (root, asOf,
-- debounce: docs/lsp.md), bufnr (default: the current buffer).
local M = {}

local started = {} -- root_dir -> client id, for Neovim 0.7, which has no vim.lsp.start

local function find_root(bufnr, markers)
  if vim.fs and vim.fs.root then -- Neovim 0.10
    return vim.fs.root(bufnr, markers)
  end
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h")
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return nil
    end
    dir = parent
  end
end

function M.start(opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  if bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local root_dir = opts.root_dir
    or find_root(bufnr, opts.markers or { "career.career", ".git" })
    or vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h")
  local config = {
    name = "careerledger",
    cmd = opts.cmd or { "careerledger", "lsp" },
    root_dir = root_dir,
    init_options = opts.init_options or vim.empty_dict(),
  }
  if vim.lsp.start then -- Neovim 0.8: one client per name and root, reused
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = started[root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    started[root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

return M
