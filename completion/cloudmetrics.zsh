#compdef cloudmetrics
# zsh completion for cloudmetrics: put it on $fpath as _cloudmetrics, or source it after compinit.
# Generated from the command definitions by the build (dev.cloudmetrics.cli.CompletionScripts): do not edit.

_cloudmetrics() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -s -S -C \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]' \
    '--debug[Full requests and responses on stderr, secrets redacted]' \
    '--sandbox[Run against the built-in emulator of both APIs with its demo credentials: no account, no network]' \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    ': :->command' \
    '*:: :->argument'
  case $state in
    command)
      local -a commands=(
        'rtc:Volcengine RTC: real-time operating data of RTC applications'
        'cdn:Kingsoft Cloud live CDN: statistics of live streams'
        'emulator:Local stand-ins of both APIs, for trying the tool and for tests'
        'configure:Save access keys and option defaults in a profile of the config file'
      )
      _describe -t commands 'cloudmetrics command' commands ;;
    argument)
      curcontext=${curcontext%:*:*}:cloudmetrics-$line[1]:
      case $line[1] in
        rtc) _cloudmetrics_rtc ;;
        cdn) _cloudmetrics_cdn ;;
        emulator) _cloudmetrics_emulator ;;
        configure) _cloudmetrics_configure ;;
      esac ;;
  esac
}

_cloudmetrics_rtc() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -s -S -C \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]' \
    '--debug[Full requests and responses on stderr, secrets redacted]' \
    '--sandbox[Run against the built-in emulator of both APIs with its demo credentials: no account, no network]' \
    ': :->command' \
    '*:: :->argument'
  case $state in
    command)
      local -a commands=(
        'list-realtime:Users and rooms online in RTC applications, in 30-second buckets'
      )
      _describe -t commands 'cloudmetrics command' commands ;;
    argument)
      curcontext=${curcontext%:*:*}:cloudmetrics-rtc-$line[1]:
      case $line[1] in
        list-realtime) _cloudmetrics_rtc_list_realtime ;;
      esac ;;
  esac
}

_cloudmetrics_rtc_list_realtime() {
  _arguments -s -S \
    '*--app-id=[RTC application id; repeat it or separate with commas for several apps; '\''all'\'' for every app of the account, listed by RTC ListApps (not combined with ids)]:app-id: ' \
    '*'{-i,--indicator=}'[Indicator(s), comma-separated or repeated (default online_user_count,online_room_count)]:indicator:_values -s , indicator online_user_count online_room_count' \
    '--start=[Start of the window: 2024-05-20T10:00, 2024-05-20 10:00:00+08:00, now-2h, -30m or epoch seconds]:start: ' \
    '--end=[End of the window (default now)]:end: ' \
    '--last=[The window is the last DURATION before --end or now (default 15m; the API keeps 60m): 30s, 15m, 1h]:last: ' \
    '--region=[cn-north-1 (default) or ap-singapore-1: picks the host and the signing region]:region:(cn-north-1 ap-singapore-1)' \
    '--endpoint=[Base URL instead of the region'\''s host, e.g. http://127.0.0.1:8080]:endpoint: ' \
    '--include-incomplete[Keep the last buckets of a window that ends within 20 s of now, whose values may still grow]' \
    '--watch[Keep going: after the window, print each bucket once when it is complete, polling every --interval; Ctrl-C ends it (exit 130)]' \
    '--interval=[Least time between polls of --watch, 30s (the default, the bucket size) to 30m; polls are timed just after a bucket completes]:interval: ' \
    '--serve=[Run as a Prometheus exporter on ADDR, HOST:PORT (or just the port after a colon for every interface; port 0 picks a free one): poll each bucket once it is final and answer /metrics from memory, until SIGTERM or Ctrl-C (exit 0)]:serve: ' \
    '--latency=[A bucket is final this long after it ends (default: the API'\''s documented data latency, RTC 20s, CDN 8m); at most 6h]:latency: ' \
    '--rate=[At most R requests per second, every request of the run counted, retries included (default 2, the API'\''s documented ceiling; decimals allowed)]:rate: ' \
    '--discover-every=[With --app-id all and --watch or --serve: list the apps again (ListApps) this often, 1m to 1d (default 10m); a new app appears from its next bucket, a deleted one stops]:discover-every: ' \
    '(-f --format)'{-f,--format=}'[table, csv, json, ndjson, prometheus, influx or chart (default: table on a terminal, csv otherwise)]:format:(table csv json ndjson prometheus influx chart)' \
    '(-o --output)'{-o,--output=}'[Write to FILE instead of stdout ('\''-'\'' is stdout); written whole or not at all]:file:_files' \
    '--no-header[Leave out the header line (CSV and table), e.g. for appending]' \
    '--color=[Colour in charts: auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb), always or never]:color:(auto always never)' \
    '--tz=[Zone for times without an offset and for printed times (default: the system zone)]:time zone:_time_zone' \
    '--dry-run[Print the signed request(s), secrets redacted, and send nothing]' \
    '--layout=[CSV and table: long (default: one row per point) or wide (one row per time, one column per series)]:layout:(long wide)' \
    '--time-format=[CSV and table: iso (default, with the offset), local (yyyy-MM-dd HH:mm:ss in --tz, which spreadsheets read as a date) or epoch (seconds)]:time-format:(iso local epoch)' \
    '--bom[CSV: start with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly]' \
    '--excel[CSV for Excel: a byte-order mark and CRLF line ends (default: LF, as shell tools expect)]' \
    '--timestamps[Prometheus: give each sample its bucket'\''s start in ms (node_exporter'\''s textfile collector refuses them)]' \
    '--retries=[Retries of a request that failed transiently, with exponential back-off (default 4, at most 10)]:retries: ' \
    '--timeout=[Longest one attempt may take, from sending to the last byte of the answer (default 30s, 1s to 10m)]:timeout: ' \
    '--sync=[Bring DEST up to date, for cron: PATH.csv, PATH.db (SQLite; also .sqlite, sqlite:PATH) or postgresql://USER@HOST:PORT/DB]:sync: ' \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]' \
    '--debug[Full requests and responses on stderr, secrets redacted]' \
    '--sandbox[Run against the built-in emulator of both APIs with its demo credentials: no account, no network]'
}

