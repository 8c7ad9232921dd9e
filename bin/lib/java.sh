# Sourced by bin/switchboard and bin/bench, so that both run on the same JVM.
# pick_java [JAVA]: prints the java binary to run: JAVA when given, else Temurin 25 where the machine has it, else the
# default java. Temurin 25 is preferred for its AOT cache (bin/switchboard) and so that a benchmark measures what
# bin/switchboard runs.
pick_java() {
  local jdk25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  if [[ -n "${1:-}" ]]; then echo "$1"
  elif [[ -x "$jdk25" ]]; then echo "$jdk25"
  else command -v java; fi
}

# native_lib_opts APP_DIR DIR: prints the JVM option that loads RocksDB's JNI library (Kafka Streams' state stores)
# from DIR, after unpacking it there from APP_DIR's rocksdbjni jar when it is not there yet; prints nothing if it
# cannot. Without it, every start of presence-service and ticker-service inflated the 14 MB library from the jar into
# a temporary file again (about 0.2 s of each start).
native_lib_opts() {
  local app=$1 dir=$2 jar lib
  jar=$(ls "$app"/lib/main/org.rocksdb.rocksdbjni-*.jar 2>/dev/null | head -1 || true)
  case "$(uname -m)" in
    x86_64) lib=librocksdbjni-linux64.so ;;
    aarch64) lib=librocksdbjni-linux-aarch64.so ;;
    *) return 0 ;;
  esac
  [[ -n "$jar" ]] && command -v unzip >/dev/null || return 0
  if [[ ! -f "$dir/$lib" || "$jar" -nt "$dir/$lib" ]]; then
    mkdir -p "$dir" && unzip -o -q -j "$jar" "$lib" -d "$dir" 2>/dev/null && touch "$dir/$lib" || return 0
  fi
  echo "-Djava.library.path=$dir"
}
