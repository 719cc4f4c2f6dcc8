# Sourced by the Java benchmarks that run against the test fixtures (verify.sh, private.sh):
# builds proxy-server with the test classes when the jar is missing or older than the sources,
# then sets CP to the shaded jar plus the three modules' test-classes directories.
# (maven-dependency-plugin is not in ~/.m2, so dependency:build-classpath cannot run offline.)
jar=proxy-server/target/modvault.jar
stale=""
for d in sumdb-verifier/target/test-classes proxy-core/target/test-classes proxy-server/target/test-classes; do
  [ -d "$d" ] || stale=1
done
if [ -z "$stale" ] && [ -f "$jar" ]; then
  [ -z "$(find pom.xml */pom.xml sumdb-verifier/src proxy-core/src proxy-server/src -newer "$jar" -print -quit)" ] || stale=1
else
  stale=1
fi
if [ -n "$stale" ]; then
  log "building proxy-server (and sumdb-verifier, proxy-core): mvn -o -pl proxy-server -am -DskipTests package"
  scripts/with-jdk mvn -B -q -o -pl proxy-server -am -DskipTests package
fi
CP="$jar:sumdb-verifier/target/test-classes:proxy-core/target/test-classes:proxy-server/target/test-classes"