_cloudmetrics_cdn() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -s -S -C \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]' \
    '--debug[Full requests and responses on stderr, secrets redacted]' \
    '--sandbox[Run against the built-in emulator of both APIs with its demo credentials: no account, no network]' \
    ': :->command' \
    '*:: :->argument'
  case $state in
    command)
      local -a commands=(
        'online-users:Peak concurrent viewers of live streams, merged or per stream and region'
      )
      _describe -t commands 'cloudmetrics command' commands ;;
    argument)
      curcontext=${curcontext%:*:*}:cloudmetrics-cdn-$line[1]:
      case $line[1] in
        online-users) _cloudmetrics_cdn_online_users ;;
      esac ;;
  esac
}

_cloudmetrics_cdn_online_users() {
  _arguments -s -S \
    '*'{-s,--stream=}'[Pull URL of a live stream; repeat or separate with commas]:stream: ' \
    '--streams-file=[Read stream URLs from FILE, one a line (- for stdin); blank lines and # comments are ignored]:file:_files' \
    '*--regions=[Billing regions: CN, HK, AS, NA, SA, EU, AU, AF, TW (default CN)]:regions:_values -s , regions CN HK AS NA SA EU AU AF TW' \
    '--top=[Also query the N streams with the most viewers a few minutes ago, listed by KSYun GetLiveTopOnlineUserData (1-200; more with --domain-ids)]:top: ' \
    '--domain-ids=[With --top: one GetLiveTopOnlineUserData call per domain, for all live domains (listed by GetCdnDomains) or those named; up to 200 streams each]:domain-ids: ' \
    '--discover-every=[With --top and --watch or --serve: list the streams again this often, 1m to 1d (default 10m); each --sync run lists them afresh]:discover-every: ' \
    '(-g --granularity)'{-g,--granularity=}'[Bucket size: 1, 5, 10, 20, 60, 240, 480, 1440 minutes or 1m 5m 10m 20m 1h 4h 8h 1d (default 5)]:granularity:(1m 5m 10m 20m 1h 4h 8h 1d)' \
    '--per-stream[One series per stream and region (ResultType 1) instead of one merged series]' \
    '--result-type=[The API'\''s ResultType directly: 0 merged (default), 1 per stream (same as --per-stream)]:result-type: ' \
    '--start=[Start of the window: 2024-05-20T10:00, 2024-05-20 10:00:00+08:00, now-2h, -30m or epoch seconds]:start: ' \
    '--end=[End of the window (default now)]:end: ' \
    '--last=[The window is the last DURATION before --end or now (default 1h; the API keeps 62d): 30m, 2h, 7d, 1w, 1h30m]:last: ' \
    '--include-incomplete[Keep the buckets that ended within the last 8 minutes, whose values may still grow (CDN data arrives 3-8 minutes late)]' \
    '--signing-region=[Region of the signature'\''s credential scope (default cn-shanghai-1)]:signing-region: ' \
    '--endpoint=[Base URL instead of https://cdn.api.ksyun.com, e.g. http://127.0.0.1:8080]:endpoint: ' \
    '--watch[Keep going: after the window, print each bucket once when it is final (8 minutes after its end, or --latency), polling every --interval; Ctrl-C ends it (exit 130)]' \
    '--interval=[Least time between polls of --watch: the granularity (the default) to 1d; polls are timed just after a bucket turns final]:interval: ' \
    '--serve=[Run as a Prometheus exporter on ADDR, HOST:PORT (or just the port after a colon for every interface; port 0 picks a free one): poll each bucket once it is final and answer /metrics from memory, until SIGTERM or Ctrl-C (exit 0)]:serve: ' \
    '--latency=[A bucket is final this long after it ends (default: the API'\''s documented data latency, RTC 20s, CDN 8m); at most 6h]:latency: ' \
    '(-f --format)'{-f,--format=}'[table, csv, json, ndjson, prometheus, influx or chart (default: table on a terminal, csv otherwise)]:format:(table csv json ndjson prometheus influx chart)' \
    '(-o --output)'{-o,--output=}'[Write to FILE instead of stdout ('\''-'\'' is stdout); written whole or not at all]:file:_files' \
    '--no-header[Leave out the header line (CSV and table), e.g. for appending]' \
    '--color=[Colour in charts: auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb), always or never]:color:(auto always never)' \
    '--tz=[Zone for times without an offset and for printed times (default: the system zone)]:time zone:_time_zone' \
    '--dry-run[Print the signed request(s), secrets redacted, and send nothing]' \
    '--layout=[CSV and table: long (default: one row per point) or wide (one row per time, one column per series)]:layout:(long wide)' \
    '--time-format=[CSV and table: iso (default, with the offset), local (yyyy-MM-dd HH:mm:ss in --tz, which spreadsheets read as a date) or epoch (seconds)]:time-format:(iso local epoch)' \
    '--bom[CSV: start with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly]' \
    '--excel[CSV for Excel: a byte-order mark and CRLF line ends (default: LF, as shell tools expect)]' \
    '--timestamps[Prometheus: give each sample its bucket'\''s start in ms (node_exporter'\''s textfile collector refuses them)]' \
    '--retries=[Retries of a request that failed transiently, with exponential back-off (default 4, at most 10)]:retries: ' \
    '--timeout=[Longest one attempt may take, from sending to the last byte of the answer (default 30s, 1s to 10m)]:timeout: ' \
    '--sync=[Bring DEST up to date, for cron: PATH.csv, PATH.db (SQLite; also .sqlite, sqlite:PATH) or postgresql://USER@HOST:PORT/DB]:sync: ' \
    '--concurrency=[Requests in flight at once when the window takes several (default 4, at most 64)]:concurrency: ' \
    '--rate=[At most R requests per second, retries included (default 5; decimals allowed)]:rate: ' \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]' \
    '--debug[Full requests and responses on stderr, secrets redacted]' \
    '--sandbox[Run against the built-in emulator of both APIs with its demo credentials: no account, no network]'
}

