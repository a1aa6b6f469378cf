# Sourced by the bench scripts: start_emulator JAR DIR starts the emulator of JAR on a free port,
# waits for its banner (in DIR), and leaves its pid in $emulator, its URL in $endpoint and its demo
# credentials exported. The caller's EXIT trap kills $emulator.
start_emulator() {
  local jar=$1 dir=$2
  java -jar "$jar" emulator --port 0 > "$dir/banner" &
  emulator=$!
  for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$dir/banner" 2>/dev/null && break; sleep 0.1; done
  endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/banner" | head -1)
  eval "$(sed -n 's/^ *export /export /p' "$dir/banner")"
}
