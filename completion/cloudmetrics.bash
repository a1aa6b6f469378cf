# bash completion for cloudmetrics: source it, or put it in /etc/bash_completion.d/.
# Generated from the command definitions by the build (dev.cloudmetrics.cli.CompletionScripts): do not edit.

# The words offered for one value; a comma-separated list completes its last item.
_cloudmetrics_words() {
  local cur=$1 list= item
  shift
  [[ $cur == *,* ]] && list=${cur%,*},
  for item in "$@"; do
    [[ ,$list == *,$item,* ]] || COMPREPLY+=("$list$item")
  done
  COMPREPLY=($(compgen -W "${COMPREPLY[*]}" -- "$cur"))
}

# Time zones as the machine's tz database names them (Region/City, what --tz takes), and UTC.
_cloudmetrics_zones() {
  local zones
  zones=$(cd /usr/share/zoneinfo 2>/dev/null && find [A-Z]*/ -type f 2>/dev/null)
  COMPREPLY=($(compgen -W "UTC $zones" -- "$1"))
}

_cloudmetrics_files() {
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -f -- "$1"))
}

_complete_cloudmetrics() {
  local cur=${COMP_WORDS[COMP_CWORD]} option= word path= i=1 next
  COMPREPLY=()
  # The command the words before the cursor name; options' values are skipped.
  # bash splits --format=csv into three words ('=' breaks words): that is one option and its value.
  while ((i < COMP_CWORD)); do
    word=${COMP_WORDS[i]}
    next=${COMP_WORDS[i + 1]:-}
    if [[ $next == = ]]; then
      ((i += 3))
    elif _cloudmetrics_takes_value "$path" "$word"; then
      ((i += 2))
    else
      _cloudmetrics_is_command "$path" "$word" && path="${path:+$path }$word"
      ((i += 1))
    fi
  done
  # A value: after '--option=' (cur is '=' or the value after it) or after an option that takes one.
  if [[ $cur == = ]]; then
    option=${COMP_WORDS[COMP_CWORD - 1]} cur=
  elif ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == = ]]; then
    option=${COMP_WORDS[COMP_CWORD - 2]}
  elif ((COMP_CWORD >= 1 && i == COMP_CWORD + 1)); then
    option=${COMP_WORDS[COMP_CWORD - 1]}
  fi
  if [[ -n $option ]]; then
    _cloudmetrics_value "$path" "$option" "$cur"
    return 0
  fi
  _cloudmetrics_words_here "$path" "$cur"
}

# Whether OPTION of the command PATH takes a value.
_cloudmetrics_takes_value() {
  case "$1|$2" in
    "|--profile" | "|--config") return 0 ;;
    "rtc|--profile" | "rtc|--config") return 0 ;;
    "rtc list-realtime|--app-id" | "rtc list-realtime|-i" | "rtc list-realtime|--indicator" | "rtc list-realtime|--start" | "rtc list-realtime|--end" | "rtc list-realtime|--last" | "rtc list-realtime|--region" | "rtc list-realtime|--endpoint" | "rtc list-realtime|--interval" | "rtc list-realtime|--serve" | "rtc list-realtime|--latency" | "rtc list-realtime|--rate" | "rtc list-realtime|--discover-every" | "rtc list-realtime|-f" | "rtc list-realtime|--format" | "rtc list-realtime|-o" | "rtc list-realtime|--output" | "rtc list-realtime|--color" | "rtc list-realtime|--tz" | "rtc list-realtime|--layout" | "rtc list-realtime|--time-format" | "rtc list-realtime|--retries" | "rtc list-realtime|--timeout" | "rtc list-realtime|--sync" | "rtc list-realtime|--profile" | "rtc list-realtime|--config") return 0 ;;
    "cdn|--profile" | "cdn|--config") return 0 ;;
    "cdn online-users|-s" | "cdn online-users|--stream" | "cdn online-users|--streams-file" | "cdn online-users|--regions" | "cdn online-users|--top" | "cdn online-users|--domain-ids" | "cdn online-users|--discover-every" | "cdn online-users|-g" | "cdn online-users|--granularity" | "cdn online-users|--result-type" | "cdn online-users|--start" | "cdn online-users|--end" | "cdn online-users|--last" | "cdn online-users|--signing-region" | "cdn online-users|--endpoint" | "cdn online-users|--interval" | "cdn online-users|--serve" | "cdn online-users|--latency" | "cdn online-users|-f" | "cdn online-users|--format" | "cdn online-users|-o" | "cdn online-users|--output" | "cdn online-users|--color" | "cdn online-users|--tz" | "cdn online-users|--layout" | "cdn online-users|--time-format" | "cdn online-users|--retries" | "cdn online-users|--timeout" | "cdn online-users|--sync" | "cdn online-users|--concurrency" | "cdn online-users|--rate" | "cdn online-users|--profile" | "cdn online-users|--config") return 0 ;;
    "emulator|--port" | "emulator|--rtc-rate" | "emulator|--faults" | "emulator|--profile" | "emulator|--config") return 0 ;;
    "configure|--profile" | "configure|--config") return 0 ;;
    "configure list|--profile" | "configure list|--config") return 0 ;;
  esac
  return 1
}