_cloudmetrics_emulator() {
  _arguments -s -S \
    '--port=[Port on 127.0.0.1 (default 8080; 0 picks a free one)]:port: ' \
    '--rtc-rate=[Requests per second the RTC API allows per key before FlowLimitExceeded (default 2, 0 = off)]:rtc-rate: ' \
    '--xml-errors[Answer CDN errors in XML, as some KSYun gateways do]' \
    '--faults=[Fail some requests on purpose: throttling, 5xx, an HTML 502, resets, cut bodies, slow answers (syntax below)]:faults: ' \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]'
}

_cloudmetrics_configure() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -s -S -C \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]' \
    ': :->command' \
    '*:: :->argument'
  case $state in
    command)
      local -a commands=(
        'list:Show every effective setting and where it comes from'
      )
      _describe -t commands 'cloudmetrics command' commands ;;
    argument)
      curcontext=${curcontext%:*:*}:cloudmetrics-configure-$line[1]:
      case $line[1] in
        list) _cloudmetrics_configure_list ;;
      esac ;;
  esac
}

_cloudmetrics_configure_list() {
  _arguments -s -S \
    '(-h --help)'{-h,--help}'[Show this help message and exit]' \
    '(-V --version)'{-V,--version}'[Print version information and exit]' \
    '--profile=[Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else '\''default'\'')]:profile: ' \
    '--config=[Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config)]:file:_files' \
    '(-v --verbose)'{-v,--verbose}'[One line per request on stderr: method, action, status, duration, retries]'
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _cloudmetrics "$@"
else
  compdef _cloudmetrics cloudmetrics
fi
