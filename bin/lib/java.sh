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