# Whether WORD is a subcommand of the command PATH.
_cloudmetrics_is_command() {
  case "$1|$2" in
    "|rtc" | "|cdn" | "|emulator" | "|configure") return 0 ;;
    "rtc|list-realtime") return 0 ;;
    "cdn|online-users") return 0 ;;
    "configure|list") return 0 ;;
  esac
  return 1
}

# What the value of OPTION of the command PATH can be.
_cloudmetrics_value() {
  case "$1|$2" in
    "|--config") _cloudmetrics_files "$3" ;;
    "rtc|--config") _cloudmetrics_files "$3" ;;
    "rtc list-realtime|-i" | "rtc list-realtime|--indicator") _cloudmetrics_words "$3" online_user_count online_room_count ;;
    "rtc list-realtime|--region") _cloudmetrics_words "$3" cn-north-1 ap-singapore-1 ;;
    "rtc list-realtime|-f" | "rtc list-realtime|--format") _cloudmetrics_words "$3" table csv json ndjson prometheus influx chart ;;
    "rtc list-realtime|-o" | "rtc list-realtime|--output") _cloudmetrics_files "$3" ;;
    "rtc list-realtime|--color") _cloudmetrics_words "$3" auto always never ;;
    "rtc list-realtime|--tz") _cloudmetrics_zones "$3" ;;
    "rtc list-realtime|--layout") _cloudmetrics_words "$3" long wide ;;
    "rtc list-realtime|--time-format") _cloudmetrics_words "$3" iso local epoch ;;
    "rtc list-realtime|--config") _cloudmetrics_files "$3" ;;
    "cdn|--config") _cloudmetrics_files "$3" ;;
    "cdn online-users|--streams-file") _cloudmetrics_files "$3" ;;
    "cdn online-users|--regions") _cloudmetrics_words "$3" CN HK AS NA SA EU AU AF TW ;;
    "cdn online-users|-g" | "cdn online-users|--granularity") _cloudmetrics_words "$3" 1m 5m 10m 20m 1h 4h 8h 1d ;;
    "cdn online-users|-f" | "cdn online-users|--format") _cloudmetrics_words "$3" table csv json ndjson prometheus influx chart ;;
    "cdn online-users|-o" | "cdn online-users|--output") _cloudmetrics_files "$3" ;;
    "cdn online-users|--color") _cloudmetrics_words "$3" auto always never ;;
    "cdn online-users|--tz") _cloudmetrics_zones "$3" ;;
    "cdn online-users|--layout") _cloudmetrics_words "$3" long wide ;;
    "cdn online-users|--time-format") _cloudmetrics_words "$3" iso local epoch ;;
    "cdn online-users|--config") _cloudmetrics_files "$3" ;;
    "emulator|--config") _cloudmetrics_files "$3" ;;
    "configure|--config") _cloudmetrics_files "$3" ;;
    "configure list|--config") _cloudmetrics_files "$3" ;;
  esac
}

# Subcommands and options of the command PATH; a group offers its subcommands unless an option is begun.
_cloudmetrics_words_here() {
  local words
  case $1 in
    "")
      if [[ $2 == -* ]]; then words="--profile --config -v --verbose --debug --sandbox -h --help -V --version"; else words="rtc cdn emulator configure"; fi ;;
    "rtc")
      if [[ $2 == -* ]]; then words="-h --help -V --version --profile --config -v --verbose --debug --sandbox"; else words="list-realtime"; fi ;;
    "rtc list-realtime")
      words="--app-id -i --indicator --start --end --last --region --endpoint --include-incomplete --watch --interval --serve --latency --rate --discover-every -f --format -o --output --no-header --color --tz --dry-run --layout --time-format --bom --excel --timestamps --retries --timeout --sync -h --help -V --version --profile --config -v --verbose --debug --sandbox" ;;
    "cdn")
      if [[ $2 == -* ]]; then words="-h --help -V --version --profile --config -v --verbose --debug --sandbox"; else words="online-users"; fi ;;
    "cdn online-users")
      words="-s --stream --streams-file --regions --top --domain-ids --discover-every -g --granularity --per-stream --result-type --start --end --last --include-incomplete --signing-region --endpoint --watch --interval --serve --latency -f --format -o --output --no-header --color --tz --dry-run --layout --time-format --bom --excel --timestamps --retries --timeout --sync --concurrency --rate -h --help -V --version --profile --config -v --verbose --debug --sandbox" ;;
    "emulator")
      words="--port --rtc-rate --xml-errors --faults -h --help -V --version --profile --config -v --verbose" ;;
    "configure")
      if [[ $2 == -* ]]; then words="-h --help -V --version --profile --config -v --verbose"; else words="list"; fi ;;
    "configure list")
      words="-h --help -V --version --profile --config -v --verbose" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$2"))
}

complete -F _complete_cloudmetrics cloudmetrics
