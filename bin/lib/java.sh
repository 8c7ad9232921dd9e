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

# java_major JAVA: the feature version of JAVA (17, 25, ...).
java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${v%%.*}"
}

# class_cache_kind JAVA: which class cache JAVA can train and start from: aot (JDK 25+, the AOT cache: classes
# loaded and linked, and method profiles), else cds (an AppCDS archive of the loaded classes).
class_cache_kind() {
  if [[ "$(java_major "$1")" -ge 25 ]]; then echo aot; else echo cds; fi
}

# class_cache_opts KIND BASE JAR: the JVM option that starts JAR from its class cache (BASE.aot or BASE.jsa, per
# KIND), or, when there is none newer than JAR, the one that makes this run a training run, which writes the cache as
# the JVM exits. The services' aot-jar packaging puts every class on the JVM's class path, where a cache can hold it.
class_cache_opts() {
  local kind=$1 base=$2 jar=$3 file use train
  case "$kind" in
    aot) file=$base.aot use=-XX:AOTCache train=-XX:AOTCacheOutput ;;
    cds) file=$base.jsa use=-XX:SharedArchiveFile train=-XX:ArchiveClassesAtExit ;;
    *) return 0 ;;
  esac
  if [[ -f "$file" && "$file" -nt "$jar" ]]; then
    echo "$use=$file"
  else
    rm -f "$file"
    echo "$train=$file"
  fi
}
