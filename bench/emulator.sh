# Sourced by the bench scripts: start_emulator JAR DIR starts the emulator of JAR on a free port in
# the background, sets $emulator (its pid) and $endpoint, and exports its demo credentials.
start_emulator() {
  java -jar "$1" emulator --port 0 > "$2/banner" &
  emulator=$!
  for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$2/banner" 2>/dev/null && break; sleep 0.1; done
  endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$2/banner" | head -1)
  eval "$(sed -n 's/^ *export /export /p' "$2/banner")"
}
