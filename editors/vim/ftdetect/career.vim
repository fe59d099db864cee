" careerledger ledgers: *.career files (docs/format.md)
autocmd BufRead,BufNewFile *.career setfiletype career
