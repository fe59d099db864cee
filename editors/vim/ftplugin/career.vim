" Vim filetype plugin
" Language:    careerledger ledger (.career), docs/format.md
" Maintainer:  careerledger developers
"
" Comments are `; text`; metadata is indented by two spaces (the layout of
" `careerledger fmt`); `*` headings fold, one level per star (`** Acme` sits
" inside `* Roles`). Set g:career_folding = 0 before the file loads to keep
" your own folding. `:compiler careerledger` then `:make` checks the file.

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=;\ %s
setlocal comments=:;
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword+=-
setlocal suffixesadd=.career
let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth< softtabstop<'
      \ . ' iskeyword< suffixesadd<'

if get(g:, 'career_folding', 1)
  setlocal foldmethod=expr
  let &l:foldexpr = 'CareerLedgerFold(v:lnum)'
  let b:undo_ftplugin .= ' | setlocal foldmethod< foldexpr<'
endif

if !exists('*CareerLedgerFold')
  " A heading of N stars opens a fold of level N; every other line keeps the
  " level of the line above (0 before the first heading).
  function CareerLedgerFold(lnum) abort
    let l:stars = matchstr(getline(a:lnum), '^\*\+')
    return empty(l:stars) ? '=' : '>' . strlen(l:stars)
  endfunction
endif

let &cpo = s:cpo_save
unlet s:cpo_save
