" Vim compiler file
" Compiler:    careerledger check (docs/errors.md, docs/checks.md)
" Maintainer:  careerledger developers
"
" :compiler careerledger, then :make, checks the current file and fills the
" quickfix list: one entry per problem, an error for each E… code and a warning
" for each W… code (`file:line:col: E203 message`), from `check --format
" concise`: one line a problem, never wrapped, whatever the width.
" g:careerledger_command names the command when `careerledger` is not on $PATH
" (a virtualenv's bin/careerledger, `pipx run careerledger`).

if exists('current_compiler')
  finish
endif
let current_compiler = 'careerledger'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape(get(g:, 'careerledger_command', 'careerledger') . ' check --format concise %', ' \|"')
" %t takes the E or W of the code as the type, %n its number.
CompilerSet errorformat=%f:%l:%c:\ %t%n\ %m,%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
