#!/usr/bin/env zsh -f
# What zsh offers when Tab is pressed after a command line: runs an interactive zsh on a
# pseudo-terminal (zsh/zpty), loads compinit and the completion script, types the line and a Tab,
# and prints every match compadd was given, one a line, as "match<TAB>description" (the
# description as the menu shows it, which may start with the match and "--").
#
#   zsh -f zsh-complete.zsh SCRIPT 'cloudmetrics cdn online-users --regions CN,'
script=$1 typed=$2
setup=$(mktemp)
trap 'rm -f $setup' EXIT
# The set-up is sourced from a file: typed into the terminal, a tab in it would complete.
cat > $setup <<EOF
PROMPT= RPROMPT=
unsetopt zle_bracketed_paste
autoload -Uz compinit && compinit -u -D
source ${(q)script}
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
# compadd hands its matches to this wrapper first: print them, then add them as usual.
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "\$@"; return; fi
  local -a __matches __descriptions
  local __d=\${@[(i)-d]}
  (( __d < \$# )) && __descriptions=("\${(@P)\${@[__d + 1]}}")
  builtin compadd -O __matches -D __descriptions "\$@"
  local __i
  for (( __i = 1; __i <= \$#__matches; __i++ )); do
    print -r -- "match:\$IPREFIX\$__matches[__i]"\$'\\t'"\${__descriptions[__i]-}"
  done
  builtin compadd "\$@"
}
__done() { print -r -- "end-of-""matches"; exit }
comppostfuncs=(__done)
print -r -- "set-""up done"
EOF
zmodload zsh/zpty
zpty shell zsh -f -i
zpty -w shell "source ${(q)setup}"
line=
while zpty -r shell line; do [[ $line == set-up\ done* ]] && break; done
zpty -n -w shell "$typed"$'\t'
while zpty -r shell line; do
  line=${line%$'\n'}
  line=${line%$'\r'}
  [[ $line == *end-of-matches* ]] && break
  # The first match shares its line with the echo of what was typed.
  [[ $line == *match:* ]] && print -r -- "${line#*match:}"
done
zpty -d shell
